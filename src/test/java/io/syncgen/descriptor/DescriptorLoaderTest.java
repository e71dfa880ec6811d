package io.syncgen.descriptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.fail;

import io.syncgen.diagnostic.Diagnostic;
import io.syncgen.diagnostic.DiagnosticException;
import io.syncgen.diagnostic.Location;
import io.syncgen.diagnostic.Severity;
import io.syncgen.diagnostic.SourceFile;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reading a descriptor: every finding is checked for its exact line:column (1-based, as an editor
 * shows it), for its message and for the source line printed under it. Inputs are edits of {@link
 * #EXAMPLE}, a copy of golden/example/app.yaml whose line numbers the comments below rely on.
 */
class DescriptorLoaderTest {
  /** golden/example/app.yaml. Line numbers in the tests refer to this text. */
  static final String EXAMPLE =
      """
      apiVersion: syncgen/v1
      kind: App
      metadata:
        name: myapp-api
        namespace: myapp
      spec:
        image: myapp/api:v1.2.0
        replicas: 3
        port: 8080
        healthPath: /health
        database:
          urlFrom:
            secretKeyRef: {name: db-credentials, key: url}
          waitFor: {host: postgres.myapp.svc, port: 5432}
        migration:
          tool: django
          activeDeadlineSeconds: 300
          resources:
            requests: {memory: 256Mi, cpu: 100m}
            limits: {memory: 512Mi, cpu: 500m}
        postSync:
          migrationStatus: true
          healthCheck: true
        syncFail:
          webhook:
            urlFrom:
              secretKeyRef: {name: alerts, key: webhook-url}
      """;

  /** Edits that leave the example without a PostSync Job: both checks explicitly off. */
  static final String[] NO_POST_SYNC_JOB = {
    "    migrationStatus: true\n    healthCheck: true\n",
    "    migrationStatus: false\n    healthCheck: false\n"
  };

  static final String WAIT_FOR = "waitFor: {host: postgres.myapp.svc, port: 5432}";

  /** Removes spec.syncFail, so no SyncFail Job is rendered. */
  static final String[] NO_SYNC_FAIL = {
    "  syncFail:\n    webhook:\n      urlFrom:\n"
        + "        secretKeyRef: {name: alerts, key: webhook-url}\n",
    ""
  };

  // ---------------------------------------------------------------------------------------------
  // Helpers

  /**
   * The example with each {@code from} replaced by the {@code to} after it; each must occur once.
   */
  static String example(String... fromTo) {
    if (fromTo.length % 2 != 0) {
      throw new IllegalArgumentException("pairs of from and to expected");
    }
    String text = EXAMPLE;
    for (int i = 0; i < fromTo.length; i += 2) {
      int at = text.indexOf(fromTo[i]);
      if (at < 0 || text.indexOf(fromTo[i], at + 1) >= 0) {
        throw new IllegalArgumentException("does not occur exactly once: " + fromTo[i]);
      }
      text = text.replace(fromTo[i], fromTo[i + 1]);
    }
    return text;
  }

  static String[] concat(String[]... edits) {
    return Arrays.stream(edits).flatMap(Arrays::stream).toArray(String[]::new);
  }

  static LoadedDescriptor parse(String text) {
    try {
      return DescriptorLoader.parse("app.yaml", text);
    } catch (DiagnosticException e) {
      return fail("expected the descriptor to parse, got:%n%s", formatAll(e.diagnostics()));
    }
  }

  static List<Diagnostic> errors(String text) {
    try {
      LoadedDescriptor loaded = DescriptorLoader.parse("app.yaml", text);
      return fail("expected diagnostics, but the descriptor parsed: %s", loaded.app());
    } catch (DiagnosticException e) {
      assertThat(e.diagnostics()).isNotEmpty();
      return e.diagnostics();
    }
  }

  static String formatAll(List<Diagnostic> diagnostics) {
    return diagnostics.stream().map(Diagnostic::format).collect(Collectors.joining());
  }

  /** One expected finding: where, and a fragment of its message. */
  record At(int line, int column, String fragment) {}

  static At at(int line, int column, String fragment) {
    return new At(line, column, fragment);
  }

  /** Asserts exactly these findings, in this order, each with the source line it points at. */
  static List<Diagnostic> assertErrors(String text, At... expected) {
    List<Diagnostic> actual = errors(text);
    String all = formatAll(actual);
    assertThat(actual).as("diagnostics:%n%s", all).hasSize(expected.length);
    List<String> lines = List.of(text.split("\r\n|\r|\n", -1));
    for (int i = 0; i < expected.length; i++) {
      Diagnostic d = actual.get(i);
      At want = expected[i];
      assertThat(d.severity()).isEqualTo(Severity.ERROR);
      assertThat(d.location().file()).isEqualTo("app.yaml");
      assertThat(d.location().line() + ":" + d.location().column())
          .as("location of diagnostic %d in:%n%s", i, all)
          .isEqualTo(want.line() + ":" + want.column());
      assertThat(d.message()).as("message of diagnostic %d", i).contains(want.fragment());
      assertThat(d.location().sourceLine())
          .as("source line of diagnostic %d", i)
          .isEqualTo(lines.get(want.line() - 1));
    }
    return actual;
  }

  // ---------------------------------------------------------------------------------------------

  @Nested
  class Example {
    @Test
    void parsesWithEveryField() {
      LoadedDescriptor loaded = parse(EXAMPLE);
      AppDescriptor app = loaded.app();
      assertThat(app.apiVersion()).isEqualTo("syncgen/v1");
      assertThat(app.kind()).isEqualTo("App");
      assertThat(app.metadata()).isEqualTo(new Metadata("myapp-api", "myapp", null, null));
      AppSpec spec = app.spec();
      assertThat(spec.image()).isEqualTo("myapp/api:v1.2.0");
      assertThat(spec.replicas()).isEqualTo(3);
      assertThat(spec.port()).isEqualTo(8080);
      assertThat(spec.healthPath()).isEqualTo("/health");
      assertThat(spec.env()).isNull();
      assertThat(spec.database().urlFrom().secretKeyRef())
          .isEqualTo(new KeySelector("db-credentials", "url", null));
      assertThat(spec.database().waitFor())
          .isEqualTo(new WaitFor("postgres.myapp.svc", 5432, null));
      Migration migration = spec.migration();
      assertThat(migration.tool()).isEqualTo("django");
      assertThat(migration.preset()).isEqualTo(MigrationTool.DJANGO);
      assertThat(migration.activeDeadlineSeconds()).isEqualTo(300);
      assertThat(migration.resources().requests())
          .containsExactly(Map.entry("memory", "256Mi"), Map.entry("cpu", "100m"));
      assertThat(migration.resources().limits())
          .containsExactly(Map.entry("memory", "512Mi"), Map.entry("cpu", "500m"));
      assertThat(spec.postSync()).isEqualTo(new PostSync(true, true, 300));
      assertThat(spec.syncFail().webhook().urlFrom().secretKeyRef())
          .isEqualTo(new KeySelector("alerts", "webhook-url", null));
      assertThat(spec.hasPostSyncJob()).isTrue();
    }

    @Test
    void goldenExampleFileLoads() throws DiagnosticException {
      // The working directory is the project root under Maven.
      LoadedDescriptor loaded =
          DescriptorLoader.load(Path.of("golden", "example", "app.yaml"), "app.yaml");
      assertThat(loaded.app().metadata().name()).isEqualTo("myapp-api");
    }

    @Test
    void sourceMapLocatesWrittenFields() {
      SourceMap source = parse(EXAMPLE).source();
      assertThat(source.isPresent("spec.replicas")).isTrue();
      assertThat(source.value("spec.replicas"))
          .isEqualTo(new Location("app.yaml", 8, 13, "  replicas: 3"));
      assertThat(source.key("spec.replicas"))
          .isEqualTo(new Location("app.yaml", 8, 3, "  replicas: 3"));
      // An absent field resolves to its nearest present parent.
      assertThat(source.isPresent("spec.migration.backoffLimit")).isFalse();
      assertThat(source.value("spec.migration.backoffLimit").line()).isEqualTo(16);
    }

    @Test
    void readsAliasesToMappings() {
      LoadedDescriptor loaded =
          parse(
              example(
                  "secretKeyRef: {name: db-credentials, key: url}",
                  "secretKeyRef: &db {name: db-credentials, key: url}",
                  "secretKeyRef: {name: alerts, key: webhook-url}",
                  "secretKeyRef: *db"));
      assertThat(loaded.app().spec().syncFail().webhook().urlFrom().secretKeyRef())
          .isEqualTo(new KeySelector("db-credentials", "url", null));
    }

    @Test
    void acceptsCrLfLineBreaks() {
      List<Diagnostic> found = errors(example("port: 8080", "port: 70000").replace("\n", "\r\n"));
      assertThat(found).hasSize(1);
      assertThat(found.get(0).location())
          .isEqualTo(new Location("app.yaml", 9, 9, "  port: 70000"));
    }

    @Test
    void acceptsAnExplicitDocumentStartAndEnd() {
      assertThat(parse("---\n" + EXAMPLE + "...\n").app().metadata().name()).isEqualTo("myapp-api");
    }

    @Test
    void readsQuantitiesWrittenAsYamlNumbersAsText() {
      Migration migration =
          parse(example("cpu: 100m}", "cpu: 1}", "cpu: 500m}", "cpu: 1.5}"))
              .app()
              .spec()
              .migration();
      assertThat(migration.resources().requests()).containsEntry("cpu", "1");
      assertThat(migration.resources().limits()).containsEntry("cpu", "1.5");
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "True", "TRUE"})
    void acceptsCanonicalTrue(String word) {
      assertThat(
              parse(example("healthCheck: true", "healthCheck: " + word)).app().spec().postSync())
          .isEqualTo(new PostSync(true, true, 300));
    }

    @ParameterizedTest
    @ValueSource(strings = {"false", "False", "FALSE"})
    void acceptsCanonicalFalse(String word) {
      assertThat(
              parse(example("healthCheck: true", "healthCheck: " + word)).app().spec().postSync())
          .isEqualTo(new PostSync(true, false, 300));
    }
  }

  @Nested
  class Defaults {
    @Test
    void replicasDefaultsToOne() {
      LoadedDescriptor loaded = parse(example("  replicas: 3\n", ""));
      assertThat(loaded.app().spec().replicas()).isEqualTo(1);
      assertThat(loaded.source().isPresent("spec.replicas")).isFalse();
    }

    @Test
    void portDefaultsTo8080() {
      assertThat(parse(example("  port: 8080\n", "")).app().spec().port()).isEqualTo(8080);
      assertThat(parse(example("port: 8080", "port: 9090")).app().spec().port()).isEqualTo(9090);
    }

    @Test
    void backoffLimitDefaultsToZero() {
      assertThat(parse(EXAMPLE).app().spec().migration().backoffLimit()).isZero();
      assertThat(
              parse(example("    tool: django\n", "    tool: django\n    backoffLimit: 2\n"))
                  .app()
                  .spec()
                  .migration()
                  .backoffLimit())
          .isEqualTo(2);
    }

    @Test
    void migrationDeadlineDefaultsTo300() {
      assertThat(
              parse(example("    activeDeadlineSeconds: 300\n", ""))
                  .app()
                  .spec()
                  .migration()
                  .activeDeadlineSeconds())
          .isEqualTo(300);
      assertThat(
              parse(example("activeDeadlineSeconds: 300", "activeDeadlineSeconds: 120"))
                  .app()
                  .spec()
                  .migration()
                  .activeDeadlineSeconds())
          .isEqualTo(120);
    }

    @Test
    void postSyncDeadlineDefaultsTo300() {
      assertThat(parse(EXAMPLE).app().spec().postSync().activeDeadlineSeconds()).isEqualTo(300);
      assertThat(
              parse(
                      example(
                          "    healthCheck: true\n",
                          "    healthCheck: true\n    activeDeadlineSeconds: 60\n"))
                  .app()
                  .spec()
                  .postSync()
                  .activeDeadlineSeconds())
          .isEqualTo(60);
    }

    @Test
    void absentPostSyncIsDefaultedAndChecksWhatIsKnown() {
      LoadedDescriptor loaded =
          parse(example("  postSync:\n    migrationStatus: true\n    healthCheck: true\n", ""));
      AppSpec spec = loaded.app().spec();
      assertThat(spec.postSync()).isEqualTo(new PostSync(null, null, 300));
      assertThat(loaded.source().isPresent("spec.postSync")).isFalse();
      // django has a status command and healthPath is set: both checks run.
      assertThat(spec.checksMigrationStatus()).isTrue();
      assertThat(spec.checksHealth()).isTrue();
    }

    @Test
    void optionalFieldsWithoutDefaultStayNull() {
      AppSpec spec = parse(EXAMPLE).app().spec();
      assertThat(spec.resources()).isNull();
      assertThat(spec.imagePullSecrets()).isNull();
      assertThat(spec.serviceAccountName()).isNull();
      assertThat(spec.runAsUser()).isNull();
      assertThat(spec.migration().command()).isNull();
      assertThat(spec.migration().statusCommand()).isNull();
    }
  }

  @Nested
  class AllErrorsAtOnce {
    @Test
    void reportsThreeIndependentMistakesSortedByLine() {
      // Found in the order namespace, spec.extra (unknown keys first), replicas; printed by line.
      assertErrors(
          example(
              "namespace: myapp",
              "namespace: My_NS",
              "replicas: 3",
              "replicas: three",
              "key: webhook-url}\n",
              "key: webhook-url}\n  extra: 1\n"),
          at(5, 14, "metadata.namespace must be a DNS-1123 label"),
          at(8, 13, "spec.replicas must be a decimal integer (got \"three\")"),
          at(28, 3, "spec.extra is not a known field"));
    }

    @Test
    void locatesAHealthPathTheProbeAndTheHealthCheckWouldSendDifferently() {
      assertErrors(
          example("healthPath: /health", "healthPath: \"/{a,b}\""),
          at(
              10,
              15,
              "spec.healthPath must write '{' percent-encoded, as %7B (character 2): the"
                  + " readiness probe encodes it and curl does not"));
    }

    @Test
    void ordersFindingsOnOneLineByColumn() {
      assertErrors(
          example(
              "waitFor: {host: postgres.myapp.svc, port: 5432}", "waitFor: {host: -x, port: 0}"),
          at(14, 21, "spec.database.waitFor.host must be a DNS name"),
          at(14, 31, "spec.database.waitFor.port must be between 1 and 65535 (got integer 0)"));
    }
  }

  @Nested
  class UnknownFields {
    @Test
    void suggestsTheClosestField() {
      assertErrors(
          example("replicas: 3", "replica: 3"),
          at(8, 3, "spec.replica is not a known field; did you mean replicas?"));
    }

    @Test
    void suggestsAFieldThatDiffersOnlyInCase() {
      assertErrors(
          example("activeDeadlineSeconds: 300", "ActiveDeadlineSeconds: 300"),
          at(
              17,
              5,
              "spec.migration.ActiveDeadlineSeconds is not a known field; did you mean"
                  + " activeDeadlineSeconds?"));
      assertErrors(
          example("healthPath: /health", "healthpath: /health"),
          at(10, 3, "spec.healthpath is not a known field; did you mean healthPath?"));
    }

    @Test
    void listsTheKnownFieldsWhenNothingIsClose() {
      assertErrors(
          example("    tool: django\n", "    tool: django\n    retries: 2\n"),
          at(
              17,
              5,
              "spec.migration.retries is not a known field; known fields: tool, command,"
                  + " statusCommand, backoffLimit, activeDeadlineSeconds, resources"));
    }

    @Test
    void reportsUnknownTopLevelFields() {
      assertErrors(
          EXAMPLE + "status: {}\n",
          at(28, 1, "status is not a known field; known fields: apiVersion, kind, metadata, spec"));
    }

    @Test
    void rejectsKeysThatAreNotStrings() {
      assertErrors(
          example("  replicas: 3\n", "  3: replicas\n"),
          at(8, 3, "spec has a key that is not a string"));
    }
  }

  @Nested
  class WrongTypes {
    static Stream<Arguments> wrongTypes() {
      return Stream.of(
          wrong(
              "replicas: 3",
              "replicas: three",
              8,
              13,
              "spec.replicas must be a decimal integer (got \"three\")"),
          wrong(
              "replicas: 3",
              "replicas: \"2\"",
              8,
              13,
              "spec.replicas must be a decimal integer (got \"2\")"),
          wrong(
              "replicas: 3",
              "replicas: '2'",
              8,
              13,
              "spec.replicas must be a decimal integer (got \"2\")"),
          wrong(
              "replicas: 3",
              "replicas: 0x10",
              8,
              13,
              "spec.replicas must be a decimal integer (got integer 0x10)"),
          wrong(
              "replicas: 3",
              "replicas: [3]",
              8,
              13,
              "spec.replicas must be a decimal integer (got a list)"),
          wrong(
              "port: 8080",
              "port: 8080.5",
              9,
              9,
              "spec.port must be a decimal integer (got number 8080.5)"),
          wrong(
              "healthPath: /health",
              "healthPath: 42",
              10,
              15,
              "spec.healthPath must be a string (got integer 42); quote it: \"42\""),
          wrong(
              "healthPath: /health",
              "healthPath: true",
              10,
              15,
              "spec.healthPath must be a string (got boolean true); quote it: \"true\""),
          wrong(
              "image: myapp/api:v1.2.0",
              "image: {name: x}",
              7,
              10,
              "spec.image must be a string (got a mapping)"),
          wrong(
              WAIT_FOR,
              "waitFor: [a]",
              14,
              14,
              "spec.database.waitFor must be a mapping (got a list)"),
          wrong(
              WAIT_FOR,
              "waitFor: postgres",
              14,
              14,
              "spec.database.waitFor must be a mapping (got \"postgres\")"),
          wrong(
              "healthCheck: true",
              "healthCheck: yes",
              23,
              18,
              "spec.postSync.healthCheck must be true or false (got boolean yes)"),
          wrong(
              "healthCheck: true",
              "healthCheck: no",
              23,
              18,
              "spec.postSync.healthCheck must be true or false (got boolean no)"),
          wrong(
              "healthCheck: true",
              "healthCheck: on",
              23,
              18,
              "spec.postSync.healthCheck must be true or false (got boolean on)"),
          wrong(
              "healthCheck: true",
              "healthCheck: off",
              23,
              18,
              "spec.postSync.healthCheck must be true or false (got boolean off)"),
          wrong(
              "healthCheck: true",
              "healthCheck: \"true\"",
              23,
              18,
              "spec.postSync.healthCheck must be true or false (got \"true\")"),
          wrong(
              "activeDeadlineSeconds: 300",
              "activeDeadlineSeconds: five minutes",
              17,
              28,
              "spec.migration.activeDeadlineSeconds must be a decimal integer"
                  + " (got \"five minutes\")"));
    }

    static Arguments wrong(String from, String to, int line, int column, String message) {
      return Arguments.of(from, to, line, column, message);
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("wrongTypes")
    void rejectsAValueOfTheWrongType(String from, String to, int line, int column, String message) {
      assertErrors(example(from, to), at(line, column, message));
    }

    @Test
    void rejectsAnIntegerOutOfRange() {
      assertErrors(
          example("replicas: 3", "replicas: 99999999999"),
          at(8, 13, "spec.replicas must be a decimal integer (got integer 99999999999)"));
    }

    @Test
    void rejectsANonMappingDocument() {
      assertErrors("hello\n", at(1, 1, "the descriptor must be a mapping (got \"hello\")"));
      assertErrors("- a\n- b\n", at(1, 1, "the descriptor must be a mapping (got a list)"));
    }

    @Test
    void rejectsNullListItems() {
      assertErrors(
          example("    tool: django\n", "    tool: command\n    command: [./migrate, ~]\n"),
          at(17, 26, "spec.migration.command[1] must not be null"));
    }
  }

  @Nested
  class MissingRequiredFields {
    @Test
    void imageIsReportedAtTheKeyOpeningSpec() {
      assertErrors(
          example("  image: myapp/api:v1.2.0\n", ""),
          at(6, 1, "spec.image is required (missing from spec)"));
    }

    @Test
    void databaseUrlFromIsOptional() throws DiagnosticException {
      // The connection may come from env, envFrom or a volume instead (issue 9).
      AppDescriptor app =
          DescriptorLoader.parse(
                  "app.yaml",
                  example(
                      "    urlFrom:\n      secretKeyRef: {name: db-credentials, key: url}\n", ""))
              .app();
      assertThat(app.spec().database().urlFrom()).isNull();
      assertThat(app.spec().databaseUrlEnv()).isEqualTo("DATABASE_URL");
    }

    @Test
    void metadataNameIsReportedAtTheKeyOpeningMetadata() {
      assertErrors(
          example("  name: myapp-api\n", ""),
          at(3, 1, "metadata.name is required (missing from metadata)"));
    }

    @Test
    void aFieldMissingFromAFlowMappingIsReportedAtItsKey() {
      assertErrors(
          example("waitFor: {host: postgres.myapp.svc, port: 5432}", "waitFor: {host: postgres}"),
          at(14, 5, "spec.database.waitFor.port is required (missing from spec.database.waitFor)"));
    }

    @Test
    void aTopLevelFieldIsReportedAtTheStartOfTheDocument() {
      assertErrors(
          example("kind: App\n", ""), at(1, 1, "kind is required (missing from the descriptor)"));
    }

    @Test
    void aFieldMissingFromAListItemIsReportedAtTheItem() {
      assertErrors(
          example("  healthPath: /health\n", "  healthPath: /health\n  env:\n    - value: x\n"),
          at(12, 7, "spec.env[0].name is required (missing from spec.env[0])"));
    }

    @Test
    void anExplicitNullIsReportedAtTheNull() {
      assertErrors(
          example("image: myapp/api:v1.2.0", "image: ~"),
          at(7, 10, "spec.image is required (got null)"));
      assertErrors(
          example("name: myapp-api", "name: null"),
          at(4, 9, "metadata.name is required (got null)"));
    }

    @Test
    void everyMissingFieldIsReported() {
      assertErrors(
          example(
              "  name: myapp-api\n",
              "",
              "  image: myapp/api:v1.2.0\n",
              "",
              "    waitFor: {host: postgres.myapp.svc, port: 5432}\n",
              "    waitFor: {host: postgres.myapp.svc}\n"),
          at(3, 1, "metadata.name is required"),
          at(5, 1, "spec.image is required"),
          at(12, 5, "spec.database.waitFor.port is required"));
    }
  }

  @Nested
  class DuplicateKeys {
    @Test
    void everyDuplicateIsReportedWithTheLineOfTheFirst() {
      assertErrors(
          example("  port: 8080\n", "  port: 8080\n  replicas: 4\n  port: 80\n"),
          at(10, 3, "spec.replicas is a duplicate key (first set on line 8)"),
          at(11, 3, "spec.port is a duplicate key (first set on line 9)"));
    }

    @Test
    void aThirdOccurrenceAlsoNamesTheFirst() {
      assertErrors(
          example("  port: 8080\n", "  port: 8080\n  port: 80\n  port: 81\n"),
          at(10, 3, "spec.port is a duplicate key (first set on line 9)"),
          at(11, 3, "spec.port is a duplicate key (first set on line 9)"));
    }

    @Test
    void duplicatesInAFlowMappingAreFound() {
      assertErrors(
          example("{name: db-credentials, key: url}", "{name: db-credentials, key: url, key: x}"),
          at(
              13,
              54,
              "spec.database.urlFrom.secretKeyRef.key is a duplicate key (first set on line 13)"));
    }

    @Test
    void duplicateLabelsAreFound() {
      assertErrors(
          example(
              "  namespace: myapp\n", "  namespace: myapp\n  labels:\n    team: a\n    team: b\n"),
          at(8, 5, "metadata.labels.team is a duplicate key (first set on line 7)"));
    }
  }

  @Nested
  class YamlSyntax {
    @Test
    void isLocatedAtTheProblemMark() {
      // "kind: App: x": the second ':' is column 10 (1-based).
      assertErrors(
          example("kind: App", "kind: App: x"),
          at(2, 10, "YAML syntax error: mapping values are not allowed here"));
    }

    static Stream<Arguments> syntaxErrors() {
      return Stream.of(
          Arguments.of(
              "unclosed flow mapping", WAIT_FOR, "waitFor: {host: postgres.myapp.svc, port: 5432"),
          Arguments.of("unclosed quote", "image: myapp/api:v1.2.0", "image: \"myapp/api:v1.2.0"),
          Arguments.of("tab indentation", "  port: 8080", "\tport: 8080"),
          Arguments.of("bad indentation", "  namespace: myapp", " namespace: myapp"),
          Arguments.of("undefined alias", "replicas: 3", "replicas: *three"),
          Arguments.of("unclosed flow list", "cpu: 500m}", "cpu: [500m}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("syntaxErrors")
    void isLocatedWhereSnakeYamlPutsTheProblemOneBased(String what, String from, String to) {
      String text = example(from, to);
      MarkedYAMLException expected = snakeYamlError(text);
      List<Diagnostic> found = errors(text);
      assertThat(found).hasSize(1);
      Location location = found.get(0).location();
      assertThat(location.line()).isEqualTo(expected.getProblemMark().getLine() + 1);
      assertThat(location.column()).isEqualTo(expected.getProblemMark().getColumn() + 1);
      assertThat(found.get(0).message()).startsWith("YAML syntax error: " + expected.getProblem());
      assertThat(location.sourceLine())
          .isEqualTo(text.split("\n", -1)[expected.getProblemMark().getLine()]);
    }

    @Test
    void namesWhereTheUnclosedConstructStarted() {
      // '{' of line 19 is column 17.
      String text = example("requests: {memory: 256Mi, cpu: 100m}\n", "requests: {memory: 256Mi\n");
      List<Diagnostic> found = errors(text);
      assertThat(found).hasSize(1);
      assertThat(found.get(0).message())
          .startsWith("YAML syntax error: ")
          .contains("while parsing a flow mapping that starts at line 19, column 17");
    }

    private static MarkedYAMLException snakeYamlError(String text) {
      try {
        for (Node ignored :
            new Yaml(new SafeConstructor(new LoaderOptions())).composeAll(new StringReader(text))) {
          // Composing is enough.
        }
      } catch (MarkedYAMLException e) {
        return e;
      }
      return fail("SnakeYAML accepted the input; the test case is wrong");
    }
  }

  @Nested
  class HostileYaml {
    /** Ten levels of nine aliases each: 9^10 (3.5 billion) strings once expanded. */
    static String billionLaughs() {
      StringBuilder yaml =
          new StringBuilder("l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
      for (int i = 1; i <= 9; i++) {
        String alias = "*l" + (i - 1);
        yaml.append("l").append(i).append(": &l").append(i).append(" [");
        yaml.append(String.join(", ", Collections.nCopies(9, alias))).append("]\n");
      }
      return yaml.toString();
    }

    @Test
    @Timeout(value = 5, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void billionLaughsFailsFast() {
      assertErrors(
          billionLaughs(),
          // At the 21st alias to a list: the third of line 4.
          at(
              4,
              20,
              "YAML refused: Number of aliases for non-scalar nodes exceeds the specified max=20"));
    }

    @Test
    @Timeout(value = 5, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void billionLaughsInsideTheExampleFailsFast() {
      assertErrors(EXAMPLE + billionLaughs(), at(31, 20, "YAML refused: Number of aliases"));
    }

    @Test
    void allowsUpToMaxAliasesToCollections() {
      StringBuilder yaml = new StringBuilder(EXAMPLE).append("x: &list [1]\n");
      for (int i = 0; i < DescriptorLoader.MAX_ALIASES; i++) {
        yaml.append("y").append(i).append(": *list\n");
      }
      // Within the limit the YAML is read, and the binder reports the unknown fields.
      List<Diagnostic> found = errors(yaml.toString());
      assertThat(found).hasSize(DescriptorLoader.MAX_ALIASES + 1);
      assertThat(found).allSatisfy(d -> assertThat(d.message()).contains("is not a known field"));

      yaml.append("z: *list\n");
      assertErrors(yaml.toString(), at(49, 4, "YAML refused: Number of aliases"));
    }

    @Test
    void nestingDeeperThanTheLimitIsRefused() {
      int lists = DescriptorLoader.MAX_DEPTH + 1; // plus the root mapping
      assertErrors(
          EXAMPLE + "x: " + "[".repeat(lists) + "]".repeat(lists) + "\n",
          // At the list that is one too deep: the 33rd '['.
          at(28, 36, "YAML refused: Nesting Depth exceeded max " + DescriptorLoader.MAX_DEPTH));
    }

    @Test
    void nestingWithinTheLimitIsRead() {
      int lists = DescriptorLoader.MAX_DEPTH - 1; // plus the root mapping: MAX_DEPTH levels
      assertErrors(
          EXAMPLE + "x: " + "[".repeat(lists) + "]".repeat(lists) + "\n",
          at(28, 1, "x is not a known field"));
    }

    @Test
    @Timeout(value = 5, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void veryDeepNestingFailsWithoutStackOverflow() {
      int lists = 20_000;
      assertErrors(
          "x: " + "[".repeat(lists) + "]".repeat(lists) + "\n", at(1, 36, "YAML refused: Nesting"));
    }

    @Test
    void textOverTheCodePointLimitIsRefused() {
      assertErrors(
          "x: " + "a".repeat(DescriptorLoader.MAX_BYTES) + "\n",
          at(1, 4, "YAML refused: The incoming YAML document exceeds the limit"));
    }

    @Test
    void recursiveAliasesAreReportedNotFollowed() {
      assertErrors(
          example("  namespace: myapp\n", "  namespace: myapp\n  labels: &m {a: b, c: *m}\n"),
          at(
              6,
              24,
              "recursive alias: *m stands inside the node anchored &m (line 6), which would"
                  + " contain itself without end; repeat only a finished node"));
      assertErrors(
          example("  healthPath: /health\n", "  healthPath: /health\n  env: &e [*e]\n"),
          at(11, 12, "recursive alias: *e stands inside the node anchored &e (line 11)"));
    }
  }

  @Nested
  class Documents {
    @Test
    void moreThanOneDocumentIsRefusedAtTheSecond() {
      assertErrors(
          EXAMPLE + "---\n" + EXAMPLE, at(29, 1, "a descriptor holds one YAML document; found 2"));
    }

    @Test
    void countsEveryDocument() {
      assertErrors(
          EXAMPLE + "---\na: 1\n---\nb: 2\n",
          at(29, 1, "a descriptor holds one YAML document; found 3"));
    }

    @ParameterizedTest(name = "<{0}>")
    @ValueSource(strings = {"", "\n\n", "   \n", "# only a comment\n"})
    void emptyFileIsRefused(String text) {
      List<Diagnostic> found = errors(text);
      assertThat(found).hasSize(1);
      assertThat(found.get(0).location().line()).isEqualTo(1);
      assertThat(found.get(0).location().column()).isEqualTo(1);
      assertThat(found.get(0).message())
          .isEqualTo(
              "the descriptor is empty; it needs apiVersion: syncgen/v1, kind: App, metadata and"
                  + " spec");
    }

    @Test
    void mergeKeyIsRefused() {
      assertErrors(
          example("  replicas: 3\n", "  <<: {replicas: 3}\n"),
          at(8, 3, "spec uses a merge key (<<), which syncgen does not support"));
    }

    @Test
    void mergeKeyWithAnAliasIsRefused() {
      assertErrors(
          example(
              "  namespace: myapp\n",
              "  namespace: myapp\n  labels: &l {team: a}\n  annotations:\n    <<: *l\n"),
          at(8, 5, "metadata.annotations uses a merge key (<<)"));
    }
  }

  @Nested
  class Names {
    @Test
    void upperCaseNameIsRefused() {
      assertErrors(
          example("name: myapp-api", "name: MyApp"),
          at(4, 9, "metadata.name must be a DNS-1123 label"));
      assertThat(errors(example("name: myapp-api", "name: MyApp")).get(0).message())
          .endsWith("(got \"MyApp\")");
    }

    @Test
    void nameStartingWithADigitIsRefused() {
      assertErrors(
          example("name: myapp-api", "name: 1app"),
          at(4, 9, "metadata.name must start with a letter"));
    }

    @Test
    void nameOver63CharactersIsRefused() {
      assertErrors(
          example("name: myapp-api", "name: " + "a".repeat(64)),
          at(4, 9, "metadata.name must be at most 63 characters"));
    }

    @Test
    void postDeployCheckJobNameOver63IsRefusedWithTheMaximumLength() {
      String name = "a".repeat(46); // + "-post-deploy-check" = 64
      assertErrors(
          example("name: myapp-api", "name: " + name),
          at(
              4,
              9,
              "metadata.name is too long: the Job "
                  + name
                  + "-post-deploy-check would have 64 characters, over Kubernetes' 63; shorten the"
                  + " name to at most 45 characters"));
    }

    @Test
    void longestNameWithAPostSyncJobIsAccepted() {
      String name = "a".repeat(45);
      assertThat(parse(example("name: myapp-api", "name: " + name)).app().metadata().name())
          .isEqualTo(name);
    }

    @Test
    void sameNameIsAcceptedWhenBothPostSyncChecksAreOff() {
      String name = "a".repeat(46); // -sync-fail-alert: 62, -db-migrate: 57
      LoadedDescriptor loaded =
          parse(
              example(concat(new String[] {"name: myapp-api", "name: " + name}, NO_POST_SYNC_JOB)));
      assertThat(loaded.app().spec().hasPostSyncJob()).isFalse();
    }

    @Test
    void sameNameIsAcceptedWhenNoCheckIsKnown() {
      // No healthPath, a command tool without statusCommand, postSync absent: nothing to check.
      String name = "a".repeat(46);
      LoadedDescriptor loaded =
          parse(
              example(
                  "name: myapp-api",
                  "name: " + name,
                  "  healthPath: /health\n",
                  "",
                  "    tool: django\n",
                  "    command: [./migrate]\n",
                  "  postSync:\n    migrationStatus: true\n    healthCheck: true\n",
                  ""));
      assertThat(loaded.app().spec().hasPostSyncJob()).isFalse();
    }

    @Test
    void syncFailJobNameCountsOnlyWhenSyncFailIsSet() {
      String name47 = "a".repeat(47); // + "-sync-fail-alert" = 63
      String name48 = "a".repeat(48);
      parse(example(concat(new String[] {"name: myapp-api", "name: " + name47}, NO_POST_SYNC_JOB)));
      assertErrors(
          example(concat(new String[] {"name: myapp-api", "name: " + name48}, NO_POST_SYNC_JOB)),
          at(
              4,
              9,
              "the Job "
                  + name48
                  + "-sync-fail-alert would have 64 characters, over Kubernetes' 63; shorten the"
                  + " name to at most 47 characters"));
      parse(
          example(
              concat(
                  new String[] {"name: myapp-api", "name: " + name48},
                  NO_POST_SYNC_JOB,
                  NO_SYNC_FAIL)));
    }

    @Test
    void migrationJobNameAlwaysCounts() {
      String name52 = "a".repeat(52); // + "-db-migrate" = 63
      String name53 = "a".repeat(53);
      String[] noOtherJob = concat(NO_POST_SYNC_JOB, NO_SYNC_FAIL);
      parse(example(concat(new String[] {"name: myapp-api", "name: " + name52}, noOtherJob)));
      assertErrors(
          example(concat(new String[] {"name: myapp-api", "name: " + name53}, noOtherJob)),
          at(
              4,
              9,
              "the Job "
                  + name53
                  + "-db-migrate would have 64 characters, over Kubernetes' 63; shorten the name"
                  + " to at most 52 characters"));
    }

    @Test
    void tooLongNameIsToldTheStrictestMaximum() {
      String name = "a".repeat(55);
      assertErrors(
          example("name: myapp-api", "name: " + name),
          at(4, 9, "shorten the name to at most 45 characters"));
    }
  }

  @Nested
  class FieldFormats {
    @Test
    void malformedImageIsRefused() {
      assertErrors(
          example("image: myapp/api:v1.2.0", "image: \"myapp/api:\""),
          at(7, 10, "spec.image must be an image reference such as"));
      assertErrors(
          example("image: myapp/api:v1.2.0", "image: myapp/Api:1.0"),
          at(7, 10, "spec.image must be an image reference"));
    }

    @Test
    void invalidQuantityInMigrationResourcesIsRefused() {
      assertErrors(
          example("cpu: 100m", "cpu: 1.5.5"),
          at(
              19,
              38,
              "spec.migration.resources.requests.cpu must be a Kubernetes quantity such as 100m"));
      assertErrors(
          example("memory: 512Mi", "memory: 10MB"),
          at(20, 24, "spec.migration.resources.limits.memory must be a Kubernetes quantity"));
    }

    @Test
    void portOutOfRangeIsRefused() {
      assertErrors(
          example("port: 8080", "port: 70000"),
          at(9, 9, "spec.port must be between 1 and 65535 (got integer 70000)"));
      assertErrors(
          example("port: 8080", "port: 0"),
          at(9, 9, "spec.port must be between 1 and 65535 (got integer 0)"));
    }

    @Test
    void invalidWaitForHostIsRefused() {
      assertErrors(
          example("host: postgres.myapp.svc", "host: \"not a host!\""),
          at(
              14,
              21,
              "spec.database.waitFor.host must be a DNS name (such as postgres.myapp.svc) or an IP"
                  + " address (got \"not a host!\")"));
    }

    @Test
    void waitForAcceptsIpLiterals() {
      assertThat(
              parse(example("host: postgres.myapp.svc", "host: \"fe80::1\""))
                  .app()
                  .spec()
                  .database()
                  .waitFor()
                  .host())
          .isEqualTo("fe80::1");
      parse(example("host: postgres.myapp.svc", "host: 10.0.0.7"));
    }

    @Test
    void unknownMigrationToolIsRefused() {
      assertErrors(
          example("tool: django", "tool: mongoose"),
          at(
              16,
              11,
              "spec.migration.tool must be one of django, rails, alembic, flyway, liquibase, knex, node-pg-migrate, sequelize, typeorm, sqitch, prisma, golang-migrate, command (got \"mongoose\")"));
    }

    @Test
    void zeroReplicasIsRefused() {
      assertErrors(
          example("replicas: 3", "replicas: 0"),
          at(8, 13, "spec.replicas must be at least 1 (got integer 0)"));
    }

    @Test
    void rootUidIsRefused() {
      assertErrors(
          example("  replicas: 3\n", "  replicas: 3\n  runAsUser: 0\n"),
          at(9, 14, "spec.runAsUser must be at least 1 (got integer 0)"));
    }

    @Test
    void invalidLabelKeyAndValueAreRefused() {
      assertErrors(
          example(
              "  namespace: myapp\n",
              "  namespace: myapp\n  labels:\n    UPPER.com/x: a\n    ok: "
                  + "v".repeat(64)
                  + "\n"),
          at(7, 5, "key \"UPPER.com/x\" of metadata.labels must have a DNS subdomain before '/'"),
          at(8, 9, "metadata.labels.ok must be a label value"));
    }

    @Test
    void wrongApiVersionAndKindAreRefused() {
      assertErrors(
          example(
              "apiVersion: syncgen/v1", "apiVersion: syncgen/v2", "kind: App", "kind: Application"),
          at(1, 13, "apiVersion must be syncgen/v1 (got \"syncgen/v2\")"),
          at(2, 7, "kind must be App (got \"Application\")"));
    }
  }

  @Nested
  class MigrationRules {
    @Test
    void toolAndCommandTogetherAreRefused() {
      assertErrors(
          example("    tool: django\n", "    tool: django\n    command: [./migrate]\n"),
          at(17, 14, "spec.migration.command replaces the django preset; remove tool or command"));
    }

    @Test
    void neitherToolNorCommandIsRefused() {
      // Without a tool the preset is "command", which has no status command either.
      assertErrors(
          example("    tool: django\n", ""),
          at(
              16,
              5,
              "spec.migration needs a tool (django, rails, alembic, flyway, liquibase, knex, node-pg-migrate, sequelize, typeorm, sqitch, prisma, golang-migrate, command), a command or args"),
          at(21, 22, "spec.postSync.migrationStatus needs a status command"));
    }

    @Test
    void commandToolWithoutCommandIsRefused() {
      assertErrors(
          example("    tool: django\n", "    tool: command\n    statusCommand: [./status]\n"),
          at(16, 11, "spec.migration.tool command needs spec.migration.command"));
    }

    @Test
    void commandWithoutToolIsAccepted() {
      Migration migration =
          parse(
                  example(
                      "    tool: django\n",
                      "    command: [./migrate, up]\n    statusCommand: [./migrate, check]\n"))
              .app()
              .spec()
              .migration();
      assertThat(migration.preset()).isEqualTo(MigrationTool.COMMAND);
      assertThat(migration.migrateCommand()).containsExactly("./migrate", "up");
      assertThat(migration.effectiveStatusCommand()).containsExactly("./migrate", "check");
    }

    @Test
    void emptyCommandIsRefused() {
      assertErrors(
          example(
              "    tool: django\n",
              "    tool: command\n    command: []\n    statusCommand: [./status]\n"),
          at(17, 14, "spec.migration.command must not be empty: it is the argv to run"));
    }

    @Test
    void emptyStatusCommandIsRefused() {
      assertErrors(
          example("    tool: django\n", "    tool: django\n    statusCommand: []\n"),
          at(17, 20, "spec.migration.statusCommand must not be empty"),
          at(23, 22, "spec.postSync.migrationStatus needs a status command"));
    }

    @ParameterizedTest
    @ValueSource(ints = {300, 301, 10_000})
    void waitTimeoutNotBelowTheDeadlineIsRefused(int timeout) {
      assertErrors(
          example("port: 5432}", "port: 5432, timeoutSeconds: " + timeout + "}"),
          at(
              14,
              69,
              "spec.database.waitFor.timeoutSeconds must be less than"
                  + " spec.migration.activeDeadlineSeconds (300), or the Job's deadline ends the"
                  + " wait first (got "
                  + timeout
                  + ")"));
    }

    @Test
    void waitTimeoutIsComparedWithTheDefaultDeadline() {
      assertErrors(
          example(
              "port: 5432}",
              "port: 5432, timeoutSeconds: 300}",
              "    activeDeadlineSeconds: 300\n",
              ""),
          at(14, 69, "must be less than spec.migration.activeDeadlineSeconds (300)"));
    }

    @Test
    void waitTimeoutBelowTheDeadlineIsAccepted() {
      WaitFor wait =
          parse(example("port: 5432}", "port: 5432, timeoutSeconds: 299}"))
              .app()
              .spec()
              .database()
              .waitFor();
      assertThat(wait.timeoutSeconds()).isEqualTo(299);
      assertThat(wait.effectiveTimeoutSeconds(300)).isEqualTo(299);
      assertThat(new WaitFor("h", 1, null).effectiveTimeoutSeconds(300)).isEqualTo(150);
    }
  }

  @Nested
  class PostSyncRules {
    @Test
    void migrationStatusWithoutAStatusCommandIsRefused() {
      assertErrors(
          example("    tool: django\n", "    tool: command\n    command: [./migrate]\n"),
          at(
              23,
              22,
              "spec.postSync.migrationStatus needs a status command: set"
                  + " spec.migration.statusCommand (the command preset has none)"));
    }

    @Test
    void migrationStatusLeftOutIsOffWithoutAStatusCommand() {
      AppSpec spec =
          parse(
                  example(
                      "    tool: django\n",
                      "    tool: command\n    command: [./migrate]\n",
                      "    migrationStatus: true\n",
                      ""))
              .app()
              .spec();
      assertThat(spec.checksMigrationStatus()).isFalse();
      assertThat(spec.checksHealth()).isTrue();
    }

    @Test
    void healthCheckWithoutHealthPathIsRefused() {
      assertErrors(
          example("  healthPath: /health\n", ""),
          at(22, 18, "spec.postSync.healthCheck needs spec.healthPath, the path to GET"));
    }

    @Test
    void healthCheckLeftOutIsOffWithoutHealthPath() {
      AppSpec spec =
          parse(example("  healthPath: /health\n", "", "    healthCheck: true\n", "")).app().spec();
      assertThat(spec.checksHealth()).isFalse();
      assertThat(spec.checksMigrationStatus()).isTrue();
    }
  }

  @Nested
  class EnvRules {
    static String withEnv(String env) {
      return example("  healthPath: /health\n", "  healthPath: /health\n  env:\n" + env);
    }

    @Test
    void databaseUrlIsReserved() {
      assertErrors(
          withEnv("    - name: DATABASE_URL\n      value: x\n"),
          at(
              12,
              13,
              "spec.env[0].name DATABASE_URL is set from spec.database.urlFrom; remove it here"));
    }

    @Test
    void duplicateNamesAreRefusedAtTheSecond() {
      assertErrors(
          withEnv(
              "    - {name: MODE, value: a}\n"
                  + "    - {name: OTHER, value: b}\n"
                  + "    - {name: MODE, value: c}\n"),
          at(14, 14, "spec.env[2].name repeats MODE (first set at spec.env[0])"));
    }

    @Test
    void valueAndValueFromTogetherAreRefused() {
      assertErrors(
          withEnv(
              "    - name: BOTH\n      value: x\n      valueFrom:\n"
                  + "        secretKeyRef: {name: s, key: k}\n"),
          at(12, 7, "spec.env[0] needs exactly one of value and valueFrom"));
    }

    @Test
    void neitherValueNorValueFromIsRefused() {
      assertErrors(
          withEnv("    - name: NEITHER\n"),
          at(12, 7, "spec.env[0] needs exactly one of value and valueFrom"));
    }

    @Test
    void valueFromNeedsExactlyOneSource() {
      assertErrors(
          withEnv(
              "    - name: TWO\n      valueFrom:\n        secretKeyRef: {name: s, key: k}\n"
                  + "        configMapKeyRef: {name: c, key: k}\n"),
          at(
              14,
              9,
              "spec.env[0].valueFrom needs exactly one of secretKeyRef, configMapKeyRef, fieldRef"
                  + " and resourceFieldRef"));
    }

    @Test
    void everyEnvProblemIsReported() {
      assertErrors(
          withEnv(
              "    - {name: DATABASE_URL, value: x}\n"
                  + "    - {name: A, value: '1'}\n"
                  + "    - {name: A, value: '2'}\n"
                  + "    - {name: B}\n"),
          at(12, 14, "DATABASE_URL is set from spec.database.urlFrom"),
          at(14, 14, "spec.env[2].name repeats A (first set at spec.env[1])"),
          at(15, 7, "spec.env[3] needs exactly one of value and valueFrom"));
    }

    @Test
    void validEnvIsRead() {
      List<EnvVar> env =
          parse(
                  withEnv(
                      "    - {name: MODE, value: \"8080\"}\n"
                          + "    - name: POD\n"
                          + "      valueFrom: {fieldRef: {fieldPath: metadata.name}}\n"
                          + "    - name: TOKEN\n      valueFrom:\n"
                          + "        secretKeyRef: {name: api, key: token, optional: true}\n"))
              .app()
              .spec()
              .env();
      assertThat(env).extracting(EnvVar::name).containsExactly("MODE", "POD", "TOKEN");
      assertThat(env.get(0).value()).isEqualTo("8080");
      assertThat(env.get(1).valueFrom().fieldRef())
          .isEqualTo(new FieldSelector(null, "metadata.name"));
      assertThat(env.get(2).valueFrom().secretKeyRef())
          .isEqualTo(new KeySelector("api", "token", true));
    }
  }

  @Nested
  class MetadataRules {
    static String withMetadata(String more) {
      return example("  namespace: myapp\n", "  namespace: myapp\n" + more);
    }

    @Test
    void recommendedNameLabelIsReserved() {
      assertErrors(
          withMetadata("  labels:\n    app.kubernetes.io/name: other\n    team: payments\n"),
          at(
              7,
              5,
              "metadata.labels may not set app.kubernetes.io/name: syncgen sets this label on every"
                  + " object"));
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "app.kubernetes.io/component",
          "app.kubernetes.io/version",
          "app.kubernetes.io/managed-by"
        })
    void otherRecommendedLabelsSyncgenSetsAreReserved(String key) {
      assertErrors(
          withMetadata("  labels:\n    " + key + ": x\n"),
          at(7, 5, "metadata.labels may not set " + key));
    }

    @Test
    void syncWaveAnnotationIsReserved() {
      assertErrors(
          withMetadata("  annotations:\n    argocd.argoproj.io/sync-wave: \"5\"\n"),
          at(7, 5, "metadata.annotations may not set argocd.argoproj.io/sync-wave"));
    }

    @Test
    void everyArgoCdAnnotationIsReserved() {
      assertErrors(
          withMetadata("  annotations:\n    argocd.argoproj.io/hook: PreSync\n"),
          at(7, 5, "metadata.annotations may not set argocd.argoproj.io/hook"));
    }

    @Test
    void otherLabelsAndAnnotationsAreRead() {
      Metadata metadata =
          parse(
                  withMetadata(
                      "  labels:\n    app.kubernetes.io/part-of: shop\n    team: \"\"\n"
                          + "  annotations:\n    example.com/owner: team a\n"))
              .app()
              .metadata();
      assertThat(metadata.labels())
          .containsExactly(Map.entry("app.kubernetes.io/part-of", "shop"), Map.entry("team", ""));
      assertThat(metadata.annotations()).containsExactly(Map.entry("example.com/owner", "team a"));
    }
  }

  @Nested
  class FileErrors {
    @TempDir Path dir;

    private List<Diagnostic> loadErrors(Path path, String displayName) {
      try {
        LoadedDescriptor loaded = DescriptorLoader.load(path, displayName);
        return fail("expected diagnostics, but %s loaded: %s", path, loaded.app());
      } catch (DiagnosticException e) {
        return e.diagnostics();
      }
    }

    private void assertFileError(Path path, String displayName, String message) {
      List<Diagnostic> found = loadErrors(path, displayName);
      assertThat(found).hasSize(1);
      Diagnostic d = found.get(0);
      assertThat(d.location()).isEqualTo(Location.ofFile(displayName));
      assertThat(d.location().line()).isZero();
      assertThat(d.location().file()).isEqualTo(displayName);
      assertThat(d.message()).isEqualTo(message);
      assertThat(d.format()).isEqualTo(displayName + ": error: " + message + "\n");
    }

    @Test
    void loadsAFile() throws Exception {
      Path file = dir.resolve("app.yaml");
      Files.writeString(file, EXAMPLE, StandardCharsets.UTF_8);
      LoadedDescriptor loaded = DescriptorLoader.load(file, "deploy/app.yaml");
      assertThat(loaded.app().metadata().name()).isEqualTo("myapp-api");
      assertThat(loaded.source().file().name()).isEqualTo("deploy/app.yaml");
    }

    @Test
    void findingsInAFileUseTheDisplayName() throws IOException {
      Path file = dir.resolve("app.yaml");
      Files.writeString(file, example("port: 8080", "port: 70000"), StandardCharsets.UTF_8);
      List<Diagnostic> found = loadErrors(file, "deploy/app.yaml");
      assertThat(found).hasSize(1);
      assertThat(found.get(0).location())
          .isEqualTo(new Location("deploy/app.yaml", 9, 9, "  port: 70000"));
    }

    @Test
    void skipsAUtf8ByteOrderMark() throws Exception {
      Path file = dir.resolve("app.yaml");
      Files.writeString(
          file, "\uFEFF" + example("port: 8080", "port: 70000"), StandardCharsets.UTF_8);
      List<Diagnostic> found = loadErrors(file, "app.yaml");
      assertThat(found).hasSize(1);
      assertThat(found.get(0).location())
          .isEqualTo(new Location("app.yaml", 9, 9, "  port: 70000"));
    }

    @Test
    void missingFile() {
      assertFileError(
          dir.resolve("nope.yaml"),
          "config/nope.yaml",
          "cannot read descriptor: no such file or directory");
    }

    @Test
    void directory() {
      assertFileError(dir, "deploy", "is a directory; name the descriptor file");
    }

    @Test
    void fileLargerThanMaxBytes() throws IOException {
      Path file = dir.resolve("big.yaml");
      byte[] bytes = new byte[DescriptorLoader.MAX_BYTES + 1];
      Arrays.fill(bytes, (byte) '#');
      Files.write(file, bytes);
      assertFileError(file, "big.yaml", "is larger than 1048576 bytes");
    }

    @Test
    void fileOfExactlyMaxBytesIsRead() throws IOException {
      Path file = dir.resolve("comment.yaml");
      String text = "#" + "x".repeat(DescriptorLoader.MAX_BYTES - 2) + "\n";
      Files.writeString(file, text, StandardCharsets.UTF_8);
      assertThat(Files.size(file)).isEqualTo(DescriptorLoader.MAX_BYTES);
      List<Diagnostic> found = loadErrors(file, "comment.yaml");
      assertThat(found).hasSize(1);
      assertThat(found.get(0).message()).startsWith("the descriptor is empty");
      assertThat(found.get(0).location().line()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"truncated sequence, C3", "lone continuation byte, 80", "invalid byte, FF"})
    void invalidUtf8(String what, String hex) throws IOException {
      Path file = dir.resolve("app.yaml");
      byte[] example = EXAMPLE.getBytes(StandardCharsets.UTF_8);
      byte[] bytes = Arrays.copyOf(example, example.length + 3);
      bytes[example.length] = '#';
      bytes[example.length + 1] = (byte) Integer.parseInt(hex, 16);
      bytes[example.length + 2] = '\n';
      Files.write(file, bytes);
      assertFileError(file, "app.yaml", "is not valid UTF-8 text");
    }
  }

  @Nested
  class Formatting {
    @Test
    void printsHeadlineSourceLineAndCaret() {
      Diagnostic d = errors(example("port: 8080", "port: 70000")).get(0);
      assertThat(d.format())
          .isEqualTo(
              "app.yaml:9:9: error: spec.port must be between 1 and 65535 (got integer 70000)\n"
                  + "  port: 70000\n"
                  + "        ^\n");
    }

    @Test
    void caretSitsUnderTheColumn() {
      for (At want : List.of(at(1, 1, ""), at(2, 7, ""), at(14, 21, ""), at(19, 38, ""))) {
        Location location = SourceFile.of("app.yaml", EXAMPLE).at(want.line(), want.column());
        String[] lines = Diagnostic.error(location, "m").format().split("\n", -1);
        assertThat(lines[0])
            .isEqualTo("app.yaml:" + want.line() + ":" + want.column() + ": error: m");
        assertThat(lines[1]).isEqualTo(EXAMPLE.split("\n")[want.line() - 1]);
        assertThat(lines[2]).isEqualTo(" ".repeat(want.column() - 1) + "^");
        assertThat(lines).hasSize(4); // ends with a line break
      }
    }

    @Test
    void caretKeepsTabsOfTheSourceLine() {
      Location location = new Location("app.yaml", 3, 5, "\tab: x");
      assertThat(Diagnostic.error(location, "m").format())
          .isEqualTo("app.yaml:3:5: error: m\n\tab: x\n\t   ^\n");
    }

    @Test
    void fileLevelFindingsHaveNoSourceLine() {
      assertThat(Diagnostic.error(Location.ofFile("app.yaml"), "m").format())
          .isEqualTo("app.yaml: error: m\n");
      assertThat(Diagnostic.error(new Location("app.yaml", 4, 0, "x: y"), "m").format())
          .isEqualTo("app.yaml:4: error: m\nx: y\n");
    }

    @Test
    void findingsAreSortedByPosition() {
      Diagnostic late = Diagnostic.error(new Location("app.yaml", 9, 1, "b"), "late");
      Diagnostic early = Diagnostic.error(new Location("app.yaml", 2, 3, "a"), "early");
      DiagnosticException e = new DiagnosticException(new ArrayList<>(List.of(late, early)));
      assertThat(e.diagnostics()).containsExactly(early, late);
      assertThatIllegalArgumentException().isThrownBy(() -> new DiagnosticException(List.of()));
      DiagnosticException single = new DiagnosticException(early);
      assertThat(single.getMessage()).isEqualTo("app.yaml:2:3: error: early\na\n  ^");
    }

    @Test
    void exceptionMessageIsTheFirstFindingByPosition() {
      Diagnostic late = Diagnostic.error(new Location("app.yaml", 9, 1, "b"), "late");
      Diagnostic early = Diagnostic.error(new Location("app.yaml", 2, 3, "a"), "early");
      DiagnosticException e = new DiagnosticException(List.of(late, early));
      assertThat(e.getMessage()).isEqualTo(e.diagnostics().get(0).format().strip());
    }

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(strings = {"0085", "2028", "2029"})
    void unicodeLineSeparatorsDoNotShiftTheSourceLine(String codePoint) {
      String separator = String.valueOf((char) Integer.parseInt(codePoint, 16));
      String text =
          "# owner: team" + separator + "# payments\n" + example("port: 8080", "port: 70000");
      Diagnostic d = errors(text).get(0);
      assertThat(d.location().sourceLine()).isEqualTo("  port: 70000");
    }
  }

  /** Self-check of the helper: an edit that matches nowhere must fail loudly, not test nothing. */
  @Test
  void exampleEditsMustMatchExactlyOnce() {
    assertThatIllegalArgumentException().isThrownBy(() -> example("no such text", ""));
    assertThatIllegalArgumentException().isThrownBy(() -> example("secretKeyRef", ""));
    assertThat(EXAMPLE.split("\n")).hasSize(27);
  }
}
