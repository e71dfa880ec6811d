package io.syncgen.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Rule set 1: checks each object against its bundled Kubernetes schema, as strictly as {@code
 * kubeconform -strict}: unknown fields at any depth, JSON types ({@code replicas: "2"} is a
 * string), required fields, and objects whose apiVersion/kind has no schema.
 *
 * <p>Null values are dropped before checking, as the API server treats them as absent (and as
 * kubeconform's schemas allow null for every optional field).
 */
final class SchemaCheck {
  private static final LevenshteinDistance DISTANCE = new LevenshteinDistance(3);

  /** Label and annotation values: reported as {@link Rule#METADATA_VALUE_TYPE}, once. */
  private static final Pattern METADATA_VALUE =
      Pattern.compile(".*/metadata/(labels|annotations)/[^/]+");

  private final SchemaCatalog catalog;
  private final boolean ignoreMissingSchemas;

  SchemaCheck(SchemaCatalog catalog, boolean ignoreMissingSchemas) {
    this.catalog = catalog;
    this.ignoreMissingSchemas = ignoreMissingSchemas;
  }

  /** Checks one object; returns its findings. */
  List<Finding> check(Manifest manifest) {
    List<Finding> findings = new ArrayList<>();
    String apiVersion = manifest.apiVersion();
    String kind = manifest.kind();
    if (apiVersion.isEmpty() || kind.isEmpty()) {
      String missing =
          apiVersion.isEmpty() && kind.isEmpty()
              ? "apiVersion and kind"
              : apiVersion.isEmpty() ? "apiVersion" : "kind";
      findings.add(
          Checks.finding(
              manifest,
              Rule.NO_SCHEMA,
              "",
              "the object has no " + missing + " (a string); every Kubernetes object needs both"));
      return findings;
    }
    Optional<SchemaCatalog.Entry> entry = catalog.lookup(apiVersion, kind);
    if (entry.isEmpty()) {
      if (!ignoreMissingSchemas) {
        findings.add(
            Checks.finding(manifest, Rule.NO_SCHEMA, "/kind", noSchemaMessage(apiVersion, kind)));
      }
      return findings;
    }
    JsonNode instance = withoutNulls(manifest.object());
    List<Error> errors = entry.get().schema().validate(instance);
    for (Error error : errors) {
      String pointer = pointer(error.getInstanceLocation());
      String keyword = error.getKeyword() == null ? "" : error.getKeyword();
      switch (keyword) {
        case "additionalProperties" -> {
          String property = error.getProperty();
          String child = pointer + "/" + Manifest.segment(property);
          findings.add(
              Checks.finding(
                  manifest,
                  Rule.UNKNOWN_FIELD,
                  child,
                  "unknown field \""
                      + Checks.path(child)
                      + "\""
                      + suggestion(entry.get().json(), pointer, property)));
        }
        case "required" -> {
          String property = error.getProperty();
          String child = pointer + "/" + Manifest.segment(property);
          findings.add(
              Checks.finding(
                  manifest,
                  Rule.SCHEMA,
                  pointer,
                  "missing required field \"" + Checks.path(child) + "\""));
        }
        case "type" -> {
          if (METADATA_VALUE.matcher(pointer).matches()) {
            String metadata = pointer.substring(0, pointer.lastIndexOf("/metadata/") + 9);
            if (!MetadataCheck.covered(manifest).contains(metadata)) {
              findings.add(MetadataCheck.finding(manifest, pointer, instance.at(pointer)));
            }
            continue;
          }
          JsonNode value = instance.at(pointer);
          findings.add(
              Checks.valueFinding(
                  manifest,
                  Rule.SCHEMA,
                  pointer,
                  Checks.path(pointer)
                      + " must be "
                      + expectedType(entry.get().json(), pointer)
                      + ", not "
                      + Checks.describe(value)));
        }
        default ->
            findings.add(
                Checks.valueFinding(
                    manifest,
                    Rule.SCHEMA,
                    pointer,
                    Checks.path(pointer)
                        + " does not satisfy the schema's \""
                        + keyword
                        + "\" constraint"));
      }
    }
    return findings;
  }

  private String noSchemaMessage(String apiVersion, String kind) {
    List<String> sameKind = new ArrayList<>();
    for (String known : catalog.kinds()) {
      if (known.endsWith(" " + kind)) {
        sameKind.add(known.substring(0, known.length() - kind.length() - 1));
      }
    }
    String hint =
        sameKind.isEmpty()
            ? "; pass --ignore-missing-schemas to skip kinds without a schema (custom resources)"
            : "; " + kind + " is apiVersion " + String.join(" or ", sameKind);
    return "no schema for apiVersion \"" + apiVersion + "\", kind \"" + kind + "\"" + hint;
  }

  /** A copy without null-valued object fields, at any depth. */
  static JsonNode withoutNulls(JsonNode node) {
    if (node.isObject()) {
      ObjectNode copy = JsonNodeFactory.instance.objectNode();
      node.fields()
          .forEachRemaining(
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
              element instanceof Integer
                  ? element.toString()
                  : Manifest.segment(String.valueOf(element)));
    }
    return pointer.toString();
  }

  private static String suggestion(JsonNode schema, String pointer, String property) {
    JsonNode node = schemaAt(schema, pointer);
    JsonNode properties = node == null ? null : node.get("properties");
    if (properties == null) {
      return "";
    }
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    TreeSet<String> names = new TreeSet<>();
    properties.fieldNames().forEachRemaining(names::add);
    for (String name : names) {
      int distance =
          DISTANCE.apply(
              property.toLowerCase(java.util.Locale.ROOT), name.toLowerCase(java.util.Locale.ROOT));
      if (distance >= 0 && distance < bestDistance) {
        best = name;
        bestDistance = distance;
      }
    }
    return best == null ? "; remove it" : "; did you mean \"" + best + "\"?";
  }

  private static String expectedType(JsonNode schema, String pointer) {
    JsonNode node = schemaAt(schema, pointer);
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

  /** The schema node that describes the instance at a pointer, following $ref. */
  static JsonNode schemaAt(JsonNode root, String pointer) {
    JsonNode node = resolve(root, root);
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
