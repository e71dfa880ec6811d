package io.syncgen.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncgen.diagnostic.Location;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ManifestReader#parse} and {@link Manifest}: scalars typed as Kubernetes (go-yaml v2, YAML
 * 1.1) types them, multi-document streams, 1-based positions of keys and values in the whole file,
 * {@code kind: List} unwrapping, merge keys, and every reading problem (duplicate keys, syntax
 * errors, documents that are not mappings, alias bombs) reported as a located finding instead of an
 * exception.
 */
class ManifestReaderTest {
  @TempDir Path tmp;

  private static final String CONFIG_MAP_HEAD =
      """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: x
      data:
      """;

  /** The value of {@code data.v} when a ConfigMap is written with {@code v: <scalar>}. */
  private static JsonNode value(String scalar) {
    ManifestReader.Result read = ManifestReader.parse("m.yaml", CONFIG_MAP_HEAD + "  v: " + scalar);
    assertThat(read.problems()).isEmpty();
    assertThat(read.manifests()).hasSize(1);
    return read.manifests().get(0).object().at("/data/v");
  }

  private static ManifestReader.Result parse(String text) {
    return ManifestReader.parse("m.yaml", text);
  }

  private static void assertAt(Location location, int line, int column) {
    assertThat(location.file()).isEqualTo("m.yaml");
    assertThat(location.line()).as("line of %s", location).isEqualTo(line);
    assertThat(location.column()).as("column of %s", location).isEqualTo(column);
  }

  // --- Scalar types ----------------------------------------------------------------------------

  @Test
  void yamlOneOneBooleansAreBooleans() {
    for (String yes : List.of("yes", "Yes", "YES", "on", "On", "true", "True")) {
      assertThat(value(yes).isBoolean()).as(yes).isTrue();
      assertThat(value(yes).booleanValue()).as(yes).isTrue();
    }
    for (String no : List.of("no", "No", "off", "OFF", "false")) {
      assertThat(value(no).isBoolean()).as(no).isTrue();
      assertThat(value(no).booleanValue()).as(no).isFalse();
    }
  }

  @Test
  void singleLetterBooleansAreBooleansAsInGoYamlV2() {
    assertThat(value("y").isBoolean()).isTrue();
    assertThat(value("Y").booleanValue()).isTrue();
    assertThat(value("n").isBoolean()).isTrue();
    assertThat(value("N").booleanValue()).isFalse();
  }

  @Test
  void yamlOneOneIntegersAreNumbers() {
    assertInteger(value("010"), 8); // octal
    assertInteger(value("-010"), -8);
    assertInteger(value("0x1F"), 31);
    assertInteger(value("1_000"), 1000);
    assertInteger(value("0b101"), 5);
    assertInteger(value("42"), 42);
  }

  private static void assertInteger(JsonNode node, long expected) {
    assertThat(node.isIntegralNumber()).as("%s is an integer", node).isTrue();
    assertThat(node.longValue()).isEqualTo(expected);
  }

  @Test
  void aDecimalIsANumber() {
    JsonNode node = value("1.5");
    assertThat(node.isNumber()).isTrue();
    assertThat(node.isIntegralNumber()).isFalse();
    assertThat(node.decimalValue()).isEqualByComparingTo("1.5");
  }

  @Test
  void quotedScalarsAndTimestampsStayStrings() {
    assertThat(value("\"3\"").isTextual()).isTrue();
    assertThat(value("\"3\"").textValue()).isEqualTo("3");
    assertThat(value("'010'").textValue()).isEqualTo("010");
    assertThat(value("\"yes\"").textValue()).isEqualTo("yes");
    assertThat(value("2001-12-14t21:59:43.10-05:00").textValue())
        .isEqualTo("2001-12-14t21:59:43.10-05:00");
    assertThat(value("2024-01-02").textValue()).isEqualTo("2024-01-02");
    assertThat(value("hello").textValue()).isEqualTo("hello");
  }

  @Test
  void tildeEmptyAndNullAreNull() {
    assertThat(value("~").isNull()).isTrue();
    assertThat(value("").isNull()).isTrue();
    assertThat(value("null").isNull()).isTrue();
    // The key is there (null), not missing: the schema check drops nulls as the API server does.
    assertThat(value("~").isMissingNode()).isFalse();
  }

  // --- Streams ---------------------------------------------------------------------------------

  @Test
  void readsEveryDocumentOfAStreamAndSkipsEmptyAndCommentOnlyOnes() {
    String text =
        """
        # a leading comment-only document
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: one
        ---
        ---
        # only a comment here
        ---
        apiVersion: v1
        kind: Secret
        metadata:
          name: two
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: three
        ---
        """;
    ManifestReader.Result read = parse(text);
    assertThat(read.problems()).isEmpty();
    assertThat(read.manifests())
        .extracting(Manifest::display)
        .containsExactly("ConfigMap/one", "Secret/two", "Service/three");
  }

  @Test
  void anEmptyTextHasNoObjectsAndNoFindings() {
    for (String text : List.of("", "\n", "# nothing\n", "---\n---\n")) {
      ManifestReader.Result read = parse(text);
      assertThat(read.manifests()).as("%s", text).isEmpty();
      assertThat(read.problems()).as("%s", text).isEmpty();
    }
  }

  // --- Positions -------------------------------------------------------------------------------

  private static final String THREE_DOCUMENTS =
      """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: one
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: two
      data:
        key: value
      ---
      # the third document
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: three
      data:
        key:   spaced
      """;

  @Test
  void atPointsAtTheKeyAndValueAtAtTheValueBothOneBased() {
    Manifest first = parse(THREE_DOCUMENTS).manifests().get(0);
    assertAt(first.at("/metadata/name"), 4, 3);
    assertAt(first.valueAt("/metadata/name"), 4, 9);
    assertAt(first.at("/apiVersion"), 1, 1);
    assertAt(first.valueAt("/apiVersion"), 1, 13);
    assertAt(first.at(""), 1, 1);
  }

  @Test
  void positionsAreThoseOfTheWholeFileInLaterDocuments() {
    List<Manifest> manifests = parse(THREE_DOCUMENTS).manifests();
    Manifest second = manifests.get(1);
    assertAt(second.at(""), 6, 1);
    assertAt(second.at("/kind"), 7, 1);
    assertAt(second.at("/metadata/name"), 9, 3);
    assertAt(second.valueAt("/metadata/name"), 9, 9);
    assertAt(second.at("/data/key"), 11, 3);
    assertAt(second.valueAt("/data/key"), 11, 8);

    Manifest third = manifests.get(2);
    assertAt(third.at(""), 14, 1); // line 13 is the comment
    assertAt(third.at("/metadata/name"), 17, 3);
    assertAt(third.valueAt("/metadata/name"), 17, 9);
    assertAt(third.at("/data/key"), 19, 3);
    assertAt(third.valueAt("/data/key"), 19, 10);
  }

  @Test
  void aMissingPointerFallsBackToTheNearestParent() {
    List<Manifest> manifests = parse(THREE_DOCUMENTS).manifests();
    Manifest second = manifests.get(1);
    assertAt(second.at("/data/missing"), 10, 1); // the key "data"
    assertAt(second.valueAt("/data/missing"), 11, 3); // the mapping under data
    assertAt(second.at("/metadata/labels/x/y"), 8, 1); // the key "metadata"
    assertAt(second.at("/spec/template"), 6, 1); // nothing of it: the object
    Manifest first = manifests.get(0);
    assertAt(first.at("/data/key"), 1, 1); // the first document has no data
  }

  @Test
  void aListItemIsLocatedAtItsFirstKeyAndItemsAtTheirIndex() {
    String text =
        """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: x
          finalizers:
            - first
            - second
        """;
    Manifest manifest = parse(text).manifests().get(0);
    assertAt(manifest.at("/metadata/finalizers/1"), 7, 7);
    assertAt(manifest.valueAt("/metadata/finalizers/0"), 6, 7);
    assertAt(manifest.at("/metadata/finalizers"), 5, 3);
  }

  @Test
  void crlfLineBreaksCountAsOneLine() {
    String text =
        "apiVersion: v1\r\nkind: ConfigMap\r\nmetadata:\r\n  name: c\r\n---\r\n"
            + "apiVersion: v1\r\nkind: ConfigMap\r\nmetadata:\r\n  name: d\r\n";
    List<Manifest> manifests = parse(text).manifests();
    assertAt(manifests.get(0).at("/metadata/name"), 4, 3);
    assertAt(manifests.get(1).at("/metadata/name"), 9, 3);
    assertThat(manifests.get(1).at("/metadata/name").sourceLine()).isEqualTo("  name: d");
  }

  // --- kind: List ------------------------------------------------------------------------------

  @Test
  void aListIsUnwrappedIntoItsItemsWithTheirOwnPositions() {
    String text =
        """
        apiVersion: v1
        kind: List
        items:
          - apiVersion: v1
            kind: ConfigMap
            metadata:
              name: one
          - apiVersion: v1
            kind: Secret
            metadata:
              name: two
            stringData:
              token: abc
        """;
    ManifestReader.Result read = parse(text);
    assertThat(read.problems()).isEmpty();
    assertThat(read.manifests())
        .extracting(Manifest::display)
        .containsExactly("ConfigMap/one", "Secret/two");
    Manifest one = read.manifests().get(0);
    assertThat(one.apiVersion()).isEqualTo("v1");
    assertThat(one.object().has("items")).isFalse();
    assertAt(one.at(""), 4, 5);
    assertAt(one.at("/metadata/name"), 7, 7);
    Manifest two = read.manifests().get(1);
    assertAt(two.at(""), 8, 5);
    assertAt(two.at("/kind"), 9, 5);
    assertAt(two.valueAt("/stringData/token"), 13, 14);
    assertAt(two.at("/missing"), 8, 5); // falls back to the item, not to the List
  }

  @Test
  void anyKindEndingInListWithItemsIsUnwrapped() {
    String text =
        """
        apiVersion: v1
        kind: ConfigMapList
        items:
        - {apiVersion: v1, kind: ConfigMap, metadata: {name: a}}
        - {apiVersion: v1, kind: ConfigMap, metadata: {name: b}}
        """;
    assertThat(parse(text).manifests())
        .extracting(Manifest::display)
        .containsExactly("ConfigMap/a", "ConfigMap/b");
  }

  @Test
  void aDuplicateKeyInAListItemBelongsToThatItem() {
    String text =
        """
        apiVersion: v1
        kind: List
        items:
          - apiVersion: v1
            kind: ConfigMap
            metadata:
              name: one
          - apiVersion: v1
            kind: Secret
            metadata:
              name: two
            type: Opaque
            type: Opaque
        """;
    ManifestReader.Result read = parse(text);
    assertThat(read.problems()).hasSize(1);
    ManifestReader.Problem finding = read.problems().get(0);
    assertThat(finding.kind()).isEqualTo(ManifestReader.Kind.DUPLICATE_KEY);
    assertThat(finding.object()).isEqualTo("Secret/two");
    assertAt(finding.location(), 13, 5);
    assertThat(finding.message()).contains("\"type\"", "first on line 12");
  }

  // --- Merge keys ------------------------------------------------------------------------------

  private static final String MERGE =
      """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: x
        labels: &base
          a: "1"
          b: "2"
      data:
        <<: *base
        b: own
        c: "3"
      """;

  @Test
  void mergeKeysFillInWhatTheMappingDoesNotSet() {
    ManifestReader.Result read = parse(MERGE);
    assertThat(read.problems()).isEmpty();
    JsonNode data = read.manifests().get(0).object().get("data");
    assertThat(data.get("a").textValue()).isEqualTo("1");
    assertThat(data.get("b").textValue()).isEqualTo("own");
    assertThat(data.get("c").textValue()).isEqualTo("3");
    assertThat(data.has("<<")).isFalse();
    assertThat(data.size()).isEqualTo(3);
    // The anchor itself is unchanged.
    assertThat(read.manifests().get(0).object().at("/metadata/labels/b").textValue())
        .isEqualTo("2");
  }

  @Test
  void aMergeKeyListMergesEachMappingFirstOneWinning() {
    String text =
        """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: x
          labels: &one {a: "1", b: "1"}
          annotations: &two {b: "2", c: "2"}
        data:
          <<: [*one, *two]
        """;
    JsonNode data = parse(text).manifests().get(0).object().get("data");
    assertThat(data.get("a").textValue()).isEqualTo("1");
    assertThat(data.get("b").textValue()).isEqualTo("1");
    assertThat(data.get("c").textValue()).isEqualTo("2");
  }

  @Test
  void aMergedValueIsLocatedWhereItIsWritten() {
    Manifest manifest = parse(MERGE).manifests().get(0);
    assertAt(manifest.valueAt("/data/b"), 10, 6); // own value
    assertAt(manifest.at("/data/c"), 11, 3);
    assertAt(manifest.valueAt("/data/a"), 6, 8); // merged in from the anchor
  }

  @Test
  void aKeyTheMappingOverridesIsLocatedAtItsOwnKey() {
    Manifest manifest = parse(MERGE).manifests().get(0);
    assertAt(manifest.at("/data/b"), 10, 3);
  }

  // --- Duplicate keys --------------------------------------------------------------------------

  @Test
  void aDuplicateKeyIsAFindingAtTheSecondKeyNamingTheFirstLine() {
    String text =
        """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: x
        data:
          a: "1"
          b: "2"
          a: "3"
        """;
    ManifestReader.Result read = parse(text);
    assertThat(read.manifests()).hasSize(1);
    assertThat(read.problems()).hasSize(1);
    ManifestReader.Problem finding = read.problems().get(0);
    assertThat(finding.kind()).isEqualTo(ManifestReader.Kind.DUPLICATE_KEY);
    assertThat(finding.object()).isEqualTo("ConfigMap/x");
    assertAt(finding.location(), 8, 3);
    assertThat(finding.message())
        .isEqualTo("key \"a\" appears twice in one mapping (first on line 6); delete one of them");
  }

  @Test
  void aDuplicateKeyInALaterDocumentHasItsWholeFileLines() {
    String text =
        """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: first
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: second
          labels:
            app: a
            app: b
        """;
    ManifestReader.Result read = parse(text);
    assertThat(read.problems()).hasSize(1);
    ManifestReader.Problem finding = read.problems().get(0);
    assertThat(finding.object()).isEqualTo("ConfigMap/second");
    assertAt(finding.location(), 12, 5);
    assertThat(finding.message()).contains("\"app\"", "first on line 11");
  }

  @Test
  void aDuplicateKeyInJsonIsReported() {
    String text =
        "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\","
            + " \"metadata\": {\"name\": \"a\", \"name\": \"b\"}}";
    ManifestReader.Result read = parse(text);
    assertThat(read.problems())
        .extracting(ManifestReader.Problem::kind)
        .containsExactly(ManifestReader.Kind.DUPLICATE_KEY);
    // The second "name" key: after {"apiVersion": "v1", "kind": "ConfigMap", "metadata":
    // {"name": "a", (68 characters).
    assertAt(read.problems().get(0).location(), 1, 69);
  }

  @Test
  void aDuplicateKeyInAnAnchorIsReportedOnce() {
    String text =
        """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: x
          labels: &base
            a: "1"
            a: "2"
          annotations: *base
        """;
    ManifestReader.Result read = parse(text);
    assertThat(read.problems()).hasSize(1);
    assertAt(read.problems().get(0).location(), 7, 5);
  }

  // --- Documents that cannot be read -----------------------------------------------------------

  @Test
  void aSyntaxErrorIsAParseErrorAtItsPosition() {
    String text =
        """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: x
          labels: a: b
        """;
    ManifestReader.Result read = parse(text);
    assertThat(read.problems()).hasSize(1);
    ManifestReader.Problem finding = read.problems().get(0);
    assertThat(finding.kind()).isEqualTo(ManifestReader.Kind.PARSE_ERROR);
    assertThat(finding.object()).isEmpty();
    assertAt(finding.location(), 5, 12); // the second colon
    assertThat(finding.message())
        .startsWith("YAML syntax error: ")
        .contains("mapping values are not allowed");
  }

  @Test
  void aSyntaxErrorInTheSecondDocumentKeepsTheFirstAndPointsIntoTheSecond() {
    String text =
        """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: one
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: [two
        """;
    ManifestReader.Result read = parse(text);
    assertThat(read.manifests()).extracting(Manifest::display).containsExactly("ConfigMap/one");
    assertThat(read.problems()).hasSize(1);
    ManifestReader.Problem finding = read.problems().get(0);
    assertThat(finding.kind()).isEqualTo(ManifestReader.Kind.PARSE_ERROR);
    assertAt(finding.location(), 10, 1); // the end of the text, where "]" was expected
    assertThat(finding.message()).contains("flow sequence", "line 9, column 9");
  }

  @Test
  void aTabIndentIsAParseError() {
    ManifestReader.Result read = parse("apiVersion: v1\nkind: ConfigMap\nmetadata:\n\tname: x\n");
    assertThat(read.problems())
        .extracting(ManifestReader.Problem::kind)
        .containsExactly(ManifestReader.Kind.PARSE_ERROR);
    assertAt(read.problems().get(0).location(), 4, 1);
  }

  @Test
  void aDocumentThatIsAListIsReported() {
    String text =
        """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: one
        ---
        - apiVersion: v1
          kind: ConfigMap
        """;
    ManifestReader.Result read = parse(text);
    assertThat(read.manifests()).extracting(Manifest::display).containsExactly("ConfigMap/one");
    assertThat(read.problems()).hasSize(1);
    ManifestReader.Problem finding = read.problems().get(0);
    assertThat(finding.kind()).isEqualTo(ManifestReader.Kind.PARSE_ERROR);
    assertAt(finding.location(), 6, 1);
    assertThat(finding.message())
        .isEqualTo("a document must be a mapping (one Kubernetes object), not a list");
  }

  @Test
  void aDocumentThatIsAScalarIsReported() {
    ManifestReader.Result read = parse("---\njust some text\n---\n42\n");
    assertThat(read.manifests()).isEmpty();
    assertThat(read.problems())
        .extracting(ManifestReader.Problem::message)
        .containsExactly(
            "a document must be a mapping (one Kubernetes object), not a string",
            "a document must be a mapping (one Kubernetes object), not a number");
    assertAt(read.problems().get(0).location(), 2, 1);
    assertAt(read.problems().get(1).location(), 4, 1);
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void billionLaughsIsRefusedWithAParseError() {
    StringBuilder text = new StringBuilder("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    char previous = 'a';
    for (char c = 'b'; c <= 'i'; c++) {
      text.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 9; i++) {
        text.append(i == 0 ? "" : ", ").append('*').append(previous);
      }
      text.append("]\n");
      previous = c;
    }
    ManifestReader.Result read = parse(text.toString());
    assertThat(read.manifests()).isEmpty();
    assertThat(read.problems())
        .extracting(ManifestReader.Problem::kind)
        .containsExactly(ManifestReader.Kind.PARSE_ERROR);
    assertThat(read.problems().get(0).message()).containsIgnoringCase("alias");
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void anAliasBombUnderTheAliasLimitIsRefusedByItsSize() {
    // 12 levels of 4 aliases: 48 aliases, but 4^12 (16 million) nodes once expanded.
    StringBuilder text = new StringBuilder("l0: &l0 [x, x, x, x]\n");
    for (int i = 1; i <= 12; i++) {
      String previous = "*l" + (i - 1);
      text.append("l")
          .append(i)
          .append(": &l")
          .append(i)
          .append(" [")
          .append(String.join(", ", previous, previous, previous, previous))
          .append("]\n");
    }
    ManifestReader.Result read = parse(text.toString());
    assertThat(read.manifests()).isEmpty();
    assertThat(read.problems())
        .extracting(ManifestReader.Problem::kind)
        .containsExactly(ManifestReader.Kind.PARSE_ERROR);
    assertThat(read.problems().get(0).message()).contains("aliases", "refused");
  }

  // --- JSON, BOM -------------------------------------------------------------------------------

  @Test
  void readsJsonWithPositions() {
    String text =
        """
        {
          "apiVersion": "v1",
          "kind": "ConfigMap",
          "metadata": {
            "name": "j"
          },
          "data": {"replicas": "3", "count": 3}
        }
        """;
    ManifestReader.Result read = parse(text);
    assertThat(read.problems()).isEmpty();
    Manifest manifest = read.manifests().get(0);
    assertThat(manifest.display()).isEqualTo("ConfigMap/j");
    assertThat(manifest.object().at("/data/replicas").isTextual()).isTrue();
    assertThat(manifest.object().at("/data/count").isIntegralNumber()).isTrue();
    assertAt(manifest.at("/metadata/name"), 5, 5);
    assertAt(manifest.valueAt("/metadata/name"), 5, 13);
  }

  @Test
  void aByteOrderMarkIsIgnoredInText() {
    ManifestReader.Result read =
        parse("\uFEFFapiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n");
    assertThat(read.problems()).isEmpty();
    Manifest manifest = read.manifests().get(0);
    assertThat(manifest.apiVersion()).isEqualTo("v1");
    assertThat(manifest.object().has("\uFEFFapiVersion")).isFalse();
    assertAt(manifest.at("/kind"), 2, 1);
    assertAt(manifest.at("/metadata/name"), 4, 3);
  }

  @Test
  void aFileWithAUtf8ByteOrderMarkIsRead() throws IOException {
    Path file = tmp.resolve("bom.yaml");
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] body =
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[bom.length + body.length];
    System.arraycopy(bom, 0, bytes, 0, bom.length);
    System.arraycopy(body, 0, bytes, bom.length, body.length);
    Files.write(file, bytes);

    ManifestReader.Result read = ManifestReader.read(file, "m.yaml");
    assertThat(read.problems()).isEmpty();
    assertThat(read.manifests()).extracting(Manifest::display).containsExactly("ConfigMap/b");
    assertAt(read.manifests().get(0).at("/apiVersion"), 1, 1);
    assertAt(read.manifests().get(0).at("/metadata/name"), 4, 3);
  }

  // --- display() -------------------------------------------------------------------------------

  @Test
  void displayNamesKindAndNameOrGenerateNameOrAQuestionMark() {
    String text =
        """
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          generateName: web-
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: fixed
          generateName: web-
        ---
        apiVersion: v1
        kind: Pod
        metadata: {}
        ---
        apiVersion: v1
        metadata:
          name: 5
        """;
    assertThat(parse(text).manifests())
        .extracting(Manifest::display)
        .containsExactly("Pod/web", "Pod/web-*", "Pod/fixed", "Pod/?", "?/?");
  }

  // --- Regression cases: YAML as go-yaml v2 and sigs.k8s.io/yaml read it (8695e61) -------------

  @Test
  void goOctalIntegersWithTheZeroOPrefixAreNumbers() {
    String text =
        """
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          volumes:
            - name: c
              configMap:
                name: c
                defaultMode: 0o644
        """;
    ManifestReader.Result read = parse(text);
    assertThat(read.problems()).isEmpty();
    assertInteger(
        read.manifests().get(0).object().at("/spec/volumes/0/configMap/defaultMode"), 420);
    assertInteger(value("-0o10"), -8);
    assertThat(value("\"0o644\"").textValue()).isEqualTo("0o644");
  }

  @Test
  void aMergeKeyOverwritesTheKeysBeforeItAndTheKeysAfterItWin() {
    String text =
        """
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          hostNetwork: false
          <<: {hostNetwork: true, hostPID: true}
          hostPID: false
        """;
    ManifestReader.Result read = parse(text);
    assertThat(read.problems()).isEmpty();
    Manifest manifest = read.manifests().get(0);
    JsonNode spec = manifest.object().get("spec");
    assertThat(spec.get("hostNetwork").booleanValue()).isTrue();
    assertThat(spec.get("hostPID").booleanValue()).isFalse();
    assertThat(spec.has("<<")).isFalse();
    // Each value is located where the value that counts is written.
    assertAt(manifest.valueAt("/spec/hostNetwork"), 7, 21);
    assertAt(manifest.at("/spec/hostPID"), 8, 3);
    assertAt(manifest.valueAt("/spec/hostPID"), 8, 12);
  }

  @Test
  void aMergeKeyListStandsWhereItIsWrittenAndItsFirstMappingWins() {
    String text =
        """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: x
          labels: &one {a: "1", b: "1"}
          annotations: &two {b: "2", c: "2"}
        data:
          b: own
          c: own
          <<: [*one, *two]
          a: last
        """;
    ManifestReader.Result read = parse(text);
    assertThat(read.problems()).isEmpty();
    JsonNode data = read.manifests().get(0).object().get("data");
    assertThat(data.get("a").textValue()).isEqualTo("last");
    assertThat(data.get("b").textValue()).isEqualTo("1");
    assertThat(data.get("c").textValue()).isEqualTo("2");
    assertThat(data.size()).isEqualTo(3);
  }

  @Test
  void yesAndOnAsKeysAreBothTheKeyTrueAndReportedAsADuplicate() {
    String text =
        """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: c
        data:
          yes: "a"
          on: "b"
        """;
    ManifestReader.Result read = parse(text);
    JsonNode data = read.manifests().get(0).object().get("data");
    assertThat(data.size()).isEqualTo(1);
    assertThat(data.get("true").textValue()).isEqualTo("b");
    assertThat(data.has("yes")).isFalse();
    assertThat(data.has("on")).isFalse();
    assertThat(read.problems()).hasSize(1);
    ManifestReader.Problem finding = read.problems().get(0);
    assertThat(finding.kind()).isEqualTo(ManifestReader.Kind.DUPLICATE_KEY);
    assertThat(finding.object()).isEqualTo("ConfigMap/c");
    assertAt(finding.location(), 7, 3);
    assertThat(finding.message()).contains("\"true\"", "first on line 6");
  }

  @Test
  void keysAreResolvedAsScalarsThenWrittenAsText() {
    String text =
        """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: c
        data:
          no: "a"
          "yes": "b"
          0x10: "c"
        """;
    ManifestReader.Result read = parse(text);
    assertThat(read.problems()).isEmpty();
    JsonNode data = read.manifests().get(0).object().get("data");
    assertThat(data.get("false").textValue()).isEqualTo("a");
    assertThat(data.get("yes").textValue()).isEqualTo("b");
    assertThat(data.get("16").textValue()).isEqualTo("c");
    assertThat(data.size()).isEqualTo(3);
  }

  @Test
  void aListInAListIsFlattenedAndItsObjectsKeepTheirOwnPositions() {
    String text =
        """
        apiVersion: v1
        kind: List
        items:
          - apiVersion: v1
            kind: List
            items:
              - apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: inner
                data:
                  k: v
          - apiVersion: v1
            kind: Secret
            metadata:
              name: outer
        """;
    ManifestReader.Result read = parse(text);
    assertThat(read.problems()).isEmpty();
    assertThat(read.manifests())
        .extracting(Manifest::display)
        .containsExactly("ConfigMap/inner", "Secret/outer");
    Manifest inner = read.manifests().get(0);
    assertThat(inner.object().has("items")).isFalse();
    assertAt(inner.at(""), 7, 9);
    assertAt(inner.at("/metadata/name"), 10, 11);
    assertAt(inner.valueAt("/data/k"), 12, 14);
    assertAt(inner.at("/missing"), 7, 9); // falls back to the ConfigMap, not to either List
    // The lines the ConfigMap owns start at its own first line, not at the inner List's.
    assertThat(inner.owns(lineOf(7), inner.display())).isTrue();
    assertThat(inner.owns(lineOf(12), inner.display())).isTrue();
    assertThat(inner.owns(lineOf(6), inner.display())).isFalse();
    assertThat(inner.owns(lineOf(4), inner.display())).isFalse();
    Manifest outer = read.manifests().get(1);
    assertAt(outer.at(""), 13, 5);
    assertAt(outer.at("/metadata/name"), 16, 7);
  }

  /** A location on {@code line} of m.yaml. */
  private static Location lineOf(int line) {
    return new Location("m.yaml", line, 1, "");
  }
}
