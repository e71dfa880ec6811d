package io.syncgen.diagnostic;

import java.util.Objects;

/**
 * A place in an input file, 1-based.
 *
 * @param file the file as the user named it (printed as given, never made absolute)
 * @param line 1-based line, or 0 when the problem concerns the whole file
 * @param column 1-based column, or 0 when unknown
 * @param sourceLine the text of that line without its line break, or empty when unknown
 */
public record Location(String file, int line, int column, String sourceLine) {
  /** Checks the ranges and that no field is null. */
  public Location {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(sourceLine, "sourceLine");
    if (line < 0 || column < 0) {
      throw new IllegalArgumentException(
          "line and column are 1-based or 0: " + line + ":" + column);
    }
  }

  /** A location that names a whole file, for problems such as "file not found". */
  public static Location ofFile(String file) {
    return new Location(file, 0, 0, "");
  }

  /** {@code file:line:column}, or just {@code file} when the line is unknown. */
  @Override
  public String toString() {
    if (line == 0) {
      return file;
    }
    return column == 0 ? file + ":" + line : file + ":" + line + ":" + column;
  }
}
