package io.syncgen.lint;

/**
 * Where quoted text ends, by the exclusive states of PostgreSQL's scan.l as psql's psqlscan.l
 * copies them: strings ({@code <xq> <xe> <xb> <xh> <xus>} and the {@code <xqs>} look-ahead for a
 * continued string), quoted identifiers ({@code <xd> <xui>}), dollar quotes ({@code <xdolq>}) and
 * comments ({@code <xc>}, {@code {comment}}). Each method takes the offset just past the opening
 * delimiter and returns the offset just past the closing one, or the length of the input when the
 * text is never closed.
 */
final class QuotedText {
  /** How the body of a string is read. */
  enum StringMode {
    /**
     * {@code '...'}, {@code N'...'}, {@code U&'...'}: {@code ''} is a quote; a backslash is a char.
     */
    STANDARD,
    /**
     * {@code E'...'}: {@code ''} and backslash escapes; the char after a backslash never ends it.
     */
    ESCAPE,
    /**
     * {@code B'...'}, {@code X'...'}: the first quote ends it ({@code <xb> <xh>} know no {@code
     * ''}).
     */
    BITS
  }

  private QuotedText() {}

  /** The end of a {@code --} comment: the next CR or LF, not included ({@code {non_newline}*}). */
  static int lineComment(String sql, int from) {
    int i = from;
    while (i < sql.length() && sql.charAt(i) != '\n' && sql.charAt(i) != '\r') {
      i++;
    }
    return i;
  }

  /** The end of a {@code /*} comment; comments nest ({@code xcdepth}). */
  static int blockComment(String sql, int from) {
    int depth = 0;
    int i = from;
    while (i + 1 < sql.length()) {
      char c = sql.charAt(i);
      char next = sql.charAt(i + 1);
      if (c == '/' && next == '*') {
        depth++;
        i += 2;
      } else if (c == '*' && next == '/') {
        if (depth == 0) {
          return i + 2;
        }
        depth--;
        i += 2;
      } else {
        i++;
      }
    }
    return sql.length();
  }

  /** The end of a string, continued strings included (scan.l's {@code {quotecontinue}}). */
  static int string(String sql, int from, StringMode mode) {
    int i = from;
    while (true) {
      int quote = closingQuote(sql, i, mode);
      if (quote == sql.length()) {
        return quote;
      }
      int resumed = continuation(sql, quote + 1);
      if (resumed < 0) {
        return quote + 1;
      }
      i = resumed;
    }
  }

  private static int closingQuote(String sql, int from, StringMode mode) {
    int n = sql.length();
    int i = from;
    while (i < n) {
      char c = sql.charAt(i);
      if (c == '\\' && mode == StringMode.ESCAPE) {
        i += 2;
      } else if (c != '\'') {
        i++;
      } else if (mode != StringMode.BITS && i + 1 < n && sql.charAt(i + 1) == '\'') {
        i += 2;
      } else {
        return i;
      }
    }
    return n;
  }

  /**
   * Where a string continues after its closing quote, just past the quote that continues it, or -1.
   * scan.l continues a string over whitespace holding a newline ({@code
   * {whitespace_with_newline}{quote}}), but psql feeds its lexer one line at a time without the LF,
   * so only a CR inside a line can continue one; a quote that ends its line keeps the look-ahead
   * going at the start of the next non-empty line.
   */
  static int continuation(String sql, int after) {
    int n = sql.length();
    int i = after;
    while (i < n && sql.charAt(i) == '\n') {
      i++;
    }
    i = horizontalSpace(sql, i);
    if (i >= n || sql.charAt(i) != '\r') {
      return -1;
    }
    i = spaceInLine(sql, i + 1);
    return i < n && sql.charAt(i) == '\'' ? i + 1 : -1;
  }

  /** {@code {horiz_whitespace}*}: spaces, tabs, form feeds and {@code --} comments. */
  private static int horizontalSpace(String sql, int from) {
    int i = from;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (c == ' ' || c == '\t' || c == '\f') {
        i++;
      } else if (sql.startsWith("--", i)) {
        i = lineComment(sql, i);
      } else {
        return i;
      }
    }
    return i;
  }

  /** {@code {special_whitespace}*} within one line: blanks, CRs and comments ended by a CR. */
  private static int spaceInLine(String sql, int from) {
    int i = from;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (c == ' ' || c == '\t' || c == '\f' || c == '\r') {
        i++;
      } else if (sql.startsWith("--", i)
          && lineComment(sql, i) < sql.length()
          && sql.charAt(lineComment(sql, i)) == '\r') {
        i = lineComment(sql, i) + 1;
      } else {
        return i;
      }
    }
    return i;
  }

  /** The end of a quoted identifier ({@code "..."} or {@code U&"..."}); {@code ""} is a quote. */
  static int quotedIdentifier(String sql, int from) {
    int n = sql.length();
    int i = from;
    while (i < n) {
      if (sql.charAt(i) != '"') {
        i++;
      } else if (i + 1 < n && sql.charAt(i + 1) == '"') {
        i += 2;
      } else {
        return i + 1;
      }
    }
    return n;
  }

  /**
   * The dollar-quote delimiter at {@code from} ({@code $$} or {@code $tag$}, the tag an identifier
   * without {@code $}: {@code {dolqdelim}}), or null when the {@code $} there starts none.
   */
  static String dollarDelimiter(String sql, int from) {
    int i = from + 1;
    if (i < sql.length() && SqlChars.isIdentStart(sql.charAt(i))) {
      i++;
      while (i < sql.length() && SqlChars.isTagPart(sql.charAt(i))) {
        i++;
      }
    }
    return i < sql.length() && sql.charAt(i) == '$' ? sql.substring(from, i + 1) : null;
  }

  /**
   * The end of dollar-quoted text: the next occurrence of the same delimiter. psql tries every
   * {@code $} inside as the start of a delimiter, so the first occurrence is the one it finds.
   */
  static int dollarQuoted(String sql, int from, String delimiter) {
    int close = sql.indexOf(delimiter, from);
    return close < 0 ? sql.length() : close + delimiter.length();
  }
}
