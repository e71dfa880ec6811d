package io.syncgen.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syncgen.manifest.KubernetesObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * YAML output: strings survive a round trip through a YAML 1.1 reader, everything a reader could
 * take for a non-string is quoted, and the text is deterministic.
 */
class YamlStreamTest {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** Strings that are easy to get wrong in YAML, one of each kind of trap. */
  private static final List<String> TRICKY =
      List.of(
          // numbers, YAML 1.1 and 1.2 forms
          "-1",
          "0",
          "1.5",
          "+5",
          "012",
          "0o17",
          "0x1F",
          "0b1010",
          "1e3",
          "1_000",
          "1:20",
          "190:20:30.15",
          ".inf",
          "-.inf",
          ".NaN",
          "1.",
          ".5",
          // booleans and nulls
          "true",
          "True",
          "FALSE",
          "yes",
          "no",
          "on",
          "off",
          "Off",
          "y",
          "n",
          "Y",
          "N",
          "null",
          "NULL",
          "~",
          "",
          // other tags
          "2026-11-21",
          "2001-12-14t21:59:43.10-05:00",
          "=",
          "<<",
          // YAML syntax
          "a: b",
          "a #b",
          "#x",
          "x:",
          ":",
          "-",
          "?",
          "*x",
          "&x",
          "!x",
          "%x",
          "@x",
          "`x",
          "|x",
          ">x",
          "- x",
          "? x",
          "{x}",
          "[y]",
          "a, b",
          "'single'",
          "\"double\"",
          "it's",
          "back\\slash",
          // white space and line breaks
          "line1\nline2",
          "line1\nline2\n",
          "line1\n\n",
          "\n",
          "\nleading break",
          " leading",
          "trailing ",
          "  both  ",
          "  indented\nscript",
          "trailing space \nnext",
          "a\tb",
          "\tlead tab",
          "script\twith tab\nsecond line",
          "crlf\r\nline",
          "cr\ronly",
          // unicode and control characters
          "ünïcødé ☃ 🚀",
          "日本語",
          "nbsp\u00a0inside",
          "x\u2028y",
          "bell\u0007",
          "nul\u0000byte",
          "esc\u001b[0m");

  private static Object load(String yaml) {
    return new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
  }

  private static String key(int i) {
    return String.format(Locale.ROOT, "k%02d", i);
  }

  @Test
  void everyTrickyStringRoundTripsThroughAYaml11Reader() {
    ObjectNode tree = JSON.objectNode();
    ArrayNode list = tree.putArray("list");
    ObjectNode nested = tree.putObject("metadata").putObject("annotations");
    for (int i = 0; i < TRICKY.size(); i++) {
      tree.put(key(i), TRICKY.get(i));
      list.add(TRICKY.get(i));
      nested.put("example.com/" + key(i), TRICKY.get(i));
    }

    Map<?, ?> back = (Map<?, ?>) load(YamlStream.write(tree));

    List<?> backList = (List<?>) back.get("list");
    Map<?, ?> backNested = (Map<?, ?>) ((Map<?, ?>) back.get("metadata")).get("annotations");
    assertThat(backList).hasSameSizeAs(TRICKY);
    for (int i = 0; i < TRICKY.size(); i++) {
      String expected = TRICKY.get(i);
      String what = key(i) + " = " + escape(expected);
      assertThat(back.get(key(i))).as(what).isInstanceOf(String.class).isEqualTo(expected);
      assertThat(backList.get(i)).as("list " + what).isInstanceOf(String.class).isEqualTo(expected);
      assertThat(backNested.get("example.com/" + key(i)))
          .as("nested " + what)
          .isInstanceOf(String.class)
          .isEqualTo(expected);
    }
  }

  @Test
  void keysThatLookLikeScalarsOfOtherTypesStayStrings() {
    ObjectNode tree = JSON.objectNode();
    for (int i = 0; i < TRICKY.size(); i++) {
      tree.put(TRICKY.get(i), "v" + i);
    }

    Map<?, ?> back = (Map<?, ?>) load(YamlStream.write(tree));

    assertThat(back).hasSameSizeAs(TRICKY);
    for (int i = 0; i < TRICKY.size(); i++) {
      String name = TRICKY.get(i);
      assertThat(back.get(name)).as("key " + escape(name)).isEqualTo("v" + i);
    }
    assertThat(back.keySet()).allSatisfy(k -> assertThat(k).isInstanceOf(String.class));
  }

  /**
   * Plain scalars that YAML 1.1 (yaml.org/type: bool, null, int, float, merge, value, timestamp) or
   * the YAML 1.2 core schema resolve to something other than a string.
   */
  static Stream<String> notStringsWhenPlain() {
    return Stream.of(
        // bool (YAML 1.1 includes the single letters)
        "y",
        "Y",
        "yes",
        "Yes",
        "YES",
        "n",
        "N",
        "no",
        "No",
        "NO",
        "true",
        "True",
        "TRUE",
        "false",
        "False",
        "FALSE",
        "on",
        "On",
        "ON",
        "off",
        "Off",
        "OFF",
        // null
        "~",
        "null",
        "Null",
        "NULL",
        "",
        // int: decimal, signed, octal, binary, hex, underscores, base 60
        "0",
        "-1",
        "+5",
        "42",
        "012",
        "-012",
        "0b1010",
        "-0b1",
        "0x1F",
        "-0x1f",
        "1_000",
        "1:20",
        "-1:20:30",
        // float: fraction, exponent, base 60, infinity, not-a-number
        "1.5",
        "-1.5",
        ".5",
        "1.",
        "6.8523015e+5",
        "190:20:30.15",
        ".inf",
        "-.inf",
        "+.inf",
        ".Inf",
        ".INF",
        ".nan",
        ".NaN",
        ".NAN",
        // merge and value keys
        "<<",
        "=",
        // timestamp
        "2026-11-21",
        "2001-12-14t21:59:43.10-05:00",
        "2001-12-14 21:59:43.10 -5",
        "2001-12-15T02:59:43.1Z",
        // YAML 1.2 core schema only: octal 0o, exponent without a fraction
        "0o17",
        "1e3",
        "1E3",
        "-2e-3");
  }

  @ParameterizedTest
  @MethodSource("notStringsWhenPlain")
  void everyStringAReaderCouldTakeForAnotherTypeIsQuoted(String value) {
    String yaml = YamlStream.write(JSON.objectNode().put("k", value));
    assertThat(yaml).isIn("k: \"" + value + "\"\n", "k: '" + value + "'\n");
  }

  @ParameterizedTest
  @MethodSource("notStringsWhenPlain")
  void everyKeyAReaderCouldTakeForAnotherTypeIsQuoted(String name) {
    String yaml = YamlStream.write(JSON.objectNode().put(name, "v"));
    String firstLine = yaml.lines().findFirst().orElseThrow();
    // An empty key may also be written as an explicit "? """ key.
    assertThat(firstLine).isIn("\"" + name + "\": v", "'" + name + "': v", "? \"" + name + "\"");
  }

  /**
   * Kubernetes reads manifests with go-yaml (sigs.k8s.io/yaml), which resolves a plain scalar with
   * strconv.ParseInt(s, 0, 64): the base prefixes 0x, 0o and 0b are accepted in either case. An
   * annotation written as a plain {@code 0X1F} becomes an integer there, and Kubernetes then drops
   * every annotation of the object (argocd.md).
   */
  @ParameterizedTest
  @ValueSource(strings = {"0X1F", "0O17", "0B11", "-0X1f", "+0O7"})
  void upperCaseBasePrefixesAreQuotedBecauseGoYamlReadsThemAsIntegers(String value) {
    String yaml = YamlStream.write(JSON.objectNode().put("k", value));
    assertThat(yaml).isIn("k: \"" + value + "\"\n", "k: '" + value + "'\n");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "hello",
        "app-db-migrate",
        "app.kubernetes.io/name",
        "/bin/sh",
        "PreSync",
        "batch/v1",
        "nUll",
        "1.2.3-beta"
      })
  void ordinaryStringsAreNotQuoted(String value) {
    assertThat(YamlStream.write(JSON.objectNode().put("k", value))).isEqualTo("k: " + value + "\n");
  }

  @Test
  void argoCdAnnotationValuesAreQuotedStrings() {
    ObjectNode tree = JSON.objectNode();
    tree.put("apiVersion", "batch/v1").put("kind", "Job");
    ObjectNode metadata = tree.putObject("metadata").put("name", "app-db-migrate");
    metadata
        .putObject("annotations")
        .put(KubernetesObject.HOOK, "PreSync")
        .put(KubernetesObject.SYNC_WAVE, "-1")
        .put("helm.sh/hook-weight", "5")
        .put(KubernetesObject.HOOK_DELETE_POLICY, "HookSucceeded,BeforeHookCreation")
        .put("example.com/enabled", "true");

    String yaml = YamlStream.write(new KubernetesObject(tree));

    assertThat(yaml.lines())
        .contains(
            "    argocd.argoproj.io/sync-wave: \"-1\"",
            "    helm.sh/hook-weight: \"5\"",
            "    example.com/enabled: \"true\"",
            "    argocd.argoproj.io/hook: PreSync");
    Map<?, ?> annotations =
        (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) load(yaml)).get("metadata")).get("annotations");
    assertThat(annotations.values()).allSatisfy(v -> assertThat(v).isInstanceOf(String.class));
    assertThat(annotations.get(KubernetesObject.SYNC_WAVE)).isEqualTo("-1");
  }

  @Test
  void singleDocumentUsesLineFeedsEndsWithOneAndHasNoDocumentMarker() {
    ObjectNode tree = sampleTree();

    String yaml = YamlStream.write(tree);

    assertThat(yaml).doesNotContain("\r").endsWith("\n").doesNotStartWith("---");
    assertThat(yaml.lines()).doesNotContain("---", "...");
    assertThat(YamlStream.write(JSON.objectNode())).isEqualTo("{}\n");
  }

  @Test
  void listStartsEveryDocumentWithAMarker() {
    KubernetesObject first = object("ConfigMap", "app-config");
    KubernetesObject second = object("Deployment", "app");

    String stream = YamlStream.write(List.of(first, second));

    assertThat(stream)
        .startsWith("---\n")
        .doesNotContain("\r")
        .endsWith("\n")
        .isEqualTo("---\n" + YamlStream.write(first) + "---\n" + YamlStream.write(second));
    assertThat(stream.lines().filter("---"::equals)).hasSize(2);
    List<Object> kinds = new ArrayList<>();
    new Yaml(new SafeConstructor(new LoaderOptions()))
        .loadAll(stream)
        .forEach(d -> kinds.add(((Map<?, ?>) d).get("kind")));
    assertThat(kinds).containsExactly("ConfigMap", "Deployment");
  }

  @Test
  void writingTheSameTreeTwiceGivesTheSameText() {
    ObjectNode tree = sampleTree();
    String once = YamlStream.write(tree);
    assertThat(YamlStream.write(tree)).isEqualTo(once);
    assertThat(YamlStream.write(tree.deepCopy())).isEqualTo(once);
  }

  @Test
  void outputDoesNotDependOnDefaultLocaleOrTimeZone() {
    Locale locale = Locale.getDefault();
    TimeZone zone = TimeZone.getDefault();
    try {
      Locale.setDefault(Locale.ROOT);
      TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
      String reference = YamlStream.write(sampleTree());

      Locale.setDefault(Locale.forLanguageTag("tr-TR"));
      TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
      assertThat(YamlStream.write(sampleTree())).isEqualTo(reference);

      Locale.setDefault(Locale.forLanguageTag("de-DE"));
      TimeZone.setDefault(TimeZone.getTimeZone("America/St_Johns"));
      assertThat(YamlStream.write(sampleTree())).isEqualTo(reference);

      Locale.setDefault(Locale.forLanguageTag("ar-EG-u-nu-arab"));
      TimeZone.setDefault(TimeZone.getTimeZone("Asia/Kathmandu"));
      assertThat(YamlStream.write(sampleTree())).isEqualTo(reference);
    } finally {
      Locale.setDefault(locale);
      TimeZone.setDefault(zone);
    }
  }

  @Test
  void multiLineStringsAreLiteralBlocks() {
    ObjectNode tree = JSON.objectNode();
    tree.putArray("command").add("/bin/sh").add("-c").add("set -eu\nexec migrate up\n");
    tree.put("noFinalBreak", "#!/bin/sh\necho done");
    tree.put("extraBreaks", "a\nb\n\n");

    String yaml = YamlStream.write(tree);

    // "|" clips to one final line break, "|-" strips it, "|+" keeps them all (YAML 1.2, 8.1.1.2).
    assertThat(yaml)
        .contains("  - |\n    set -eu\n    exec migrate up\n")
        .contains("noFinalBreak: |-\n  #!/bin/sh\n  echo done\n")
        .contains("extraBreaks: |+\n  a\n  b\n\n");
    Map<?, ?> back = (Map<?, ?>) load(yaml);
    assertThat((List<?>) back.get("command")).last().isEqualTo("set -eu\nexec migrate up\n");
    assertThat(back.get("noFinalBreak")).isEqualTo("#!/bin/sh\necho done");
    assertThat(back.get("extraBreaks")).isEqualTo("a\nb\n\n");
  }

  @Test
  void multiLineStringWithIndentedFirstLineKeepsItsIndentation() {
    String script = "  indented\nnot indented\n";
    String yaml = YamlStream.write(JSON.objectNode().put("k", script));

    assertThat(yaml).startsWith("k: |");
    assertThat(((Map<?, ?>) load(yaml)).get("k")).isEqualTo(script);
  }

  @Test
  void longStringsAreNotFoldedOntoSeveralLines() {
    String value = "word ".repeat(60).strip();
    assertThat(YamlStream.write(JSON.objectNode().put("k", value))).isEqualTo("k: " + value + "\n");
  }

  /**
   * A multi-line string with a tab (a {@code <<-EOF} heredoc) or a space before a line break is
   * written double-quoted on one line, with {@code \t} and {@code \n} escapes, not as a literal
   * block: SnakeYAML's emitter, like libyaml's and PyYAML's, refuses block style for them, because
   * editors and linters strip trailing spaces and re-indent tabs, which would change the value
   * silently. Kept on purpose: the value survives any editor; syncgen's own scripts have neither.
   */
  @ParameterizedTest
  @ValueSource(strings = {"cat <<-EOF\n\tindented by tab\n\tEOF\n", "echo a \necho b\n"})
  void scriptsWithTabsOrTrailingSpacesAreQuotedSoNoEditorCanChangeThem(String script) {
    String yaml = YamlStream.write(JSON.objectNode().put("script", script));
    assertThat(yaml).startsWith("script: \"").doesNotContain("\t").hasLineCount(1);
    assertThat(((Map<?, ?>) load(yaml)).get("script")).isEqualTo(script);
  }

  @Test
  void otherMultiLineStringsAreLiteralBlocks() {
    String script = "set -eu\nexec migrate up\n";
    String yaml = YamlStream.write(JSON.objectNode().put("script", script));
    assertThat(yaml).isEqualTo("script: |\n  set -eu\n  exec migrate up\n");
  }

  /**
   * U+0085 (NEL) is a line break in YAML 1.1 and in go-yaml. SnakeYAML's emitter writes it
   * unescaped inside a plain scalar, where a reader folds the break into a space.
   */
  @Test
  void nextLineCharacterRoundTrips() {
    String value = "a\u0085b";
    String yaml = YamlStream.write(JSON.objectNode().put("k", value));
    assertThat(((Map<?, ?>) load(yaml)).get("k")).isEqualTo(value);
  }

  private static ObjectNode sampleTree() {
    ObjectNode tree = JSON.objectNode();
    tree.put("apiVersion", "batch/v1").put("kind", "Job");
    ObjectNode metadata = tree.putObject("metadata").put("name", "app-db-migrate");
    metadata.putObject("annotations").put(KubernetesObject.SYNC_WAVE, "-1");
    metadata.putObject("labels").put("TITLE", "INFO").put("title", "info").put("I", "ı");
    ObjectNode spec = tree.putObject("spec");
    spec.put("backoffLimit", 0).put("ratio", 1.5).put("big", new BigDecimal("1E+3"));
    spec.put("deadline", 12345678901L).put("suspend", false).putNull("nothing");
    spec.put("date", "2026-11-21").put("time", "2001-12-14t21:59:43.10-05:00");
    spec.put("inf", ".INF").put("nan", ".NAN").put("upper", "TRUE").put("dotted", "İi");
    ArrayNode args = spec.putArray("args");
    TRICKY.forEach(args::add);
    spec.put("script", "set -eu\nexec migrate up\n");
    return tree;
  }

  private static KubernetesObject object(String kind, String name) {
    ObjectNode tree = JSON.objectNode();
    tree.put("apiVersion", "v1").put("kind", kind);
    tree.putObject("metadata").put("name", name);
    return new KubernetesObject(tree);
  }

  private static String escape(String s) {
    StringBuilder out = new StringBuilder();
    s.codePoints()
        .forEach(
            c -> {
              if (c < 0x20 || c > 0x7e) {
                out.append(String.format(Locale.ROOT, "\\u%04x", c));
              } else {
                out.append((char) c);
              }
            });
    return out.toString();
  }
}
