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
 */
public record Migration(
    @Field(
            doc = "A preset: `django`, `rails`, or `command` with `command` set.",
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
        PostDeployMigration postDeploy) {

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
   * How to read what {@link #effectiveStatusCommand()} printed when it failed: the preset's signs
   * for the preset's own command, none for a {@code statusCommand} of the descriptor.
   */
  public StatusOutput statusOutput() {
    return statusCommand != null ? StatusOutput.UNKNOWN : preset().statusOutput();
  }
}
