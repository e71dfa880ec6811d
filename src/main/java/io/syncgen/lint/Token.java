package io.syncgen.lint;

/**
 * A token of psql's lexer, as far as splitting needs one: where it is and what kind it is.
 *
 * @param kind what it is
 * @param start 0-based offset of its first char
 * @param end 0-based offset just past it (the end of the input for an unterminated string, comment
 *     or dollar quote)
 */
record Token(Kind kind, int start, int end) {
  /** The kinds psqlscan.l's rules fall into, for splitting. */
  enum Kind {
    /** Whitespace or a {@code --} comment ({@code {whitespace}} in scan.l). */
    SPACE,
    /** A block comment, nested ones included ({@code <xc>}). */
    COMMENT,
    /** An unquoted identifier or keyword ({@code {identifier}}). */
    IDENTIFIER,
    /** {@code ;}. */
    SEMICOLON,
    /** {@code (}. */
    OPEN_PAREN,
    /** {@code )}. */
    CLOSE_PAREN,
    /** psql's {@code \;}: a semicolon put into the statement without ending it. */
    FORCED_SEMICOLON,
    /** A psql backslash command, to the end of its line. */
    META_COMMAND,
    /** Anything else: literals, quoted identifiers, numbers, operators, punctuation. */
    OTHER
  }

  /** Whether the token is part of a statement (not whitespace or a comment). */
  boolean significant() {
    return kind != Kind.SPACE && kind != Kind.COMMENT;
  }
}
