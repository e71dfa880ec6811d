package io.syncgen.lint;

import io.syncgen.diagnostic.Severity;
import java.util.Arrays;
import java.util.Optional;

/**
 * Every check of {@code syncgen migrations lint}: its id (for {@code -- syncgen:allow}), its
 * severity in each phase (null: allowed there), what PostgreSQL does that makes it unsafe ({@link
 * Claim}, confirmed against a real database by LintClaimsIT), and its documentation. The checks are
 * those of the table in ../shared/docs/migration-safety.md (squawk, strong_migrations, Atlas); the
 * README's table is generated from these entries.
 */
public enum LintRule {
  DROP_COLUMN(
      "drop-column",
      Severity.ERROR,
      null,
      Claim.lock(Claim.ACCESS_EXCLUSIVE),
      "ALTER TABLE ... DROP COLUMN.",
      "The old code still selects and inserts the column while the new one rolls out.",
      "Stop reading and writing the column in one release; drop it in a contract migration"
          + " (postDeploy, or the next release)."),
  DROP_TABLE(
      "drop-table",
      Severity.ERROR,
      null,
      Claim.lock(Claim.ACCESS_EXCLUSIVE),
      "DROP TABLE of an existing table.",
      "The old code still queries the table while the new one rolls out.",
      "Stop using the table in one release; drop it in a contract migration."),
  RENAME_COLUMN(
      "rename-column",
      Severity.ERROR,
      null,
      Claim.lock(Claim.ACCESS_EXCLUSIVE),
      "ALTER TABLE ... RENAME [COLUMN] a TO b.",
      "The old code still uses the old name: its queries fail as soon as the rename commits.",
      "Add the new column, write both, backfill, move reads, stop writing the old one, then drop"
          + " it in a contract migration."),
  RENAME_TABLE(
      "rename-table",
      Severity.ERROR,
      null,
      Claim.lock(Claim.ACCESS_EXCLUSIVE),
      "ALTER TABLE ... RENAME TO.",
      "The old code still uses the old name: its queries fail as soon as the rename commits.",
      "Create the new table (or a view under the old name), move the code over, drop the old one"
          + " in a contract migration."),
  CHANGE_COLUMN_TYPE(
      "change-column-type",
      Severity.ERROR,
      Severity.ERROR,
      new Claim(Claim.ACCESS_EXCLUSIVE, true, false, false),
      "ALTER TABLE ... ALTER COLUMN ... TYPE (SET DATA TYPE).",
      "Most type changes rewrite the table and its indexes under ACCESS EXCLUSIVE, and the old"
          + " code may not read the new type.",
      "Add a column of the new type, write both, backfill in batches, move reads, drop the old"
          + " column in a contract migration."),
  ADD_REQUIRED_COLUMN(
      "add-required-column",
      Severity.ERROR,
      Severity.ERROR,
      Claim.NONE,
      "ADD COLUMN ... NOT NULL without a DEFAULT.",
      "The old code inserts rows without the column, which then fail; on a table with rows the"
          + " statement itself fails.",
      "Add the column with a constant DEFAULT (no rewrite since PostgreSQL 11), or nullable first,"
          + " backfill, and SET NOT NULL in a contract migration."),
  SET_NOT_NULL(
      "set-not-null",
      Severity.ERROR,
      Severity.WARNING,
      Claim.lock(Claim.ACCESS_EXCLUSIVE),
      "ALTER TABLE ... ALTER COLUMN ... SET NOT NULL.",
      "The old code may still leave the column empty; and the statement scans the whole table"
          + " under ACCESS EXCLUSIVE.",
      "In a contract migration: ADD CONSTRAINT ... CHECK (col IS NOT NULL) NOT VALID, VALIDATE"
          + " CONSTRAINT, then SET NOT NULL (PostgreSQL 12+ skips the scan) and drop the check."),
  DROP_NOT_NULL(
      "drop-not-null",
      Severity.WARNING,
      Severity.WARNING,
      Claim.lock(Claim.ACCESS_EXCLUSIVE),
      "ALTER TABLE ... ALTER COLUMN ... DROP NOT NULL.",
      "Code that reads the column may not expect an empty value.",
      "Make every reader handle NULL first; acknowledge the finding once that is so."),
  UNIQUE_CONSTRAINT(
      "unique-constraint",
      Severity.ERROR,
      Severity.ERROR,
      Claim.lock(Claim.ACCESS_EXCLUSIVE),
      "ADD CONSTRAINT ... UNIQUE or PRIMARY KEY (or a column added with one) without USING"
          + " INDEX, on an existing table.",
      "It builds the index while holding ACCESS EXCLUSIVE: no read or write until it ends.",
      "CREATE UNIQUE INDEX CONCURRENTLY, then ADD CONSTRAINT ... UNIQUE USING INDEX."),
  INDEX_WITHOUT_CONCURRENTLY(
      "index-without-concurrently",
      Severity.ERROR,
      Severity.ERROR,
      Claim.lock(Claim.SHARE),
      "CREATE INDEX or DROP INDEX without CONCURRENTLY on an existing table.",
      "CREATE INDEX blocks every write to the table until the index is built; DROP INDEX takes"
          + " ACCESS EXCLUSIVE.",
      "CREATE INDEX CONCURRENTLY (DROP INDEX CONCURRENTLY), outside a transaction block."),
  CONCURRENTLY_IN_TRANSACTION(
      "concurrently-in-transaction",
      Severity.ERROR,
      Severity.ERROR,
      new Claim(null, false, false, true),
      "CREATE or DROP INDEX CONCURRENTLY inside BEGIN ... COMMIT in the file.",
      "PostgreSQL refuses it inside a transaction block, so the migration fails.",
      "Put it in a migration of its own that runs outside a transaction (Django: atomic = False;"
          + " Rails: disable_ddl_transaction!; Flyway: a separate script)."),
  CONSTRAINT_NOT_VALID(
      "constraint-not-valid",
      Severity.ERROR,
      Severity.ERROR,
      new Claim(Claim.SHARE_ROW_EXCLUSIVE, false, true, false),
      "ADD CONSTRAINT ... FOREIGN KEY or CHECK (or a column added with REFERENCES) without NOT"
          + " VALID, on an existing table.",
      "It checks every existing row while holding its lock (FOREIGN KEY: SHARE ROW EXCLUSIVE on"
          + " both tables, blocking writes; CHECK: ACCESS EXCLUSIVE).",
      "ADD CONSTRAINT ... NOT VALID, then VALIDATE CONSTRAINT in a later migration: it takes only"
          + " SHARE UPDATE EXCLUSIVE."),
  TABLE_REWRITE(
      "table-rewrite",
      Severity.ERROR,
      Severity.ERROR,
      new Claim(Claim.ACCESS_EXCLUSIVE, true, false, false),
      "ADD COLUMN with a volatile DEFAULT (random(), gen_random_uuid(), clock_timestamp(),"
          + " nextval()), a serial type or a STORED generated column.",
      "PostgreSQL rewrites the whole table under ACCESS EXCLUSIVE to fill the column.",
      "Add the column without the default (or with a constant one), set the default after, and"
          + " backfill in batches."),
  TRANSACTION_NESTING(
      "transaction-nesting",
      Severity.ERROR,
      Severity.ERROR,
      Claim.NONE,
      "BEGIN (or START TRANSACTION) while the file's transaction block is still open (squawk's"
          + " transaction-nesting).",
      "PostgreSQL only warns and goes on in the outer block; the COMMIT meant for the inner one"
          + " ends both, so what follows runs outside any transaction.",
      "One BEGIN ... COMMIT per file, or none when the tool opens the transaction itself."),
  UNCOMMITTED_TRANSACTION(
      "uncommitted-transaction",
      Severity.ERROR,
      Severity.ERROR,
      Claim.NONE,
      "A file that ends inside BEGIN without COMMIT (squawk's ban-uncommitted-transaction).",
      "Whatever runs the file next, or the session's end, decides: the migration may be rolled"
          + " back while its locks were held, or committed by an unrelated statement.",
      "End the block with COMMIT in the same file."),
  CONCURRENT_INDEX_NOT_IDEMPOTENT(
      "concurrent-index-not-idempotent",
      Severity.WARNING,
      Severity.WARNING,
      Claim.NONE,
      "CREATE INDEX CONCURRENTLY without IF NOT EXISTS (squawk's prefer-robust-stmts).",
      "A concurrent build that fails (a lock timeout, a duplicate) leaves an INVALID index behind,"
          + " and the retried migration then fails because the index exists.",
      "CREATE INDEX CONCURRENTLY IF NOT EXISTS, after DROP INDEX CONCURRENTLY IF EXISTS of an"
          + " invalid one, or check pg_index.indisvalid."),
  MISSING_LOCK_TIMEOUT(
      "missing-lock-timeout",
      Severity.ERROR,
      Severity.ERROR,
      Claim.NONE,
      "A statement that takes ACCESS EXCLUSIVE on an existing table, in a file that sets no"
          + " lock_timeout before it, when the runner sets none either (--no-lock-timeout, or a"
          + " descriptor with lockTimeout: 0).",
      "Queued behind a long transaction, the statement holds every query of the app behind its"
          + " own lock until that transaction ends.",
      "SET lock_timeout = '5s' at the top of the file (and retry on failure), or let syncgen's"
          + " Job set it: migration.lockTimeout."),
  NOT_ANALYSED(
      "not-analysed",
      Severity.WARNING,
      Severity.WARNING,
      Claim.NONE,
      "A statement syncgen does not recognise (an error under --strict).",
      "What it locks or drops is unknown: it is never passed silently.",
      "Review it by hand, then acknowledge it: -- syncgen:allow not-analysed <reason>."),
  ALLOW_WITHOUT_REASON(
      "allow-without-reason",
      Severity.ERROR,
      Severity.ERROR,
      Claim.NONE,
      "A -- syncgen:allow comment without a rule id and a reason.",
      "An acknowledgement must say why the statement is safe, for the reviewer and the report.",
      "Write -- syncgen:allow <rule> <reason> on the line before the statement.");

  private final String id;
  private final Severity expand;
  private final Severity contract;
  private final Claim claim;
  private final String catches;
  private final String why;
  private final String fix;

  LintRule(
      String id,
      Severity expand,
      Severity contract,
      Claim claim,
      String catches,
      String why,
      String fix) {
    this.id = id;
    this.expand = expand;
    this.contract = contract;
    this.claim = claim;
    this.catches = catches;
    this.why = why;
    this.fix = fix;
  }

  /** The id, as in reports and acknowledgements. */
  public String id() {
    return id;
  }

  /** The severity in {@code phase}; empty when the rule allows the statement there. */
  public Optional<Severity> severity(Phase phase) {
    return Optional.ofNullable(phase == Phase.EXPAND ? expand : contract);
  }

  /** What PostgreSQL does that the rule is about. */
  public Claim claim() {
    return claim;
  }

  /** What the rule catches, for the README. */
  public String catches() {
    return catches;
  }

  /** Why it matters. */
  public String why() {
    return why;
  }

  /** The safe sequence instead. */
  public String fix() {
    return fix;
  }

  /** The rule with this id. */
  public static Optional<LintRule> byId(String id) {
    return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
  }
}
