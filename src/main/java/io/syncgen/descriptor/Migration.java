package io.syncgen.descriptor;

import java.util.List;

/**
 * The PreSync migration Job.
 *
 * @param tool a preset name, or null when {@code command} is given
 * @param command the argv that applies migrations, or null to use the preset's
 * @param statusCommand the argv that fails while migrations are unapplied, or null for the preset's
 * @param backoffLimit retries of a failed migration (Kubernetes Job backoffLimit)
 * @param activeDeadlineSeconds the migration's deadline, in seconds
 * @param resources requests and limits of the migration container, or null
 * @param args the migration container's args (keeping the image's ENTRYPOINT), or null
 * @param env variables of the migration and status containers only, or null
 * @param image another image to migrate with, or null for {@code spec.image}
 * @param hook the hook the Job runs as: {@code PreSync} or {@code Sync}
 * @param postDeploy the post-deployment migrations, run after the rollout, or null
 * @param lockTimeout PostgreSQL's {@code lock_timeout} for the migrations, a duration such as
 *     {@code 5s} ({@link PostgresTimeout}); {@code 0} for none
 * @param statementTimeout PostgreSQL's {@code statement_timeout} for the migrations, or null
 * @param statusOutput how to read {@code statusCommand}'s output, or null for its exit code alone
 * @param sql where the migration's SQL is, for {@code migrations lint}, or null
 * @param contract the contract gate: releases whose sessions must be gone first, or null
 */
public record Migration(
    @Field(
            doc =
                "A preset (the table in \"Migration tools\"): `django`, `rails`, `alembic`,"
                    + " `flyway`, `liquibase`, `knex`, `node-pg-migrate`, `sequelize`, `typeorm`,"
                    + " `sqitch`, `prisma`, `golang-migrate`; or `command` with `command` set.",
            format = Format.MIGRATION_TOOL)
        String tool,
    @Field(
            doc =
                "The argv that applies migrations, instead of a preset (`tool` may then be absent"
                    + " or `command`). Run as is, without a shell.",
            kubernetes = "Job containers[].command")
        List<String> command,
    @Field(
            doc =
                "The argv that exits non-zero while migrations are unapplied, run by the PostSync"
                    + " check. Default: the preset's; none for `command`.",
            kubernetes = "PostSync Job containers[].command")
        List<String> statusCommand,
    @Field(
            doc =
                "Retries of a failed migration. 0 is the safe choice: a half-applied migration is"
                    + " not retried blindly.",
            defaultValue = "0",
            format = Format.NON_NEGATIVE,
            kubernetes = "Job spec.backoffLimit")
        Integer backoffLimit,
    @Field(
            doc = "Deadline of the migration Job, in seconds; Kubernetes stops it after this.",
            defaultValue = "300",
            format = Format.POSITIVE,
            kubernetes = "Job spec.activeDeadlineSeconds")
        Integer activeDeadlineSeconds,
    @Field(
            doc = "CPU and memory requests and limits of the migration container.",
            kubernetes = "Job containers[].resources")
        ResourceRequirements resources,
    @Field(
            doc =
                "The migration container's arguments, keeping the image's ENTRYPOINT (which may"
                    + " wait for the database or load secrets); with a preset they replace the"
                    + " preset's command.",
            kubernetes = "Job containers[].args")
        List<String> args,
    @Field(
            doc =
                "Variables of the migration and status containers only, after `spec.env`, such as"
                    + " `SKIP_POST_DEPLOYMENT_MIGRATIONS=true`.",
            kubernetes = "Job containers[].env")
        List<EnvVar> env,
    @Field(
            doc =
                "A full image reference to migrate with instead of `spec.image` (an admin-tools"
                    + " image). That is another program: it gets the database connection and"
                    + " `migration.env`, not `spec.env`, `envFrom` or the volume mounts. The default,"
                    + " the app's own image, keeps the schema and the code of one release together.",
            format = Format.IMAGE,
            kubernetes = "Job containers[].image")
        String image,
    @Field(
            doc =
                "`PreSync` runs the migration before anything of the Sync phase. `Sync` runs it as"
                    + " a Sync hook at wave -1, so objects at wave -2 (the app's own Secret or"
                    + " ExternalSecret) exist before it: the fix for the first sync of an app that"
                    + " creates its database Secret.",
            defaultValue = "PreSync",
            format = Format.MIGRATION_HOOK,
            kubernetes = "metadata.annotations[argocd.argoproj.io/hook]")
        String hook,
    @Field(
            doc =
                "Post-deployment migrations: a PostSync hook Job `<name>-db-post-migrate` at wave"
                    + " 1, in the migration's image, with its resources, deadline and no retries;"
                    + " it runs only once every pod runs the new release, and the PostSync check"
                    + " moves to wave 2. Once it ran, rolling the code back to the previous release"
                    + " is no longer safe.")
        PostDeployMigration postDeploy,
    @Field(
            doc =
                "How long a migration statement waits for a lock before it fails (PostgreSQL's"
                    + " `lock_timeout`): `500ms`, `5s`, `2m`, `1h`, or `0` for no limit. Without"
                    + " one, a migration queued behind a long transaction holds every query of"
                    + " the app queued behind its own lock. Set in the migration Jobs only, never"
                    + " the app, the way the preset's tool takes it (`PGOPTIONS`, or the JDBC"
                    + " `options` parameter).",
            defaultValue = "5s",
            format = Format.POSTGRES_TIMEOUT,
            kubernetes = "Job containers[].env")
        String lockTimeout,
    @Field(
            doc =
                "How long one migration statement may run (PostgreSQL's `statement_timeout`), as"
                    + " `lockTimeout`. Default: no limit; the Job's deadline bounds the whole run.",
            format = Format.POSTGRES_TIMEOUT,
            kubernetes = "Job containers[].env")
        String statementTimeout,
    @Field(
            doc =
                "How to read `statusCommand`'s output, for a tool whose status command exits 0"
                    + " with migrations pending: shell patterns (as in `case`) matched against"
                    + " each whole line. Needs `statusCommand`.")
        StatusPatterns statusOutput,
    @Field(
            doc =
                "Where this migration's SQL is: `syncgen migrations lint app.yaml` checks it as"
                    + " expand, since it runs before the new code.")
        MigrationSql sql,
    @Field(
            doc =
                "A contract gate (see \"Contract gate\"): an init container `wait-for-retired`"
                    + " polls `pg_stat_activity` with psql every 5 s until no session of the"
                    + " retired releases is connected, then the migration runs; after"
                    + " `timeoutSeconds` the Job fails, listing them. Needs `database.urlFrom`"
                    + " holding a URL psql reads (`postgres://...`, not a JDBC URL).")
        ContractGate contract) {

  /** {@link #hook()} of a migration that runs before the Sync phase (the default). */
  public static final String PRE_SYNC = "PreSync";

  /** {@link #hook()} of a migration that runs as a Sync hook at wave -1. */
  public static final String SYNC = "Sync";

  /** The preset: {@code tool} when set, else {@link MigrationTool#COMMAND}. */
  public MigrationTool preset() {
    return tool == null ? MigrationTool.COMMAND : MigrationTool.of(tool);
  }

  /**
   * The migration container's command: {@code command} when set; none when {@code args} keep the
   * image's ENTRYPOINT; else the preset's.
   */
  public List<String> migrateCommand() {
    if (command != null) {
      return command;
    }
    return args != null ? List.of() : preset().migrateCommand();
  }

  /** Whether the Job runs in another image than the app's. */
  public boolean hasOwnImage() {
    return image != null;
  }

  /** The argv that fails while migrations are unapplied; empty when none is known. */
  public List<String> effectiveStatusCommand() {
    return statusCommand != null ? statusCommand : preset().statusCommand();
  }

  /**
   * How to read what {@link #effectiveStatusCommand()} printed: the preset's signs for the preset's
   * own command; for a {@code statusCommand} of the descriptor, its {@code statusOutput} patterns,
   * or its exit code alone.
   */
  public StatusOutput effectiveStatusOutput() {
    if (statusCommand == null) {
      return preset().statusOutput();
    }
    return statusOutput == null ? StatusOutput.UNKNOWN : statusOutput.toStatusOutput();
  }

  /**
   * PostgreSQL settings for the migration's sessions, as {@code -c name=value} options in that
   * order: {@code lock_timeout} and {@code statement_timeout}, each when set and not 0.
   *
   * @return the options, empty when neither is set
   */
  public List<String> sessionOptions() {
    List<String> options = new java.util.ArrayList<>();
    option(options, "lock_timeout", lockTimeout);
    option(options, "statement_timeout", statementTimeout);
    return options;
  }

  private static void option(List<String> options, String name, String duration) {
    long millis = duration == null ? 0 : PostgresTimeout.millis(duration);
    if (millis > 0) {
      options.add("-c " + name + "=" + PostgresTimeout.postgres(millis));
    }
  }
}
