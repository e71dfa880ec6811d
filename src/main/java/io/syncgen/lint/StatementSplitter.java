package io.syncgen.lint;

import io.syncgen.lint.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Splits a PostgreSQL SQL file into statements exactly where {@code psql -f} splits it, by the
 * lexical rules of PostgreSQL's {@code src/backend/parser/scan.l} as psql's {@code
 * src/fe_utils/psqlscan.l} applies them (PostgreSQL 15), standard_conforming_strings on.
 * StatementSplitterAgreementTest compares the result with what psql 15 sends to a server.
 *
 * <ul>
 *   <li>A {@code ;} ends a statement only outside quotes and comments, at parenthesis depth 0
 *       (psqlscan.l's {@code paren_depth}; a {@code )} never takes it below 0), and outside a
 *       SQL-standard function body ({@code BEGIN ATOMIC ... END}, PostgreSQL 14+). For those bodies
 *       psql counts blocks ({@code begin_depth}) only in a statement whose first four unquoted
 *       identifiers read {@code CREATE FUNCTION}, {@code CREATE PROCEDURE} or {@code CREATE OR
 *       REPLACE FUNCTION|PROCEDURE}: outside parentheses {@code BEGIN} opens one, {@code CASE}
 *       opens one inside another, {@code END} closes one. Keywords are matched as {@code
 *       pg_strcasecmp} does, ASCII letters only.
 *   <li>Comments: {@code --} to the end of the line; {@code /* ... *}{@code /}, which nest.
 *   <li>Strings: {@code '...'} with {@code ''} for a quote, a backslash being an ordinary char;
 *       {@code E'...'} with backslash escapes too ({@code \'}, {@code \\}); {@code U&'...'}, {@code
 *       N'...'}, {@code B'...'}, {@code X'...'}. A prefix letter counts only where a token starts:
 *       in {@code somee'x'} and {@code 1e'x'} (a number takes the letters after it, as psql 15
 *       does) the string is a plain one.
 *   <li>Strings separated by whitespace holding a line break are one string for the server
 *       (scan.l's {@code {quotecontinue}}), which matters for an {@code E'...'} followed by a
 *       {@code '...'}. psql reads a file a line at a time and never shows its lexer the LF, so, as
 *       there, only a CR inside a line continues a string (and a quote ending its line looks on at
 *       the start of the next non-empty one).
 *   <li>Quoted identifiers {@code "..."} and {@code U&"..."} with {@code ""} for a quote.
 *   <li>Dollar quotes {@code $tag$ ... $tag$}, the tag an identifier without {@code $} (not
 *       starting with a digit; empty in {@code $$}), opaque up to the same delimiter; {@code $1} is
 *       a parameter, and an identifier such as {@code a$b$} holds its dollars.
 *   <li>psql meta-commands: a backslash outside quotes and comments starts one, which runs to the
 *       end of its line and is returned as a statement of its own (terminated). A meta-command
 *       inside a statement cuts it there: the part before is terminated when the command sends it
 *       ({@code \g}, {@code \gx}, {@code \gset}, {@code \gexec}, {@code \gdesc}, {@code \watch},
 *       {@code \crosstabview}); otherwise psql would go on adding the following lines to it, which
 *       one stretch of text cannot show, so it is returned unterminated. psql's {@code \;} and
 *       {@code \:} are part of the statement and do not end it.
 *   <li>A statement holding only whitespace and comments (such as a lone {@code ;}) is dropped; a
 *       byte-order mark at the start is skipped (as psql does with a UTF8 client encoding).
 * </ul>
 *
 * <p>Not modelled: psql variables ({@code :name} is left as written), {@code \if} branches (every
 * branch is returned), {@code \i} and {@code \ir} (not followed), data lines after {@code COPY ...
 * FROM stdin}, and a second meta-command on the same line ({@code \\} or another backslash).
 */
public final class StatementSplitter {
  /** Meta-commands that send the statement before them to the server. */
  private static final Set<String> SENDING =
      Set.of("g", "gx", "gset", "gexec", "gdesc", "watch", "crosstabview");

  private final String sql;
  private final SqlLexer lexer;
  private final LineStarts lines;
  private final AtomicBody atomic = new AtomicBody();
  private final List<SqlStatement> statements = new ArrayList<>();
  private int start = -1;
  private int parenDepth;

  private StatementSplitter(String sql) {
    this.sql = sql;
    this.lexer = new SqlLexer(sql);
    this.lines = LineStarts.of(sql);
  }

  /**
   * The statements of a SQL file, in order, meta-command lines included.
   *
   * @param sql the whole text of the file
   * @return its statements, each with its text and the position of its first token
   */
  public static List<SqlStatement> split(String sql) {
    return new StatementSplitter(Objects.requireNonNull(sql, "sql")).run();
  }

  private List<SqlStatement> run() {
    int i = sql.startsWith("\uFEFF") ? 1 : 0;
    while (i < sql.length()) {
      Token token = lexer.next(i);
      accept(token);
      i = token.end();
    }
    finish(sql.length(), false);
    return List.copyOf(statements);
  }

  private void accept(Token token) {
    if (token.kind() == Kind.META_COMMAND) {
      metaCommand(token);
      return;
    }
    if (token.kind() == Kind.SEMICOLON && parenDepth == 0 && atomic.depth() == 0) {
      finish(token.start(), true);
      return;
    }
    if (!token.significant()) {
      return;
    }
    if (start < 0) {
      start = token.start();
    }
    switch (token.kind()) {
      case OPEN_PAREN -> parenDepth++;
      case CLOSE_PAREN -> parenDepth = Math.max(0, parenDepth - 1);
      case IDENTIFIER -> atomic.identifier(sql.substring(token.start(), token.end()), parenDepth);
      case FORCED_SEMICOLON -> atomic.forgetWords();
      default -> {}
    }
  }

  private void metaCommand(Token token) {
    if (start >= 0) {
      finish(token.start(), SENDING.contains(commandName(token.start() + 1)));
    }
    start = token.start();
    finish(token.end(), true);
  }

  /** The name of a meta-command: the letters after its backslash. */
  private String commandName(int from) {
    int i = from;
    while (i < sql.length() && Character.isLetter(sql.charAt(i)) && sql.charAt(i) < 0x80) {
      i++;
    }
    return sql.substring(from, i);
  }

  /** Ends the current statement (if it has a token) before {@code end}; a new one starts. */
  private void finish(int end, boolean terminated) {
    if (start >= 0) {
      int stop = end;
      while (stop > start && SqlChars.isSpace(sql.charAt(stop - 1))) {
        stop--;
      }
      String text = sql.substring(start, stop);
      statements.add(
          new SqlStatement(text, lines.line(start), lines.column(start), start, terminated));
    }
    start = -1;
    parenDepth = 0;
    atomic.reset();
  }
}
