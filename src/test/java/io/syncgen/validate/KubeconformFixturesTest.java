package io.syncgen.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.syncgen.ManifestInputs;
import io.syncgen.Syncgen;
import io.syncgen.descriptor.Overrides;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * syncgen's schema verdicts agree with kubeconform {@code -strict} on kubeconform's own fixtures
 * (../shared/conformance/kubeconform, beside the schema folder {@link KubeconformSchemas} reads):
 * {@code expected.tsv} gives each object's verdict, traced to kubeconform's acceptance tests. An
 * object is invalid for syncgen when a finding of the schema rules ({@link Rule.Group#SCHEMA}:
 * reading, no schema, unknown field, type) concerns it; a row for {@code *} speaks of the whole
 * file. Skipped without the folder, failed under {@code CI=true}.
 */
class KubeconformFixturesTest {
  /**
   * One row of expected.tsv.
   *
   * @param file the fixture, relative to fixtures/
   * @param object {@code Kind/name}, {@code Kind/name@apiVersion}, or {@code *}
   * @param valid kubeconform's verdict
   * @param flags syncgen flags the row needs ({@code --ignore-missing-schemas})
   */
  record Row(String file, String object, boolean valid, String flags) {
    @Override
    public String toString() {
      return file + " " + object + (flags.isEmpty() ? "" : " " + flags);
    }
  }

  static Path conformance() {
    return KubeconformSchemas.folder().resolveSibling("conformance").resolve("kubeconform");
  }

  static Stream<Row> rows() throws IOException {
    List<Row> rows = new ArrayList<>();
    for (String line : Files.readAllLines(conformance().resolve("expected.tsv"))) {
      if (line.startsWith("#") || line.isBlank()) {
        continue;
      }
      String[] f = line.split("\t", -1);
      rows.add(new Row(f[0], f[1], f[2].equals("valid"), f.length > 4 ? f[4].strip() : ""));
    }
    return rows.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void syncgenAgreesWithKubeconform(Row row) throws Exception {
    Path file = conformance().resolve("fixtures").resolve(row.file());
    Validator.Options options =
        new Validator.Options(
            Set.of(), Validator.PodSecurity.BASELINE, row.flags().contains("ignore-missing"));
    Validator.Report report;
    List<Finding> schema;
    try {
      report = Syncgen.validate(ManifestInputs.read(List.of(file), Overrides.NONE), options);
      schema =
          report.findings().stream()
              .filter(f -> f.rule().group() == Rule.Group.SCHEMA)
              .filter(f -> f.severity() == io.syncgen.diagnostic.Severity.ERROR)
              .toList();
    } catch (io.syncgen.diagnostic.DiagnosticException unreadable) {
      assertThat(row.valid())
          .as("%s could not be read: %s", row, unreadable.getMessage())
          .isFalse();
      return;
    }
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    boolean invalid =
        row.object().equals("*")
            ? !schema.isEmpty()
            : schema.stream().anyMatch(f -> concerns(f, row.object(), lines));
    assertThat(!invalid)
        .as("%s: syncgen's schema findings: %s", row, schema.stream().map(Finding::format).toList())
        .isEqualTo(row.valid());
  }

  /**
   * Whether a finding concerns {@code Kind/name}, or {@code Kind/name@apiVersion}: then the
   * document it is in must declare that apiVersion (two objects of one name, told apart by it).
   */
  private static boolean concerns(Finding finding, String object, List<String> lines) {
    String[] parts = object.split("@", 2);
    if (!finding.object().equals(parts[0])) {
      return false;
    }
    if (parts.length == 1) {
      return true;
    }
    int line = finding.location().line() - 1;
    int start = line;
    while (start > 0 && !lines.get(start).startsWith("---")) {
      start--;
    }
    int end = line;
    while (end + 1 < lines.size() && !lines.get(end + 1).startsWith("---")) {
      end++;
    }
    return lines.subList(start, end + 1).stream()
        .anyMatch(l -> l.strip().equals("apiVersion: " + parts[1]));
  }
}
