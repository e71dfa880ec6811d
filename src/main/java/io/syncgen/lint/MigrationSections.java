package io.syncgen.lint;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of a migration file that applies it, and the statements of a PostgreSQL server log.
 * goose ({@code -- +goose Up} ... {@code -- +goose Down}) and dbmate ({@code -- migrate:up} ...
 * {@code -- migrate:down}) keep both directions in one file; the down section never runs on a
 * deploy, so it is blanked out, lines kept, so that positions stay those of the file.
 */
final class MigrationSections {
  private MigrationSections() {}

  /**
   * A server log's statements: with {@code log_statement} set, PostgreSQL logs each statement as
   * {@code <prefix>LOG: statement: <sql>} (or {@code execute <name>: <sql>}), further lines of the
   * statement following as they are (after a tab on stderr). The prefixes and every other line are
   * blanked, lines and columns kept, and each statement gets its own {@code ;}, so the splitter
   * reads them one by one where the log wrote them. Null when the text holds no such line.
   */
  static String loggedStatements(String log) {
    if (!LOGGED.matcher(log).find()) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    boolean inStatement = false;
    String[] lines = log.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      Matcher m = LOGGED.matcher(lines[i]);
      boolean starts = m.find();
      boolean continues = inStatement && !starts && lines[i].startsWith("\t");
      if (inStatement && !continues) {
        out.append(';');
      }
      out.append(i == 0 ? "" : "\n");
      if (starts) {
        out.append(" ".repeat(m.end())).append(lines[i].substring(m.end()));
      } else if (continues) {
        out.append(lines[i]);
      }
      inStatement = starts || continues;
    }
    return out.append(inStatement ? ";" : "").toString();
  }

  /** A logged statement's prefix, up to the statement itself. */
  private static final Pattern LOGGED =
      Pattern.compile("^.*?\\bLOG:  (?:statement|execute [^:\\n]*): ", Pattern.MULTILINE);

  /** The text with every line outside the up section blanked, or the text itself. */
  static String upOnly(String sql) {
    String logged = loggedStatements(sql);
    if (logged != null) {
      return logged;
    }
    String up;
    String down;
    String lower = sql.toLowerCase(java.util.Locale.ROOT);
    if (lower.contains("-- +goose up")) {
      up = "-- +goose up";
      down = "-- +goose down";
    } else if (lower.contains("-- migrate:up")) {
      up = "-- migrate:up";
      down = "-- migrate:down";
    } else {
      return sql;
    }
    StringBuilder out = new StringBuilder();
    boolean inUp = false;
    for (String line : sql.split("(?<=\n)", -1)) {
      String marker = line.strip().toLowerCase(java.util.Locale.ROOT);
      if (marker.startsWith(up)) {
        inUp = true;
      } else if (marker.startsWith(down)) {
        inUp = false;
      }
      out.append(inUp ? line : line.endsWith("\n") ? line.endsWith("\r\n") ? "\r\n" : "\n" : "");
    }
    return out.toString();
  }
}
