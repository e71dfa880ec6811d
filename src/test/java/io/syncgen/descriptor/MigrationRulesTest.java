package io.syncgen.descriptor;

import static io.syncgen.descriptor.DescriptorLoaderTest.errors;
import static io.syncgen.descriptor.DescriptorLoaderTest.example;
import static io.syncgen.descriptor.DescriptorLoaderTest.parse;
import static org.assertj.core.api.Assertions.assertThat;

import io.syncgen.diagnostic.Diagnostic;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code migration.lockTimeout}, {@code statementTimeout} and {@code statusOutput}. */
class MigrationRulesTest {
  private static final String TOOL = "    tool: django\n";

  private static Migration migration(String lines) {
    return parse(example(TOOL, TOOL + lines)).app().spec().migration();
  }

  private static List<String> messages(String lines) {
    return errors(example(TOOL, TOOL + lines)).stream().map(Diagnostic::format).toList();
  }

  @Test
  void theLockTimeoutIsFiveSecondsAndNoStatementTimeoutByDefault() {
    Migration m = migration("");
    assertThat(m.lockTimeout()).isEqualTo("5s");
    assertThat(m.statementTimeout()).isNull();
    assertThat(m.sessionOptions()).containsExactly("-c lock_timeout=5s");
  }

  @ParameterizedTest
  @CsvSource({
    "500ms, 500ms",
    "2s, 2s",
    "90s, 90s",
    "120s, 2min",
    "2m, 2min",
    "90m, 90min",
    "1h, 1h",
    "60m, 1h",
    "2147483647ms, 2147483647ms"
  })
  void aDurationIsWrittenInPostgresUnits(String duration, String postgres) {
    Migration m = migration("    lockTimeout: " + duration + "\n");
    assertThat(m.sessionOptions()).containsExactly("-c lock_timeout=" + postgres);
  }

  @Test
  void bothTimeoutsInOrderAndZeroTurnsOneOff() {
    assertThat(migration("    lockTimeout: 2s\n    statementTimeout: 1h\n").sessionOptions())
        .containsExactly("-c lock_timeout=2s", "-c statement_timeout=1h");
    assertThat(migration("    lockTimeout: 0\n    statementTimeout: 30m\n").sessionOptions())
        .containsExactly("-c statement_timeout=30min");
    assertThat(migration("    lockTimeout: 0\n").sessionOptions()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"5", "5 s", "5sec", "1.5s", "-1s", "05s", "1h30m", "2d", "\"\""})
  void aTimeoutThatIsNoDurationIsRefused(String value) {
    assertThat(messages("    lockTimeout: " + value + "\n"))
        .anySatisfy(m -> assertThat(m).contains("spec.migration.lockTimeout must be a duration"));
  }

  @Test
  void aTimeoutPastPostgresLimitIsRefused() {
    assertThat(messages("    statementTimeout: 2147483648ms\n"))
        .anySatisfy(m -> assertThat(m).contains("at most 2147483647ms"));
    assertThat(messages("    statementTimeout: 99999999999999999999h\n"))
        .anySatisfy(m -> assertThat(m).contains("at most 2147483647ms"));
  }

  @Test
  void pgoptionsOfTheDescriptorWouldHideTheTimeouts() {
    assertThat(messages("    env:\n      - {name: PGOPTIONS, value: '-c search_path=app'}\n"))
        .anySatisfy(
            m ->
                assertThat(m)
                    .contains(
                        "app.yaml:18:16: error: spec.migration.env[0].name PGOPTIONS is set in the"
                            + " migration Jobs from spec.migration.lockTimeout"));
    // With both timeouts off, syncgen sets no PGOPTIONS and the descriptor's own is kept.
    Migration off =
        migration("    lockTimeout: 0\n    env:\n      - {name: PGOPTIONS, value: '-c a=b'}\n");
    assertThat(off.sessionOptions()).isEmpty();
  }

  @Test
  void statusOutputReadsTheDescriptorsOwnStatusCommand() {
    assertThat(messages("    statusOutput: {upToDate: '*up to date*'}\n"))
        .anySatisfy(
            m ->
                assertThat(m)
                    .contains("spec.migration.statusOutput reads the output of")
                    .contains("set statusCommand too"));
    assertThat(messages("    statusCommand: [check]\n    statusOutput: {}\n"))
        .anySatisfy(m -> assertThat(m).contains("statusOutput needs upToDate or pending"));
    assertThat(messages("    statusCommand: [check]\n    statusOutput: {pending: ' '}\n"))
        .anySatisfy(m -> assertThat(m).contains("statusOutput.pending must not be blank"));
  }

  @Test
  void statusOutputPatternsBecomeTheSignsOfTheCheck() {
    StatusOutput output =
        migration(
                "    statusCommand: [check]\n"
                    + "    statusOutput: {upToDate: '*up to date*', pending: 'down *'}\n")
            .effectiveStatusOutput();
    assertThat(output.upToDate()).containsExactly("*up to date*");
    assertThat(output.pending()).containsExactly("down *");
    assertThat(output.byExitCode()).isFalse();
    assertThat(migration("    statusCommand: [check]\n").effectiveStatusOutput().byExitCode())
        .isTrue();
  }

  @Test
  void aJdbcToolKeepingItsEntrypointCannotTakeTheTimeouts() {
    String flyway = "    tool: flyway\n    args: [migrate]\n";
    assertThat(errors(example(TOOL, flyway)).stream().map(Diagnostic::format).toList())
        .anySatisfy(
            m ->
                assertThat(m)
                    .contains("spec.migration.args keeps the image's ENTRYPOINT")
                    .contains("FLYWAY_URL"));
    assertThat(parse(example(TOOL, flyway + "    lockTimeout: 0\n")).app()).isNotNull();
  }

  @Test
  void prismaTakesItsTimeoutsFromTheRole() {
    assertThat(errors(example(TOOL, "    tool: prisma\n")).stream().map(Diagnostic::format))
        .anySatisfy(
            m ->
                assertThat(m)
                    .contains("spec.migration.lockTimeout and statementTimeout cannot reach prisma")
                    .contains("ALTER ROLE"));
    Migration m =
        parse(example(TOOL, "    tool: prisma\n    lockTimeout: 0\n")).app().spec().migration();
    assertThat(m.sessionOptions()).isEmpty();
  }

  @Test
  void theDatabaseUrlIsSetAsTheVariableTheToolReads() {
    assertThat(parse(example(TOOL, "    tool: sqitch\n")).app().spec().databaseUrlEnv())
        .isEqualTo("SQITCH_TARGET");
    assertThat(parse(example(TOOL, "    tool: liquibase\n")).app().spec().databaseUrlEnv())
        .isEqualTo("LIQUIBASE_COMMAND_URL");
    assertThat(parse(example(TOOL, TOOL)).app().spec().databaseUrlEnv()).isEqualTo("DATABASE_URL");
  }
}
