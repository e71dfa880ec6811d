package io.syncgen.descriptor;

import java.util.List;
import java.util.Map;

/**
 * One entry of {@code spec.environments}: overrides of a few descriptor fields, applied by {@code
 * syncgen render --env NAME} (or the plugin's {@code environment} parameter). An absent field keeps
 * the descriptor's value.
 *
 * @param imageTag replaces the tag of {@code spec.image}, or null
 * @param replicas replaces {@code spec.replicas}, or null
 * @param resources replaces {@code spec.resources} as a whole, or null
 * @param env merged into {@code spec.env} by name, or null
 * @param namespace replaces {@code metadata.namespace}, or null
 * @param migration overrides of {@code spec.migration}, or null
 * @param database overrides of {@code spec.database}, or null
 * @param syncFail turns the SyncFail alert on or off, or replaces its webhook, or null
 * @param processes overrides of processes of {@code spec.processes}, by name, or null
 * @param autoscaling replaces {@code spec.autoscaling}, or null
 */
public record Environment(
    @Field(
            doc =
                "Replaces the tag of `spec.image` (the app, the migration and the checks all run"
                    + " it). Refused when `spec.image` is pinned by digest.",
            format = Format.IMAGE_TAG)
        String imageTag,
    @Field(doc = "Replaces `spec.replicas`.", format = Format.POSITIVE) Integer replicas,
    @Field(doc = "Replaces `spec.resources` as a whole (requests and limits).")
        ResourceRequirements resources,
    @Field(
            doc =
                "Merged into `spec.env` by name: a variable named like one of `spec.env` replaces"
                    + " it in place; the others are added after them.")
        List<EnvVar> env,
    @Field(doc = "Replaces `metadata.namespace`.", format = Format.DNS_LABEL) String namespace,
    @Field(doc = "Overrides of `spec.migration`.") MigrationOverride migration,
    @Field(doc = "Overrides of `spec.database`.") DatabaseOverride database,
    @Field(
            doc =
                "Turns the SyncFail alert off (`enabled: false`) or on, or replaces its webhook"
                    + " (which also turns it on).")
        SyncFailOverride syncFail,
    @Field(doc = "Overrides of `spec.processes`, by process name; each must exist in `spec`.")
        Map<String, ProcessOverride> processes,
    @Field(doc = "Replaces `spec.autoscaling` (and so drops the Deployment's `replicas`).")
        Autoscaling autoscaling) {

  /**
   * Overrides of one process.
   *
   * @param replicas replaces the process's {@code replicas}, or null
   * @param resources replaces the process's {@code resources}, or null
   */
  public record ProcessOverride(
      @Field(doc = "Replaces the process's `replicas`.", format = Format.POSITIVE) Integer replicas,
      @Field(doc = "Replaces the process's `resources` as a whole.")
          ResourceRequirements resources) {}

  /**
   * Overrides of the migration Job.
   *
   * @param activeDeadlineSeconds replaces {@code spec.migration.activeDeadlineSeconds}, or null
   */
  public record MigrationOverride(
      @Field(doc = "Replaces `spec.migration.activeDeadlineSeconds`.", format = Format.POSITIVE)
          Integer activeDeadlineSeconds) {}

  /**
   * Overrides of the database block.
   *
   * @param waitFor overrides of {@code spec.database.waitFor}, or null
   */
  public record DatabaseOverride(
      @Field(doc = "Overrides of `spec.database.waitFor`, which must be set.")
          WaitForOverride waitFor) {}

  /**
   * Overrides of the wait for the database.
   *
   * @param timeoutSeconds replaces {@code spec.database.waitFor.timeoutSeconds}, or null
   */
  public record WaitForOverride(
      @Field(doc = "Replaces `spec.database.waitFor.timeoutSeconds`.", format = Format.POSITIVE)
          Integer timeoutSeconds) {}

  /**
   * The SyncFail alert in one environment.
   *
   * @param enabled false for no alert, true for one (with a webhook from here or {@code
   *     spec.syncFail}), or null to follow {@code webhook} and the descriptor
   * @param webhook replaces {@code spec.syncFail.webhook}, or null
   */
  public record SyncFailOverride(
      @Field(
              doc =
                  "`false` renders no SyncFail Job in this environment; `true` renders one, with"
                      + " the webhook below or that of `spec.syncFail`.")
          Boolean enabled,
      @Field(doc = "Replaces the alert's webhook and turns the alert on.") Webhook webhook) {}
}
