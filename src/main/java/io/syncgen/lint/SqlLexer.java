package io.syncgen.lint;

import io.syncgen.lint.QuotedText.StringMode;
import io.syncgen.lint.Token.Kind;

/**
 * psql's lexer ({@code src/fe_utils/psqlscan.l}, whose rules copy the server's {@code
 * src/backend/parser/scan.l}) reduced to what splitting needs: one token at a time from its {@code
 * INITIAL} state, a string, comment or dollar quote read whole (to the end of the input when it is
 * never closed).
 *
 * <p>Flex takes the longest match, so a prefix letter makes a literal only where a token starts:
 * {@code E'}, {@code B'}, {@code X'}, {@code N'}, {@code U&'} and {@code U&"}; inside an identifier
 * ({@code somee'x'}) or right after a number ({@code 1e'x'}, scan.l's {@code {integer_junk}}) the
 * letter belongs to that token. A {@code $} starts a dollar quote only at a token start ({@code
 * a$b$} is one identifier, {@code $1} a parameter).
 */
final class SqlLexer {
  private final String sql;

  SqlLexer(String sql) {
    this.sql = sql;
  }

  /** The token starting at {@code at}, which is before the end of the input. */
  Token next(int at) {
    char c = sql.charAt(at);
    if (SqlChars.isSpace(c)) {
      return new Token(Kind.SPACE, at, spaceEnd(at));
    } else if (sql.startsWith("--", at)) {
      return new Token(Kind.SPACE, at, QuotedText.lineComment(sql, at));
    } else if (sql.startsWith("/*", at)) {
      return new Token(Kind.COMMENT, at, QuotedText.blockComment(sql, at + 2));
    } else if (SqlChars.isIdentStart(c)) {
      return word(at);
    } else if (SqlChars.isDigit(c) || (c == '.' && SqlChars.isDigit(peek(at + 1)))) {
      return new Token(Kind.OTHER, at, number(at));
    }
    return switch (c) {
      case ';' -> new Token(Kind.SEMICOLON, at, at + 1);
      case '(' -> new Token(Kind.OPEN_PAREN, at, at + 1);
      case ')' -> new Token(Kind.CLOSE_PAREN, at, at + 1);
      case '\'' -> literal(at, 1, StringMode.STANDARD);
      case '"' -> new Token(Kind.OTHER, at, QuotedText.quotedIdentifier(sql, at + 1));
      case '$' -> dollar(at);
      case '\\' -> backslash(at);
      default -> new Token(Kind.OTHER, at, at + 1);
    };
  }

  /** An identifier or keyword, or a literal its first letters introduce. */
  private Token word(int at) {
    int first = peek(at) | 0x20; // ASCII letters to lower case; nothing else becomes one
    if (peek(at + 1) == '\'') {
      switch (first) {
        case 'e':
          return literal(at, 2, StringMode.ESCAPE);
        case 'b', 'x':
          return literal(at, 2, StringMode.BITS);
        case 'n':
          return literal(at, 2, StringMode.STANDARD);
        default:
          break;
      }
    }
    if (first == 'u' && peek(at + 1) == '&') {
      if (peek(at + 2) == '\'') {
        return literal(at, 3, StringMode.STANDARD);
      } else if (peek(at + 2) == '"') {
        return new Token(Kind.OTHER, at, QuotedText.quotedIdentifier(sql, at + 3));
      }
      // {xufailed}: the u alone, and not as an identifier.
      return new Token(Kind.OTHER, at, at + 1);
    }
    return new Token(Kind.IDENTIFIER, at, identifierEnd(at));
  }

  private Token literal(int at, int opening, StringMode mode) {
    return new Token(Kind.OTHER, at, QuotedText.string(sql, at + opening, mode));
  }

  /**
   * A number ({@code {integer}}, {@code {decimal}}, {@code {real}}, {@code 1..} as an integer),
   * with an identifier right after it taken as its trailing junk, as psql 15 does.
   */
  private int number(int at) {
    int i = digits(at);
    if (peek(i) == '.' && peek(i + 1) != '.') {
      i = digits(i + 1);
    }
    if (peek(i) == 'e' || peek(i) == 'E') {
      int j = peek(i + 1) == '+' || peek(i + 1) == '-' ? i + 2 : i + 1;
      if (SqlChars.isDigit(peek(j))) {
        i = digits(j);
      }
    }
    return SqlChars.isIdentStart(peek(i)) ? identifierEnd(i) : i;
  }

  /** A dollar quote, a parameter ({@code $1}, junk included), or a lone {@code $}. */
  private Token dollar(int at) {
    String delimiter = QuotedText.dollarDelimiter(sql, at);
    if (delimiter != null) {
      int end = QuotedText.dollarQuoted(sql, at + delimiter.length(), delimiter);
      return new Token(Kind.OTHER, at, end);
    } else if (SqlChars.isDigit(peek(at + 1))) {
      int i = digits(at + 1);
      return new Token(Kind.OTHER, at, SqlChars.isIdentStart(peek(i)) ? identifierEnd(i) : i);
    }
    // {dolqfailed} gives back all but the $: what follows is read afresh.
    return new Token(Kind.OTHER, at, at + 1);
  }

  /** psql's {@code \;} and {@code \:} (a char put into the statement), or a meta-command line. */
  private Token backslash(int at) {
    if (peek(at + 1) == ';') {
      return new Token(Kind.FORCED_SEMICOLON, at, at + 2);
    } else if (peek(at + 1) == ':') {
      return new Token(Kind.OTHER, at, at + 2);
    }
    int end = sql.indexOf('\n', at);
    return new Token(Kind.META_COMMAND, at, end < 0 ? sql.length() : end);
  }

  private int spaceEnd(int at) {
    int i = at;
    while (SqlChars.isSpace(peek(i))) {
      i++;
    }
    return i;
  }

  private int identifierEnd(int at) {
    int i = at + 1;
    while (SqlChars.isIdentPart(peek(i))) {
      i++;
    }
    return i;
  }

  private int digits(int at) {
    int i = at;
    while (SqlChars.isDigit(peek(i))) {
      i++;
    }
    return i;
  }

  /** The char at {@code i}, or -1 past the end. */
  private int peek(int i) {
    return i < sql.length() ? sql.charAt(i) : -1;
  }
}
