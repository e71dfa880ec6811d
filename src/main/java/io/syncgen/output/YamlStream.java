package io.syncgen.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.syncgen.manifest.KubernetesObject;
import java.util.List;

/**
 * Writes objects as YAML: block style, two-space indent, list items indented under their key,
 * strings quoted only where needed (and always where a reader could mistake them, see {@link
 * SafeQuoting}), multi-line strings as literal blocks, LF line breaks. The output depends on
 * nothing but the trees: not on locale, time zone or platform.
 */
public final class YamlStream {
  private static final YAMLMapper MAPPER =
      new YAMLMapper(
          YAMLFactory.builder()
              .stringQuotingChecker(new SafeQuoting())
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
              .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
              .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .disable(YAMLGenerator.Feature.SPLIT_LINES)
              .build());

  private YamlStream() {}

  /** One object as a YAML document without a {@code ---} marker, ending with a line break. */
  public static String write(KubernetesObject object) {
    return write(object.tree());
  }

  /** Any tree as a YAML document without a {@code ---} marker, ending with a line break. */
  public static String write(JsonNode tree) {
    try {
      return MAPPER.writeValueAsString(tree).replace("\r\n", "\n");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write YAML", e);
    }
  }

  /** The objects as one stream: each document opened by {@code ---}, as helm and kubectl print. */
  public static String write(List<KubernetesObject> objects) {
    StringBuilder out = new StringBuilder();
    for (KubernetesObject object : objects) {
      out.append("---\n").append(write(object));
    }
    return out.toString();
  }
}
