package io.syncgen.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.syncgen.descriptor.MigrationTool;
import io.syncgen.descriptor.Preset.Outcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every preset that can run here, proven with the real tool against a real PostgreSQL (issue 12):
 * the migrate and status commands exactly as syncgen renders them, in a tiny project per tool with
 * one applied and one pending migration. The status step must fail while a migration is pending,
 * pass once migrate applied it, and say "cannot connect" rather than "pending" when the database
 * cannot be reached; the lock timeout must end a migration queued behind another session's lock;
 * two migrate runs at once must do what the preset's table says. The figures are written to {@code
 * target/preset-suite.md}, which {@code .ci/run} prints.
 */
class PresetSuiteIT {
  private static final Map<String, Map<String, String>> FIGURES = new ConcurrentHashMap<>();

  @TempDir Path tmp;

  static Stream<MigrationTool> measured() {
    return Arrays.stream(MigrationTool.values()).filter(t -> t.preset().runHere());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("measured")
  void statusFailsWhilePendingAndPassesOnceMigrateAppliedIt(MigrationTool tool) throws Exception {
    PresetProject project = PresetProject.create(tool, "status", tmp);
    assertRan(project.run(project.migrate("")), "the first migrate");
    assertThat(columns(project)).as("migration 1 applied").containsExactly("id");
    LocalContainer.Result applied = project.run(project.status());
    assertThat(applied.exitCode()).as(applied.log()).isZero();

    project.addPending();
    LocalContainer.Result pending = project.run(project.status());
    assertThat(pending.exitCode()).as(pending.log()).isOne();
    // Alembic's `current` prints no sign of a pending migration, only the lack of "(head)".
    assertThat(pending.err())
        .contains(
            tool == MigrationTool.ALEMBIC
                ? "migration-status: the output shows neither"
                : "migration-status: unapplied migrations");
    record(tool, "pending", verdict(pending));

    assertRan(project.run(project.migrate("")), "migrate with migration 2 pending");
    assertThat(columns(project)).as("migration 2 applied").containsExactly("id", "name");
    LocalContainer.Result after = project.run(project.status());
    assertThat(after.exitCode()).as(after.log()).isZero();
    assertThat(after.out()).contains("migration-status: every migration is applied");
    record(tool, "applied", "exit 0");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("measured")
  void aDatabaseThatCannotBeReachedIsNotCalledPending(MigrationTool tool) throws Exception {
    PresetProject project = PresetProject.create(tool, "unreachable", tmp);
    String variable = tool.preset().connection().variable();
    LocalContainer.Result down =
        project.run(project.status().with(variable, project.url(1, project.database())));
    assertThat(down.exitCode()).as(down.log()).isOne();
    assertThat(down.err())
        .as(down.log())
        .contains("migration-status: cannot connect to the database");
    LocalContainer.Result missing =
        project.run(
            project.status().with(variable, project.url(project.postgres().port(), "missing_db")));
    assertThat(missing.exitCode()).as(missing.log()).isOne();
    assertThat(missing.err())
        .as(missing.log())
        .contains("migration-status: cannot connect to the database");
    record(tool, "unreachable", "cannot connect (port 1; no such database)");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("measured")
  void theLockTimeoutEndsAMigrationQueuedBehindALock(MigrationTool tool) throws Exception {
    PresetProject project = withPending(tool, "lock");
    LocalContainer.Result blocked;
    try (Connection lock = holdLock(project)) {
      blocked = project.run(project.migrate("lockTimeout: 2s"));
      lock.rollback();
    }
    assertThat(blocked.exitCode()).as(blocked.log()).isNotZero();
    assertThat(blocked.log().toLowerCase()).contains("lock timeout");
    assertThat(blocked.elapsed()).isLessThan(Duration.ofSeconds(30));
    assertThat(columns(project)).as("nothing of migration 2 applied").containsExactly("id");
    assertRan(project.run(project.migrate("")), "migrate once the lock is gone");
    record(
        tool,
        "lockTimeout 2s",
        String.format(java.util.Locale.ROOT, "failed after %.1f s", seconds(blocked.elapsed())));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("measured")
  void twoMigrateRunsAtOnceDoWhatThePresetSays(MigrationTool tool) throws Exception {
    PresetProject project = withPending(tool, "concurrent");
    LocalContainer waiting = project.migrate("lockTimeout: 0");
    LocalContainer.Result first;
    LocalContainer.Result second;
    boolean secondEndedEarly;
    try (Connection lock = holdLock(project)) {
      LocalContainer.Started a = project.start(waiting);
      awaitLockWaiter(project, a);
      LocalContainer.Started b = project.start(waiting);
      secondEndedEarly = b.process().waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
      lock.rollback();
      first = a.finish(Duration.ofMinutes(2));
      second = b.finish(Duration.ofMinutes(2));
    }
    Outcome outcome = classify(first, second, secondEndedEarly);
    record(tool, "two runs", outcome + " (" + first.exitCode() + ", " + second.exitCode() + ")");
    assertThat(outcome)
        .as("first:%n%s%nsecond:%n%s", first.log(), second.log())
        .isEqualTo(tool.preset().concurrency().outcome());
  }

  @AfterAll
  static void writeFigures() throws IOException {
    StringBuilder text = new StringBuilder();
    text.append("# Preset suite (PresetSuiteIT), PostgreSQL on 127.0.0.1\n\n");
    text.append("| preset | pending | applied | unreachable | lockTimeout 2s | two runs |\n");
    text.append("| --- | --- | --- | --- | --- | --- |\n");
    for (Map.Entry<String, Map<String, String>> row : new TreeMap<>(FIGURES).entrySet()) {
      Map<String, String> f = row.getValue();
      text.append("| ").append(row.getKey());
      for (String column :
          new String[] {"pending", "applied", "unreachable", "lockTimeout 2s", "two runs"}) {
        text.append(" | ").append(f.getOrDefault(column, "not run"));
      }
      text.append(" |\n");
    }
    Path target = Path.of(System.getProperty("syncgen.jar", "target/syncgen.jar")).getParent();
    Files.writeString(target.resolve("preset-suite.md"), text, StandardCharsets.UTF_8);
  }

  /** A project whose migration 1 is applied and migration 2 pending. */
  private PresetProject withPending(MigrationTool tool, String test) throws Exception {
    PresetProject project = PresetProject.create(tool, test, tmp);
    assertRan(project.run(project.migrate("")), "the first migrate");
    project.addPending();
    return project;
  }

  private static void record(MigrationTool tool, String column, String value) {
    FIGURES.computeIfAbsent(tool.id(), k -> new ConcurrentHashMap<>()).put(column, value);
  }

  private static void assertRan(LocalContainer.Result result, String what) {
    assertThat(result.exitCode()).as("%s:%n%s", what, result.log()).isZero();
  }

  private static String verdict(LocalContainer.Result result) {
    String err = result.err();
    int at = err.lastIndexOf("migration-status: ");
    return at < 0 ? "exit " + result.exitCode() : err.substring(at + 18).strip();
  }

  private static double seconds(Duration d) {
    return d.toMillis() / 1000.0;
  }

  /**
   * The second run failed while the first waited: a lock of the tool's; both succeeded: the second
   * waited for the first; otherwise both ran the migration and one of them failed.
   */
  private static Outcome classify(
      LocalContainer.Result first, LocalContainer.Result second, boolean secondEndedEarly) {
    if (secondEndedEarly && second.exitCode() != 0 && first.exitCode() == 0) {
      return Outcome.SECOND_FAILS;
    }
    if (!secondEndedEarly && first.exitCode() == 0 && second.exitCode() == 0) {
      return Outcome.SECOND_WAITS;
    }
    return Outcome.BOTH_RUN;
  }

  /** A session holding ACCESS EXCLUSIVE on widgets in an open transaction. */
  private static Connection holdLock(PresetProject project) throws SQLException {
    Connection c = project.postgres().connect(project.database());
    c.setAutoCommit(false);
    c.createStatement().execute("LOCK TABLE widgets IN ACCESS EXCLUSIVE MODE");
    return c;
  }

  /** Waits until a session of the database waits for a lock (the first run, behind ours). */
  private static void awaitLockWaiter(PresetProject project, LocalContainer.Started run)
      throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    try (Connection c = project.postgres().connect("postgres")) {
      while (System.nanoTime() < deadline) {
        try (ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                        + " AND datname = '"
                        + project.database()
                        + "'")) {
          rs.next();
          if (rs.getInt(1) > 0) {
            return;
          }
        }
        if (!run.process().isAlive()) {
          throw new AssertionError(
              "the first run ended before waiting:\n" + run.finish(Duration.ZERO).log());
        }
        Thread.sleep(100);
      }
    }
    throw new AssertionError("the first run never waited for the lock");
  }

  /** The columns of widgets, in order. */
  private static java.util.List<String> columns(PresetProject project) throws SQLException {
    java.util.List<String> names = new java.util.ArrayList<>();
    try (Connection c = project.postgres().connect(project.database());
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT column_name FROM information_schema.columns"
                        + " WHERE table_name = 'widgets' ORDER BY ordinal_position")) {
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    }
    return names;
  }
}
