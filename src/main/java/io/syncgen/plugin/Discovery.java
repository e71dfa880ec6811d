package io.syncgen.plugin;

import io.syncgen.descriptor.AppDescriptor;
import io.syncgen.diagnostic.Diagnostic;
import io.syncgen.diagnostic.DiagnosticException;
import io.syncgen.diagnostic.Location;
import io.syncgen.validate.Manifest;
import io.syncgen.validate.ManifestReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Finds the app descriptor of an Argo CD source directory: a {@code *.yaml} or {@code *.yml} file
 * at its top level whose document has {@code apiVersion: syncgen/v1} and {@code kind: App}. Any
 * other YAML, an {@code app.yaml} of another tool included, does not count.
 */
public final class Discovery {
  private Discovery() {}

  /**
   * The descriptors in a directory, sorted by file name.
   *
   * @param dir the directory
   * @return their paths; empty when there is none or the directory cannot be listed
   */
  public static List<Path> descriptors(Path dir) {
    List<Path> found = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.sorted().toList()) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (Files.isRegularFile(file) && (name.endsWith(".yaml") || name.endsWith(".yml"))) {
          for (Manifest m : ManifestReader.read(file, file.toString()).manifests()) {
            if (m.apiVersion().equals(AppDescriptor.API_VERSION)
                && m.kind().equals(AppDescriptor.KIND)) {
              found.add(file);
              break;
            }
          }
        }
      }
    } catch (IOException e) {
      return List.of();
    }
    return found;
  }

  /**
   * The one descriptor of a directory.
   *
   * @param dir the directory
   * @return its path
   * @throws DiagnosticException when there is none, or more than one
   */
  public static Path descriptor(Path dir) throws DiagnosticException {
    List<Path> found = descriptors(dir);
    if (found.size() == 1) {
      return found.get(0);
    }
    String where = dir.toString().isEmpty() ? "." : dir.toString();
    throw new DiagnosticException(
        Diagnostic.error(
            Location.ofFile(where),
            found.isEmpty()
                ? "holds no app descriptor (a YAML file with apiVersion: syncgen/v1, kind: App)"
                : "holds "
                    + found.size()
                    + " app descriptors ("
                    + String.join(
                        ", ", found.stream().map(p -> p.getFileName().toString()).toList())
                    + "); an Argo CD source directory renders one app"));
  }
}
