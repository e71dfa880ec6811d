package io.syncgen.descriptor;

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

  /** The SyncFail alert Job's name. */
  public String syncFailJob() {
    return app + SYNC_FAIL_SUFFIX;
  }
}
