package io.syncgen.lint;

/**
 * The release phase a migration runs in, as expand/contract splits a schema change. Source:
 * ../shared/docs/migration-safety.md (squawk, strong_migrations, Atlas, pgroll).
 */
public enum Phase {
  /**
   * Before the new code (the PreSync migration): the old code keeps running against the new schema,
   * so nothing it reads or writes may go away or change.
   */
  EXPAND,
  /**
   * Once no old code runs (a post-deployment migration, or the next release's PreSync): drops,
   * renames and constraints the old code would have broken.
   */
  CONTRACT
}
