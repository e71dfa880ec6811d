package io.syncgen.descriptor;

import io.syncgen.descriptor.Preset.Concurrency;
import io.syncgen.descriptor.Preset.Connection;
import io.syncgen.descriptor.Preset.SessionOptions;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Migration tool presets, one {@link Preset} each: the command that applies migrations, the status
 * check the PostSync Job runs, the connection, locking and timeouts. Adding a tool is one entry
 * here, proven by a project of its own in {@code PresetSuiteIT}. Facts: ../shared/docs/
 * migration-tools.md, re-measured by that suite.
 */
public enum MigrationTool {
  DJANGO(
      new Preset(
          "django",
          argv("python manage.py migrate --noinput"),
          // Exits 1 without a word when a migration is unapplied (django/core/management/commands/
          // migrate.py: sys.exit(1) before any output).
          argv("python manage.py migrate --check"),
          StatusOutput.exitCode("unapplied migrations")
              .withUnreachable(List.of("*django.db.utils.OperationalError*"))
              .withFailed(List.of("Traceback (most recent call last):", "CommandError:*")),
          new Connection(
              "DATABASE_URL", "any: the settings module parses it (dj-database-url or similar)"),
          new Concurrency(false, "no lock: both runs apply the migration; one crashes"),
          SessionOptions.PGOPTIONS,
          true,
          "")),
  RAILS(
      new Preset(
          "rails",
          argv("bin/rails db:migrate"),
          // Prints "You have N pending migration(s):" and exits 1 (activerecord/lib/active_record/
          // railties/databases.rake).
          argv("bin/rails db:abort_if_pending_migrations"),
          StatusOutput.exitCode("the check failed")
              .withPending(List.of("You have * pending migration*"))
              .withUnreachable(
                  List.of(
                      "*ActiveRecord::ConnectionNotEstablished*",
                      "*ActiveRecord::DatabaseConnectionError*",
                      "*ActiveRecord::NoDatabaseError*",
                      "*PG::ConnectionBad*",
                      "*Mysql2::Error::ConnectionError*")),
          new Connection("DATABASE_URL", "`postgres://` or `postgresql://`"),
          new Concurrency(
              true, "advisory lock: a second run fails at once (ConcurrentMigrationError)"),
          SessionOptions.PGOPTIONS,
          true,
          "GitLab and Mastodon run post-deployment migrations with a second pass:"
              + " `SKIP_POST_DEPLOYMENT_MIGRATIONS=true` in `migration.env`, then"
              + " `migration.postDeploy`.")),
  /** Any other tool: {@code migration.command} (and optionally {@code statusCommand}) is given. */
  COMMAND(
      new Preset(
          "command",
          List.of(),
          List.of(),
          StatusOutput.UNKNOWN,
          new Connection("DATABASE_URL", "as the tool takes it"),
          new Concurrency(false, "unknown"),
          SessionOptions.PGOPTIONS,
          false,
          ""));

  private final Preset preset;

  MigrationTool(Preset preset) {
    this.preset = preset;
  }

  /** Everything known of the tool. */
  public Preset preset() {
    return preset;
  }

  /** The name used in the descriptor's {@code migration.tool}. */
  public String id() {
    return preset.id();
  }

  /** The argv that applies migrations; empty for {@link #COMMAND}. */
  public List<String> migrateCommand() {
    return preset.migrate();
  }

  /** The argv that fails while migrations are unapplied; empty when the preset has none. */
  public List<String> statusCommand() {
    return preset.status();
  }

  /** How to read what {@link #statusCommand()} printed and its exit code. */
  public StatusOutput statusOutput() {
    return preset.statusOutput();
  }

  /**
   * The preset with this name.
   *
   * @throws IllegalArgumentException if there is none (the parser rejects such names first)
   */
  public static MigrationTool of(String id) {
    return Arrays.stream(values())
        .filter(t -> t.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown migration tool: " + id));
  }

  /** The known names, comma-separated, for messages and the reference. */
  public static String names() {
    return Arrays.stream(values()).map(MigrationTool::id).collect(Collectors.joining(", "));
  }

  static Optional<String> problem(String id) {
    return Arrays.stream(values()).anyMatch(t -> t.id().equals(id))
        ? Optional.empty()
        : Optional.of("must be one of " + names());
  }

  /** An argv from words separated by single spaces (no word of a preset holds a space). */
  private static List<String> argv(String words) {
    return List.of(words.split(" "));
  }
}
