package io.syncgen.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PostSync status step, run with dash around stand-ins for the tools that print and exit as the
 * real ones do (../shared/docs/migration-tools.md; Rails' {@code databases.rake}, Django's {@code
 * migrate.py}, measured against PostgreSQL 15): it says whether migrations are pending, the
 * database cannot be reached, or the check failed otherwise, and fails the Job for all three.
 */
class MigrationStatusScriptTest {
  /** {@code bin/rails db:abort_if_pending_migrations} (Rails 6.1 and 7.1) with pending ones. */
  static final String RAILS_PENDING =
      """
      echo 'You have 2 pending migrations:'
      echo '  20261201090000 AddIndexToOrders'
      echo '  20261202090000 CreateInvoices'
      echo 'Run `bin/rails db:migrate` to update your database then try again.' >&2
      exit 1
      """;

  /** The same when PostgreSQL refuses the connection (Rails 7.1: ConnectionNotEstablished). */
  static final String RAILS_UNREACHABLE =
      """
      cat >&2 <<'EOF'
      bin/rails aborted!
      ActiveRecord::ConnectionNotEstablished: connection to server at "10.0.0.5", port 5432 failed: Connection refused
      \tIs the server running on that host and accepting TCP/IP connections?

      Caused by:
      PG::ConnectionBad: connection to server at "10.0.0.5", port 5432 failed: Connection refused

      Tasks: TOP => db:abort_if_pending_migrations => db:load_config
      (See full trace by running task with --trace)
      EOF
      exit 1
      """;

  /** {@code python manage.py migrate --check} (Django 3.2+) with pending ones: silent, exit 1. */
  static final String DJANGO_PENDING = "exit 1\n";

  /** The same when PostgreSQL refuses the connection (psycopg2). */
  static final String DJANGO_UNREACHABLE =
      """
      cat >&2 <<'EOF'
      Traceback (most recent call last):
        File "/app/manage.py", line 22, in <module>
          main()
      psycopg2.OperationalError: connection to server at "db" (10.0.0.5), port 5432 failed: Connection refused

      The above exception was the direct cause of the following exception:

      Traceback (most recent call last):
        File "/app/manage.py", line 22, in <module>
          main()
      django.db.utils.OperationalError: connection to server at "db" (10.0.0.5), port 5432 failed: Connection refused
      EOF
      exit 1
      """;

  /** A Django error that is not the database's: a settings module that does not import. */
  static final String DJANGO_BROKEN =
      """
      cat >&2 <<'EOF'
      Traceback (most recent call last):
        File "/app/manage.py", line 22, in <module>
          main()
      ModuleNotFoundError: No module named 'shop.settings.prod'
      EOF
      exit 1
      """;

  @TempDir Path tmp;

  /**
   * Runs the status step of a descriptor whose {@code spec.migration} is {@code migration}, with
   * {@code bin/rails} (in the working directory) and {@code python} (on the PATH) doing {@code
   * tool}; a null {@code tool} leaves them out.
   */
  private ShellScript.Result status(String migration, String tool) throws Exception {
    Path bin = Files.createDirectories(tmp.resolve("fake"));
    if (tool != null) {
      fake(Files.createDirectories(tmp.resolve("bin")).resolve("rails"), tool);
      fake(bin.resolve("python"), tool);
    }
    ShellScript step =
        ShellScript.of(
            ShellScript.render(
                ShellScript.app(", namespace: shop", "migration: {" + migration + "}\n"),
                RenderOptions.DEFAULTS),
            "shop-post-deploy-check",
            "migration-status");
    return step.run(tmp, bin, Map.of(), Duration.ofSeconds(30));
  }

  private static void fake(Path file, String script) throws Exception {
    Files.writeString(file, "#!/bin/sh\n" + script);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  @Test
  void railsWithPendingMigrationsSaysSo() throws Exception {
    ShellScript.Result result = status("tool: rails", RAILS_PENDING);
    assertThat(result.exitCode()).isOne();
    assertThat(result.out()).contains("You have 2 pending migrations:", "CreateInvoices");
    assertThat(result.err()).contains("migration-status: unapplied migrations (exit 1)");
  }

  @Test
  void railsThatCannotReachTheDatabaseSaysSoRatherThanPending() throws Exception {
    ShellScript.Result result = status("tool: rails", RAILS_UNREACHABLE);
    assertThat(result.exitCode()).isOne();
    assertThat(result.log()).contains("PG::ConnectionBad");
    assertThat(result.err())
        .contains("migration-status: cannot connect to the database")
        .doesNotContain("unapplied migrations");
  }

  @Test
  void railsFailingOtherwiseIsACheckThatFailed() throws Exception {
    ShellScript.Result result =
        status("tool: rails", "echo 'rails aborted!' >&2; echo 'NameError: Foo' >&2; exit 1\n");
    assertThat(result.exitCode()).isOne();
    assertThat(result.err())
        .contains("migration-status: the check failed (exit 1)")
        .doesNotContain("unapplied migrations");
  }

  @Test
  void djangoWithPendingMigrationsSaysSo() throws Exception {
    ShellScript.Result result = status("tool: django", DJANGO_PENDING);
    assertThat(result.exitCode()).isOne();
    assertThat(result.err()).contains("migration-status: unapplied migrations (exit 1)");
  }

  @Test
  void djangoThatCannotReachTheDatabaseSaysSoRatherThanPending() throws Exception {
    ShellScript.Result result = status("tool: django", DJANGO_UNREACHABLE);
    assertThat(result.exitCode()).isOne();
    assertThat(result.err())
        .contains("migration-status: cannot connect to the database")
        .doesNotContain("unapplied migrations");
  }

  @Test
  void djangoFailingOtherwiseIsACheckThatFailed() throws Exception {
    ShellScript.Result result = status("tool: django", DJANGO_BROKEN);
    assertThat(result.exitCode()).isOne();
    assertThat(result.err())
        .contains("migration-status: the check failed (exit 1)")
        .doesNotContain("unapplied migrations");
  }

  @Test
  void everyMigrationAppliedPassesAndShowsTheToolsOutput() throws Exception {
    ShellScript.Result result = status("tool: rails", "echo 'nothing pending'; exit 0\n");
    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .contains("nothing pending", "migration-status: every migration is applied");
  }

  @Test
  void aCommandMissingFromTheImageIsNotCalledPendingMigrations() throws Exception {
    ShellScript.Result result = status("tool: rails", null);
    assertThat(result.exitCode()).isOne();
    assertThat(result.err())
        .contains("migration-status: the status command could not be run (exit 127: not found")
        .doesNotContain("unapplied migrations");
  }

  @Test
  void aKilledCommandSaysWhichSignal() throws Exception {
    ShellScript.Result result = status("tool: django", "kill -9 $$\n");
    assertThat(result.exitCode()).isOne();
    assertThat(result.err())
        .contains("migration-status: the status command was killed by signal 9 (exit 137")
        .doesNotContain("unapplied migrations");
  }

  @Test
  void anotherToolsCommandKeepsTheGeneralMeaning() throws Exception {
    ShellScript.Result result =
        status(
            "tool: command, command: [migrate, up], statusCommand: [python, check.py]", "exit 3\n");
    assertThat(result.exitCode()).isOne();
    assertThat(result.err())
        .contains("migration-status: unapplied migrations or the check failed (exit 3)");
  }

  /** A descriptor's own status command whose output, not its exit code, tells (Sequelize-like). */
  private static final String PATTERNS =
      "tool: command, command: [migrate, up], statusCommand: [python, status.py],"
          + " statusOutput: {upToDate: 'up *', pending: 'down *'}";

  @Test
  void anOutputPatternFindsPendingMigrationsBehindExitZero() throws Exception {
    ShellScript.Result result =
        status(PATTERNS, "echo 'up 001-create.js'; echo 'down 002-add-name.js'; exit 0\n");
    assertThat(result.exitCode()).isOne();
    assertThat(result.out()).contains("down 002-add-name.js");
    assertThat(result.err())
        .contains("migration-status: unapplied migrations (exit 0; the output lists them)");
  }

  @Test
  void anOutputPatternPassesWhenEveryLineSaysApplied() throws Exception {
    ShellScript.Result result =
        status(PATTERNS, "echo 'up 001-create.js'; echo 'up 002-add-name.js'; exit 0\n");
    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .contains("migration-status: every migration is applied (the output says so)");
  }

  @Test
  void anOutputPatternMatchesWholeLinesOnly() throws Exception {
    // "slow-down 003" holds "down " but does not start with it; "setup 1" ends with "up 1".
    ShellScript.Result result = status(PATTERNS, "echo 'setup 1 slow-down 003'; exit 0\n");
    assertThat(result.exitCode()).isOne();
    assertThat(result.err())
        .contains(
            "migration-status: the output shows neither that every migration is applied nor"
                + " which are pending (exit 0)")
        .doesNotContain("unapplied migrations");
  }

  @Test
  void anOutputPatternIsAPatternNotAFileName() throws Exception {
    // An unquoted pattern must not expand to the files of the working directory.
    Files.writeString(tmp.resolve("up 001"), "");
    ShellScript.Result result = status(PATTERNS, "echo 'nothing'; exit 0\n");
    assertThat(result.exitCode()).isOne();
    assertThat(result.err()).contains("the output shows neither");
  }

  @Test
  void withAnOutputPatternANonZeroExitIsStillReadAsBefore() throws Exception {
    ShellScript.Result result = status(PATTERNS, "echo 'down 002'; exit 1\n");
    assertThat(result.exitCode()).isOne();
    assertThat(result.err()).contains("migration-status: unapplied migrations (exit 1)");
  }
}
