package io.syncgen.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.syncgen.GoldenDiff;
import io.syncgen.cli.Run;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code syncgen plan} on crafted sets (every kind of Argo CD's kind order, waves read as Argo CD
 * reads them, every hook type, the Namespace and CRD moves), in every format, compared with the
 * expected files under {@code src/test/resources/plan/<set>/}. Each set's {@code input.yaml} says
 * in its header what the plan must show; the expected text plans were read against it. {@code mvn
 * test -Dgolden.update=true} rewrites them; read the diff before committing.
 */
class PlanGoldenTest {
  private static final Path ROOT = Path.of("src/test/resources/plan");
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");
  private static final Map<String, String> FORMATS =
      Map.of("text", "txt", "json", "json", "mermaid", "mmd", "dot", "dot");

  @TestFactory
  Stream<DynamicTest> everySetInEveryFormat() throws IOException {
    List<Path> sets;
    try (Stream<Path> list = Files.list(ROOT)) {
      sets = list.filter(Files::isDirectory).sorted().toList();
    }
    assertThat(sets).hasSizeGreaterThanOrEqualTo(4);
    if (!UPDATE) {
      for (Path set : sets) {
        assertThat(files(set))
            .as("%s holds input.yaml and one expected file per format, nothing else", set)
            .containsExactlyInAnyOrderElementsOf(expectedFiles());
      }
    }
    return sets.stream()
        .flatMap(
            set ->
                FORMATS.entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .map(
                        f ->
                            DynamicTest.dynamicTest(
                                set.getFileName() + " " + f.getKey(),
                                () -> check(set, f.getKey(), f.getValue()))));
  }

  private static void check(Path set, String format, String extension) throws IOException {
    Run first = Run.of("plan", "--format", format, set.resolve("input.yaml").toString());
    Run second = Run.of("plan", "--format", format, set.resolve("input.yaml").toString());
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.err()).isEmpty();
    assertThat(second.out()).as("planning twice is byte-identical").isEqualTo(first.out());
    Path expected = set.resolve("expected." + extension);
    if (UPDATE) {
      Files.writeString(expected, first.out(), StandardCharsets.UTF_8);
      return;
    }
    String want = Files.readString(expected, StandardCharsets.UTF_8).replace("\r\n", "\n");
    if (!want.equals(first.out())) {
      fail(
          "mismatch: plan --format %s of %s\n%s\n(rewrite with mvn test -Dgolden.update=true, then"
              + " read the diff)",
          format, set, GoldenDiff.unified(expected.toString(), want, first.out()));
    }
  }

  private static List<String> expectedFiles() {
    List<String> names = new ArrayList<>(List.of("input.yaml"));
    FORMATS.values().forEach(extension -> names.add("expected." + extension));
    return names;
  }

  private static List<String> files(Path dir) throws IOException {
    try (Stream<Path> list = Files.list(dir)) {
      return list.map(p -> p.getFileName().toString()).toList();
    }
  }

  @Test
  void theReadmeShowsThePlanOfTheExampleAsGithubDrawsIt() throws IOException {
    Run run = Run.of("plan", "--format", "mermaid", "golden/example/app.yaml");
    assertThat(run.exitCode()).isZero();
    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    assertThat(readme).contains("```mermaid\n" + run.out() + "```\n");
  }

  @Test
  void anUnknownFormatIsAUsageError() {
    Run run = Run.of("plan", "--format", "svg", "golden/example/app.yaml");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("--format must be text, json, mermaid or dot, not 'svg'");
  }
}
