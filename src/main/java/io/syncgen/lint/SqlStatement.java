package io.syncgen.lint;

import java.util.Objects;

/**
 * One statement of a SQL file, as {@link StatementSplitter} cut it out.
 *
 * <p>A psql meta-command line (a backslash command such as {@code \connect}, {@code \set} or {@code
 * \i} outside any statement) is a statement of its own whose text starts with {@code \} and is one
 * line long.
 *
 * @param text from its first token to just before its terminating {@code ;} (or the end of the
 *     input), comments inside kept, trailing whitespace dropped; {@code sql.startsWith(text,
 *     offset)} holds for the input it was split from
 * @param line 1-based line of the first token (a line ends at LF, CRLF or CR)
 * @param column 1-based column of the first token, in UTF-16 chars (a tab is one column; a
 *     byte-order mark before it is not counted)
 * @param offset 0-based char offset of the first token in the input
 * @param terminated false when the statement ended at the end of the input without {@code ;}
 *     (possibly inside an unterminated string, comment or dollar quote), or was cut short by a psql
 *     meta-command that does not send it
 */
public record SqlStatement(String text, int line, int column, int offset, boolean terminated) {
  /** Checks that the text is there and the position is 1-based (offset 0-based). */
  public SqlStatement {
    Objects.requireNonNull(text, "text");
    if (line < 1 || column < 1 || offset < 0) {
      throw new IllegalArgumentException(
          "position must be 1-based (offset 0-based): " + line + ":" + column + " @" + offset);
    }
  }
}
