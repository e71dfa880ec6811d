package io.syncgen.descriptor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The names of the objects rendered for an app, derived from {@code metadata.name}. Kubernetes
 * names Job pods after the Job and labels them with its name, so each name must stay within 63
 * characters (the label value limit).
 *
 * @param app the app name
 */
public record ObjectNames(String app) {
  /** The longest object name Kubernetes accepts here, in characters (a DNS-1123 label). */
  public static final int MAX_LENGTH = 63;

  /** Suffix of the PreSync migration Job. */
  public static final String MIGRATION_SUFFIX = "-db-migrate";

  /** Suffix of the PostSync check Job. */
  public static final String POST_SYNC_SUFFIX = "-post-deploy-check";

  /** Suffix of the PostSync post-deployment migration Job. */
  public static final String POST_MIGRATE_SUFFIX = "-db-post-migrate";

  /** Suffix of the SyncFail alert Job. */
  public static final String SYNC_FAIL_SUFFIX = "-sync-fail-alert";

  /** The PreSync migration Job's name. */
  public String migrationJob() {
    return app + MIGRATION_SUFFIX;
  }

  /** The PostSync check Job's name. */
  public String postSyncJob() {
    return app + POST_SYNC_SUFFIX;
  }

  /** The PostSync post-deployment migration Job's name. */
  public String postMigrateJob() {
    return app + POST_MIGRATE_SUFFIX;
  }

  /** The SyncFail alert Job's name. */
  public String syncFailJob() {
    return app + SYNC_FAIL_SUFFIX;
  }

  /**
   * Whether the Jobs fit Kubernetes' name limit: the longest Job over {@link #MAX_LENGTH} sets the
   * strictest limit (naming another one would fail again once fixed).
   *
   * @param postSyncJob whether the PostSync check Job is rendered
   * @param syncFailJob whether the SyncFail alert Job is rendered
   * @param postMigrateJob whether the post-deployment migration Job is rendered
   * @return what is wrong with {@code metadata.name} and the length to shorten it to, or empty
   */
  public Optional<String> lengthProblem(
      boolean postSyncJob, boolean syncFailJob, boolean postMigrateJob) {
    List<String> jobs = new ArrayList<>(List.of(migrationJob()));
    if (postMigrateJob) {
      jobs.add(postMigrateJob());
    }
    if (postSyncJob) {
      jobs.add(postSyncJob());
    }
    if (syncFailJob) {
      jobs.add(syncFailJob());
    }
    return jobs.stream()
        .filter(job -> job.length() > MAX_LENGTH)
        .max(Comparator.comparingInt(String::length))
        .map(
            job ->
                "metadata.name is too long: the Job "
                    + job
                    + " would have "
                    + job.length()
                    + " characters, over Kubernetes' "
                    + MAX_LENGTH
                    + "; shorten the name to at most "
                    + (MAX_LENGTH - (job.length() - app.length()))
                    + " characters (got "
                    + ScalarWords.quote(app)
                    + ")");
  }
}
