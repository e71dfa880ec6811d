package io.syncgen.descriptor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * CronJob schedules, against the cases of robfig/cron v3.0.1 ({@code parser_test.go}: TestRange,
 * TestField, TestParseScheduleErrors, TestStandardSpecSchedule) and of Kubernetes' {@code
 * pkg/apis/batch/validation/validation_test.go} (TestValidateCronJob,
 * TestValidateCronJobScheduleTZ), plus the corners of the Go that robfig relies on.
 */
class CronScheduleTest {
  private static final String MUST =
      "must be a cron schedule (\"minute hour day-of-month month day-of-week\" or a descriptor"
          + " such as @daily): ";

  static Stream<String> accepted() {
    return Stream.of(
        // Kubernetes' TestValidateCronJob success cases.
        "* * * * ?",
        "@hourly",
        "0 * * * *",
        // robfig's TestStandardSpecSchedule and TestParseSchedule (five-field forms).
        "5 * * * *",
        "@every 5m",
        "@midnight",
        "@yearly",
        "@annually",
        "@monthly",
        "@weekly",
        "@daily",
        // robfig's TestRange and TestField, placed in the minute field.
        "5-5 * * * *",
        "5-7 * * * *",
        "5-6/2 * * * *",
        "5-7/2 * * * *",
        "5-7/1 * * * *",
        "*/2 * * * *",
        "5,6,7 * * * *",
        "1,5-7/2,3 * * * *",
        // Bounds of each field, names in any case.
        "0 0 1 1 0",
        "59 23 31 12 6",
        "0 0 * * MON-FRI",
        "0 0 * * sun,Sat",
        "0 0 1 JAN,jul,Dec *",
        "0 0 1 jan-dec/3 *",
        "0 9-17/2 1-15 * mon-fri",
        "0 0 * * FRI", // under the suite's Turkish locale, a locale-bound toLowerCase gives "frı"
        "0 0 * * FR\u0130", // Go's rune-wise ToLower maps U+0130 to i, so FRİ is Friday
        // Go's strings.Fields: any unicode.IsSpace run separates fields.
        "0,1  * * * *",
        "\t0 0 * * *\n",
        "0\u00a00\u3000*\u2003*\u0085*",
        // robfig's quirks: "?" anywhere, "*-..." reads as "*", empty comma items, big steps.
        "? ? ? ? ?",
        "?/5 * * * *",
        "*-5 * * * *",
        "*-x-y * * * *",
        ",5, * * * *",
        ", * * * *",
        "*/61 * * * *",
        "5/100 * * * *",
        "*/9223372036854775807 * * * *",
        // Go's strconv.Atoi: a sign and leading zeros.
        "+5 * * * *",
        "007 * * * *",
        "*/+5 * * * *",
        // Go's time.ParseDuration; robfig's Every rounds below a second up, without an error.
        "@every 1h30m",
        "@every 1.5h",
        "@every .5s",
        "@every 1.s",
        "@every 1\u00b5s",
        "@every 1\u03bcs",
        "@every 300ms",
        "@every 0",
        "@every -0",
        "@every +5m",
        "@every -1h",
        "@every 0s",
        "@every 2562047h",
        "@every 9223372036854775807ns",
        "@every -9223372036854775808ns",
        "@every 0.0000000000000000000000000001h");
  }

  @ParameterizedTest(name = "[{0}]")
  @MethodSource("accepted")
  void kubernetesAcceptsTheSchedule(String schedule) {
    assertThat(CronSchedule.problem(schedule)).isEmpty();
  }

  static Stream<Arguments> refused() {
    return Stream.of(
        // Kubernetes' TestValidateCronJob and TestValidateCronJobScheduleTZ error cases.
        Arguments.of("error", "expected exactly 5 fields, found 1"),
        Arguments.of("", "it is empty"),
        Arguments.of("TZ=UTC 0 * * * *", tz()),
        Arguments.of("CRON_TZ=UTC 5 * * * *", tz()),
        Arguments.of("TZ=", tz()), // robfig panics here; Kubernetes recovers
        Arguments.of("CRON_TZ=Asia/Tokyo @midnight", tz()),
        // robfig's TestParseScheduleErrors and TestStandardSpecSchedule.
        Arguments.of("5 j * * *", "hour \"j\": \"j\" is not a number"),
        Arguments.of("@every Xm", "@every needs a Go duration such as 1h30m, not \"Xm\""),
        Arguments.of("@unrecognized", descriptor("@unrecognized")),
        Arguments.of("* * * *", "expected exactly 5 fields, found 4"),
        Arguments.of("0 5 * * * *", "expected exactly 5 fields, found 6"),
        // robfig's TestRange error cases, in real fields.
        Arguments.of("5--5 * * * *", "minute \"5--5\": too many hyphens in 5--5"),
        Arguments.of(
            "0 0 1 jan-x *",
            "month \"jan-x\": \"x\" is not a number nor one of jan feb mar apr may jun jul aug"
                + " sep oct nov dec"),
        Arguments.of("2-x * * * *", "minute \"2-x\": \"x\" is not a number"),
        Arguments.of("*/-12 * * * *", "minute \"*/-12\": -12 is negative"),
        Arguments.of("*//2 * * * *", "minute \"*//2\": too many slashes in *//2"),
        Arguments.of("0 0 0 * *", "day-of-month \"0\": 0 is below the minimum 1"),
        Arguments.of("60 * * * *", "minute \"60\": 60 is above the maximum 59"),
        Arguments.of("5-3 * * * *", "minute \"5-3\": the range 5-3 ends before it starts"),
        Arguments.of("*/0 * * * *", "minute \"*/0\": the step must be positive, not 0"),
        // The bounds of the other fields; the day of week stops at 6 (no 7 for Sunday).
        Arguments.of("0 24 * * *", "hour \"24\": 24 is above the maximum 23"),
        Arguments.of("0 0 32 * *", "day-of-month \"32\": 32 is above the maximum 31"),
        Arguments.of("0 0 * 0 *", "month \"0\": 0 is below the minimum 1"),
        Arguments.of("0 0 * 13 *", "month \"13\": 13 is above the maximum 12"),
        Arguments.of("0 0 * * 7", "day-of-week \"7\": 7 is above the maximum 6"),
        Arguments.of("0 0 * * 5-7", "day-of-week \"5-7\": 7 is above the maximum 6"),
        Arguments.of("1,61 * * * *", "minute \"1,61\": 61 is above the maximum 59"),
        Arguments.of(
            "0 0 * * mon-sun", "day-of-week \"mon-sun\": the range 1-0 ends before it starts"),
        Arguments.of(
            "0 0 * * MONDAY",
            "day-of-week \"MONDAY\": \"MONDAY\" is not a number nor one of sun mon tue wed thu fri"
                + " sat"),
        Arguments.of(
            "0 0 * * jan",
            "day-of-week \"jan\": \"jan\" is not a number nor one of sun mon tue wed thu fri sat"),
        Arguments.of("0 0 mon * *", "day-of-month \"mon\": \"mon\" is not a number"),
        // Go's strconv.Atoi: ASCII digits within an int64, no other sign than one leading.
        Arguments.of("1-2-3 * * * *", "minute \"1-2-3\": too many hyphens in 1-2-3"),
        Arguments.of("-5 * * * *", "minute \"-5\": \"\" is not a number"),
        Arguments.of("\u0663 * * * *", "minute \"\u0663\": \"\u0663\" is not a number"),
        Arguments.of(
            "99999999999999999999 * * * *",
            "minute \"99999999999999999999\": 99999999999999999999 is too large"),
        Arguments.of(
            "*/9223372036854775808 * * * *",
            "minute \"*/9223372036854775808\": 9223372036854775808 is too large"),
        Arguments.of("*/ * * * *", "minute \"*/\": \"\" is not a number"),
        Arguments.of("0x10 * * * *", "minute \"0x10\": \"0x10\" is not a number"),
        // Descriptors: exact and case-sensitive, and only at the very start.
        Arguments.of("@DAILY", descriptor("@DAILY")),
        Arguments.of("@daily ", descriptor("@daily ")),
        Arguments.of(" @daily", "expected exactly 5 fields, found 1"),
        Arguments.of("@every", descriptor("@every")),
        Arguments.of("tz=utc 0 * * * *", "expected exactly 5 fields, found 6"),
        // Go's time.ParseDuration.
        Arguments.of("@every ", every("")),
        Arguments.of("@every 5", every("5")),
        Arguments.of("@every 1h 30m", every("1h 30m")),
        Arguments.of("@every  5m", every(" 5m")),
        Arguments.of("@every 1d", every("1d")),
        Arguments.of("@every 1hm", every("1hm")),
        Arguments.of("@every 1H", every("1H")),
        Arguments.of("@every .", every(".")),
        Arguments.of("@every .s", every(".s")),
        Arguments.of("@every -", every("-")),
        Arguments.of("@every 1h0", every("1h0")),
        Arguments.of("@every 2562048h", every("2562048h")),
        Arguments.of("@every 9223372036854775808ns", every("9223372036854775808ns")),
        Arguments.of("@every 99999999999999999999ns", every("99999999999999999999ns")));
  }

  @ParameterizedTest(name = "[{0}]")
  @MethodSource("refused")
  void kubernetesRefusesTheSchedule(String schedule, String why) {
    assertThat(CronSchedule.problem(schedule)).hasValue(MUST + why);
  }

  private static String tz() {
    return "it contains \"TZ\" (no TZ= or CRON_TZ=; set timeZone instead)";
  }

  private static String descriptor(String spec) {
    return spec
        + " is not one of [@yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly]"
        + " or @every <duration>";
  }

  private static String every(String duration) {
    return "@every needs a Go duration such as 1h30m, not \"" + duration + "\"";
  }
}
