package io.syncgen.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The forms of {@code ALTER TABLE} that carry risk (PostgreSQL's ALTER TABLE reference): each
 * action of the comma-separated list is read on its own.
 */
final class AlterTableForms {
  /** Functions whose default value differs per row, so ADD COLUMN must fill every row. */
  private static final List<String> VOLATILE =
      List.of(
          "random",
          "gen_random_uuid",
          "gen_random_bytes",
          "uuid_generate_v1",
          "uuid_generate_v1mc",
          "uuid_generate_v4",
          "uuidv4",
          "uuidv7",
          "clock_timestamp",
          "timeofday",
          "nextval",
          "txid_current");

  private static final List<String> SERIAL =
      List.of("serial", "bigserial", "smallserial", "serial2", "serial4", "serial8");

  private AlterTableForms() {}

  /**
   * The hits of {@code ALTER TABLE}, read after those two words; empty when no action carries a
   * risk the table can suffer, null when an action is not recognised.
   */
  static List<Hit> recognise(Tokens t, FileState state) {
    t.accept("IF", "EXISTS");
    t.accept("ONLY");
    String table = t.name();
    if (table == null) {
      return null;
    }
    if (t.peek() != null && t.peek().isSymbol("*")) {
      t.take();
    }
    boolean fresh = state.isNew(table);
    if (t.accept("RENAME")) {
      return rename(t, table, state);
    }
    List<Hit> hits = new ArrayList<>();
    for (List<SqlToken> action : t.restByComma()) {
      Optional<List<Hit>> read = action(new Tokens(action), table);
      if (read.isEmpty()) {
        return null;
      }
      if (!fresh) {
        hits.addAll(read.get());
      }
    }
    return hits;
  }

  private static List<Hit> rename(Tokens t, String table, FileState state) {
    if (t.accept("TO")) {
      String to = t.name();
      if (state.isNew(table)) {
        state.newTables.add(to);
        return List.of();
      }
      return List.of(new Hit(LintRule.RENAME_TABLE, "table " + table + " to " + to));
    }
    if (t.accept("CONSTRAINT")) {
      return List.of();
    }
    t.accept("COLUMN");
    String column = t.name();
    return state.isNew(table)
        ? List.of()
        : List.of(new Hit(LintRule.RENAME_COLUMN, "column " + column + " of " + table));
  }

  private static Optional<List<Hit>> action(Tokens t, String table) {
    if (t.accept("ADD")) {
      if (t.peekIs("CONSTRAINT", "FOREIGN", "CHECK", "UNIQUE", "PRIMARY", "EXCLUDE")) {
        return Optional.of(constraint(t, table));
      }
      t.accept("COLUMN");
      t.accept("IF", "NOT", "EXISTS");
      String column = t.name();
      return Optional.of(column(remaining(t), column + " of " + table));
    }
    if (t.accept("DROP")) {
      if (t.accept("CONSTRAINT")) {
        return Optional.of(List.of());
      }
      t.accept("COLUMN");
      t.accept("IF", "EXISTS");
      return Optional.of(
          List.of(new Hit(LintRule.DROP_COLUMN, "column " + t.name() + " of " + table)));
    }
    if (t.accept("ALTER")) {
      t.accept("COLUMN");
      return alterColumn(t, "column " + t.name() + " of " + table);
    }
    if (t.accept("VALIDATE", "CONSTRAINT")) {
      return Optional.of(List.of());
    }
    return Optional.empty();
  }

  private static Optional<List<Hit>> alterColumn(Tokens t, String subject) {
    if (t.accept("TYPE") || t.accept("SET", "DATA", "TYPE")) {
      return Optional.of(List.of(new Hit(LintRule.CHANGE_COLUMN_TYPE, subject)));
    }
    if (t.accept("SET", "NOT", "NULL")) {
      return Optional.of(List.of(new Hit(LintRule.SET_NOT_NULL, subject)));
    }
    if (t.accept("DROP", "NOT", "NULL")) {
      return Optional.of(List.of(new Hit(LintRule.DROP_NOT_NULL, subject)));
    }
    if (t.accept("SET", "DEFAULT")
        || t.accept("DROP", "DEFAULT")
        || t.accept("SET", "STATISTICS")
        || t.accept("SET", "STORAGE")) {
      return Optional.of(List.of());
    }
    return Optional.empty();
  }

  private static List<Hit> constraint(Tokens t, String table) {
    List<SqlToken> rest = remaining(t);
    String subject = "on " + table;
    List<Hit> hits = new ArrayList<>();
    boolean notValid = Tokens.hasSequence(rest, "NOT", "VALID");
    if ((Tokens.has(rest, "FOREIGN") || Tokens.has(rest, "CHECK")) && !notValid) {
      hits.add(new Hit(LintRule.CONSTRAINT_NOT_VALID, subject));
    }
    boolean unique =
        Tokens.has(rest, "UNIQUE")
            || Tokens.hasSequence(rest, "PRIMARY", "KEY")
            || Tokens.has(rest, "EXCLUDE");
    boolean usingIndex =
        Tokens.hasSequence(rest, "USING", "INDEX")
            && !Tokens.hasSequence(rest, "USING", "INDEX", "TABLESPACE");
    if (unique && !usingIndex) {
      hits.add(new Hit(LintRule.UNIQUE_CONSTRAINT, subject));
    }
    return hits;
  }

  /** A column added to an existing table: its type, default and inline constraints. */
  private static List<Hit> column(List<SqlToken> def, String subject) {
    String column = "column " + subject;
    List<Hit> hits = new ArrayList<>();
    boolean hasDefault = Tokens.has(def, "DEFAULT");
    boolean identity = Tokens.hasSequence(def, "AS", "IDENTITY");
    boolean rewrite =
        identity
            || (!def.isEmpty() && SERIAL.contains(def.get(0).name()))
            || (Tokens.has(def, "GENERATED") && Tokens.has(def, "STORED"))
            || (hasDefault && callsVolatile(def));
    if (rewrite) {
      hits.add(new Hit(LintRule.TABLE_REWRITE, column));
    }
    boolean required =
        Tokens.hasSequence(def, "NOT", "NULL") || Tokens.hasSequence(def, "PRIMARY", "KEY");
    if (required && !hasDefault && !rewrite) {
      hits.add(new Hit(LintRule.ADD_REQUIRED_COLUMN, column));
    }
    if (Tokens.has(def, "UNIQUE") || Tokens.hasSequence(def, "PRIMARY", "KEY")) {
      hits.add(new Hit(LintRule.UNIQUE_CONSTRAINT, column));
    }
    if (Tokens.has(def, "REFERENCES") || Tokens.has(def, "CHECK")) {
      hits.add(new Hit(LintRule.CONSTRAINT_NOT_VALID, column));
    }
    return hits;
  }

  /** Whether a function of {@link #VOLATILE} is called: its name, then an opening parenthesis. */
  private static boolean callsVolatile(List<SqlToken> def) {
    for (int i = 0; i + 1 < def.size(); i++) {
      SqlToken token = def.get(i);
      if (token.kind() == SqlToken.Kind.WORD
          && VOLATILE.contains(token.name())
          && def.get(i + 1).isSymbol("(")) {
        return true;
      }
    }
    return false;
  }

  private static List<SqlToken> remaining(Tokens t) {
    List<SqlToken> rest = new ArrayList<>();
    while (!t.atEnd()) {
      rest.add(t.take());
    }
    return rest;
  }
}
