package io.syncgen.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import io.syncgen.cli.Run;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Proves that syncgen's schema rules give the same verdict (valid or invalid) as kubeconform {@code
 * -strict} on the manifests under {@code src/test/resources/validate/agreement/}: every file under
 * {@code valid/} passes both, every file under {@code invalid/} fails both, each for exactly the
 * errors its {@code # expect:} header names, and every file under {@code known-differences/} gets
 * exactly the two different verdicts its header documents. kubeconform's verdict is computed here
 * from its own schemas (folder given by the system property {@code kubeconform.schemas}; the tests
 * are skipped without it).
 */
class KubeconformAgreementTest {
  private static final String PROPERTY = "kubeconform.schemas";
  private static final Path AGREEMENT = Path.of("src/test/resources/validate/agreement");

  /** The rule ids of the schema group, as the task that defines this agreement lists them. */
  private static final Set<String> SCHEMA_RULES =
      Set.of(
          "parse-error",
          "duplicate-key",
          "no-schema",
          "unknown-field",
          "schema",
          "metadata-value-type");

  /** Every rule outside the schema group: skipped, so that syncgen's verdict is its schema's. */
  private static final String SKIP =
      Arrays.stream(Rule.values())
          .filter(rule -> rule.group() != Rule.Group.SCHEMA)
          .map(Rule::id)
          .collect(Collectors.joining(","));

  /** The kinds every folder of the corpus must cover (apiVersion and kind). */
  private static final List<String> KINDS =
      List.of(
          "batch/v1 Job",
          "batch/v1 CronJob",
          "apps/v1 Deployment",
          "v1 Service",
          "v1 ServiceAccount",
          "v1 ConfigMap",
          "v1 Secret",
          "autoscaling/v2 HorizontalPodAutoscaler",
          "policy/v1 PodDisruptionBudget",
          "networking.k8s.io/v1 NetworkPolicy",
          "argoproj.io/v1alpha1 Application");

  private static final Pattern METADATA_VALUE =
      Pattern.compile(".*/metadata/(labels|annotations)/[^/]+");

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Compiled kubeconform schemas by file name: each is compiled once (some are 800 KB). */
  private static final Map<String, Schema> COMPILED = new ConcurrentHashMap<>();

  /**
   * kubeconform runs with format assertions off; so do both registries. English messages, whatever
   * the default locale (the suite runs under tr_TR).
   */
  private static final SchemaRegistryConfig NO_FORMATS =
      SchemaRegistryConfig.builder().formatAssertionsEnabled(false).locale(Locale.ENGLISH).build();

  /**
   * One schema error, as syncgen would name it: the rule id and the JSON pointer of the field
   * concerned (for an unknown or a missing field, the field itself, not the object holding it).
   */
  record Problem(String rule, String pointer) implements Comparable<Problem> {
    @Override
    public int compareTo(Problem other) {
      return (pointer + " " + rule).compareTo(other.pointer + " " + other.rule);
    }

    @Override
    public String toString() {
      return rule + " " + pointer;
    }
  }

  /** What one tool said about one file. */
  record Verdict(boolean valid, List<Problem> problems, List<String> rules, String details) {}

  /** What a file's comment header declares. */
  record Header(List<Problem> expect, String kubeconform, String syncgen) {}

  // --- the tests ---------------------------------------------------------------------------

  static Stream<String> agreementFiles() {
    return Stream.concat(files("valid"), files("invalid"));
  }

  static Stream<String> invalidFiles() {
    return files("invalid");
  }

  static Stream<String> knownDifferences() {
    return files("known-differences");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("agreementFiles")
  void verdictsAgreeAndMatchTheFolder(String file) {
    Verdict kubeconform = kubeconform(file);
    Verdict syncgen = syncgen(file);
    boolean expectValid = file.startsWith("valid/");

    assertThat(syncgen.valid())
        .as(
            "%s: kubeconform says %s, syncgen says %s%n--- kubeconform:%n%s%n--- syncgen:%n%s",
            file,
            word(kubeconform.valid()),
            word(syncgen.valid()),
            kubeconform.details(),
            syncgen.details())
        .isEqualTo(kubeconform.valid());
    assertThat(kubeconform.valid())
        .as(
            "%s is under %s/ but both tools say %s%n--- kubeconform:%n%s%n--- syncgen:%n%s",
            file,
            expectValid ? "valid" : "invalid",
            word(kubeconform.valid()),
            kubeconform.details(),
            syncgen.details())
        .isEqualTo(expectValid);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidFiles")
  void invalidFilesFailForExactlyTheErrorsTheirHeaderNames(String file) {
    assertInvalidForTheExpectedErrors(file);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("knownDifferences")
  void knownDifferencesDifferExactlyAsDocumented(String file) {
    Header header = header(file);
    assertThat(header.kubeconform())
        .as("%s: the header needs '# kubeconform: valid|invalid'", file)
        .isIn("valid", "invalid");
    assertThat(header.syncgen())
        .as("%s: the header needs '# syncgen: valid|invalid'", file)
        .isIn("valid", "invalid");
    assertThat(header.syncgen())
        .as("%s documents no difference: both verdicts are %s", file, header.syncgen())
        .isNotEqualTo(header.kubeconform());
    assertThat(header.expect()).as("%s: '# expect:' lines", file).isNotEmpty();

    Verdict kubeconform = kubeconform(file);
    Verdict syncgen = syncgen(file);
    assertThat(word(kubeconform.valid()))
        .as(
            "%s: kubeconform's verdict (if the difference is gone, move the file to valid/ or"
                + " invalid/)%n%s",
            file, kubeconform.details())
        .isEqualTo(header.kubeconform());
    assertThat(word(syncgen.valid()))
        .as(
            "%s: syncgen's verdict (if the difference is gone, move the file to valid/ or"
                + " invalid/)%n%s",
            file, syncgen.details())
        .isEqualTo(header.syncgen());
    Verdict invalid = kubeconform.valid() ? syncgen : kubeconform;
    assertExpectedErrors(file, header, invalid, kubeconform.valid() ? "syncgen" : "kubeconform");
  }

  @Test
  void corpusCoversEveryKindInBothFolders() {
    List<String> valid = files("valid").toList();
    List<String> invalid = files("invalid").toList();
    assertThat(valid.size() + invalid.size())
        .as("manifests in valid/ and invalid/")
        .isGreaterThanOrEqualTo(40);
    for (String folder : List.of("valid", "invalid")) {
      Set<String> kinds = new TreeSet<>();
      files(folder)
          .map(file -> readYaml(AGREEMENT.resolve(file)))
          .forEach(o -> kinds.add(o.path("apiVersion").asText() + " " + o.path("kind").asText()));
      assertThat(kinds).as("kinds in %s/", folder).containsAll(KINDS);
    }
  }

  @Test
  void onlyTheSixSchemaRulesDecideSyncgensVerdict() {
    Set<String> schemaGroup =
        Arrays.stream(Rule.values())
            .filter(rule -> rule.group() == Rule.Group.SCHEMA)
            .map(Rule::id)
            .collect(Collectors.toSet());
    assertThat(schemaGroup).isEqualTo(SCHEMA_RULES);
    assertThat(SKIP.split(",")).hasSize(Rule.values().length - SCHEMA_RULES.size());
  }

  // --- assertions --------------------------------------------------------------------------

  private static void assertInvalidForTheExpectedErrors(String file) {
    Header header = header(file);
    assertThat(header.expect()).as("%s: '# expect:' lines", file).isNotEmpty();
    Verdict kubeconform = kubeconform(file);
    Verdict syncgen = syncgen(file);
    assertThat(kubeconform.valid()).as("%s: kubeconform's verdict", file).isFalse();
    assertThat(syncgen.valid())
        .as("%s: syncgen's verdict (kubeconform: %s)", file, kubeconform.problems())
        .isFalse();
    assertExpectedErrors(file, header, kubeconform, "kubeconform");
    assertExpectedErrors(file, header, syncgen, "syncgen");
  }

  /**
   * kubeconform must report errors at exactly the expected fields (one field may get several
   * errors, such as oneOf and its branches); syncgen must report exactly one finding per expected
   * error, with the expected rule.
   */
  private static void assertExpectedErrors(
      String file, Header header, Verdict verdict, String tool) {
    if (tool.equals("kubeconform")) {
      assertThat(new TreeSet<>(verdict.problems()))
          .as("%s: kubeconform's errors%n%s", file, verdict.details())
          .containsExactlyElementsOf(new TreeSet<>(header.expect()));
    } else {
      List<String> rules = header.expect().stream().map(Problem::rule).sorted().toList();
      assertThat(verdict.rules().stream().sorted().toList())
          .as("%s: syncgen's findings%n%s", file, verdict.details())
          .isEqualTo(rules);
    }
  }

  // --- kubeconform's verdict ---------------------------------------------------------------

  private static Verdict kubeconform(String file) {
    Path folder = schemaFolder();
    JsonNode object = readYaml(AGREEMENT.resolve(file));
    String name =
        schemaFileName(object.path("apiVersion").asText(""), object.path("kind").asText(""));
    Schema schema = COMPILED.computeIfAbsent(name, n -> compile(folder, n));
    List<Error> errors = schema.validate(object);
    List<Problem> problems = new ArrayList<>();
    StringBuilder details = new StringBuilder(name).append(": ").append(errors.size());
    details.append(errors.size() == 1 ? " error" : " errors");
    for (Error error : errors) {
      problems.add(problem(error));
      details
          .append("\n  ")
          .append(error.getKeyword())
          .append(" at ")
          .append(pointer(error.getInstanceLocation()))
          .append(": ")
          .append(error.getMessage());
    }
    return new Verdict(errors.isEmpty(), problems, List.of(), details.toString());
  }

  /**
   * kubeconform's schema file name: the lower-case kind, then {@code -<first label of the API
   * group>} unless the group is the core one, then {@code -<version>}; e.g. {@code
   * deployment-apps-v1.json}, {@code service-v1.json}, {@code networkpolicy-networking-v1.json}.
   */
  static String schemaFileName(String apiVersion, String kind) {
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
  private static Schema compile(Path folder, String name) {
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
      throw new AssertionError("no kubeconform schema " + name + " in " + yannh + " or " + crd);
    }
    Schema schema = registry.getSchema(SchemaLocation.of("https://kubeconform.test/" + name), json);
    schema.initializeValidators();
    return schema;
  }

  /** The kubeconform schema folder, or the test is skipped. */
  private static Path schemaFolder() {
    String value = System.getProperty(PROPERTY);
    if (value == null || value.isBlank()) {
      Assumptions.abort(
          "set the system property "
              + PROPERTY
              + " to the folder of kubeconform's schemas (master-standalone-strict/ and crds/)");
    }
    Path folder = Path.of(value);
    Assumptions.assumeTrue(
        Files.isDirectory(folder),
        () ->
            "the folder "
                + folder
                + " named by the system property "
                + PROPERTY
                + " does not exist; set "
                + PROPERTY
                + " to the folder of kubeconform's schemas");
    return folder;
  }

  private static Problem problem(Error error) {
    String at = pointer(error.getInstanceLocation());
    String keyword = String.valueOf(error.getKeyword());
    return switch (keyword) {
      case "additionalProperties" -> new Problem("unknown-field", at + "/" + escape(error));
      case "required" -> new Problem("schema", at + "/" + escape(error));
      default ->
          new Problem(
              keyword.equals("type") && METADATA_VALUE.matcher(at).matches()
                  ? "metadata-value-type"
                  : "schema",
              at);
    };
  }

  private static String escape(Error error) {
    return error.getProperty().replace("~", "~0").replace("/", "~1");
  }

  private static String pointer(NodePath path) {
    StringBuilder pointer = new StringBuilder();
    for (int i = 0; i < path.getNameCount(); i++) {
      pointer
          .append('/')
          .append(String.valueOf(path.getElement(i)).replace("~", "~0").replace("/", "~1"));
    }
    return pointer.toString();
  }

  // --- syncgen's verdict -------------------------------------------------------------------

  private static Verdict syncgen(String file) {
    String path = AGREEMENT.resolve(file).toString();
    Run run = Run.of("validate", "--format", "json", "--skip", SKIP, path);
    String details = "exit " + run.exitCode() + "\n" + run.out() + run.err();
    if (run.exitCode() != 0 && run.exitCode() != 1) {
      fail("syncgen validate %s: unexpected %s", file, details);
    }
    JsonNode report;
    try {
      report = MAPPER.readTree(run.out());
    } catch (IOException e) {
      throw new AssertionError("syncgen validate " + file + ": not JSON: " + details, e);
    }
    assertThat(report.path("summary").path("objects").asInt())
        .as("%s: objects checked", file)
        .isEqualTo(1);
    List<String> rules = new ArrayList<>();
    report.path("findings").forEach(f -> rules.add(f.path("rule").asText()));
    return new Verdict(run.exitCode() == 0, List.of(), rules, details);
  }

  // --- files -------------------------------------------------------------------------------

  /** The manifests of one folder of the corpus, as paths relative to it, sorted. */
  static Stream<String> files(String folder) {
    try (Stream<Path> list = Files.list(AGREEMENT.resolve(folder))) {
      return list
          .map(p -> folder + "/" + p.getFileName())
          .filter(name -> name.endsWith(".yaml"))
          .sorted()
          .toList()
          .stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The comment lines at the top of a file: {@code # expect: RULE POINTER} (one per error), and for
   * known differences {@code # kubeconform: valid|invalid} and {@code # syncgen: valid|invalid}.
   */
  private static Header header(String file) {
    List<Problem> expect = new ArrayList<>();
    String kubeconform = "";
    String syncgen = "";
    for (String line : readLines(AGREEMENT.resolve(file))) {
      if (!line.startsWith("#")) {
        break;
      }
      String text = line.substring(1).strip();
      if (text.startsWith("expect:")) {
        String[] parts = text.substring("expect:".length()).strip().split(" ");
        assertThat(parts).as("%s: %s", file, line).hasSize(2);
        assertThat(Rule.byId(parts[0])).as("%s: rule of %s", file, line).isPresent();
        expect.add(new Problem(parts[0], parts[1]));
      } else if (text.startsWith("kubeconform:")) {
        kubeconform = text.substring("kubeconform:".length()).strip();
      } else if (text.startsWith("syncgen:")) {
        syncgen = text.substring("syncgen:".length()).strip();
      }
    }
    return new Header(expect, kubeconform, syncgen);
  }

  private static List<String> readLines(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
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

  /**
   * Reads a one-document YAML file as kubeconform does (go-yaml, YAML 1.1 typing: {@code on} and
   * {@code no} are booleans, {@code 0755} is octal) into JSON.
   */
  static JsonNode readYaml(Path file) {
    Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
    return toJson(yaml.load(String.join("\n", readLines(file))), file);
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
    if (value instanceof Integer number) {
      return json.numberNode(number);
    }
    if (value instanceof Long number) {
      return json.numberNode(number);
    }
    if (value instanceof BigInteger number) {
      return json.numberNode(number);
    }
    if (value instanceof Double number) {
      return json.numberNode(number);
    }
    throw new AssertionError(
        file + ": a YAML value of type " + value.getClass().getName() + " (quote it): " + value);
  }

  private static String word(boolean valid) {
    return valid ? "valid" : "invalid";
  }
}
