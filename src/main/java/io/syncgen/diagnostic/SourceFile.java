package io.syncgen.diagnostic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.yaml.snakeyaml.error.Mark;

/**
 * An input file's name and lines, turning positions in its text into 1-based locations.
 *
 * <p>Lines are counted as editors, {@code grep -n} and {@code sed -n} count them: a line ends at
 * LF, CRLF or CR. SnakeYAML's marks also count U+0085, U+2028 and U+2029 as line breaks (YAML 1.1;
 * its {@code StreamReader.forward}), so a mark's own line number is not used: its code point index
 * from the start of the text is, and the line and column are found from that.
 */
public final class SourceFile {
  private final String name;
  private final List<String> lines;

  /** The code point index at which each line starts; {@code starts[0] == 0}. */
  private final int[] starts;

  private SourceFile(String name, List<String> lines, int[] starts) {
    this.name = Objects.requireNonNull(name, "name");
    this.lines = List.copyOf(lines);
    this.starts = starts;
  }

  /**
   * Splits {@code text} into lines at LF, CRLF and CR.
   *
   * @param name the file as the user named it
   * @param text the whole text (without a byte-order mark, as SnakeYAML was given it)
   * @return the file
   */
  public static SourceFile of(String name, String text) {
    List<String> lines = new ArrayList<>();
    int[] starts = new int[16];
    int count = 1;
    int codePoints = 0;
    int lineStart = 0;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        lines.add(text.substring(lineStart, i));
        int length = c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n' ? 2 : 1;
        i += length;
        codePoints += length;
        lineStart = i;
        if (count == starts.length) {
          starts = Arrays.copyOf(starts, count * 2);
        }
        starts[count++] = codePoints;
      } else {
        i += Character.charCount(text.codePointAt(i));
        codePoints++;
      }
    }
    lines.add(text.substring(lineStart));
    return new SourceFile(name, lines, Arrays.copyOf(starts, count));
  }

  /** The file as the user named it. */
  public String name() {
    return name;
  }

  /** Its lines, without line breaks. */
  public List<String> lines() {
    return lines;
  }

  /** The location of a SnakeYAML mark (found by its index), or of the whole file when null. */
  public Location at(Mark mark) {
    return mark == null ? Location.ofFile(name) : atIndex(mark.getIndex());
  }

  /**
   * The location of a code point index into the text (as SnakeYAML's marks and {@code
   * ReaderException#getPosition} count); an index past the end is the end of the last line.
   *
   * @param index 0-based code point index
   * @return the location, line and column 1-based, the column in code points
   */
  public Location atIndex(int index) {
    int line = lineOf(index);
    String text = lines.get(line - 1);
    int column = Math.min(index - starts[line - 1], text.codePointCount(0, text.length())) + 1;
    return at(line, column);
  }

  /** The 1-based line of a SnakeYAML mark. */
  public int line(Mark mark) {
    return lineOf(mark.getIndex());
  }

  private int lineOf(int index) {
    int found = Arrays.binarySearch(starts, Math.max(index, 0));
    return found >= 0 ? found + 1 : -found - 1;
  }

  /** The location of a 1-based line and column, with that line's text. */
  public Location at(int line, int column) {
    String text = line >= 1 && line <= lines.size() ? lines.get(line - 1) : "";
    return new Location(name, line, column, text);
  }
}
