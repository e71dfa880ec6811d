package io.syncgen.diagnostic;

import java.util.List;
import org.yaml.snakeyaml.error.Mark;

/**
 * An input file's name and lines, turning SnakeYAML's 0-based marks into 1-based locations.
 *
 * @param name the file as the user named it
 * @param lines its lines without line breaks
 */
public record SourceFile(String name, List<String> lines) {
  /** Copies the lines. */
  public SourceFile {
    lines = List.copyOf(lines);
  }

  /**
   * Splits {@code text} where SnakeYAML counts a new line (YAML 1.1 line breaks, its {@code
   * StreamReader}): CRLF, CR, LF, and U+0085, U+2028 and U+2029, so a mark's line is the line
   * printed under a finding.
   */
  public static SourceFile of(String name, String text) {
    return new SourceFile(name, List.of(text.split("\r\n|[\r\n\u0085\u2028\u2029]", -1)));
  }

  /** The location of a SnakeYAML mark (0-based line and column), or of the file when null. */
  public Location at(Mark mark) {
    if (mark == null) {
      return Location.ofFile(name);
    }
    return at(mark.getLine() + 1, mark.getColumn() + 1);
  }

  /** The 1-based line of a SnakeYAML mark. */
  public int line(Mark mark) {
    return mark.getLine() + 1;
  }

  /** The location of a 1-based line and column, with that line's text. */
  public Location at(int line, int column) {
    String text = line >= 1 && line <= lines.size() ? lines.get(line - 1) : "";
    return new Location(name, line, column, text);
  }
}
