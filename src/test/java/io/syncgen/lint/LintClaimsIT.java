package io.syncgen.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.syncgen.render.TestPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The database is the judge of the rules (issue 13): every rule that claims a lock, a rewrite, a
 * validation or a refusal has a bad example that PostgreSQL runs, inside a transaction, on
 * populated tables; the lock modes it then holds ({@code pg_locks}), the table's {@code
 * relfilenode}, the constraint's {@code convalidated} and the error code must be what the rule's
 * {@link Claim} says, and the linter must report that rule for it. Good examples show the
 * difference where the database can: a constant default rewrites nothing, NOT VALID validates
 * nothing, CONCURRENTLY outside a transaction is accepted. The server's version is written to
 * {@code target/lint-claims.md} with each verdict.
 */
class LintClaimsIT {
  /** Two populated tables, as a migration meets them. */
  private static final String SETUP =
      """
      CREATE TABLE accounts (id bigint PRIMARY KEY, email text, legacy text, age int,
        name text NOT NULL DEFAULT '');
      INSERT INTO accounts SELECT g, 'u' || g || '@example.com', 'l', g % 90, 'n'
        FROM generate_series(1, 2000) g;
      CREATE TABLE orders (id bigint PRIMARY KEY, account_id bigint, total int);
      INSERT INTO orders SELECT g, g, g FROM generate_series(1, 2000) g;
      """;

  /**
   * A rule's bad example and the table its claim is about.
   *
   * @param rule the rule
   * @param table the table whose locks and files are read
   * @param sql the statement
   */
  record Example(LintRule rule, String table, String sql) {
    @Override
    public String toString() {
      return rule.id();
    }
  }

  static final List<Example> BAD =
      List.of(
          new Example(LintRule.DROP_COLUMN, "accounts", "ALTER TABLE accounts DROP COLUMN legacy"),
          new Example(LintRule.DROP_TABLE, "orders", "DROP TABLE orders"),
          new Example(
              LintRule.RENAME_COLUMN,
              "accounts",
              "ALTER TABLE accounts RENAME COLUMN legacy TO old"),
          new Example(LintRule.RENAME_TABLE, "accounts", "ALTER TABLE accounts RENAME TO users"),
          new Example(
              LintRule.CHANGE_COLUMN_TYPE,
              "accounts",
              "ALTER TABLE accounts ALTER COLUMN age TYPE bigint"),
          new Example(
              LintRule.SET_NOT_NULL,
              "accounts",
              "ALTER TABLE accounts ALTER COLUMN email SET NOT NULL"),
          new Example(
              LintRule.DROP_NOT_NULL,
              "accounts",
              "ALTER TABLE accounts ALTER COLUMN name DROP NOT NULL"),
          new Example(
              LintRule.UNIQUE_CONSTRAINT,
              "accounts",
              "ALTER TABLE accounts ADD CONSTRAINT accounts_email_key UNIQUE (email)"),
          new Example(
              LintRule.INDEX_WITHOUT_CONCURRENTLY,
              "accounts",
              "CREATE INDEX accounts_email ON accounts (email)"),
          new Example(
              LintRule.CONCURRENTLY_IN_TRANSACTION,
              "accounts",
              "CREATE INDEX CONCURRENTLY accounts_email ON accounts (email)"),
          new Example(
              LintRule.CONSTRAINT_NOT_VALID,
              "orders",
              "ALTER TABLE orders ADD CONSTRAINT orders_account FOREIGN KEY (account_id)"
                  + " REFERENCES accounts (id)"),
          new Example(
              LintRule.TABLE_REWRITE,
              "accounts",
              "ALTER TABLE accounts ADD COLUMN token uuid DEFAULT gen_random_uuid()"));

  private static final Map<LintRule, String> VERDICTS = new EnumMap<>(LintRule.class);
  private static TestPostgres postgres;
  private static String version;

  @BeforeAll
  static void server() throws Exception {
    postgres = TestPostgres.get();
    try (Connection c = postgres.connect("postgres");
        ResultSet rs = c.createStatement().executeQuery("SHOW server_version")) {
      rs.next();
      version = rs.getString(1);
    }
  }

  static Stream<Example> bad() {
    return BAD.stream();
  }

  @Test
  void everyRuleThatClaimsSomethingHasABadExample() {
    assertThat(BAD.stream().map(Example::rule))
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(LintRule.values()).filter(r -> !r.claim().equals(Claim.NONE)).toList());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bad")
  void theDatabaseConfirmsTheClaim(Example example) throws Exception {
    Claim claim = example.rule().claim();
    // Every rule with a claim is an error or warning in expand; the refusal needs the block.
    String file = (claim.refusedInTransaction() ? "BEGIN;\n" : "") + example.sql() + ";\n";
    assertThat(MigrationLinter.lint("bad.sql", file, Phase.EXPAND))
        .extracting(LintFinding::rule)
        .as("the linter reports the rule for its own example")
        .contains(example.rule());
    try (Connection c = populated(example.rule().id())) {
      c.setAutoCommit(false);
      if (claim.refusedInTransaction()) {
        assertThatThrownBy(() -> c.createStatement().execute(example.sql()))
            .isInstanceOfSatisfying(
                SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("25001"));
        VERDICTS.put(example.rule(), "refused in a transaction (25001)");
        return;
      }
      long oid = oid(c, example.table());
      long before = relfilenode(c, oid);
      c.createStatement().execute(example.sql());
      TreeSet<String> modes = locks(c, oid);
      if (claim.lock() != null) {
        assertThat(modes).as("locks held on %s", example.table()).contains(claim.lock());
      }
      if (!example.rule().equals(LintRule.DROP_TABLE)) {
        assertThat(relfilenode(c, oid) != before).as("rewritten").isEqualTo(claim.rewrite());
      }
      if (claim.validates()) {
        assertThat(validated(c, "orders_account")).as("validated at once").isTrue();
      }
      VERDICTS.put(example.rule(), "holds " + modes + (claim.rewrite() ? ", rewrites" : ""));
      c.rollback();
    }
  }

  @Test
  void aConstantDefaultRewritesNothing() throws Exception {
    String sql = "ALTER TABLE accounts ADD COLUMN flag boolean NOT NULL DEFAULT false";
    assertThat(MigrationLinter.lint("good.sql", sql, Phase.EXPAND)).isEmpty();
    try (Connection c = populated("constant_default")) {
      c.setAutoCommit(false);
      long oid = oid(c, "accounts");
      long before = relfilenode(c, oid);
      c.createStatement().execute(sql);
      assertThat(relfilenode(c, oid)).isEqualTo(before);
      c.rollback();
    }
  }

  @Test
  void notValidValidatesNothing() throws Exception {
    String sql =
        "ALTER TABLE orders ADD CONSTRAINT orders_account FOREIGN KEY (account_id)"
            + " REFERENCES accounts (id) NOT VALID";
    assertThat(MigrationLinter.lint("good.sql", sql, Phase.EXPAND)).isEmpty();
    try (Connection c = populated("not_valid")) {
      c.setAutoCommit(false);
      c.createStatement().execute(sql);
      assertThat(validated(c, "orders_account")).isFalse();
      c.rollback();
    }
  }

  @Test
  void concurrentlyOutsideATransactionIsAccepted() throws Exception {
    String sql = "CREATE INDEX CONCURRENTLY IF NOT EXISTS accounts_email ON accounts (email)";
    assertThat(MigrationLinter.lint("good.sql", sql, Phase.EXPAND)).isEmpty();
    try (Connection c = populated("concurrently")) {
      c.createStatement().execute(sql);
    }
  }

  @AfterAll
  static void writeVerdicts() throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add("# Lint rule claims, checked on PostgreSQL " + version);
    lines.add("");
    VERDICTS.forEach((rule, verdict) -> lines.add("- " + rule.id() + ": " + verdict));
    Path target = Path.of(System.getProperty("syncgen.jar", "target/syncgen.jar")).getParent();
    Files.write(target.resolve("lint-claims.md"), lines, StandardCharsets.UTF_8);
  }

  /** A fresh database with the two tables, connected. */
  private static Connection populated(String name) throws SQLException {
    String database = postgres.createDatabase("lint_" + name.replace('-', '_'));
    Connection c = postgres.connect(database);
    try (Statement s = c.createStatement()) {
      s.execute(SETUP);
    }
    return c;
  }

  private static long oid(Connection c, String table) throws SQLException {
    return single(c, "SELECT '" + table + "'::regclass::oid");
  }

  private static long relfilenode(Connection c, long oid) throws SQLException {
    return single(c, "SELECT relfilenode FROM pg_class WHERE oid = " + oid);
  }

  private static boolean validated(Connection c, String constraint) throws SQLException {
    try (ResultSet rs =
        c.createStatement()
            .executeQuery(
                "SELECT convalidated FROM pg_constraint WHERE conname = '" + constraint + "'")) {
      rs.next();
      return rs.getBoolean(1);
    }
  }

  private static TreeSet<String> locks(Connection c, long oid) throws SQLException {
    TreeSet<String> modes = new TreeSet<>();
    try (ResultSet rs =
        c.createStatement()
            .executeQuery(
                "SELECT mode FROM pg_locks WHERE granted AND pid = pg_backend_pid()"
                    + " AND relation = "
                    + oid)) {
      while (rs.next()) {
        modes.add(rs.getString(1));
      }
    }
    return modes;
  }

  private static long single(Connection c, String sql) throws SQLException {
    try (ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
