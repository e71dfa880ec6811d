package io.syncgen.validate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * kubeconform's own schemas, read as kubeconform reads them, for tests that compare syncgen's
 * output or verdicts with kubeconform {@code -strict}. The folder is the system property {@value
 * #PROPERTY} ({@code .ci/run} sets it to {@code ../shared/k8s-schemas}); without it a test is
 * skipped on a laptop and fails under {@code CI=true}.
 */
final class KubeconformSchemas {
  static final String PROPERTY = "kubeconform.schemas";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Compiled schemas by file name: each is compiled once (some are 800 KB). */
  private static final Map<String, Optional<Schema>> COMPILED = new ConcurrentHashMap<>();

  /**
   * kubeconform runs with format assertions off; so do both registries. English messages, whatever
   * the default locale (the suite runs under tr_TR).
   */
  private static final SchemaRegistryConfig NO_FORMATS =
      SchemaRegistryConfig.builder().formatAssertionsEnabled(false).locale(Locale.ENGLISH).build();

  private KubeconformSchemas() {}

  /**
   * kubeconform's schema for a kind, or empty when it has none (a custom resource whose CRD schema
   * is not in the folder: what {@code -ignore-missing-schemas} skips).
   */
  static Optional<Schema> find(String apiVersion, String kind) {
    Path folder = folder();
    return COMPILED.computeIfAbsent(fileName(apiVersion, kind), name -> compile(folder, name));
  }

  /**
   * kubeconform's schema file name: the lower-case kind, then {@code -<first label of the API
   * group>} unless the group is the core one, then {@code -<version>}; e.g. {@code
   * deployment-apps-v1.json}, {@code service-v1.json}, {@code networkpolicy-networking-v1.json}.
   */
  static String fileName(String apiVersion, String kind) {
    int slash = apiVersion.indexOf('/');
    String group = slash < 0 ? "" : apiVersion.substring(0, slash);
    String version = apiVersion.substring(slash + 1);
    String groupPart = group.isEmpty() ? "" : "-" + group.split("\\.", 2)[0];
    return kind.toLowerCase(Locale.ROOT) + groupPart + "-" + version + ".json";
  }

  /**
   * Compiles a kubeconform schema with the draft kubeconform uses for it (SOURCE.md in the schema
   * folder). The yannh files ({@code master-standalone-strict/}) declare {@code "$schema":
   * "http://json-schema.org/schema#"}, which kubeconform maps to draft 2020-12; networknt cannot
   * resolve that unversioned URI ("Failed to load dialect"), so the keyword is removed and the
   * registry's default dialect, draft 2020-12, applies. The CRD schemas ({@code crds/}) declare no
   * {@code $schema}, and kubeconform reads them as draft 4.
   */
  private static Optional<Schema> compile(Path folder, String name) {
    Path yannh = folder.resolve("master-standalone-strict").resolve(name);
    Path crd = folder.resolve("crds").resolve(name);
    SchemaRegistry registry;
    JsonNode json;
    if (Files.isRegularFile(yannh)) {
      json = readJson(yannh);
      ((ObjectNode) json).remove("$schema");
      registry =
          SchemaRegistry.withDefaultDialect(
              SpecificationVersion.DRAFT_2020_12, b -> b.schemaRegistryConfig(NO_FORMATS));
    } else if (Files.isRegularFile(crd)) {
      json = readJson(crd);
      assertThat(json.has("$schema")).as("%s declares no $schema", crd).isFalse();
      registry =
          SchemaRegistry.withDefaultDialect(
              SpecificationVersion.DRAFT_4, b -> b.schemaRegistryConfig(NO_FORMATS));
    } else {
      return Optional.empty();
    }
    Schema schema = registry.getSchema(SchemaLocation.of("https://kubeconform.test/" + name), json);
    schema.initializeValidators();
    return Optional.of(schema);
  }

  /** The schema folder; a test without it is skipped, or fails under {@code CI=true}. */
  static Path folder() {
    String value = System.getProperty(PROPERTY);
    String problem =
        value == null || value.isBlank()
            ? "set the system property "
                + PROPERTY
                + " to the folder of kubeconform's schemas (master-standalone-strict/ and crds/)"
            : Files.isDirectory(Path.of(value))
                ? ""
                : "the folder "
                    + value
                    + " named by the system property "
                    + PROPERTY
                    + " does not exist; set it to the folder of kubeconform's schemas";
    if (!problem.isEmpty()) {
      if ("true".equals(System.getenv("CI"))) {
        Assertions.fail(problem + " (CI=true: this test must run)");
      }
      Assumptions.abort(problem);
    }
    return Path.of(value);
  }

  /** A JSON pointer for a node path, with {@code ~} and {@code /} escaped. */
  static String pointer(NodePath path) {
    StringBuilder pointer = new StringBuilder();
    for (int i = 0; i < path.getNameCount(); i++) {
      pointer
          .append('/')
          .append(String.valueOf(path.getElement(i)).replace("~", "~0").replace("/", "~1"));
    }
    return pointer.toString();
  }

  /**
   * Reads a one-document YAML file as kubeconform does (go-yaml, YAML 1.1 typing: {@code on} and
   * {@code no} are booleans, {@code 0755} is octal) into JSON.
   */
  static JsonNode readYaml(Path file) {
    Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
    try {
      return toJson(yaml.load(Files.readString(file, StandardCharsets.UTF_8)), file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode readJson(Path file) {
    try {
      return MAPPER.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode toJson(Object value, Path file) {
    JsonNodeFactory json = JsonNodeFactory.instance;
    if (value == null) {
      return json.nullNode();
    }
    if (value instanceof Map<?, ?> map) {
      ObjectNode object = json.objectNode();
      map.forEach((k, v) -> object.set(String.valueOf(k), toJson(v, file)));
      return object;
    }
    if (value instanceof List<?> list) {
      ArrayNode array = json.arrayNode();
      list.forEach(item -> array.add(toJson(item, file)));
      return array;
    }
    if (value instanceof String text) {
      return json.textNode(text);
    }
    if (value instanceof Boolean bool) {
      return json.booleanNode(bool);
    }
    if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
      return json.numberNode(new BigInteger(value.toString()));
    }
    if (value instanceof Double number) {
      return json.numberNode(number);
    }
    throw new AssertionError(
        file + ": a YAML value of type " + value.getClass().getName() + " (quote it): " + value);
  }
}
