package io.syncgen.descriptor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.syncgen.manifest.SchemaCatalog;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The descriptor's JSON Schema (draft 2020-12), generated from the {@link Field} annotations the
 * parser reads, so editors cannot be told a field differently from how it is parsed.
 *
 * <p>Shape: each record is an object with {@code properties} (in declaration order), {@code
 * required} and {@code additionalProperties: false}; Integer and Long fields are {@code integer},
 * Boolean {@code boolean}, String {@code string} (a quantity also {@code number}, as the parser
 * reads {@code cpu: 1}), List an {@code array} with {@code items}, Map an {@code object} whose
 * {@code additionalProperties} is the value's schema. Every property has its {@code description}
 * ({@link Field#doc}) and, where the model has one, its typed {@code default}; {@code apiVersion}
 * and {@code kind} are {@code const}; the migration tool, an extra object's phase and the migration
 * hook are {@code enum}s; numeric formats are {@code minimum} and {@code maximum}. The other
 * formats (names, images, quantities, hosts) are left to syncgen's own checks rather than copied
 * into regular expressions that could drift.
 *
 * <p>Records are written inline rather than as {@code $defs}: the schema then uses only keywords
 * that draft-07 readers (such as the YAML language server in VS Code) understand the same way. The
 * Kubernetes types the descriptor takes as they are (probes, volumes, tolerations, affinity...) are
 * the exception: they refer, through {@code allOf}, to {@code $defs} copied from the bundled strict
 * Pod schema ({@link SchemaCatalog#podTypes()}), so editors complete and check their fields as
 * syncgen does. {@code V1Volume} there lists only the volume sources syncgen accepts. Extra objects
 * are only required to have apiVersion, kind and metadata.
 */
public final class DescriptorSchema {
  /** The dialect: JSON Schema draft 2020-12. */
  public static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";

  /** The schema's stable identifier; it names the descriptor version, not a download location. */
  public static final String ID = "https://syncgen.io/schema/syncgen-v1.json";

  /**
   * Where editors fetch the schema: the committed {@code schema/syncgen-v1.json} on the main
   * branch. {@code syncgen init} writes it into the {@code # yaml-language-server: $schema=} line.
   */
  public static final String URL =
      "https://raw.githubusercontent.com/syncgen/syncgen/main/schema/syncgen-v1.json";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Where the Kubernetes types are defined, and how a reference to one starts. */
  private static final String DEFS = "$defs";

  private static final String DEFS_POINTER = "#/" + DEFS + "/";

  private DescriptorSchema() {}

  /**
   * The schema as JSON text: pretty-printed with two-space indentation and {@code \n} line breaks,
   * ending with a line break; the same bytes on every run, machine and locale.
   */
  public static String json() {
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter(
                Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator(""))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    try {
      return new ObjectMapper().writer(printer).writeValueAsString(tree()) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the schema", e);
    }
  }

  /** The schema as a tree, its keys in the order {@link #json()} writes them. */
  static ObjectNode tree() {
    ObjectNode root = NODES.objectNode();
    root.put("$schema", DIALECT);
    root.put("$id", ID);
    root.put("title", "syncgen app descriptor");
    root.put(
        "description",
        "An app descriptor, apiVersion "
            + AppDescriptor.API_VERSION
            + ", kind "
            + AppDescriptor.KIND
            + ": syncgen renders from it the Argo CD manifests that migrate the database before"
            + " the app rolls out.");
    root.setAll(object(AppDescriptor.class));
    ObjectNode properties = (ObjectNode) root.get("properties");
    ((ObjectNode) properties.get("apiVersion")).put("const", AppDescriptor.API_VERSION);
    ((ObjectNode) properties.get("kind")).put("const", AppDescriptor.KIND);
    root.set(DEFS, definitions(root));
    return root;
  }

  /** A record: its properties, which of them are required, and no others. */
  private static ObjectNode object(Class<?> record) {
    ObjectNode schema = NODES.objectNode();
    schema.put("type", "object");
    ObjectNode properties = schema.putObject("properties");
    ArrayNode required = NODES.arrayNode();
    for (DescriptorModel.Property property : DescriptorModel.properties(record)) {
      properties.set(property.name(), property(property));
      if (property.field().required()) {
        required.add(property.name());
      }
    }
    if (!required.isEmpty()) {
      schema.set("required", required);
    }
    schema.put("additionalProperties", false);
    return schema;
  }

  private static ObjectNode property(DescriptorModel.Property property) {
    Field field = property.field();
    ObjectNode schema = NODES.objectNode();
    schema.put("description", field.doc());
    schema.setAll(value(property.type(), field));
    if (!field.defaultValue().isEmpty()) {
      schema.set("default", defaultValue(property.type(), field.defaultValue()));
    }
    return schema;
  }

  /** The schema of a value of {@code type}; the field's format applies to every scalar in it. */
  private static ObjectNode value(Type type, Field field) {
    Type element = DescriptorModel.listElement(type);
    if (element != null) {
      ObjectNode schema = NODES.objectNode().put("type", "array");
      schema.set("items", value(element, field));
      return schema;
    }
    Type mapValue = DescriptorModel.mapValue(type);
    if (mapValue != null) {
      ObjectNode schema = NODES.objectNode().put("type", "object");
      schema.set("additionalProperties", value(mapValue, field));
      return schema;
    }
    if (type == JsonNode.class) {
      return kubernetes(field.kubernetesType());
    }
    Class<?> record = DescriptorModel.record(type);
    if (record != null) {
      return object(record);
    }
    return scalar((Class<?>) type, field.format());
  }

  /**
   * A Kubernetes type: a mapping that matches the type's definition in {@code $defs}, referred to
   * through {@code allOf} so that a description beside it still counts for draft-07 readers. A
   * whole object (an extra object) is any mapping with apiVersion, kind and metadata: its kind's
   * schema is syncgen's to choose. A free-form mapping (a JSON Patch operation) is any mapping.
   */
  private static ObjectNode kubernetes(String type) {
    ObjectNode schema = NODES.objectNode().put("type", "object");
    if (type.equals(Field.OBJECT)) {
      schema.putArray("required").add("apiVersion").add("kind").add("metadata");
    } else if (!type.isEmpty()) {
      schema.putArray("allOf").addObject().put("$ref", DEFS_POINTER + type);
    }
    return schema;
  }

  /**
   * The definitions the schema refers to, and those they refer to, sorted by name: the bundled Pod
   * schema's, with {@code V1Volume} cut down to the volume sources syncgen renders.
   */
  private static ObjectNode definitions(JsonNode schema) {
    ObjectNode types = new SchemaCatalog().podTypes();
    ObjectNode volume = (ObjectNode) types.get("V1Volume");
    ((ObjectNode) volume.get("properties"))
        .retain(Stream.concat(Stream.of("name"), ReleaseRules.VOLUME_TYPES.stream()).toList());
    SortedMap<String, JsonNode> used = new TreeMap<>();
    Deque<JsonNode> pending = new ArrayDeque<>(List.of(schema));
    while (!pending.isEmpty()) {
      for (JsonNode ref : pending.pop().findValues("$ref")) {
        String name = ref.asText().substring(DEFS_POINTER.length());
        if (!used.containsKey(name)) {
          used.put(name, types.required(name));
          pending.push(types.get(name));
        }
      }
    }
    ObjectNode defs = NODES.objectNode();
    defs.setAll(used);
    return defs;
  }

  private static ObjectNode scalar(Class<?> type, Format format) {
    ObjectNode schema = NODES.objectNode();
    String json = DescriptorModel.scalarType(type);
    if (json.equals("string") && format.acceptsNumbers()) {
      schema.putArray("type").add("string").add("number");
    } else {
      schema.put("type", json);
    }
    switch (format) {
      case PORT -> range(schema, 1, 65535);
      case POSITIVE, NON_ROOT_UID -> range(schema, 1, Integer.MAX_VALUE);
      case NON_NEGATIVE -> range(schema, 0, Integer.MAX_VALUE);
      case MIGRATION_TOOL -> {
        ArrayNode tools = schema.putArray("enum");
        for (MigrationTool tool : MigrationTool.values()) {
          tools.add(tool.id());
        }
      }
      case SYNC_PHASE, MIGRATION_HOOK, SQL_FORMAT ->
          format.choices().forEach(schema.putArray("enum")::add);
      case POSTGRES_TIMEOUT -> {
        // A string duration, or the number 0 (no timeout).
        schema.put("pattern", PostgresTimeout.PATTERN);
        range(schema, 0, 0);
      }
      default -> {
        // No simple equivalent: syncgen checks it, the schema states only the type.
      }
    }
    return schema;
  }

  private static void range(ObjectNode schema, long min, long max) {
    schema.put("minimum", min);
    schema.put("maximum", max);
  }

  /**
   * A {@link Field#defaultValue} (YAML text) as JSON of the field's type: {@code "1"} is the
   * integer 1 for an Integer field, but stays a string for a String field.
   */
  private static JsonNode defaultValue(Type type, String yaml) {
    if (type instanceof Class<?> c && !c.isRecord()) {
      return switch (DescriptorModel.scalarType(c)) {
        case "integer" -> NODES.numberNode(Long.parseLong(yaml));
        case "boolean" -> NODES.booleanNode(Boolean.parseBoolean(yaml));
        default -> NODES.textNode(yaml);
      };
    }
    try {
      return new YAMLMapper().readTree(yaml);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("bad default: " + yaml, e);
    }
  }
}
