package io.syncgen.lint;

import io.syncgen.diagnostic.Diagnostic;
import io.syncgen.diagnostic.Location;
import io.syncgen.diagnostic.Severity;
import java.util.Comparator;

/**
 * One finding of {@code syncgen migrations lint}.
 *
 * @param location the statement's first token (or the acknowledgement's line)
 * @param severity the rule's severity in the phase linted
 * @param rule the rule
 * @param subject what the statement does, in words ({@code drops column email of accounts})
 * @param statement the statement's first line, as written
 * @param allowedBecause the reason of a {@code -- syncgen:allow} that turned it off, or null
 */
public record LintFinding(
    Location location,
    Severity severity,
    LintRule rule,
    String subject,
    String statement,
    String allowedBecause) {

  /** File, line, column, then rule: the order findings are printed in. */
  public static final Comparator<LintFinding> ORDER =
      Comparator.comparing((LintFinding f) -> f.location().file())
          .thenComparingInt(f -> f.location().line())
          .thenComparingInt(f -> f.location().column())
          .thenComparing(f -> f.rule().id());

  /** Whether an acknowledgement turned it off. */
  public boolean allowed() {
    return allowedBecause != null;
  }

  /** The one-line message: what, why, and the safe sequence instead. */
  public String message() {
    return subject + ": " + rule.why() + " Instead: " + rule.fix();
  }

  /** The headline, {@code FILE:LINE:COL: error|warning: [rule] message}, one line. */
  public String format() {
    return diagnostic().headline();
  }

  /**
   * The text form: the headline, then the statement's first line as written and a caret under its
   * start, as syncgen shows every located problem ({@link Diagnostic#format()}); ends with a line
   * break.
   */
  public String text() {
    return diagnostic().format();
  }

  private Diagnostic diagnostic() {
    return new Diagnostic(location, severity, "[" + rule.id() + "] " + message());
  }
}
