package io.syncgen.descriptor;

import io.syncgen.descriptor.Preset.Concurrency;
import io.syncgen.descriptor.Preset.Connection;
import io.syncgen.descriptor.Preset.Outcome;
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
  /** Django: {@code manage.py migrate}, checked by {@code migrate --check}'s exit code. */
  DJANGO(
      new Preset(
          "django",
          argv("python manage.py migrate --noinput"),
          // Exits 1 without a word when a migration is unapplied (django/core/management/commands/
          // migrate.py: sys.exit(1) before any output).
          argv("python manage.py migrate --check"),
          StatusOutput.exitCode("unapplied migrations")
              .withUnreachable(
                  Signs.with(Signs.LIBPQ_UNREACHABLE, "*django.db.utils.OperationalError*"))
              .withFailed(List.of(Signs.TRACEBACK, "CommandError:*")),
          new Connection("DATABASE_URL", "postgres://USER:PASSWORD@HOST:PORT/DATABASE"),
          new Concurrency(Outcome.BOTH_RUN, "no lock: both apply; one crashes (DuplicateColumn)"),
          SessionOptions.PGOPTIONS,
          true,
          "Django has no URL setting: the settings module parses it (dj-database-url or the"
              + " standard library).")),
  /** Rails: {@code db:migrate}, checked by {@code db:abort_if_pending_migrations}'s exit code. */
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
                  Signs.with(
                      Signs.LIBPQ_UNREACHABLE,
                      "*ActiveRecord::ConnectionNotEstablished*",
                      "*ActiveRecord::DatabaseConnectionError*",
                      "*ActiveRecord::NoDatabaseError*",
                      "*PG::ConnectionBad*",
                      "*Mysql2::Error::ConnectionError*")),
          new Connection("DATABASE_URL", "postgres://USER:PASSWORD@HOST:PORT/DATABASE"),
          new Concurrency(
              Outcome.SECOND_FAILS,
              "advisory lock: the second fails at once (ConcurrentMigrationError)"),
          SessionOptions.PGOPTIONS,
          true,
          "GitLab and Mastodon split post-deployment migrations with"
              + " `SKIP_POST_DEPLOYMENT_MIGRATIONS=true` in `migration.env` and a second pass in"
              + " `migration.postDeploy`; Rails itself does not know the variable.")),
  /** Alembic: {@code upgrade head}, checked by {@code (head)} in {@code alembic current}. */
  ALEMBIC(
      new Preset(
          "alembic",
          argv("alembic upgrade head"),
          // Exits 0 whatever the state; at head it prints "<rev> (head)", else a bare revision.
          argv("alembic current"),
          StatusOutput.exitCode("the check failed")
              .withUpToDate(List.of("* (head)*"))
              .withUnreachable(
                  Signs.with(Signs.LIBPQ_UNREACHABLE, "*sqlalchemy.exc.OperationalError*"))
              .withFailed(List.of(Signs.TRACEBACK, "FAILED: *", "ERROR [alembic*")),
          new Connection("DATABASE_URL", "postgresql://USER:PASSWORD@HOST:PORT/DATABASE"),
          new Concurrency(Outcome.BOTH_RUN, "no lock: both apply; one crashes"),
          SessionOptions.PGOPTIONS,
          true,
          "`env.py` reads the URL; SQLAlchemy 1.4+ refuses `postgres://`. With several heads, one"
              + " of them at the database shows `(head)`: migrate with `upgrade heads`. Alembic"
              + " 1.17.1+ has `current --check-heads`, which exits non-zero instead.")),
  /** Flyway: {@code migrate}, checked by {@code validate}'s exit code; timeouts in the JDBC URL. */
  FLYWAY(
      new Preset(
          "flyway",
          argv("flyway migrate"),
          // `flyway info` exits 0 with pending ones; validate fails on a resolved migration not
          // applied.
          argv("flyway validate"),
          StatusOutput.exitCode("the check failed")
              .withPending(List.of("*Detected resolved migration not applied to database*"))
              .withUnreachable(Signs.with(Signs.JDBC_UNREACHABLE, "SQL State  : 08*"))
              .withFailed(List.of("ERROR: *")),
          new Connection(
              "FLYWAY_URL", "jdbc:postgresql://HOST:PORT/DATABASE?user=USER&password=PASSWORD"),
          new Concurrency(
              Outcome.SECOND_WAITS,
              "advisory lock: the second retries once a second, 50 times by default"
                  + " (`FLYWAY_LOCK_RETRY_COUNT`), then fails"),
          SessionOptions.JDBC_OPTIONS,
          true,
          "Run from the folder of `flyway.toml` (or set `FLYWAY_LOCATIONS`): with no migration"
              + " found, `validate` passes.")),
  /** Liquibase: {@code update}, checked by {@code status}'s output; timeouts in the JDBC URL. */
  LIQUIBASE(
      new Preset(
          "liquibase",
          argv("liquibase update"),
          // `status` exits 0 with pending ones; it prints "... is up to date" only when none are.
          argv("liquibase status"),
          StatusOutput.exitCode("the check failed")
              .withUpToDate(List.of("* is up to date"))
              .withPending(List.of("* not been applied to *"))
              .withUnreachable(Signs.JDBC_UNREACHABLE)
              .withFailed(List.of("ERROR: *", "Unexpected error running Liquibase: *")),
          new Connection(
              "LIQUIBASE_COMMAND_URL",
              "jdbc:postgresql://HOST:PORT/DATABASE?user=USER&password=PASSWORD"),
          new Concurrency(
              Outcome.SECOND_WAITS,
              "lock table: the second waits (5 min by default); a killed run leaves the lock"
                  + " until `liquibase release-locks`"),
          SessionOptions.JDBC_OPTIONS,
          true,
          "A changeset's identity includes the changelog path as given: run from the same"
              + " folder every time, or every changeset looks pending again.")),
  /** Knex: {@code migrate:latest}, checked by {@code migrate:list}'s output. */
  KNEX(
      new Preset(
          "knex",
          argv("knex migrate:latest"),
          // Exits 0 with pending ones; prints "No Pending Migration files Found." only when none.
          argv("knex migrate:list"),
          StatusOutput.exitCode("the check failed")
              .withUpToDate(List.of("No Pending Migration files Found."))
              .withPending(List.of("Found * Pending Migration file/files."))
              .withUnreachable(Signs.NODE_UNREACHABLE),
          new Connection("DATABASE_URL", "postgres://USER:PASSWORD@HOST:PORT/DATABASE"),
          new Concurrency(
              Outcome.SECOND_WAITS,
              "lock table: the second waits, then finds nothing to do; a killed run left no lock"),
          SessionOptions.PGOPTIONS,
          true,
          "`knexfile.js` reads the URL. knex, node-pg-migrate and TypeORM take a `jdbc:` URL"
              + " silently as localhost:5432.")),
  /** node-pg-migrate: {@code up}, checked by the output of a dry run. */
  NODE_PG_MIGRATE(
      new Preset(
          "node-pg-migrate",
          argv("node-pg-migrate up"),
          // Exits 0 with pending ones; the dry run prints "No migrations to run!" only when none.
          // Without --no-lock it would fail while a migration runs.
          argv("node-pg-migrate up --dry-run --no-lock"),
          StatusOutput.exitCode("the check failed")
              .withUpToDate(List.of("No migrations to run!"))
              .withPending(List.of("> Migrating files:"))
              .withUnreachable(Signs.NODE_UNREACHABLE),
          new Connection("DATABASE_URL", "postgres://USER:PASSWORD@HOST:PORT/DATABASE"),
          new Concurrency(
              Outcome.SECOND_FAILS,
              "advisory lock: the second fails at once (`--advisory-lock-mode wait` waits)"),
          SessionOptions.PGOPTIONS,
          true,
          "")),
  /** Sequelize CLI: {@code db:migrate}, checked by {@code db:migrate:status}'s output. */
  SEQUELIZE(
      new Preset(
          "sequelize",
          argv("sequelize-cli db:migrate"),
          // Exits 0 with pending ones; one line per migration, "up <file>" or "down <file>".
          argv("sequelize-cli db:migrate:status"),
          StatusOutput.exitCode("the check failed")
              .withUpToDate(List.of("up *"))
              .withPending(List.of("down *"))
              .withUnreachable(Signs.NODE_UNREACHABLE)
              .withFailed(List.of("ERROR: *")),
          new Connection("DATABASE_URL", "postgres://USER:PASSWORD@HOST:PORT/DATABASE"),
          new Concurrency(Outcome.BOTH_RUN, "no lock: both apply; one crashes"),
          SessionOptions.PGOPTIONS,
          true,
          "`config.json` reads the URL with `use_env_variable: DATABASE_URL`. Migrations run"
              + " outside a transaction: a killed run can leave one half-applied and unrecorded.")),
  /** TypeORM: {@code migration:run}, checked by {@code migration:show}'s output. */
  TYPEORM(
      new Preset(
          "typeorm",
          argv("typeorm migration:run -d data-source.js"),
          // Exits 0 with pending ones; one line per migration, "[X] <n> <name>" or "[ ] <name>".
          argv("typeorm migration:show -d data-source.js"),
          StatusOutput.exitCode("the check failed")
              .withUpToDate(List.of("[[]X[]] *"))
              .withPending(List.of("[[] []] *"))
              .withUnreachable(Signs.NODE_UNREACHABLE)
              .withFailed(List.of("Error during migration show:*")),
          new Connection("DATABASE_URL", "postgres://USER:PASSWORD@HOST:PORT/DATABASE"),
          new Concurrency(Outcome.BOTH_RUN, "no lock: both apply; one crashes and rolls back"),
          SessionOptions.PGOPTIONS,
          true,
          "`data-source.js` in the working directory exports the DataSource and reads the URL;"
              + " with another file, set `command` and `statusCommand` with its name.")),
  /** Sqitch: {@code deploy}, checked by {@code status}'s output. */
  SQITCH(
      new Preset(
          "sqitch",
          argv("sqitch deploy"),
          // Exits 1 on an empty database but 0 with pending changes once one is deployed.
          argv("sqitch status"),
          StatusOutput.exitCode("the check failed")
              .withUpToDate(List.of("Nothing to deploy (up-to-date)"))
              .withPending(
                  List.of("Undeployed change:", "Undeployed changes:", "No changes deployed"))
              .withUnreachable(Signs.LIBPQ_UNREACHABLE)
              .withFailed(List.of("Deploy failed*", "Cannot find this change in *")),
          new Connection("SQITCH_TARGET", "db:pg://USER:PASSWORD@HOST:PORT/DATABASE"),
          new Concurrency(
              Outcome.SECOND_WAITS,
              "advisory lock: the second waits up to 60 s, then finds nothing to do; a lock"
                  + " timeout ends that wait first"),
          SessionOptions.PGOPTIONS,
          true,
          "Sqitch runs each script with `psql`, which the image needs. Run from the folder of"
              + " `sqitch.plan`: without it, `status` exits 0 with `Status unknown`.")),
  /** Prisma (not run here): {@code migrate deploy}, checked by {@code migrate status}. */
  PRISMA(
      new Preset(
          "prisma",
          argv("prisma migrate deploy"),
          // Exits 1 when a migration is not applied, from Prisma 4.3.0 (prisma.io/docs/cli/
          // migrate/status).
          argv("prisma migrate status"),
          StatusOutput.exitCode("unapplied migrations or the check failed")
              .withPending(List.of("*have not yet been applied*"))
              .withUnreachable(List.of("*P1001*", "*P1003*", "*Can't reach database server*")),
          new Connection("DATABASE_URL", "postgresql://USER:PASSWORD@HOST:PORT/DATABASE"),
          new Concurrency(
              Outcome.SECOND_WAITS,
              "advisory lock: the second waits up to 10 s, then fails (P1002), from Prisma's"
                  + " documentation"),
          SessionOptions.URL,
          false,
          "Not run here: Prisma's engines download at install time. Its engine reads no"
              + " `PGOPTIONS`: set the timeouts on the migration's role and `lockTimeout: 0`.")),
  /** golang-migrate (not run here): {@code up}; it has no status command. */
  GOLANG_MIGRATE(
      new Preset(
          "golang-migrate",
          // Kubernetes expands $(DATABASE_URL) in a container's command from its env.
          List.of("migrate", "-path", "migrations", "-database", "$(DATABASE_URL)", "up"),
          // `migrate version` prints the applied version, not whether a newer one waits.
          List.of(),
          StatusOutput.UNKNOWN,
          new Connection("DATABASE_URL", "postgres://USER:PASSWORD@HOST:PORT/DATABASE"),
          new Concurrency(
              Outcome.SECOND_WAITS, "advisory lock: the second waits, from its documentation"),
          SessionOptions.PGOPTIONS,
          false,
          "Not run here: golang-migrate has no Debian package and Go modules are out of reach."
              + " It has no command that tells whether a migration is pending: give"
              + " `statusCommand`. lib/pq reads `PGOPTIONS`.")),
  /** Any other tool: {@code migration.command} (and optionally {@code statusCommand}) is given. */
  COMMAND(
      new Preset(
          "command",
          List.of(),
          List.of(),
          StatusOutput.UNKNOWN,
          new Connection("DATABASE_URL", "as the tool takes it"),
          new Concurrency(Outcome.BOTH_RUN, "unknown"),
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
