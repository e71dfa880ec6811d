package io.syncgen.descriptor;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Migration tool presets: the command that applies migrations and the command that exits non-zero
 * while any migration is unapplied. Adding a tool is one entry here.
 */
public enum MigrationTool {
  /**
   * Django: {@code manage.py migrate}; {@code migrate --check} (3.1+) exits 1 without a word when a
   * migration is unapplied ({@code django/core/management/commands/migrate.py}: {@code sys.exit(1)}
   * before any output); an error exits 1 with a traceback or {@code CommandError:}, and a database
   * it cannot reach raises {@code django.db.utils.OperationalError}.
   */
  DJANGO(
      "django",
      List.of("python", "manage.py", "migrate", "--noinput"),
      List.of("python", "manage.py", "migrate", "--check"),
      new StatusOutput(
          List.of("django.db.utils.OperationalError"),
          List.of(),
          List.of("Traceback (most recent call last)", "CommandError:"),
          "unapplied migrations")),
  /**
   * Rails: {@code db:migrate}; {@code db:abort_if_pending_migrations} prints "You have N pending
   * migration(s):" and exits 1 ({@code activerecord/lib/active_record/railties/databases.rake}); a
   * database it cannot reach aborts with ActiveRecord::ConnectionNotEstablished (from 7.1 also its
   * subclass DatabaseConnectionError), NoDatabaseError, or the driver's error.
   */
  RAILS(
      "rails",
      List.of("bin/rails", "db:migrate"),
      List.of("bin/rails", "db:abort_if_pending_migrations"),
      new StatusOutput(
          List.of(
              "ActiveRecord::ConnectionNotEstablished",
              "ActiveRecord::DatabaseConnectionError",
              "ActiveRecord::NoDatabaseError",
              "PG::ConnectionBad",
              "Mysql2::Error::ConnectionError"),
          List.of("pending migration"),
          List.of(),
          "the check failed")),
  /** Any other tool: {@code migration.command} (and optionally {@code statusCommand}) is given. */
  COMMAND("command", List.of(), List.of(), StatusOutput.UNKNOWN);

  private final String id;
  private final List<String> migrate;
  private final List<String> status;
  private final StatusOutput statusOutput;

  MigrationTool(String id, List<String> migrate, List<String> status, StatusOutput statusOutput) {
    this.id = id;
    this.migrate = migrate;
    this.status = status;
    this.statusOutput = statusOutput;
  }

  /** The name used in the descriptor's {@code migration.tool}. */
  public String id() {
    return id;
  }

  /** The argv that applies migrations; empty for {@link #COMMAND}. */
  public List<String> migrateCommand() {
    return migrate;
  }

  /** The argv that fails while migrations are unapplied; empty when the preset has none. */
  public List<String> statusCommand() {
    return status;
  }

  /** How to read what {@link #statusCommand()} printed when it failed. */
  public StatusOutput statusOutput() {
    return statusOutput;
  }

  /**
   * The preset with this name.
   *
   * @throws IllegalArgumentException if there is none (the parser rejects such names first)
   */
  public static MigrationTool of(String id) {
    return Arrays.stream(values())
        .filter(t -> t.id.equals(id))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown migration tool: " + id));
  }

  /** The known names, comma-separated, for messages and the reference. */
  public static String names() {
    return Arrays.stream(values()).map(MigrationTool::id).collect(Collectors.joining(", "));
  }

  static Optional<String> problem(String id) {
    return Arrays.stream(values()).anyMatch(t -> t.id.equals(id))
        ? Optional.empty()
        : Optional.of("must be one of " + names());
  }
}
