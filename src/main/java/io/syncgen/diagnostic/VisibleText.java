package io.syncgen.diagnostic;

import java.util.Locale;

/**
 * Text made safe to print: every character a terminal would act on, that would break a one-line
 * message, or that XML 1.0 cannot hold is written as a {@code \}{@code uXXXX} escape.
 *
 * <p>Escaped: control characters (C0 but the tab, DEL, C1; so ESC sequences cannot reach the
 * terminal), U+2028 and U+2029 (line and paragraph separators), the Unicode bidirectional controls
 * (U+061C, U+200E, U+200F, U+202A to U+202E, U+2066 to U+2069; CVE-2021-42574), U+FFFE and U+FFFF,
 * and surrogates that are not part of a pair. The XML 1.0 {@code Char} production (section 2.2)
 * allows every other character.
 */
public final class VisibleText {
  private VisibleText() {}

  /**
   * The text with the characters above escaped; other text, backslashes included, unchanged.
   *
   * @param text any text
   * @return the text, one escape of six characters per escaped character
   */
  public static String of(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); ) {
      int codePoint = text.codePointAt(i);
      int length = Character.charCount(codePoint);
      if (hidden(codePoint)) {
        if (out == null) {
          out = new StringBuilder(text.length() + 16).append(text, 0, i);
        }
        out.append(String.format(Locale.ROOT, "\\u%04x", codePoint));
      } else if (out != null) {
        out.appendCodePoint(codePoint);
      }
      i += length;
    }
    return out == null ? text : out.toString();
  }

  /**
   * Text of several lines made safe to print: each line as {@link #of}, the line feeds between them
   * kept.
   *
   * @param text lines separated by {@code \n}
   * @return the text, escaped line by line
   */
  public static String lines(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int start = 0;
    for (int end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
      out.append(of(text.substring(start, end))).append('\n');
      start = end + 1;
    }
    return out.append(of(text.substring(start))).toString();
  }

  /** Whether a code point is written as an escape. */
  static boolean hidden(int codePoint) {
    int type = Character.getType(codePoint);
    return (type == Character.CONTROL && codePoint != '\t')
        || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR
        || type == Character.SURROGATE
        || codePoint == 0xFFFE
        || codePoint == 0xFFFF
        || isBidiControl(codePoint);
  }

  private static boolean isBidiControl(int c) {
    return c == 0x061C
        || c == 0x200E
        || c == 0x200F
        || (c >= 0x202A && c <= 0x202E)
        || (c >= 0x2066 && c <= 0x2069);
  }
}
