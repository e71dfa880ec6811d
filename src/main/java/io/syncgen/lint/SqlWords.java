package io.syncgen.lint;

import java.util.ArrayList;
import java.util.List;

/**
 * The tokens of one statement as the recogniser reads them, from the splitter's own lexer ({@link
 * SqlLexer}: psql's rules) so that a statement is cut and read alike: comments and white space
 * dropped, identifiers and keywords as {@link SqlToken.Kind#WORD}, {@code "..."} and {@code
 * U&"..."} as {@link SqlToken.Kind#QUOTED} (without quotes, {@code ""} as one {@code "}), string
 * constants of every form and dollar quotes as {@link SqlToken.Kind#STRING}, numbers as {@link
 * SqlToken.Kind#NUMBER}, anything else as a {@link SqlToken.Kind#SYMBOL}.
 */
final class SqlWords {
  private SqlWords() {}

  /** The tokens of {@code statement}. */
  static List<SqlToken> tokens(String statement) {
    SqlLexer lexer = new SqlLexer(statement);
    List<SqlToken> tokens = new ArrayList<>();
    int at = 0;
    while (at < statement.length()) {
      Token token = lexer.next(at);
      at = Math.max(token.end(), at + 1);
      if (token.significant()) {
        String text = statement.substring(token.start(), Math.min(token.end(), statement.length()));
        tokens.add(word(token, text));
      }
    }
    return tokens;
  }

  private static SqlToken word(Token token, String text) {
    int start = token.start();
    if (token.kind() == Token.Kind.IDENTIFIER) {
      return new SqlToken(SqlToken.Kind.WORD, text, start);
    }
    if (token.kind() != Token.Kind.OTHER) {
      return new SqlToken(SqlToken.Kind.SYMBOL, text, start);
    }
    char first = text.charAt(0);
    if (first == '"' || text.regionMatches(true, 0, "u&\"", 0, 3)) {
      return new SqlToken(SqlToken.Kind.QUOTED, unquote(text.substring(text.indexOf('"'))), start);
    }
    if (first == '\'') {
      return new SqlToken(SqlToken.Kind.STRING, unquote(text), start);
    }
    if (text.length() > 1 && (text.charAt(1) == '\'' || text.charAt(1) == '&' || first == '$')) {
      return new SqlToken(SqlToken.Kind.STRING, text, start);
    }
    if (Character.isDigit(first) || (first == '.' && text.length() > 1)) {
      return new SqlToken(SqlToken.Kind.NUMBER, text, start);
    }
    return new SqlToken(SqlToken.Kind.SYMBOL, text, start);
  }

  /** {@code 'it''s'} as {@code it's}, {@code "a""b"} as {@code a"b}. */
  private static String unquote(String quoted) {
    char quote = quoted.charAt(0);
    String inner =
        quoted.substring(
            1,
            quoted.endsWith(String.valueOf(quote)) && quoted.length() > 1
                ? quoted.length() - 1
                : quoted.length());
    return inner.replace(String.valueOf(quote) + quote, String.valueOf(quote));
  }
}
