package io.syncgen.lint;

/**
 * A token of one statement, as PostgreSQL's lexer (scan.l) sees it: comments and white space are
 * not tokens.
 *
 * @param kind what it is
 * @param text the text as written (a quoted identifier without its quotes)
 * @param offset its first character's offset in the statement
 */
record SqlToken(Kind kind, String text, int offset) {
  /** Token kinds; keywords are {@link #WORD}s. */
  enum Kind {
    /** An unquoted identifier or keyword (compared case-insensitively). */
    WORD,
    /** A double-quoted identifier. */
    QUOTED,
    /** A string constant of any form ('', E'', U&'', $$ $$). */
    STRING,
    /** A numeric constant. */
    NUMBER,
    /** Punctuation or an operator, one character ({@code ( ) , ; .} ...) or a run of them. */
    SYMBOL
  }

  /** Whether this is the unquoted word {@code word}, in any case. */
  boolean is(String word) {
    return kind == Kind.WORD && text.equalsIgnoreCase(word);
  }

  /** Whether this is the symbol {@code symbol}. */
  boolean isSymbol(String symbol) {
    return kind == Kind.SYMBOL && text.equals(symbol);
  }

  /** An identifier as PostgreSQL folds it: unquoted ones in lower case, quoted ones as written. */
  String name() {
    return kind == Kind.WORD ? text.toLowerCase(java.util.Locale.ROOT) : text;
  }
}
