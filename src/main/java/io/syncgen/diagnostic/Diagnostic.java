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
   * and a caret. Ends with a line break. Characters a terminal would act on are escaped ({@link
   * VisibleText}).
   */
  public String format() {
    StringBuilder out = new StringBuilder();
    out.append(headline()).append('\n');
    if (location.line() > 0 && !location.sourceLine().isEmpty()) {
      String source = location.sourceLine();
      out.append(VisibleText.of(source)).append('\n');
      if (location.column() > 0) {
        out.append(caretPadding(source, location.column() - 1)).append("^\n");
      }
    }
    return out.toString();
  }

  /**
   * The first line of {@link #format()}: {@code FILE:LINE:COL: error|warning: message}, with
   * characters a terminal would act on escaped ({@link VisibleText}), without a line break. {@code
   * validate}'s findings are printed as this line alone.
   */
  public String headline() {
    return VisibleText.of(location + ": " + severity.label() + ": " + message);
  }

  /**
   * Spaces as wide as the printed line up to the column (in code points), keeping tabs so the caret
   * lines up under a tab-indented line.
   */
  private static String caretPadding(String source, int codePoints) {
    int end =
        source.offsetByCodePoints(
            0, Math.min(codePoints, source.codePointCount(0, source.length())));
    String shown = VisibleText.of(source.substring(0, end));
    StringBuilder pad = new StringBuilder(shown.length() + codePoints);
    shown.codePoints().forEach(c -> pad.append(c == '\t' ? '\t' : ' '));
    return pad.append(" ".repeat(Math.max(0, codePoints - source.codePointCount(0, end))))
        .toString();
  }
}
