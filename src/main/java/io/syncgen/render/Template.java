package io.syncgen.render;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A YAML skeleton from {@code templates/}, parsed into a tree whose fields are then set by path.
 * Values are never spliced into YAML text, so a value with {@code ": "}, quotes, {@code #} or line
 * breaks comes out as the same string.
 */
final class Template {
  private static final YAMLMapper MAPPER = new YAMLMapper();
  private static final ObjectMapper VALUES =
      JsonMapper.builder()
          .defaultPropertyInclusion(
              JsonInclude.Value.construct(
                  JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
          .build();

  private Template() {}

  /**
   * A fresh tree of {@code templates/<name>.yaml}.
   *
   * @throws IllegalStateException if the template is missing or not a mapping (a build defect)
   */
  static ObjectNode load(String name) {
    String resource = "templates/" + name + ".yaml";
    try (InputStream in = Template.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("template missing from the jar: " + resource);
      }
      JsonNode tree = MAPPER.readTree(in);
      if (!(tree instanceof ObjectNode object)) {
        throw new IllegalStateException("template is not a mapping: " + resource);
      }
      return object;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read template " + resource, e);
    }
  }

  /**
   * The object at a JSON pointer such as {@code /spec/template/spec/containers/0}.
   *
   * @throws IllegalStateException if the template has no object there (a template defect)
   */
  static ObjectNode object(JsonNode root, String pointer) {
    JsonNode node = root.at(pointer);
    if (!(node instanceof ObjectNode object)) {
      throw new IllegalStateException("template has no object at " + pointer);
    }
    return object;
  }

  /**
   * The array at a JSON pointer.
   *
   * @throws IllegalStateException if the template has no array there (a template defect)
   */
  static ArrayNode array(JsonNode root, String pointer) {
    JsonNode node = root.at(pointer);
    if (!(node instanceof ArrayNode array)) {
      throw new IllegalStateException("template has no array at " + pointer);
    }
    return array;
  }

  /** An array of strings, for argv lists. */
  static ArrayNode strings(List<String> values) {
    ArrayNode array = MAPPER.createArrayNode();
    values.forEach(array::add);
    return array;
  }

  /** A record or other value turned into a tree, dropping null fields (Kubernetes' omitempty). */
  static JsonNode tree(Object value) {
    return VALUES.valueToTree(value);
  }

  /**
   * Sets {@code key} to {@code value} right after the field {@code after} (or last when {@code
   * after} is absent), so the emitted YAML reads in the order Kubernetes documents the fields. Does
   * nothing when {@code value} is null.
   */
  static void putAfter(ObjectNode node, String after, String key, JsonNode value) {
    if (value == null) {
      return;
    }
    if (!node.has(after)) {
      node.set(key, value);
      return;
    }
    // The same child nodes, re-inserted in order: a caller's reference to a child (a container
    // being filled) stays part of the tree.
    List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
    node.properties().forEach(e -> fields.add(Map.entry(e.getKey(), e.getValue())));
    node.removeAll();
    for (Map.Entry<String, JsonNode> e : fields) {
      if (!e.getKey().equals(key)) {
        node.set(e.getKey(), e.getValue());
      }
      if (e.getKey().equals(after)) {
        node.set(key, value);
      }
    }
  }

  /** Removes {@code key} from {@code parent} when it holds an empty array or object placeholder. */
  static void removeIfEmpty(ObjectNode parent, String key) {
    JsonNode value = parent.get(key);
    if (value != null && value.isContainerNode() && value.isEmpty()) {
      parent.remove(key);
    }
  }
}
