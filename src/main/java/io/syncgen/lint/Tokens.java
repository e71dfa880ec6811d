package io.syncgen.lint;

import java.util.ArrayList;
import java.util.List;

/** A cursor over a statement's tokens, with the few look-ahead steps the recogniser needs. */
final class Tokens {
  private final List<SqlToken> tokens;
  private int at;

  Tokens(List<SqlToken> tokens) {
    this.tokens = tokens;
  }

  /** Whether every token is read. */
  boolean atEnd() {
    return at >= tokens.size();
  }

  /** The next token, or null at the end. */
  SqlToken peek() {
    return at < tokens.size() ? tokens.get(at) : null;
  }

  /** Reads the next token, or returns null at the end. */
  SqlToken take() {
    return at < tokens.size() ? tokens.get(at++) : null;
  }

  /** Reads the words given, in order, if they come next; else reads nothing. */
  boolean accept(String... words) {
    for (int i = 0; i < words.length; i++) {
      SqlToken t = at + i < tokens.size() ? tokens.get(at + i) : null;
      if (t == null || !t.is(words[i])) {
        return false;
      }
    }
    at += words.length;
    return true;
  }

  /** Whether the next token is one of these words. */
  boolean peekIs(String... words) {
    SqlToken t = peek();
    for (String word : words) {
      if (t != null && t.is(word)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Reads a possibly schema-qualified name ({@code a}, {@code "A"}, {@code s.a}) and returns its
   * last part as PostgreSQL folds it; null when no name comes next.
   */
  String name() {
    SqlToken t = peek();
    if (t == null || (t.kind() != SqlToken.Kind.WORD && t.kind() != SqlToken.Kind.QUOTED)) {
      return null;
    }
    at++;
    String name = t.name();
    while (peek() != null && peek().isSymbol(".") && at + 1 < tokens.size()) {
      at++;
      name = take().name();
    }
    return name;
  }

  /** The rest, split at commas outside parentheses. */
  List<List<SqlToken>> restByComma() {
    List<List<SqlToken>> parts = new ArrayList<>();
    List<SqlToken> part = new ArrayList<>();
    int depth = 0;
    while (!atEnd()) {
      SqlToken t = take();
      depth += t.isSymbol("(") ? 1 : t.isSymbol(")") ? -1 : 0;
      if (depth == 0 && t.isSymbol(",")) {
        parts.add(part);
        part = new ArrayList<>();
      } else {
        part.add(t);
      }
    }
    parts.add(part);
    return parts;
  }

  /** Whether any of these tokens is the word {@code word}. */
  static boolean has(List<SqlToken> tokens, String word) {
    return tokens.stream().anyMatch(t -> t.is(word));
  }

  /** Whether the words follow one another somewhere in these tokens. */
  static boolean hasSequence(List<SqlToken> tokens, String... words) {
    for (int i = 0; i + words.length <= tokens.size(); i++) {
      int j = 0;
      while (j < words.length && tokens.get(i + j).is(words[j])) {
        j++;
      }
      if (j == words.length) {
        return true;
      }
    }
    return false;
  }
}
