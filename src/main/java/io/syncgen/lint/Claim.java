package io.syncgen.lint;

/**
 * What a rule says PostgreSQL does when the statement runs on an existing, populated table, which
 * the database itself can confirm (LintClaimsIT): the strongest lock mode it holds on the table
 * ({@code pg_locks.mode}; PostgreSQL's "Explicit Locking" and the lock each ALTER TABLE form takes,
 * in the ALTER TABLE reference), whether the table is rewritten (a new {@code
 * pg_class.relfilenode}), whether a new constraint is validated against every row at once ({@code
 * pg_constraint.convalidated}), and whether PostgreSQL refuses it inside a transaction block.
 *
 * @param lock the lock mode held on the table, or null when the rule claims none
 * @param rewrite whether the table's files are rewritten
 * @param validates whether a constraint it adds is checked against every existing row at once
 * @param refusedInTransaction whether it fails inside BEGIN ... COMMIT (SQLSTATE 25001)
 */
public record Claim(String lock, boolean rewrite, boolean validates, boolean refusedInTransaction) {
  /** Blocks every read and write of the table while held. */
  public static final String ACCESS_EXCLUSIVE = "AccessExclusiveLock";

  /** Blocks every write (INSERT, UPDATE, DELETE) while held: what CREATE INDEX takes. */
  public static final String SHARE = "ShareLock";

  /** Blocks writes and other such locks: what a foreign key takes on both tables. */
  public static final String SHARE_ROW_EXCLUSIVE = "ShareRowExclusiveLock";

  /** No claim the database can check (a rule about the release phase, or about the file). */
  static final Claim NONE = new Claim(null, false, false, false);

  /** A lock held on the table, nothing else. */
  static Claim lock(String mode) {
    return new Claim(mode, false, false, false);
  }
}
