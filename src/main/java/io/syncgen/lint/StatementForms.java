package io.syncgen.lint;

import java.util.ArrayList;
import java.util.List;

/**
 * Recognises the statement forms that carry risk in a migration, and the forms known to carry none;
 * anything else is not recognised, and reported as {@link LintRule#NOT_ANALYSED}.
 */
final class StatementForms {
  /** First words of statements that change no existing table in a way the rules are about. */
  private static final List<List<String>> HARMLESS =
      List.of(
          List.of("CREATE", "SEQUENCE"),
          List.of("CREATE", "TYPE"),
          List.of("CREATE", "EXTENSION"),
          List.of("CREATE", "SCHEMA"),
          List.of("CREATE", "DOMAIN"),
          List.of("CREATE", "FUNCTION"),
          List.of("CREATE", "PROCEDURE"),
          List.of("CREATE", "VIEW"),
          List.of("CREATE", "OR", "REPLACE"),
          List.of("CREATE", "TRIGGER"),
          List.of("ALTER", "SEQUENCE"),
          List.of("ALTER", "INDEX"),
          List.of("COMMENT"),
          List.of("GRANT"),
          List.of("REVOKE"),
          List.of("INSERT"),
          List.of("UPDATE"),
          List.of("DELETE"),
          List.of("SELECT"),
          List.of("SET"),
          List.of("RESET"),
          List.of("ANALYZE"),
          List.of("SAVEPOINT"),
          List.of("RELEASE"));

  private StatementForms() {}

  /**
   * The hits of one statement, given what the file did before it (updated here).
   *
   * @return the hits, empty for a statement that carries no risk, or null when not recognised
   */
  static List<Hit> recognise(String statement, FileState state) {
    List<SqlToken> tokens = SqlWords.tokens(statement);
    Tokens t = new Tokens(tokens);
    if (transaction(t, state)) {
      return List.of();
    }
    if (setsLockTimeout(t)) {
      state.lockTimeoutSet = true;
      return List.of();
    }
    if (t.accept("ALTER", "TYPE")) {
      // Adding an enum value breaks no reader; a renamed type, value or attribute does.
      return Tokens.has(tokens, "RENAME") ? null : List.of();
    }
    if (t.accept("ALTER", "TABLE")) {
      return AlterTableForms.recognise(t, state);
    }
    if (createsTable(new Tokens(tokens), state)) {
      return List.of();
    }
    if (t.accept("CREATE")) {
      boolean unique = t.accept("UNIQUE");
      return t.accept("INDEX") ? createIndex(t, state, unique) : harmless(tokens);
    }
    if (t.accept("DROP", "INDEX")) {
      return dropIndex(t, state);
    }
    if (t.accept("DROP", "TABLE")) {
      return dropTable(t, state);
    }
    return harmless(tokens);
  }

  /**
   * BEGIN, START TRANSACTION, COMMIT, END, ROLLBACK, ABORT: tracks the transaction block. {@code
   * ROLLBACK TO [SAVEPOINT]} and {@code ... AND CHAIN} keep it open (PostgreSQL's ROLLBACK TO
   * SAVEPOINT and COMMIT references).
   */
  private static boolean transaction(Tokens t, FileState state) {
    if (t.peekIs("BEGIN") || t.peekIs("START")) {
      state.nested = state.inTransaction;
      state.inTransaction = true;
      return true;
    }
    if (t.peekIs("COMMIT", "END", "ROLLBACK", "ABORT")) {
      t.take();
      t.accept("WORK");
      t.accept("TRANSACTION");
      boolean staysOpen = t.peekIs("TO") || t.accept("AND", "CHAIN");
      state.inTransaction = state.inTransaction && staysOpen;
      return true;
    }
    return false;
  }

  /** CREATE [TEMP|UNLOGGED] TABLE: the file's own table, which no other session uses yet. */
  /** SET [SESSION|LOCAL] lock_timeout = / TO a value other than 0. */
  private static boolean setsLockTimeout(Tokens t) {
    Tokens look = t;
    if (!look.peekIs("SET")) {
      return false;
    }
    look.take();
    if (!look.accept("SESSION")) {
      look.accept("LOCAL");
    }
    if (!look.accept("LOCK_TIMEOUT")) {
      return false;
    }
    if (!look.accept("TO") && look.peek() != null && look.peek().isSymbol("=")) {
      look.take();
    }
    SqlToken value = look.take();
    return value != null && !value.text().equals("0");
  }

  private static boolean createsTable(Tokens look, FileState state) {
    if (!look.accept("CREATE")) {
      return false;
    }
    if (!look.accept("TEMPORARY") && !look.accept("TEMP")) {
      look.accept("UNLOGGED");
    }
    if (!look.accept("TABLE")) {
      return false;
    }
    look.accept("IF", "NOT", "EXISTS");
    String name = look.name();
    if (name != null) {
      state.newTables.add(name);
    }
    return name != null;
  }

  private static List<Hit> createIndex(Tokens t, FileState state, boolean unique) {
    boolean concurrently = t.accept("CONCURRENTLY");
    boolean ifNotExists = t.accept("IF", "NOT", "EXISTS");
    if (!t.peekIs("ON")) {
      t.name();
    }
    if (!t.accept("ON")) {
      return null;
    }
    t.accept("ONLY");
    String table = t.name();
    String subject = (unique ? "unique index on " : "index on ") + table;
    if (concurrently) {
      List<Hit> hits = new ArrayList<>();
      if (state.inTransaction) {
        hits.add(new Hit(LintRule.CONCURRENTLY_IN_TRANSACTION, subject));
      }
      if (!ifNotExists) {
        hits.add(new Hit(LintRule.CONCURRENT_INDEX_NOT_IDEMPOTENT, subject));
      }
      return hits;
    }
    return state.isNew(table)
        ? List.of()
        : List.of(new Hit(LintRule.INDEX_WITHOUT_CONCURRENTLY, subject));
  }

  private static List<Hit> dropIndex(Tokens t, FileState state) {
    boolean concurrently = t.accept("CONCURRENTLY");
    t.accept("IF", "EXISTS");
    String index = t.name();
    if (concurrently) {
      return state.inTransaction
          ? List.of(new Hit(LintRule.CONCURRENTLY_IN_TRANSACTION, "index " + index))
          : List.of();
    }
    return List.of(new Hit(LintRule.INDEX_WITHOUT_CONCURRENTLY, "index " + index));
  }

  private static List<Hit> dropTable(Tokens t, FileState state) {
    t.accept("IF", "EXISTS");
    List<Hit> hits = new ArrayList<>();
    for (List<SqlToken> part : t.restByComma()) {
      String table = new Tokens(part).name();
      if (table != null && !state.isNew(table)) {
        hits.add(new Hit(LintRule.DROP_TABLE, "table " + table));
      }
    }
    return hits;
  }

  /** Empty for a form known to be harmless (or a statement of comments only), else null. */
  private static List<Hit> harmless(List<SqlToken> tokens) {
    for (List<String> words : HARMLESS) {
      if (new Tokens(tokens).accept(words.toArray(String[]::new))) {
        return List.of();
      }
    }
    return tokens.isEmpty() ? List.of() : null;
  }
}
