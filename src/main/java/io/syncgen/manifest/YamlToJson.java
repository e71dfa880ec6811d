package io.syncgen.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syncgen.diagnostic.SourceFile;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Turns one composed YAML document into JSON as Kubernetes tools read it (go-yaml v2's YAML 1.1
 * resolution, then sigs.k8s.io/yaml's conversion), recording the position of every key and value
 * and every duplicate key. The node graph must hold no recursive alias ({@link
 * io.syncgen.diagnostic.YamlInput} guarantees it); a document that expands through aliases beyond a
 * number of nodes is refused with {@link TooLarge}.
 */
final class YamlToJson {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** A key set twice in one mapping: where the second stands, and the first's line. */
  record Duplicate(String pointer, String key, Mark mark, int firstLine) {}

  /** A document that expands beyond the most nodes allowed. */
  static final class TooLarge extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TooLarge() {
      super(null, null, false, false);
    }
  }

  /** Go's 0o octal integers, which SnakeYAML's YAML 1.1 resolver leaves as strings. */
  private static final java.util.regex.Pattern GO_OCTAL =
      java.util.regex.Pattern.compile("[-+]?0o[0-7]{1,21}");

  /** go-yaml v2 also reads plain y, Y, n and N as booleans; SnakeYAML's resolver does not. */
  private static final java.util.Set<String> GO_YAML_LETTER_BOOLEANS =
      java.util.Set.of("y", "Y", "n", "N");

  final SourceFile source;
  final Map<String, Mark> keys = new HashMap<>();
  final Map<String, Mark> values = new HashMap<>();
  final List<Duplicate> duplicates = new ArrayList<>();

  /** Positions of duplicates already reported: an anchor's are met again at each alias. */
  private final java.util.Set<Integer> reported = new java.util.HashSet<>();

  private final int maxNodes;
  private int nodes;

  /**
   * @param source the file, for positions
   * @param maxNodes the most nodes one document may expand to through aliases
   */
  YamlToJson(SourceFile source, int maxNodes) {
    this.source = source;
    this.maxNodes = maxNodes;
  }

  /**
   * Converts a node and everything under it.
   *
   * @param node the node
   * @param pointer its JSON pointer in the document
   * @return the JSON
   * @throws TooLarge when the document expands beyond {@code maxNodes} nodes
   */
  JsonNode convert(Node node, String pointer) {
    if (++nodes > maxNodes) {
      throw new TooLarge();
    }
    values.putIfAbsent(pointer, node.getStartMark());
    if (node instanceof MappingNode mapping) {
      return mapping(mapping, pointer);
    }
    if (node instanceof SequenceNode sequence) {
      ArrayNode array = JSON.arrayNode();
      List<Node> items = sequence.getValue();
      for (int i = 0; i < items.size(); i++) {
        array.add(convert(items.get(i), pointer + "/" + i));
      }
      return array;
    }
    return scalar((ScalarNode) node);
  }

  private ObjectNode mapping(MappingNode mapping, String pointer) {
    ObjectNode object = JSON.objectNode();
    Map<String, Mark> seen = new HashMap<>();
    for (NodeTuple tuple : mapping.getValue()) {
      Node keyNode = tuple.getKeyNode();
      if (keyNode.getTag().equals(Tag.MERGE)) {
        merge(object, tuple.getValueNode(), pointer);
        continue;
      }
      String key = key(keyNode);
      String child = pointer + "/" + Manifest.segment(key);
      Mark first = seen.putIfAbsent(key, keyNode.getStartMark());
      if (first != null && reported.add(keyNode.getStartMark().getIndex())) {
        duplicates.add(new Duplicate(child, key, keyNode.getStartMark(), source.line(first)));
        values.put(child, tuple.getValueNode().getStartMark());
      }
      if (first == null) {
        // Set here, not only if absent: a merge key before it may have placed the anchor's.
        keys.put(child, keyNode.getStartMark());
        values.put(child, tuple.getValueNode().getStartMark());
      }
      object.set(key, convert(tuple.getValueNode(), child));
    }
    return object;
  }

  /**
   * A merge key ({@code <<}) as go-yaml v2 applies it: where it stands, overwriting keys set before
   * it (keys after it win); of a list of mappings, the first wins.
   */
  private void merge(ObjectNode object, Node merge, String pointer) {
    List<Node> sources =
        merge instanceof SequenceNode sequence ? sequence.getValue() : List.of(merge);
    for (int i = sources.size() - 1; i >= 0; i--) {
      JsonNode merged = convert(sources.get(i), pointer);
      if (merged.isObject()) {
        merged.properties().forEach(e -> object.set(e.getKey(), e.getValue()));
      }
    }
  }

  /**
   * A mapping key as sigs.k8s.io/yaml makes it a JSON key: the key resolved as a YAML 1.1 scalar,
   * then written as text ({@code yes:} and {@code on:} are both {@code "true"}).
   */
  private static String key(Node keyNode) {
    if (!(keyNode instanceof ScalarNode scalar)) {
      return keyNode.getTag().getValue();
    }
    JsonNode resolved = scalar(scalar);
    return resolved.isTextual() ? resolved.textValue() : resolved.asText();
  }

  private static JsonNode scalar(ScalarNode scalar) {
    String value = scalar.getValue();
    Tag tag = scalar.getTag();
    if (tag.equals(Tag.NULL)) {
      return JSON.nullNode();
    }
    if (tag.equals(Tag.BOOL)) {
      String lower = value.toLowerCase(Locale.ROOT);
      return JSON.booleanNode(lower.equals("true") || lower.equals("yes") || lower.equals("on"));
    }
    if (tag.equals(Tag.INT)) {
      BigInteger integer = yamlInteger(value);
      if (integer != null) {
        return integer.bitLength() < 64
            ? JSON.numberNode(integer.longValue())
            : JSON.numberNode(integer);
      }
      return JSON.textNode(value);
    }
    if (tag.equals(Tag.FLOAT)) {
      return yamlFloat(value);
    }
    if (tag.equals(Tag.STR) && scalar.isPlain() && GO_YAML_LETTER_BOOLEANS.contains(value)) {
      return JSON.booleanNode(value.equalsIgnoreCase("y"));
    }
    if (tag.equals(Tag.STR) && scalar.isPlain() && GO_OCTAL.matcher(value).matches()) {
      // go-yaml v2 parses integers with Go's ParseInt(s, 0, 64), which also takes 0o.
      BigInteger octal = new BigInteger(value.replaceFirst("0o", "").replace("_", ""), 8);
      return JSON.numberNode(octal.longValue());
    }
    return JSON.textNode(value);
  }

  /** A YAML 1.1 integer, or null for the sexagesimal form, which go-yaml reads as a string. */
  static BigInteger yamlInteger(String text) {
    String value = text.replace("_", "");
    if (value.contains(":")) {
      return null;
    }
    boolean negative = value.startsWith("-");
    if (negative || value.startsWith("+")) {
      value = value.substring(1);
    }
    BigInteger result;
    try {
      if (value.startsWith("0b")) {
        result = new BigInteger(value.substring(2), 2);
      } else if (value.startsWith("0x")) {
        result = new BigInteger(value.substring(2), 16);
      } else if (value.length() > 1 && value.startsWith("0")) {
        result = new BigInteger(value.substring(1), 8);
      } else {
        result = new BigInteger(value);
      }
    } catch (NumberFormatException e) {
      return null;
    }
    return negative ? result.negate() : result;
  }

  private static JsonNode yamlFloat(String text) {
    String value = text.replace("_", "").toLowerCase(Locale.ROOT);
    switch (value) {
      case ".inf", "+.inf":
        return JSON.numberNode(Double.POSITIVE_INFINITY);
      case "-.inf":
        return JSON.numberNode(Double.NEGATIVE_INFINITY);
      case ".nan":
        return JSON.numberNode(Double.NaN);
      default:
        try {
          return JSON.numberNode(new java.math.BigDecimal(value));
        } catch (NumberFormatException e) {
          return JSON.textNode(text); // sexagesimal: a string for go-yaml
        }
    }
  }
}
