package io.syncgen.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;
import io.syncgen.diagnostic.Suggestions;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * What a strict Kubernetes schema says is wrong with a JSON tree, phrased for people: unknown
 * fields with a "did you mean", missing required fields, wrong JSON types. Shared by {@code
 * validate}'s schema rule (whole objects) and the descriptor's Kubernetes-typed fields (a Volume, a
 * Probe), which name fields their own way.
 */
public final class SchemaProblems {

  private SchemaProblems() {}

  /** What kind of problem a schema error is. */
  public enum Kind {
    /** A field the schema does not know ({@code additionalProperties: false}). */
    UNKNOWN_FIELD,
    /** A required field is missing; the pointer names the object that lacks it. */
    REQUIRED,
    /** A value of the wrong JSON type. */
    TYPE,
    /** Any other keyword (such as {@code const}). */
    OTHER
  }

  /**
   * One problem.
   *
   * @param kind what is wrong
   * @param pointer the JSON pointer of the value concerned (for an unknown field, the field itself;
   *     for a missing one, the object that lacks it)
   * @param message the message, naming fields with the caller's path function
   */
  public record Problem(Kind kind, String pointer, String message) {}

  /**
   * Phrases a schema's errors.
   *
   * @param errors the validator's errors for {@code instance}
   * @param schema the schema document (with {@code $defs})
   * @param start the schema node that describes the instance's root (the document itself, or one of
   *     its {@code $defs})
   * @param instance the tree that was validated
   * @param pathName turns a JSON pointer into the field path printed in messages
   * @return one problem per error, in the validator's order
   */
  public static List<Problem> of(
      List<Error> errors,
      JsonNode schema,
      JsonNode start,
      JsonNode instance,
      UnaryOperator<String> pathName) {
    List<Problem> problems = new ArrayList<>();
    for (Error error : errors) {
      String pointer = pointer(error.getInstanceLocation());
      String keyword = error.getKeyword() == null ? "" : error.getKeyword();
      problems.add(
          switch (keyword) {
            case "additionalProperties" -> {
              String child = pointer + "/" + segment(error.getProperty());
              yield new Problem(
                  Kind.UNKNOWN_FIELD,
                  child,
                  "unknown field \""
                      + pathName.apply(child)
                      + "\""
                      + suggestion(schemaAt(schema, start, pointer), error.getProperty()));
            }
            case "required" ->
                new Problem(
                    Kind.REQUIRED,
                    pointer,
                    "missing required field \""
                        + pathName.apply(pointer + "/" + segment(error.getProperty()))
                        + "\"");
            case "type" ->
                new Problem(
                    Kind.TYPE,
                    pointer,
                    pathName.apply(pointer)
                        + " must be "
                        + expectedType(schemaAt(schema, start, pointer))
                        + ", not "
                        + describe(instance.at(pointer)));
            default ->
                new Problem(
                    Kind.OTHER,
                    pointer,
                    pathName.apply(pointer)
                        + " does not satisfy the schema's \""
                        + keyword
                        + "\" constraint");
          });
    }
    return problems;
  }

  /** A JSON pointer segment for a key: {@code ~} and {@code /} escaped (RFC 6901). */
  public static String segment(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }

  /** Words a JSON value for a message: {@code the string "3"}, {@code the number 3}. */
  public static String describe(JsonNode value) {
    if (value == null || value.isMissingNode()) {
      return "missing";
    }
    if (value.isTextual()) {
      return "the string \"" + value.textValue() + "\"";
    }
    if (value.isNumber()) {
      return "the number " + value.asText();
    }
    if (value.isBoolean()) {
      return "the boolean " + value.asText();
    }
    if (value.isNull()) {
      return "null";
    }
    return value.isArray() ? "a list" : "a mapping";
  }

  /** A copy without null-valued object fields, at any depth (the API server drops them). */
  public static JsonNode withoutNulls(JsonNode node) {
    if (node.isObject()) {
      ObjectNode copy = JsonNodeFactory.instance.objectNode();
      node.properties()
          .forEach(
              e -> {
                if (!e.getValue().isNull()) {
                  copy.set(e.getKey(), withoutNulls(e.getValue()));
                }
              });
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = JsonNodeFactory.instance.arrayNode();
      node.forEach(item -> copy.add(withoutNulls(item)));
      return copy;
    }
    return node;
  }

  /** The JSON pointer of a validator path. */
  static String pointer(NodePath path) {
    StringBuilder pointer = new StringBuilder();
    for (int i = 0; i < path.getNameCount(); i++) {
      Object element = path.getElement(i);
      pointer
          .append('/')
          .append(
              element instanceof Integer ? element.toString() : segment(String.valueOf(element)));
    }
    return pointer.toString();
  }

  private static String suggestion(JsonNode node, String property) {
    JsonNode properties = node == null ? null : node.get("properties");
    if (properties == null) {
      return "";
    }
    TreeSet<String> names = new TreeSet<>();
    properties.fieldNames().forEachRemaining(names::add);
    return Suggestions.nearest(property, names, 3).stream()
        .findFirst()
        .map(best -> "; did you mean \"" + best + "\"?")
        .orElse("; remove it");
  }

  private static String expectedType(JsonNode node) {
    JsonNode type = node == null ? null : node.get("type");
    if (type == null) {
      return "another type";
    }
    if (type.isArray()) {
      List<String> types = new ArrayList<>();
      type.forEach(t -> types.add(article(t.asText())));
      return String.join(" or ", types);
    }
    return article(type.asText());
  }

  private static String article(String type) {
    return switch (type) {
      case "object" -> "a mapping";
      case "array" -> "a list";
      case "integer" -> "an integer";
      default -> "a " + type;
    };
  }

  /**
   * The schema node that describes the instance at a pointer, following {@code $ref}.
   *
   * @param root the schema document, against which {@code $ref}s resolve
   * @param start the node that describes the instance's root
   * @param pointer a JSON pointer into the instance
   * @return the node, or null when the schema does not describe that place
   */
  public static JsonNode schemaAt(JsonNode root, JsonNode start, String pointer) {
    JsonNode node = resolve(root, start);
    if (pointer.isEmpty()) {
      return node;
    }
    for (String raw : pointer.substring(1).split("/", -1)) {
      String segment = raw.replace("~1", "/").replace("~0", "~");
      JsonNode next = null;
      JsonNode properties = node.get("properties");
      if (properties != null && properties.has(segment)) {
        next = properties.get(segment);
      } else if (node.has("items") && segment.chars().allMatch(Character::isDigit)) {
        next = node.get("items");
      } else if (node.get("additionalProperties") != null
          && node.get("additionalProperties").isObject()) {
        next = node.get("additionalProperties");
      }
      if (next == null) {
        return null;
      }
      node = resolve(root, next);
    }
    return node;
  }

  private static JsonNode resolve(JsonNode root, JsonNode node) {
    JsonNode current = node;
    for (int hops = 0; hops < 16 && current.has("$ref"); hops++) {
      current = root.at(current.get("$ref").asText().substring(1));
    }
    return current;
  }
}
