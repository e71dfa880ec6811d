package io.syncgen.descriptor;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PostgreSQL timeout setting ({@code lock_timeout}, {@code statement_timeout}) written as a
 * duration: a whole number and one unit, {@code ms}, {@code s}, {@code m} or {@code h} (the units
 * of Go's durations, as in {@code helm --timeout 5m}); {@code 0} turns the timeout off, as in
 * PostgreSQL. Both settings are integers of milliseconds in PostgreSQL, at most 2147483647
 * (PostgreSQL's {@code guc_tables.c}: {@code INT_MAX}, {@code GUC_UNIT_MS}).
 */
public final class PostgresTimeout {
  /** The text form, as a JSON Schema {@code pattern}. */
  public static final String PATTERN = "^(0|[1-9][0-9]*(ms|s|m|h))$";

  /** The largest value PostgreSQL takes, in milliseconds. */
  static final long MAX_MILLIS = Integer.MAX_VALUE;

  private static final Pattern TEXT = Pattern.compile("([0-9]+)(ms|s|m|h)?");

  private PostgresTimeout() {}

  /**
   * What is wrong with a duration, phrased to follow its field path.
   *
   * @param text the descriptor's value
   * @return the problem, or empty when PostgreSQL takes it
   */
  static Optional<String> problem(String text) {
    if (!text.matches(PATTERN.substring(1, PATTERN.length() - 1))) {
      return Optional.of(
          "must be a duration such as 500ms, 5s, 2m or 1h, or 0 for none (got "
              + ScalarWords.quote(text)
              + ")");
    }
    if (millis(text) > MAX_MILLIS) {
      return Optional.of(
          "must be at most 2147483647ms (about 24 days), PostgreSQL's limit (got " + text + ")");
    }
    return Optional.empty();
  }

  /**
   * The duration in milliseconds.
   *
   * @param text a duration {@link #problem(String)} accepts
   * @return milliseconds; 0 for none
   */
  public static long millis(String text) {
    Matcher m = TEXT.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException("not a duration: " + text);
    }
    long amount;
    try {
      amount = Long.parseLong(m.group(1));
    } catch (NumberFormatException tooLong) {
      return Long.MAX_VALUE;
    }
    long unit =
        switch (m.group(2) == null ? "ms" : m.group(2)) {
          case "s" -> 1_000L;
          case "m" -> 60_000L;
          case "h" -> 3_600_000L;
          default -> 1L;
        };
    return amount > Long.MAX_VALUE / unit ? Long.MAX_VALUE : amount * unit;
  }

  /**
   * The value as PostgreSQL writes it: the largest of its units ({@code h}, {@code min}, {@code s},
   * {@code ms}) that gives a whole number, so {@code 2m} is {@code 2min} and {@code 90s} stays
   * {@code 90s} (PostgreSQL's "Parameter Names and Values": "min" is minutes, "m" is not a unit).
   *
   * @param millis a duration in milliseconds, at least 1
   */
  public static String postgres(long millis) {
    if (millis % 3_600_000L == 0) {
      return millis / 3_600_000L + "h";
    }
    if (millis % 60_000L == 0) {
      return millis / 60_000L + "min";
    }
    return millis % 1_000L == 0 ? millis / 1_000L + "s" : millis + "ms";
  }
}
