package io.syncgen.descriptor;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether Kubernetes accepts a string as the {@code spec.schedule} of a batch/v1 CronJob.
 *
 * <p>Kubernetes' {@code validateScheduleFormat} (kubernetes/kubernetes {@code
 * pkg/apis/batch/validation/validation.go}, 1.35 line) parses it with robfig/cron v3.0.1's {@code
 * cron.ParseStandard} (through {@code pkg/util/parsers}, which turns a panic into an error) and, on
 * create, refuses any schedule containing {@code TZ} ({@code TZ=} and {@code CRON_TZ=} give way to
 * {@code spec.timeZone}). This ports what robfig/cron's {@code parser.go} accepts ({@code Parse},
 * {@code getField}, {@code getRange}, {@code parseIntOrName}, {@code parseDescriptor}; bounds and
 * names from {@code spec.go}) and the Go it relies on, quirks included: empty comma items are
 * skipped, {@code *-5} reads as {@code *}, a step past the range is accepted, and {@code @every}
 * takes any Go duration, zero or negative too.
 */
final class CronSchedule {
  private static final String MUST =
      "must be a cron schedule (\"minute hour day-of-month month day-of-week\" or a descriptor"
          + " such as @daily): ";
  private static final List<Bounds> FIELDS =
      List.of(
          new Bounds("minute", 0, 59, ""),
          new Bounds("hour", 0, 23, ""),
          new Bounds("day-of-month", 1, 31, ""),
          new Bounds("month", 1, 12, "jan feb mar apr may jun jul aug sep oct nov dec"),
          new Bounds("day-of-week", 0, 6, "sun mon tue wed thu fri sat"));
  private static final List<String> DESCRIPTORS =
      List.of("@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly");

  // What Go's strings.Fields splits on: runs of unicode.IsSpace characters.
  private static final Pattern GO_SPACES =
      Pattern.compile(
          "[\t\n\u000b\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+");
  // Go's duration units, their nanoseconds, its duration grammar, and one element of it.
  private static final List<String> UNITS =
      List.of("ns", "us", "\u00b5s", "\u03bcs", "ms", "s", "m", "h");
  private static final double[] NANOS = {1, 1e3, 1e3, 1e3, 1e6, 1e9, 6e10, 3.6e12};
  private static final Pattern DURATION =
      Pattern.compile(
          "[-+]?(?:(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:" + String.join("|", UNITS) + "))+");
  private static final Pattern ELEMENT =
      Pattern.compile("([0-9]*)(?:\\.([0-9]*))?(" + String.join("|", UNITS) + ")");
  private static final long TWO_63 = Long.MIN_VALUE; // 1<<63 as an unsigned long

  private CronSchedule() {}

  /** A field's name and bounds, and its names (space-separated, the first standing for min). */
  private record Bounds(String name, long min, long max, String names) {}

  /** Why the schedule is refused; no stack trace, since it is never a defect. */
  private static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message, null, false, false);
    }
  }

  /** What Kubernetes finds wrong with {@code schedule}, or empty when it accepts it. */
  static Optional<String> problem(String schedule) {
    if (schedule.isEmpty()) {
      return Optional.of(MUST + "it is empty");
    } else if (schedule.contains("TZ")) {
      return Optional.of(MUST + "it contains \"TZ\" (no TZ= or CRON_TZ=; set timeZone instead)");
    }
    try {
      parseStandard(schedule);
      return Optional.empty();
    } catch (Refused e) {
      return Optional.of(MUST + e.getMessage());
    }
  }

  /** robfig's {@code Parse} with {@code ParseStandard}'s options; TZ prefixes are refused above. */
  private static void parseStandard(String spec) throws Refused {
    if (spec.startsWith("@every ")) {
      goDuration(spec.substring("@every ".length()));
    } else if (spec.startsWith("@") && !DESCRIPTORS.contains(spec)) {
      throw new Refused(spec + " is not one of " + DESCRIPTORS + " or @every <duration>");
    } else if (!spec.startsWith("@")) {
      List<String> fields =
          Arrays.stream(GO_SPACES.split(spec)).filter(field -> !field.isEmpty()).toList();
      if (fields.size() != FIELDS.size()) {
        throw new Refused("expected exactly 5 fields, found " + fields.size());
      }
      for (int i = 0; i < FIELDS.size(); i++) {
        String where = FIELDS.get(i).name() + " \"" + fields.get(i) + "\": ";
        for (String range : fields.get(i).split(",")) {
          if (!range.isEmpty()) {
            range(range, FIELDS.get(i), where);
          }
        }
      }
    }
  }

  /** robfig's {@code getRange}: {@code *}, {@code ?}, {@code a} or {@code a-b}, then {@code /n}. */
  private static void range(String expr, Bounds bounds, String where) throws Refused {
    String[] rangeAndStep = expr.split("/", -1);
    String[] lowAndHigh = rangeAndStep[0].split("-", -1);
    long start = bounds.min();
    long end = bounds.max();
    if (!lowAndHigh[0].equals("*") && !lowAndHigh[0].equals("?")) {
      start = number(lowAndHigh[0], bounds.names(), bounds.min(), where);
      end =
          switch (lowAndHigh.length) {
            case 1 -> start;
            case 2 -> number(lowAndHigh[1], bounds.names(), bounds.min(), where);
            default -> throw new Refused(where + "too many hyphens in " + expr);
          };
    }
    long step = rangeAndStep.length == 2 ? number(rangeAndStep[1], "", 0, where) : 1;
    if (rangeAndStep.length > 2) {
      throw new Refused(where + "too many slashes in " + expr);
    } else if (rangeAndStep.length == 2 && lowAndHigh.length == 1) {
      end = bounds.max(); // "n/step" means "n-max/step"
    }
    if (start < bounds.min()) {
      throw new Refused(where + start + " is below the minimum " + bounds.min());
    } else if (end > bounds.max()) {
      throw new Refused(where + end + " is above the maximum " + bounds.max());
    } else if (start > end) {
      throw new Refused(where + "the range " + start + "-" + end + " ends before it starts");
    } else if (step == 0) {
      throw new Refused(where + "the step must be positive, not 0");
    }
  }

  /** robfig's parseIntOrName: a name (after Go's rune-wise ToLower) or a non-negative Atoi. */
  private static long number(String expr, String names, long first, String where) throws Refused {
    StringBuilder lower = new StringBuilder();
    expr.codePoints().map(Character::toLowerCase).forEach(lower::appendCodePoint);
    int index = names.isEmpty() ? -1 : List.of(names.split(" ")).indexOf(lower.toString());
    if (index >= 0) {
      return first + index;
    } else if (!expr.matches("[+-]?[0-9]+")) {
      String or = names.isEmpty() ? "" : " nor one of " + names;
      throw new Refused(where + "\"" + expr + "\" is not a number" + or);
    }
    BigInteger number = new BigInteger(expr);
    if (number.signum() < 0) {
      throw new Refused(where + expr + " is negative");
    } else if (number.bitLength() > 63) {
      throw new Refused(where + expr + " is too large");
    }
    return number.longValue();
  }

  /** Go's {@code time.ParseDuration}: its grammar, "0", and its bounds (1<<63 ns, wrap too). */
  private static void goDuration(String s) throws Refused {
    Refused invalid = new Refused("@every needs a Go duration such as 1h30m, not \"" + s + "\"");
    if (s.matches("[-+]?0")) {
      return;
    } else if (!DURATION.matcher(s).matches()) {
      throw invalid;
    }
    long total = 0; // unsigned, as Go's uint64
    for (Matcher m = ELEMENT.matcher(s); m.find(); ) {
      BigInteger whole = new BigInteger("0" + m.group(1));
      long unit = (long) NANOS[UNITS.indexOf(m.group(3))];
      if (whole.compareTo(BigInteger.ONE.shiftLeft(63).divide(BigInteger.valueOf(unit))) > 0) {
        throw invalid;
      }
      long v = whole.longValue() * unit + fractionNanos(m.group(2) == null ? "" : m.group(2), unit);
      total += v;
      if (Long.compareUnsigned(v, TWO_63) > 0 || Long.compareUnsigned(total, TWO_63) > 0) {
        throw invalid;
      }
    }
    if (total == TWO_63 && !s.startsWith("-")) {
      throw invalid; // 1<<63 ns is a duration only when negative
    }
  }

  /** Go's {@code leadingFraction} times {@code unit / scale}: digits past 2^63 are dropped. */
  private static long fractionNanos(String digits, long unit) {
    long f = 0;
    double scale = 1;
    for (int i = 0; i < digits.length(); i++) {
      long next = f * 10 + (digits.charAt(i) - '0');
      if (Long.compareUnsigned(f, Long.MAX_VALUE / 10) > 0
          || Long.compareUnsigned(next, TWO_63) > 0) {
        break;
      }
      f = next;
      scale *= 10;
    }
    return (long) ((f == TWO_63 ? 0x1p63 : f) * ((double) unit / scale));
  }
}
