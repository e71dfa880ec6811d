package io.syncgen.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import io.syncgen.cli.Run;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proves that syncgen's schema rules give the same verdict (valid or invalid) as kubeconform {@code
 * -strict} on the manifests under {@code src/test/resources/validate/agreement/}: every file under
 * {@code valid/} passes both, every file under {@code invalid/} fails both, each for exactly the
 * errors its {@code # expect:} header names, and every file under {@code known-differences/} gets
 * exactly the two different verdicts its header documents. kubeconform's verdict is computed here
 * from its own schemas ({@link KubeconformSchemas}).
 */
class KubeconformAgreementTest {
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
          .map(file -> KubeconformSchemas.readYaml(AGREEMENT.resolve(file)))
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
    JsonNode object = KubeconformSchemas.readYaml(AGREEMENT.resolve(file));
    String apiVersion = object.path("apiVersion").asText("");
    String kind = object.path("kind").asText("");
    String name = KubeconformSchemas.fileName(apiVersion, kind);
    Schema schema =
        KubeconformSchemas.find(apiVersion, kind)
            .orElseThrow(() -> new AssertionError("no kubeconform schema " + name));
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
          .append(KubeconformSchemas.pointer(error.getInstanceLocation()))
          .append(": ")
          .append(error.getMessage());
    }
    return new Verdict(errors.isEmpty(), problems, List.of(), details.toString());
  }

  private static Problem problem(Error error) {
    String at = KubeconformSchemas.pointer(error.getInstanceLocation());
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

  private static String word(boolean valid) {
    return valid ? "valid" : "invalid";
  }
}
