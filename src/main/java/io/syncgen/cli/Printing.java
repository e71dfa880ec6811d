package io.syncgen.cli;

import io.syncgen.SelfCheck;
import io.syncgen.validate.Validator;
import java.io.PrintWriter;

/** What {@code render} and {@code cmp generate} print of their own output's validation. */
final class Printing {
  private Printing() {}

  /**
   * Validates a rendered stream and prints its findings, one line each, to {@code err}; with
   * errors, also the line that says nothing was written.
   *
   * @return true when there is no error (warnings are printed but pass)
   */
  static boolean passes(SelfCheck check, String stream, String displayName, PrintWriter err) {
    Validator.Report report = check.validate(stream, displayName);
    report.findings().forEach(f -> err.println(f.format()));
    if (report.errors() > 0) {
      err.printf(
          "syncgen: the rendered manifests are invalid (%s); nothing was written. Check the"
              + " descriptor's spec.extraObjects and spec.patches; if it has none, this is a bug"
              + " in syncgen: please report it with the descriptor.%n",
          report.summary());
    }
    err.flush();
    return report.errors() == 0;
  }
}
