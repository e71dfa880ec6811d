package io.syncgen.validate;

import io.syncgen.diagnostic.Diagnostic;
import io.syncgen.diagnostic.Location;
import io.syncgen.diagnostic.Severity;
import io.syncgen.diagnostic.VisibleText;
import java.util.Comparator;
import java.util.Objects;

/**
 * One problem found by {@code syncgen validate}.
 *
 * @param location where: the file as named by the user, and the 1-based line and column of the
 *     offending node inside the whole file (also in multi-document streams)
 * @param severity error or warning (the rule's)
 * @param rule the rule that fired
 * @param object the object it concerns, {@code Kind/name}, or empty for a file-level problem
 * @param message what is wrong and how to fix it, one line
 */
public record Finding(
    Location location, Severity severity, Rule rule, String object, String message) {

  /** File, line, column, then rule id and message: the order findings are printed in. */
  public static final Comparator<Finding> ORDER =
      Comparator.comparing((Finding f) -> f.location().file())
          .thenComparingInt(f -> f.location().line())
          .thenComparingInt(f -> f.location().column())
          .thenComparing(f -> f.rule().id())
          .thenComparing(Finding::message);

  /** Checks that no field is null. */
  public Finding {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(object, "object");
    Objects.requireNonNull(message, "message");
  }

  /**
   * The text form: {@code FILE:LINE:COL: error|warning: [rule-id] Kind/name: message}; without
   * {@code Kind/name: } when the finding concerns no object. One line: characters a terminal would
   * act on are escaped ({@link VisibleText}).
   */
  public String format() {
    return diagnostic().headline();
  }

  /**
   * The finding as a {@link Diagnostic} at the same location, its message {@code [rule-id]
   * Kind/name: message}: one location model and one format for findings and diagnostics.
   */
  public Diagnostic diagnostic() {
    String subject = object.isEmpty() ? "" : object + ": ";
    return new Diagnostic(location, severity, "[" + rule.id() + "] " + subject + message);
  }
}
