package io.syncgen.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syncgen.diagnostic.Diagnostic;
import io.syncgen.diagnostic.DiagnosticException;
import io.syncgen.diagnostic.Location;
import io.syncgen.diagnostic.Severity;
import io.syncgen.diagnostic.SourceFile;
import io.syncgen.diagnostic.TextInput;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads Kubernetes manifests: a YAML stream of any number of documents, or JSON, into {@link
 * Manifest}s with the position of every node.
 *
 * <p>Scalars get the types Kubernetes gives them. kubectl and Argo CD read YAML with go-yaml v2
 * (YAML 1.1 resolution) and convert it to JSON, so {@code yes} is {@code true}, {@code 010} is the
 * octal 8, {@code 1_000} is 1000, and timestamps stay strings. An object of a {@code kind: List}
 * (or any {@code *List} with {@code items}) is unwrapped into its items, as kubectl does.
 */
public final class ManifestReader {
  /** The largest file read, in bytes (64 MiB): far above any rendered chart. */
  public static final long MAX_BYTES = 64L << 20;

  /**
   * Most nodes one document may expand to through aliases (a "billion laughs" document defines few
   * aliases that expand exponentially).
   */
  static final int MAX_NODES = 1_000_000;

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /**
   * What was read from one file.
   *
   * @param manifests the objects, in file order
   * @param findings problems met while reading: {@link Rule#PARSE_ERROR} and {@link
   *     Rule#DUPLICATE_KEY}
   */
  public record Result(List<Manifest> manifests, List<Finding> findings) {}

  private ManifestReader() {}

  /**
   * Reads a file.
   *
   * @param path the file
   * @param displayName the name printed in findings
   * @return the objects and the reading problems; never throws for bad input
   */
  public static Result read(Path path, String displayName) {
    String text;
    try {
      text = TextInput.read(path, displayName, "manifest", MAX_BYTES);
    } catch (DiagnosticException e) {
      List<Finding> findings = new ArrayList<>();
      for (Diagnostic d : e.diagnostics()) {
        findings.add(parseError(d.location(), d.message()));
      }
      return new Result(List.of(), findings);
    }
    return parse(displayName, text);
  }

  /**
   * Reads manifest text.
   *
   * @param displayName the name printed in findings
   * @param text YAML (one or more documents) or JSON
   * @return the objects and the reading problems
   */
  public static Result parse(String displayName, String text) {
    SourceFile source = SourceFile.of(displayName, text);
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(true); // reported as findings, with both positions
    options.setMaxAliasesForCollections(50);
    options.setNestingDepthLimit(200);
    options.setCodePointLimit((int) MAX_BYTES);
    options.setAllowRecursiveKeys(false);
    Yaml yaml = new Yaml(new SafeConstructor(options));
    List<Manifest> manifests = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    try {
      for (Node document : yaml.composeAll(new StringReader(text))) {
        readDocument(source, document, manifests, findings);
      }
    } catch (MarkedYAMLException e) {
      Diagnostic d = TextInput.yamlSyntax(source, e);
      findings.add(parseError(d.location(), d.message()));
    } catch (YAMLException e) {
      findings.add(parseError(source.at(1, 1), "YAML refused: " + e.getMessage()));
    }
    return new Result(manifests, findings);
  }

  private static void readDocument(
      SourceFile source, Node document, List<Manifest> manifests, List<Finding> findings) {
    if (document == null
        || (document instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL))) {
      return; // an empty document, or comments only
    }
    Converter converter = new Converter(source);
    JsonNode root;
    try {
      root = converter.convert(document, "");
    } catch (TooLarge e) {
      findings.add(
          parseError(
              source.at(document.getStartMark()),
              "the document expands to more than "
                  + MAX_NODES
                  + " nodes through YAML aliases; refused"));
      return;
    }
    if (!root.isObject()) {
      findings.add(
          parseError(
              source.at(document.getStartMark()),
              "a document must be a mapping (one Kubernetes object), not a " + describe(root)));
      return;
    }
    List<Manifest> objects = new ArrayList<>();
    addObjects(source, document, (ObjectNode) root, "", converter, objects, findings);
    manifests.addAll(objects);
    for (Converter.Duplicate duplicate : converter.duplicates) {
      String owner = "";
      for (Manifest m : objects) {
        if (objects.size() == 1 || duplicate.pointer().startsWith(m.base() + "/")) {
          owner = m.display();
        }
      }
      findings.add(
          new Finding(
              source.at(duplicate.mark()),
              Severity.ERROR,
              Rule.DUPLICATE_KEY,
              owner,
              "key \""
                  + duplicate.key()
                  + "\" appears twice in one mapping (first on line "
                  + duplicate.firstLine()
                  + "); delete one of them"));
    }
  }

  /**
   * Adds an object, or the items of a {@code kind: List} (or any {@code *List} with {@code items}),
   * recursively as kubectl flattens nested lists.
   */
  private static void addObjects(
      SourceFile source,
      Node node,
      ObjectNode object,
      String base,
      Converter converter,
      List<Manifest> objects,
      List<Finding> findings) {
    JsonNode items = object.get("items");
    String kind = Manifest.text(object.get("kind"));
    if (!kind.endsWith("List") || items == null || !items.isArray()) {
      objects.add(
          new Manifest(
              source,
              object,
              base,
              converter.keys,
              converter.values,
              node.getStartMark().getLine() + 1,
              node.getEndMark().getLine() + 1));
      return;
    }
    List<Node> itemNodes = itemNodes(node);
    for (int i = 0; i < items.size(); i++) {
      Node itemNode = i < itemNodes.size() ? itemNodes.get(i) : node;
      if (items.get(i).isObject()) {
        addObjects(
            source,
            itemNode,
            (ObjectNode) items.get(i),
            base + "/items/" + i,
            converter,
            objects,
            findings);
      } else {
        findings.add(
            parseError(
                source.at(itemNode.getStartMark()),
                "item "
                    + i
                    + " of the "
                    + kind
                    + " must be a mapping (one Kubernetes object), not a "
                    + describe(items.get(i))));
      }
    }
  }

  /** The nodes of a List document's {@code items}, for their positions. */
  private static List<Node> itemNodes(Node document) {
    List<Node> nodes = List.of();
    if (document instanceof MappingNode mapping) {
      for (NodeTuple tuple : mapping.getValue()) {
        if (tuple.getKeyNode() instanceof ScalarNode key
            && key.getValue().equals("items")
            && tuple.getValueNode() instanceof SequenceNode sequence) {
          nodes = sequence.getValue();
        }
      }
    }
    return nodes;
  }

  private static Finding parseError(Location location, String message) {
    return new Finding(location, Severity.ERROR, Rule.PARSE_ERROR, "", message);
  }

  private static String describe(JsonNode node) {
    if (node.isArray()) {
      return "list";
    }
    return node.isTextual() ? "string" : node.getNodeType().name().toLowerCase(Locale.ROOT);
  }

  /** A document that expands beyond {@link #MAX_NODES}. */
  private static final class TooLarge extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TooLarge() {
      super(null, null, false, false);
    }
  }

  /** Turns one composed YAML document into JSON, recording positions and duplicate keys. */
  private static final class Converter {
    record Duplicate(String pointer, String key, Mark mark, int firstLine) {}

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

    Converter(SourceFile source) {
      this.source = source;
    }

    int nodes;

    JsonNode convert(Node node, String pointer) {
      if (++nodes > MAX_NODES) {
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
          duplicates.add(new Duplicate(child, key, keyNode.getStartMark(), first.getLine() + 1));
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
     * A merge key ({@code <<}) as go-yaml v2 applies it: where it stands, overwriting keys set
     * before it (keys after it win); of a list of mappings, the first wins.
     */
    private void merge(ObjectNode object, Node merge, String pointer) {
      List<Node> sources =
          merge instanceof SequenceNode sequence ? sequence.getValue() : List.of(merge);
      for (int i = sources.size() - 1; i >= 0; i--) {
        JsonNode merged = convert(sources.get(i), pointer);
        if (merged.isObject()) {
          merged.fields().forEachRemaining(e -> object.set(e.getKey(), e.getValue()));
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
}
