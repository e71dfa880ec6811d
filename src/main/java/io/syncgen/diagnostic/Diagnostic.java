package io.syncgen.diagnostic;

import java.util.Comparator;
import java.util.Objects;

/**
 * One finding about an input file, printed as {@code app.yaml:12:5: error: message}, followed by
 * the source line and a caret under the column (the format of javac and google-java-format).
 *
 * @param location where the problem is
 * @param severity error or warning
 * @param message what is wrong and, where possible, how to fix it; one line
 */
public record Diagnostic(Location location, Severity severity, String message) {
  /** Orders diagnostics by file, then line, then column, then message. */
  public static final Comparator<Diagnostic> BY_POSITION =
      Comparator.comparing((Diagnostic d) -> d.location().file())
          .thenComparingInt(d -> d.location().line())
          .thenComparingInt(d -> d.location().column())
          .thenComparing(Diagnostic::message);

  /** Checks that no field is null. */
  public Diagnostic {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
  }

  /** An error at {@code location}. */
  public static Diagnostic error(Location location, String message) {
    return new Diagnostic(location, Severity.ERROR, message);
  }

  /**
   * The diagnostic as the user sees it: the headline, then (when the line is known) the source line
   * and a caret. Ends with a line break.
   */
  public String format() {
    StringBuilder out = new StringBuilder();
    out.append(location).append(": ").append(severity.label()).append(": ").append(message);
    out.append('\n');
    if (location.line() > 0 && !location.sourceLine().isEmpty()) {
      String source = location.sourceLine();
      out.append(source).append('\n');
      if (location.column() > 0) {
        out.append(caretPadding(source, location.column() - 1)).append("^\n");
      }
    }
    return out.toString();
  }

  /** Spaces up to the column, keeping tabs so the caret lines up under a tab-indented line. */
  private static String caretPadding(String source, int width) {
    StringBuilder pad = new StringBuilder(width);
    for (int i = 0; i < width; i++) {
      pad.append(i < source.length() && source.charAt(i) == '\t' ? '\t' : ' ');
    }
    return pad.toString();
  }
}
