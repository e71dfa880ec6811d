package io.syncgen.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.keyword.KeywordType;
import com.networknt.schema.keyword.NonValidationKeyword;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The Kubernetes and Argo CD schemas bundled in the jar ({@code io/syncgen/validate/schemas/},
 * written at build time by {@code src/build/java/io/syncgen/build/GenerateSchemas.java} from the
 * model classes of {@code io.kubernetes:client-java-api}). A schema is read and compiled on first
 * use and kept for the life of the catalog, so a render that emits a Job, a Deployment and a
 * Service loads those three and no other.
 */
public final class SchemaCatalog {
  private static final String ROOT = "/io/syncgen/validate/schemas/";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** The schema whose {@code $defs} hold the pod spec's types. */
  private static final String TYPES = "pod-v1.json";

  /**
   * A compiled schema and its raw JSON (to name the known fields in messages).
   *
   * @param schema the compiled schema
   * @param json the schema document, draft 2020-12 with {@code $defs}
   */
  public record Entry(Schema schema, JsonNode json) {}

  private final Map<String, Optional<Entry>> compiled = new HashMap<>();
  private JsonNode index;
  private SchemaRegistry registry;

  /** A catalog of the bundled schemas. */
  public SchemaCatalog() {}

  /**
   * The schema for a kind.
   *
   * @param apiVersion such as {@code apps/v1}
   * @param kind such as {@code Deployment}
   * @return the schema, or empty when none is bundled for that apiVersion and kind
   * @throws UncheckedIOException when the jar's schema resources cannot be read (a broken build)
   */
  public Optional<Entry> lookup(String apiVersion, String kind) {
    String file = index().path("kinds").path(apiVersion + " " + kind).asText("");
    if (file.isEmpty()) {
      return Optional.empty();
    }
    return compiled.computeIfAbsent(file, this::compile);
  }

  /**
   * The schema of one Kubernetes type of the pod spec, such as {@code V1Volume}, {@code V1Probe} or
   * {@code V1Toleration}: a definition of the bundled Pod schema, as client-java-api names its
   * model classes. The entry's JSON is a small document whose {@code $ref} points at the definition
   * and which carries the Pod schema's {@code $defs}.
   *
   * @param name the definition's name
   * @return the schema, or empty when the Pod schema has no such definition
   * @throws UncheckedIOException when the jar's schema resources cannot be read (a broken build)
   */
  public Optional<Entry> definition(String name) {
    return compiled.computeIfAbsent("#" + name, key -> compileDefinition(name));
  }

  private Optional<Entry> compileDefinition(String name) {
    JsonNode defs = readJson(TYPES).path(DEFINITIONS);
    if (!defs.has(name)) {
      return Optional.empty();
    }
    if (registry == null) {
      registry = SchemaRegistry.withDialect(dialect());
    }
    ObjectNode json = MAPPER.createObjectNode();
    json.put("$ref", "#/" + DEFINITIONS + "/" + name);
    json.set(DEFINITIONS, defs);
    Schema schema =
        registry.getSchema(
            SchemaLocation.of("https://syncgen.io/schemas/types/" + name + ".json"), json);
    return Optional.of(new Entry(schema, json));
  }

  /**
   * The pod spec's types, as the bundled Pod schema defines them: an object from a type's
   * client-java-api name ({@code V1Probe}) to its JSON Schema (draft 2020-12, strict: {@code
   * additionalProperties: false}), whose references are {@code #/$defs/<name>}. A fresh copy on
   * each call, so the caller may change it.
   *
   * @throws UncheckedIOException when the jar's schema resources cannot be read (a broken build)
   */
  public ObjectNode podTypes() {
    return (ObjectNode) readJson(TYPES).path(DEFINITIONS);
  }

  /** The Kubernetes minor version the schemas describe, such as {@code 1.36}. */
  public String kubernetesVersion() {
    return index().path("kubernetesVersion").asText("unknown");
  }

  /** The library the schemas were generated from, as Maven coordinates. */
  public String source() {
    return index().path("source").asText("unknown");
  }

  /** Every kind with a schema, as {@code apiVersion kind} strings. */
  public Iterable<String> kinds() {
    return index().path("kinds")::fieldNames;
  }

  private JsonNode index() {
    if (index == null) {
      index = readJson("index.json");
    }
    return index;
  }

  private Optional<Entry> compile(String file) {
    if (registry == null) {
      registry = SchemaRegistry.withDialect(dialect());
    }
    JsonNode json = readJson(file);
    Schema schema =
        registry.getSchema(SchemaLocation.of("https://syncgen.io/schemas/" + file), json);
    return Optional.of(new Entry(schema, json));
  }

  /**
   * The keywords the bundled schemas use, and so the only ones compiled: a draft 2020-12 dialect
   * cut down to these builds in a fraction of the time of the full one, which matters on every Argo
   * CD refresh. {@code SchemaCatalogTest} fails when a generated schema uses another keyword.
   */
  static final Map<String, KeywordType> KEYWORDS =
      Map.of(
          "type", KeywordType.TYPE,
          "properties", KeywordType.PROPERTIES,
          "additionalProperties", KeywordType.ADDITIONAL_PROPERTIES,
          "items", KeywordType.ITEMS,
          "required", KeywordType.REQUIRED,
          "$ref", KeywordType.REF,
          "const", KeywordType.CONST);

  /** Where {@code $ref} points into; holds schemas, validates nothing itself. */
  static final String DEFINITIONS = "$defs";

  private static Dialect dialect() {
    Dialect.Builder builder =
        Dialect.builder("https://syncgen.io/schemas/dialect")
            .specificationVersion(SpecificationVersion.DRAFT_2020_12)
            .idKeyword("$id")
            .keyword(new NonValidationKeyword(DEFINITIONS));
    KEYWORDS.values().forEach(builder::keyword);
    return builder.build();
  }

  private static JsonNode readJson(String file) {
    try (InputStream in = SchemaCatalog.class.getResourceAsStream(ROOT + file)) {
      if (in == null) {
        throw new UncheckedIOException(
            new IOException("schema resource " + ROOT + file + " is missing from the jar"));
      }
      return MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
