package io.syncgen.lint;

import java.util.Arrays;

/**
 * Turns char offsets into 1-based lines and columns: a line ends at LF, CRLF or CR (as {@code
 * SourceFile} counts them), a column is a UTF-16 char, and a byte-order mark is not a column.
 */
final class LineStarts {
  private final int[] starts;
  private final int bom;

  private LineStarts(int[] starts, int bom) {
    this.starts = starts;
    this.bom = bom;
  }

  static LineStarts of(String text) {
    int[] starts = new int[16];
    int count = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean lineBreak = c == '\n' || (c == '\r' && !text.startsWith("\n", i + 1));
      if (lineBreak) {
        if (count == starts.length) {
          starts = Arrays.copyOf(starts, count * 2);
        }
        starts[count++] = i + 1;
      }
    }
    return new LineStarts(Arrays.copyOf(starts, count), text.startsWith("\uFEFF") ? 1 : 0);
  }

  /** The 1-based line of an offset. */
  int line(int offset) {
    int found = Arrays.binarySearch(starts, offset);
    return found >= 0 ? found + 1 : -found - 1;
  }

  /** The 1-based column of an offset. */
  int column(int offset) {
    int line = line(offset);
    int column = offset - starts[line - 1] + 1;
    return line == 1 ? Math.max(1, column - bom) : column;
  }
}
