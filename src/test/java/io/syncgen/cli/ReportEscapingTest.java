package io.syncgen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A file name, an object name or a field name may hold control characters (ESC sequences that clear
 * or recolour a terminal, a C1 NEL, U+2028, a bidirectional override): every report format shows
 * them as {@code \}{@code uXXXX} escapes. The JUnit XML stays well-formed (checked with the JDK's
 * XML parser), the JSON stays valid, and no escaped character reaches the terminal.
 */
class ReportEscapingTest {
  /** ESC [ 2 J: "clear the screen". */
  private static final String FILE_NAME = "evil\u001b[2J.yaml";

  /** Escapes of the name {@code "x\e[31mred\u2028y\x85"} and of the unknown field's name. */
  private static final String OBJECT = "ConfigMap/x\\u001b[31mred\\u2028y\\u0085";

  private static final String FIELD = "col\\u001b[2Jor\\u202e";

  @TempDir Path tmp;

  private Path file;

  @BeforeEach
  void writeManifest() throws IOException {
    file = tmp.resolve(FILE_NAME);
    Files.writeString(
        file,
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: \"x\\e[31mred\\u2028y\\x85\"\n"
            + "data: {a: b}\n\"col\\e[2Jor\\u202e\": 1\n",
        StandardCharsets.UTF_8);
  }

  @Test
  void textShowsEveryControlCharacterAsAnEscape() {
    Run run = Run.of("validate", file.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertNothingHidden(run.out());
    assertThat(run.out())
        .startsWith(
            tmp
                + "/evil\\u001b[2J.yaml:6:1: error: [unknown-field] "
                + OBJECT
                + ": unknown field \"[\""
                + FIELD
                + "\"]\"; remove it\n");
  }

  @Test
  void jsonIsValidAndCarriesTheSameEscapes() throws IOException {
    Run run = Run.of("validate", "--format", "json", file.toString());
    assertNothingHidden(run.out());
    JsonNode finding = new ObjectMapper().readTree(run.out()).path("findings").path(0);
    assertThat(finding.path("file").asText()).isEqualTo(tmp + "/evil\\u001b[2J.yaml");
    assertThat(finding.path("object").asText()).isEqualTo(OBJECT);
    assertThat(finding.path("message").asText()).contains(FIELD);
  }

  @Test
  void junitIsWellFormedXmlWithTheSameEscapes() throws Exception {
    Run run = Run.of("validate", "--format", "junit", file.toString());
    assertNothingHidden(run.out());
    Document xml =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(run.out().getBytes(StandardCharsets.UTF_8)));
    Element testcase = (Element) xml.getElementsByTagName("testcase").item(0);
    assertThat(testcase.getAttribute("classname")).isEqualTo(tmp + "/evil\\u001b[2J.yaml");
    assertThat(testcase.getAttribute("name")).isEqualTo(OBJECT);
    Element failure = (Element) testcase.getElementsByTagName("failure").item(0);
    assertThat(failure.getAttribute("message")).contains(FIELD);
    assertThat(failure.getTextContent()).contains(OBJECT, FIELD);
  }

  @Test
  void planTextShowsTheEscapes() {
    Run run = Run.of("plan", file.toString());
    assertNothingHidden(run.out() + run.err());
    assertThat(run.out()).contains("    " + OBJECT + ": nothing");
  }

  @Test
  void aDescriptorErrorShowsItsSourceLineEscaped() throws IOException {
    Path descriptor = tmp.resolve("app.yaml");
    Files.writeString(descriptor, "apiVersion: syncgen/v1\nkind: \u001b[2JApp\n");
    Run run = Run.of("render", descriptor.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertNothingHidden(run.err());
    assertThat(run.err())
        .isEqualTo(
            descriptor
                + ":2:7: error: YAML does not allow the character U+001B here (a control"
                + " character); remove it, or write it as \\x1b inside a double-quoted string\n"
                + "kind: \\u001b[2JApp\n"
                + "      ^\n");
  }

  /** No character but line feeds and printable text: nothing a terminal would act on. */
  private static void assertNothingHidden(String output) {
    assertThat(output.replace("\n", ""))
        .as(output)
        .doesNotContain("\u001b", "\u0085", "\u2028", "\u202e")
        .matches("[^\\p{Cc}]*");
  }
}
