package io.syncgen.descriptor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syncgen.manifest.SchemaCatalog;
import io.syncgen.manifest.SchemaProblems;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Binds the descriptor fields that take a Kubernetes type as it is (a Volume, a Probe, a whole
 * object): turns the YAML node into a JSON tree the way kubectl reads YAML, records where each part
 * stands, and checks the tree with the bundled strict schema of its type, so that {@code
 * spec.volumes[0].configMap.nmae} is an error at its own line, with a "did you mean".
 *
 * <p>Scalars keep their YAML type, as everywhere in the descriptor: {@code "8080"} is a string and
 * {@code 8080} a number. Only plain decimal integers and numbers are numbers, and only {@code
 * true}/{@code false} booleans: YAML 1.1's octal {@code 010}, hex {@code 0x1F} and {@code yes} read
 * differently in different tools, so they are refused.
 */
final class KubernetesValues {
  private static final Pattern DECIMAL = Pattern.compile("-?(0|[1-9][0-9]*)");
  private static final Pattern NUMBER =
      Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)?");

  private final Binder binder;
  private SchemaCatalog catalog;

  KubernetesValues(Binder binder) {
    this.binder = binder;
  }

  /** Binds {@code node} at {@code path}; returns null when it had errors (already recorded). */
  JsonNode bind(Node node, String path, Field field) {
    Map<String, Node> places = new HashMap<>();
    int before = binder.errorCount();
    JsonNode tree = tree(node, path, "", places);
    if (binder.errorCount() > before) {
      return null;
    }
    String type = field == null ? "" : field.kubernetesType();
    if (!type.isEmpty()) {
      check(tree, type, path, places);
    }
    return binder.errorCount() > before ? null : tree;
  }

  private JsonNode tree(Node node, String path, String pointer, Map<String, Node> places) {
    binder.recordValue(path, node);
    places.put(pointer, node);
    if (node instanceof MappingNode mapping) {
      ObjectNode object = JsonNodeFactory.instance.objectNode();
      for (Map.Entry<String, NodeTuple> entry : binder.entries(mapping, path).entrySet()) {
        String key = entry.getKey();
        String childPath = path + "." + key;
        String childPointer = pointer + "/" + SchemaProblems.segment(key);
        binder.recordKey(childPath, entry.getValue().getKeyNode());
        places.put(childPointer + "#key", entry.getValue().getKeyNode());
        object.set(key, tree(entry.getValue().getValueNode(), childPath, childPointer, places));
      }
      return object;
    }
    if (node instanceof SequenceNode sequence) {
      ArrayNode array = JsonNodeFactory.instance.arrayNode();
      List<Node> items = sequence.getValue();
      for (int i = 0; i < items.size(); i++) {
        array.add(tree(items.get(i), path + "[" + i + "]", pointer + "/" + i, places));
      }
      return array;
    }
    return scalar((ScalarNode) node, path);
  }

  private JsonNode scalar(ScalarNode node, String path) {
    Tag tag = node.getTag();
    String text = node.getValue();
    JsonNodeFactory json = JsonNodeFactory.instance;
    if (tag.equals(Tag.STR) || tag.equals(Tag.TIMESTAMP)) {
      return json.textNode(text);
    }
    if (tag.equals(Tag.NULL)) {
      return json.nullNode();
    }
    if (tag.equals(Tag.BOOL) && (text.equals("true") || text.equals("false"))) {
      return json.booleanNode(text.equals("true"));
    }
    if (tag.equals(Tag.INT) && DECIMAL.matcher(text).matches()) {
      BigInteger value = new BigInteger(text);
      return value.bitLength() < 64 ? json.numberNode(value.longValue()) : json.numberNode(value);
    }
    if (tag.equals(Tag.FLOAT) && NUMBER.matcher(text).matches()) {
      return json.numberNode(new java.math.BigDecimal(text));
    }
    binder.error(
        node,
        path
            + " is "
            + ScalarWords.describe(node)
            + ", which YAML tools read differently; write a decimal number, true or false, or"
            + " quote it for a string");
    return json.nullNode();
  }

  private void check(JsonNode tree, String type, String path, Map<String, Node> places) {
    Optional<SchemaCatalog.Entry> entry = schema(tree, type);
    if (entry.isEmpty()) {
      return; // a custom resource: no schema, as validate --ignore-missing-schemas
    }
    JsonNode instance = SchemaProblems.withoutNulls(tree);
    JsonNode json = entry.get().json();
    List<SchemaProblems.Problem> problems =
        SchemaProblems.of(
            entry.get().schema().validate(instance), json, json, instance, p -> path + path(p));
    for (SchemaProblems.Problem problem : problems) {
      Node at =
          problem.kind() == SchemaProblems.Kind.UNKNOWN_FIELD
              ? places.get(problem.pointer() + "#key")
              : places.get(problem.pointer());
      binder.error(at == null ? places.get("") : at, problem.message());
    }
  }

  private Optional<SchemaCatalog.Entry> schema(JsonNode tree, String type) {
    if (catalog == null) {
      catalog = new SchemaCatalog();
    }
    if (!type.equals(Field.OBJECT)) {
      return catalog.definition(type);
    }
    String apiVersion = tree.path("apiVersion").asText("");
    String kind = tree.path("kind").asText("");
    return catalog.lookup(apiVersion, kind);
  }

  /**
   * A JSON pointer as a descriptor path suffix: {@code /ports/0/name} is {@code .ports[0].name}.
   */
  static String path(String pointer) {
    StringBuilder path = new StringBuilder();
    if (pointer.isEmpty()) {
      return "";
    }
    for (String raw : pointer.substring(1).split("/", -1)) {
      String segment = raw.replace("~1", "/").replace("~0", "~");
      boolean index = !segment.isEmpty() && segment.chars().allMatch(Character::isDigit);
      path.append(index ? "[" + segment + "]" : "." + segment);
    }
    return path.toString();
  }
}
