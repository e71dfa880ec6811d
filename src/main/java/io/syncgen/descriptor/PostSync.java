package io.syncgen.descriptor;

/**
 * The PostSync check Job.
 *
 * @param migrationStatus whether to run the status command, or null for "when one is known"
 * @param healthCheck whether to GET the health path, or null for "when healthPath is set"
 * @param activeDeadlineSeconds the check's deadline, in seconds
 */
public record PostSync(
    @Field(
            doc =
                "Fail the sync when a migration is left unapplied. Default: true when a status"
                    + " command is known (a preset's or `migration.statusCommand`).")
        Boolean migrationStatus,
    @Field(
            doc =
                "GET `healthPath` through the Service and fail unless it answers 2xx. Default:"
                    + " true when `spec.healthPath` is set.")
        Boolean healthCheck,
    @Field(
            doc = "Deadline of the check Job, in seconds.",
            defaultValue = "300",
            format = Format.POSITIVE,
            kubernetes = "Job spec.activeDeadlineSeconds")
        Integer activeDeadlineSeconds) {

  /** Whether the status step runs, given whether a status command is known. */
  public boolean runsMigrationStatus(boolean statusCommandKnown) {
    return migrationStatus != null ? migrationStatus : statusCommandKnown;
  }

  /** Whether the health step runs, given whether {@code spec.healthPath} is set. */
  public boolean runsHealthCheck(boolean healthPathSet) {
    return healthCheck != null ? healthCheck : healthPathSet;
  }
}
