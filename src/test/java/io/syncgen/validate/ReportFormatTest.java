package io.syncgen.validate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.syncgen.cli.Run;
import io.syncgen.manifest.ManifestReader;
import io.syncgen.manifest.SchemaCatalog;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The three {@code --format}s of {@code syncgen validate} on one stream of four objects (a clean
 * ConfigMap, a Deployment with two warnings, a hook Job with two errors and a warning, a Service
 * with one error), {@code src/test/resources/validate/formats/input.yaml}: text, JSON and JUnit XML
 * equal hand-checked files byte for byte, JSON reads back with Jackson and JUnit XML with a DOM
 * parser with counts that agree with its test cases, and {@code --strict} turns warnings into
 * failures.
 */
class ReportFormatTest {
  private static final String RESOURCES = "/validate/formats/";
  private static final String JOB = "Job/shop-post-deploy-smoke-test-of-the-storefront-*";

  @TempDir Path tmp;

  private static String resource(String name) {
    try (InputStream in = ReportFormatTest.class.getResourceAsStream(RESOURCES + name)) {
      assertThat(in).as("test resource %s%s", RESOURCES, name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Validator.Report report(Validator.Options options) {
    ManifestReader.Result read = ManifestReader.parse("input.yaml", resource("input.yaml"));
    return new Validator(new SchemaCatalog(), options)
        .validate(read.manifests(), ReadFindings.of(read.problems()));
  }

  private static String write(ReportFormat format, boolean strict) {
    return format.write(report(Validator.Options.defaults()), strict);
  }

  // --- Golden files ----------------------------------------------------------------------------

  @Test
  void textEqualsTheExpectedFile() {
    assertThat(write(ReportFormat.TEXT, false)).isEqualTo(resource("expected.txt"));
  }

  @Test
  void jsonEqualsTheExpectedFile() {
    assertThat(write(ReportFormat.JSON, false)).isEqualTo(resource("expected.json"));
  }

  @Test
  void junitEqualsTheExpectedFile() {
    assertThat(write(ReportFormat.JUNIT, false)).isEqualTo(resource("expected.xml"));
  }

  @Test
  void theTextFormIsTheFindingLinesThenTheSummary() {
    Validator.Report report = report(Validator.Options.defaults());
    List<String> expected = new java.util.ArrayList<>();
    report.findings().forEach(f -> expected.add(f.format()));
    expected.add("checked 4 objects: 3 errors, 3 warnings");
    assertThat(report.findings()).hasSize(6);
    assertThat(write(ReportFormat.TEXT, false).lines()).containsExactlyElementsOf(expected);
  }

  @ParameterizedTest
  @CsvSource({"text, expected.txt", "json, expected.json", "junit, expected.xml"})
  void theCommandLinePrintsTheSameWithTheFileAsNamed(String format, String expected)
      throws IOException {
    Path input = tmp.resolve("input.yaml");
    Files.writeString(input, resource("input.yaml"));
    Run run = Run.of("validate", "--format", format, input.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).isEqualTo(resource(expected).replace("input.yaml", input.toString()));
  }

  // --- JSON ------------------------------------------------------------------------------------

  @Test
  void jsonReadsBackWithSummaryAndEveryFindingField() throws IOException {
    Validator.Report report = report(Validator.Options.defaults());
    JsonNode root = new ObjectMapper().readTree(ReportFormat.JSON.write(report, false));

    JsonNode summary = root.get("summary");
    assertThat(summary.get("objects").intValue()).isEqualTo(4);
    assertThat(summary.get("errors").intValue()).isEqualTo(3);
    assertThat(summary.get("warnings").intValue()).isEqualTo(3);
    assertThat(summary.get("passed").isBoolean()).isTrue();
    assertThat(summary.get("passed").booleanValue()).isFalse();

    JsonNode findings = root.get("findings");
    assertThat(findings.isArray()).isTrue();
    assertThat(findings.size()).isEqualTo(report.findings().size());
    int errors = 0;
    int warnings = 0;
    for (int i = 0; i < findings.size(); i++) {
      JsonNode f = findings.get(i);
      List<String> names = new ArrayList<>();
      f.fieldNames().forEachRemaining(names::add);
      assertThat(names)
          .containsExactly("file", "line", "column", "severity", "rule", "object", "message");
      assertThat(f.get("file").textValue()).isEqualTo("input.yaml");
      assertThat(f.get("line").isInt()).isTrue();
      assertThat(f.get("column").isInt()).isTrue();
      assertThat(f.get("line").intValue()).isPositive();
      assertThat(f.get("column").intValue()).isPositive();
      assertThat(f.get("severity").textValue()).isIn("error", "warning");
      assertThat(Rule.byId(f.get("rule").textValue())).isPresent();
      assertThat(f.get("object").textValue()).contains("/");
      assertThat(f.get("message").textValue()).isNotBlank();
      Finding finding = report.findings().get(i);
      assertThat(f.get("line").intValue()).isEqualTo(finding.location().line());
      assertThat(f.get("message").textValue()).isEqualTo(finding.message());
      if (f.get("severity").textValue().equals("error")) {
        errors++;
      } else {
        warnings++;
      }
    }
    assertThat(errors).isEqualTo(summary.get("errors").intValue());
    assertThat(warnings).isEqualTo(summary.get("warnings").intValue());
  }

  @Test
  void jsonPassedIsTrueWithWarningsOnlyAndFalseUnderStrict() throws IOException {
    Validator.Report warningsOnly =
        report(
            new Validator.Options(
                Set.of(Rule.GENERATE_NAME_TOO_LONG, Rule.UNKNOWN_FIELD, Rule.SCHEMA),
                Validator.PodSecurity.RESTRICTED,
                false));
    assertThat(warningsOnly.errors()).isZero();
    assertThat(warningsOnly.warnings()).isEqualTo(3);
    ObjectMapper mapper = new ObjectMapper();
    JsonNode lenient = mapper.readTree(ReportFormat.JSON.write(warningsOnly, false));
    JsonNode strict = mapper.readTree(ReportFormat.JSON.write(warningsOnly, true));
    assertThat(lenient.at("/summary/passed").booleanValue()).isTrue();
    assertThat(strict.at("/summary/passed").booleanValue()).isFalse();
    assertThat(strict.get("findings")).isEqualTo(lenient.get("findings"));
  }

  @Test
  void jsonOfACleanReportHasAnEmptyFindingsList() throws IOException {
    ManifestReader.Result read =
        ManifestReader.parse(
            "clean.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n");
    Validator.Report report =
        new Validator(new SchemaCatalog(), Validator.Options.defaults())
            .validate(read.manifests(), ReadFindings.of(read.problems()));
    JsonNode root = new ObjectMapper().readTree(ReportFormat.JSON.write(report, true));
    assertThat(root.at("/summary/objects").intValue()).isEqualTo(1);
    assertThat(root.at("/summary/passed").booleanValue()).isTrue();
    assertThat(root.get("findings").isArray()).isTrue();
    assertThat(root.get("findings").size()).isZero();
  }

  // --- JUnit XML -------------------------------------------------------------------------------

  private static Document xml(String text) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    DocumentBuilder builder = factory.newDocumentBuilder();
    return builder.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> result = new ArrayList<>();
    NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      if (nodes.item(i) instanceof Element e && e.getTagName().equals(name)) {
        result.add(e);
      }
    }
    return result;
  }

  private static Element testcase(List<Element> cases, String name) {
    return cases.stream()
        .filter(c -> c.getAttribute("name").equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no testcase " + name));
  }

  private static int elementChildren(Element element) {
    int count = 0;
    NodeList nodes = element.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      if (nodes.item(i).getNodeType() == Node.ELEMENT_NODE) {
        count++;
      }
    }
    return count;
  }

  /** Checks that the tests and failures attributes count the testcase and failure elements. */
  private static void assertCountsMatch(Document document, int tests, int failures) {
    Element suites = document.getDocumentElement();
    assertThat(suites.getTagName()).isEqualTo("testsuites");
    List<Element> suiteList = children(suites, "testsuite");
    assertThat(suiteList).hasSize(1);
    Element suite = suiteList.get(0);
    List<Element> cases = children(suite, "testcase");
    long failing = cases.stream().filter(c -> !children(c, "failure").isEmpty()).count();
    assertThat(cases).hasSize(tests);
    assertThat(failing).isEqualTo(failures);
    for (Element e : List.of(suites, suite)) {
      assertThat(e.getAttribute("tests")).isEqualTo(String.valueOf(tests));
      assertThat(e.getAttribute("failures")).isEqualTo(String.valueOf(failures));
      assertThat(e.getAttribute("errors")).isEqualTo("0");
    }
    assertThat(suite.getAttribute("skipped")).isEqualTo("0");
  }

  @Test
  void junitHasOneTestcasePerObjectWithFailuresForErrorsAndWarningsInSystemOut() throws Exception {
    Document document = xml(write(ReportFormat.JUNIT, false));
    assertCountsMatch(document, 4, 2);
    Element suite = children(document.getDocumentElement(), "testsuite").get(0);
    List<Element> cases = children(suite, "testcase");
    assertThat(cases).extracting(c -> c.getAttribute("classname")).containsOnly("input.yaml");
    assertThat(cases)
        .extracting(c -> c.getAttribute("name"))
        .containsExactly("ConfigMap/shop-config", "Deployment/shop", JOB, "Service/shop");

    // Clean: nothing inside.
    assertThat(elementChildren(testcase(cases, "ConfigMap/shop-config"))).isZero();

    // Warnings only: no failure, both warnings in system-out.
    Element deployment = testcase(cases, "Deployment/shop");
    assertThat(children(deployment, "failure")).isEmpty();
    List<Element> out = children(deployment, "system-out");
    assertThat(out).hasSize(1);
    assertThat(out.get(0).getTextContent().lines().toList())
        .hasSize(2)
        .allMatch(line -> line.startsWith("input.yaml:") && line.contains(": warning: "));
    assertThat(out.get(0).getTextContent()).contains("[readiness-probe]", "[image-tag]");

    // Errors and a warning: one failure naming the first error, the warning in system-out.
    Element job = testcase(cases, JOB);
    List<Element> failures = children(job, "failure");
    assertThat(failures).hasSize(1);
    Element failure = failures.get(0);
    assertThat(failure.getAttribute("type")).isEqualTo("generate-name-too-long");
    assertThat(failure.getAttribute("message"))
        .startsWith("[generate-name-too-long] generateName \"shop-post-deploy")
        .contains("appends <revision>-<phase>-<time>")
        .endsWith(" (and 1 more)");
    assertThat(failure.getTextContent().lines().toList())
        .hasSize(2)
        .allMatch(line -> line.contains(": error: "));
    assertThat(failure.getTextContent()).contains("[unknown-field]");
    assertThat(children(job, "system-out")).hasSize(1);
    assertThat(children(job, "system-out").get(0).getTextContent())
        .contains("[hook-job-no-backoff-limit]")
        .doesNotContain(": error: ");

    // One error: the failure has no "(and N more)".
    Element service = testcase(cases, "Service/shop");
    assertThat(children(service, "failure").get(0).getAttribute("message"))
        .isEqualTo("[schema] spec.ports[0].port must be an integer, not the string \"8080\"");
    assertThat(children(service, "system-out")).isEmpty();
  }

  @Test
  void junitUnderStrictMakesWarningsFailures() throws Exception {
    Document document = xml(write(ReportFormat.JUNIT, true));
    assertCountsMatch(document, 4, 3);
    Element suite = children(document.getDocumentElement(), "testsuite").get(0);
    List<Element> cases = children(suite, "testcase");

    Element deployment = testcase(cases, "Deployment/shop");
    assertThat(children(deployment, "system-out")).isEmpty();
    Element failure = children(deployment, "failure").get(0);
    assertThat(failure.getAttribute("type")).isEqualTo("readiness-probe");
    assertThat(failure.getAttribute("message")).endsWith(" (and 1 more)");
    assertThat(failure.getTextContent().lines().toList()).hasSize(2);

    Element job = testcase(cases, JOB);
    assertThat(children(job, "system-out")).isEmpty();
    assertThat(children(job, "failure").get(0).getAttribute("message")).endsWith(" (and 2 more)");
    assertThat(children(job, "failure").get(0).getTextContent().lines().toList()).hasSize(3);

    assertThat(elementChildren(testcase(cases, "ConfigMap/shop-config"))).isZero();
  }
}
