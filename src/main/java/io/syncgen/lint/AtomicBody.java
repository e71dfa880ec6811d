package io.syncgen.lint;

import java.util.Arrays;

/**
 * psql's way of keeping a SQL-standard function body ({@code BEGIN ATOMIC ... END}, PostgreSQL 14+)
 * in one statement: the {@code begin_depth} heuristic of psqlscan.l's {@code {identifier}} rule.
 * The first four identifiers of a statement are noted by the first letter of those among {@code
 * create function procedure or replace}; when they read {@code CREATE FUNCTION}, {@code CREATE
 * PROCEDURE} or {@code CREATE OR REPLACE FUNCTION|PROCEDURE}, each {@code BEGIN} outside
 * parentheses opens a block, a {@code CASE} inside one opens another, and {@code END} closes one. A
 * {@code ;} ends the statement only outside every block. Keywords are compared as {@code
 * pg_strcasecmp} does (ASCII letters only); quoted identifiers are not keywords.
 */
final class AtomicBody {
  private static final String[] HEAD_WORDS = {"create", "function", "procedure", "or", "replace"};

  private final char[] head = new char[4];
  private int words;
  private int depth;

  /** An unquoted identifier of the statement, seen at a parenthesis depth. */
  void identifier(String word, int parenDepth) {
    if (words == 0) {
      Arrays.fill(head, '\0');
    }
    if (words < head.length && isHeadWord(word)) {
      head[words] = (char) (word.charAt(0) | 0x20);
    }
    words++;
    if (!definesRoutine() || parenDepth != 0) {
      return;
    }
    if (SqlChars.sameWord(word, "begin")) {
      depth++;
    } else if (SqlChars.sameWord(word, "case")) {
      if (depth >= 1) {
        depth++;
      }
    } else if (SqlChars.sameWord(word, "end") && depth > 0) {
      depth--;
    }
  }

  /** How many blocks are open; a {@code ;} ends the statement only at 0. */
  int depth() {
    return depth;
  }

  /** psql's {@code \;}: the next identifier counts as the first of a statement again. */
  void forgetWords() {
    words = 0;
  }

  /** A new statement. */
  void reset() {
    words = 0;
    depth = 0;
  }

  private boolean definesRoutine() {
    boolean routine = head[1] == 'f' || head[1] == 'p';
    boolean orReplace = head[1] == 'o' && head[2] == 'r' && (head[3] == 'f' || head[3] == 'p');
    return head[0] == 'c' && (routine || orReplace);
  }

  private static boolean isHeadWord(String word) {
    for (String head : HEAD_WORDS) {
      if (SqlChars.sameWord(word, head)) {
        return true;
      }
    }
    return false;
  }
}
