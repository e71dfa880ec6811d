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
        ResourceRequirements resources) {

  /** The preset: {@code tool} when set, else {@link MigrationTool#COMMAND}. */
  public MigrationTool preset() {
    return tool == null ? MigrationTool.COMMAND : MigrationTool.of(tool);
  }

  /** The argv that applies migrations: {@code command} when set, else the preset's. */
  public List<String> migrateCommand() {
    return command != null ? command : preset().migrateCommand();
  }

  /** The argv that fails while migrations are unapplied; empty when none is known. */
  public List<String> effectiveStatusCommand() {
    return statusCommand != null ? statusCommand : preset().statusCommand();
  }
}
