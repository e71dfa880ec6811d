package io.syncgen.descriptor;

import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/** How messages show a value the user wrote: quoted strings, other scalars with their YAML type. */
final class ScalarWords {
  private ScalarWords() {}

  /** A scalar as the user wrote it: strings quoted, other scalars with their YAML type. */
  static String describe(ScalarNode scalar) {
    Tag tag = scalar.getTag();
    if (tag.equals(Tag.STR)) {
      return quote(scalar.getValue());
    }
    String kind =
        tag.equals(Tag.INT)
            ? "integer "
            : tag.equals(Tag.FLOAT)
                ? "number "
                : tag.equals(Tag.BOOL)
                    ? "boolean "
                    : tag.equals(Tag.NULL) ? "" : tag.getValue() + " ";
    return tag.equals(Tag.NULL) ? "null" : kind + scalar.getValue();
  }

  /** A string quoted for a message: {@code "a\"b"}, line breaks, tabs and controls escaped. */
  static String quote(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        default ->
            out.append(
                c < ' '
                    ? String.format(java.util.Locale.ROOT, "\\u%04x", (int) c)
                    : String.valueOf(c));
      }
    }
    return out.append('"').toString();
  }
}
