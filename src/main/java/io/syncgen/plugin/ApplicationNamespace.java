package io.syncgen.plugin;

import io.syncgen.descriptor.Format;
import io.syncgen.diagnostic.Diagnostic;
import io.syncgen.diagnostic.Location;
import java.util.List;

/**
 * {@code ARGOCD_APP_NAMESPACE}, the Application's destination namespace. It becomes every object's
 * namespace and part of the health check's URL, so anything but a namespace name (an RFC 1123
 * label, as Kubernetes requires of namespaces) is refused, naming the variable.
 */
final class ApplicationNamespace {
  private static final String VARIABLE = "ARGOCD_APP_NAMESPACE";

  private ApplicationNamespace() {}

  /**
   * Checks the variable's value.
   *
   * @param value the value, stripped, or null when unset or blank
   * @param problems receives the problem with it, if any
   * @return {@code value}
   */
  static String read(String value, List<Diagnostic> problems) {
    if (value != null) {
      Format.DNS_LABEL
          .problem(value)
          .ifPresent(
              p ->
                  problems.add(
                      Diagnostic.error(
                          Location.ofFile(VARIABLE),
                          "must be the Application's destination namespace, a Kubernetes"
                              + " namespace name: it "
                              + p
                              + " (got "
                              + shown(value)
                              + ")")));
    }
    return value;
  }

  /** A value for a message: quoted, cut after 64 characters with the length said. */
  private static String shown(String value) {
    return value.length() <= 64
        ? "\"" + value + "\""
        : "\"" + value.substring(0, 64) + "...\", " + value.length() + " characters";
  }
}
