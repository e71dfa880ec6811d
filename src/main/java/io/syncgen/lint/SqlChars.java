package io.syncgen.lint;

/**
 * The character classes of PostgreSQL's lexer (scan.l, mirrored by psql's psqlscan.l). Every char
 * from U+0080 up counts as a letter, as scan.l's {@code \200-\377} bytes do for the UTF-8 bytes of
 * non-ASCII text.
 */
final class SqlChars {
  private SqlChars() {}

  /** {@code {space}}: space, tab, LF, CR and form feed, nothing else. */
  static boolean isSpace(int c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
  }

  /** {@code [0-9]}. */
  static boolean isDigit(int c) {
    return c >= '0' && c <= '9';
  }

  /** {@code {ident_start}}, also {@code {dolq_start}}: a letter, {@code _} or a non-ASCII char. */
  static boolean isIdentStart(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
  }

  /** {@code {dolq_cont}}: what may follow in a dollar-quote tag (no {@code $}). */
  static boolean isTagPart(int c) {
    return isIdentStart(c) || isDigit(c);
  }

  /** {@code {ident_cont}}: what may follow in an identifier, {@code $} included. */
  static boolean isIdentPart(int c) {
    return isTagPart(c) || c == '$';
  }

  /**
   * Whether two words are equal ignoring the case of ASCII letters only, as {@code pg_strcasecmp}
   * compares keywords (Java's {@code equalsIgnoreCase} would also match {@code BEGİN}).
   */
  static boolean sameWord(String word, String lowerAscii) {
    if (word.length() != lowerAscii.length()) {
      return false;
    }
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      char folded = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
      if (folded != lowerAscii.charAt(i)) {
        return false;
      }
    }
    return true;
  }
}
