package io.syncgen.descriptor;

import java.util.List;

/**
 * What syncgen knows of one migration tool, measured against PostgreSQL 15 by {@code PresetSuiteIT}
 * unless {@code runHere} is false (then read from the tool's documentation): one entry of {@link
 * MigrationTool}, and one row of the README's preset table.
 *
 * @param id the name in {@code migration.tool}
 * @param migrate the argv that applies every pending migration
 * @param status the argv the PostSync check runs; empty when the tool has none that tells
 * @param statusOutput how to read what {@code status} printed and its exit code
 * @param connection where the tool reads the database connection, and in which URL form
 * @param concurrency what a second migrate run does while one runs
 * @param sessionOptions how {@code migration.lockTimeout} and {@code statementTimeout} reach it
 * @param runHere whether the preset suite runs the tool for real (false: from its documentation)
 * @param note what a user must add to the image or know, or empty
 */
public record Preset(
    String id,
    List<String> migrate,
    List<String> status,
    StatusOutput statusOutput,
    Connection connection,
    Concurrency concurrency,
    SessionOptions sessionOptions,
    boolean runHere,
    String note) {
  /** Copies the lists. */
  public Preset {
    migrate = List.copyOf(migrate);
    status = List.copyOf(status);
  }

  /**
   * Where a tool reads the database connection.
   *
   * @param variable the environment variable, which {@code database.urlEnv} defaults to
   * @param url the URL form, with {@code USER}, {@code PASSWORD}, {@code HOST}, {@code PORT} and
   *     {@code DATABASE} in place of the values (the preset suite fills them in)
   */
  public record Connection(String variable, String url) {
    /**
     * Whether the URL is one libpq (and so psql) reads: {@code postgres://} or {@code
     * postgresql://}.
     */
    public boolean libpq() {
      return url.startsWith("postgres://") || url.startsWith("postgresql://");
    }
  }

  /**
   * What a second migrate run does while one runs, blocked behind a lock (two clusters, or two
   * apps, sharing a database; within one namespace the fixed Job name prevents it).
   *
   * @param outcome what happens, as the preset suite classifies it
   * @param how the mechanism and what was seen, in Markdown
   */
  public record Concurrency(Outcome outcome, String how) {}

  /** What a second migrate run does while the first one runs. */
  public enum Outcome {
    /** It fails at once: the tool's lock is taken. */
    SECOND_FAILS,
    /** It waits for the first, then finds nothing to do. */
    SECOND_WAITS,
    /** Both apply the same migrations; one of them crashes (or worse, both succeed half-way). */
    BOTH_RUN
  }

  /** How the migration's PostgreSQL session options (its lock and statement timeouts) reach it. */
  public enum SessionOptions {
    /** libpq (or a driver that follows it) reads {@code PGOPTIONS}, set on the Job's container. */
    PGOPTIONS,
    /**
     * The PostgreSQL JDBC driver ignores {@code PGOPTIONS}; its {@code options} URL parameter
     * (pgjdbc's {@code PGProperty.OPTIONS}) carries them, added to the tool's URL variable.
     */
    JDBC_OPTIONS,
    /** Neither: the user adds them to the connection URL (the README says how). */
    URL;
  }
}
