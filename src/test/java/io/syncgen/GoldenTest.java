package io.syncgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.syncgen.cli.Run;
import io.syncgen.output.ManifestDirectory;
import io.syncgen.output.OutputLock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders every scenario under {@code golden/} through the command line and compares the result
 * with its {@code expected/} folder: one {@code <kind>-<name>.yaml} per object, or {@code
 * stderr.txt} and {@code exit-code} for a scenario that must fail. A scenario that renders also has
 * {@code validate.txt}, the output of {@code syncgen validate} on it, which must report no errors.
 * {@code mvn test -Dgolden.update=true} rewrites the expected files (never in CI); read the diff
 * before committing.
 *
 * <p>A scenario may also hold {@code args}: extra command-line arguments, one per line (no shell
 * quoting, so a value may contain spaces), such as {@code --env} and {@code prod}. They are passed
 * to {@code render} (with and without {@code -o}) and to {@code validate}, after the descriptor.
 */
class GoldenTest {
  static final Path GOLDEN = Path.of("golden");
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");
  private static final String STDERR = "stderr.txt";
  private static final String EXIT_CODE = "exit-code";
  private static final String VALIDATE = "validate.txt";
  private static final String ARGS = "args";

  @TempDir Path tmp;

  /** Every folder of golden/, for other tests that check each scenario. */
  static List<Path> scenarios() throws IOException {
    try (Stream<Path> dirs = Files.list(GOLDEN)) {
      return dirs.filter(Files::isDirectory).sorted().toList();
    }
  }

  @Test
  void everyScenarioHasADescriptorAndExpectedFiles() throws IOException {
    List<Path> scenarios = scenarios();
    assertThat(scenarios).hasSizeGreaterThanOrEqualTo(10);
    for (Path scenario : scenarios) {
      assertThat(scenario.resolve("app.yaml")).as("descriptor of %s", scenario).isRegularFile();
      if (!UPDATE) {
        assertThat(scenario.resolve("expected")).as("expected/ of %s", scenario).isDirectory();
      }
      try (Stream<Path> files = Files.list(scenario)) {
        assertThat(files.map(p -> p.getFileName().toString()))
            .as("only app.yaml, expected/ and an optional args in %s", scenario)
            .isSubsetOf("app.yaml", "expected", ARGS)
            .contains("app.yaml");
      }
    }
  }

  @TestFactory
  Stream<DynamicTest> scenariosRenderAsExpected() throws IOException {
    return scenarios().stream()
        .map(s -> DynamicTest.dynamicTest(s.getFileName().toString(), () -> check(s)));
  }

  private void check(Path scenario) throws IOException {
    Path out = tmp.resolve(scenario.getFileName().toString()).resolve("out");
    String descriptor = scenario.resolve("app.yaml").toString();
    List<String> extra = args(scenario);
    Run run = Run.of(command("render", extra, descriptor, "-o", out.toString()));
    Map<String, String> actual = new TreeMap<>();
    if (run.exitCode() == 0) {
      try (Stream<Path> files = Files.list(out)) {
        for (Path file : files.sorted().toList()) {
          String name = file.getFileName().toString();
          if (!name.equals(ManifestDirectory.INDEX) && !name.equals(OutputLock.NAME)) {
            actual.put(name, Files.readString(file, StandardCharsets.UTF_8));
          }
        }
      }
      checkStreamMatchesFiles(command("render", extra, descriptor), actual);
      Run validate = Run.of(command("validate", extra, descriptor));
      assertThat(validate.exitCode()).as("rendered output validates without errors").isZero();
      assertThat(validate.err()).isEmpty();
      actual.put(VALIDATE, validate.out());
    } else {
      actual.put(STDERR, run.err());
      actual.put(EXIT_CODE, run.exitCode() + "\n");
      assertThat(out).as("a failed render writes nothing").doesNotExist();
    }
    Path expected = scenario.resolve("expected");
    if (UPDATE) {
      rewrite(expected, actual);
      return;
    }
    compare(expected, actual);
  }

  /** Without -o the same objects come out as one stream, and twice the same bytes. */
  private static void checkStreamMatchesFiles(String[] render, Map<String, String> files) {
    Run first = Run.of(render);
    Run second = Run.of(render);
    assertThat(first.exitCode()).isZero();
    assertThat(first.err().lines())
        .as("render prints nothing but the warnings of its own validation")
        .allMatch(line -> line.contains(": warning: ["));
    assertThat(second.out()).as("rendering twice is byte-identical").isEqualTo(first.out());
    assertThat(first.out()).startsWith("---\n");
    List<String> documents = Arrays.asList(first.out().substring(4).split("\n---\n", -1));
    List<String> normalised = documents.stream().map(d -> d.endsWith("\n") ? d : d + "\n").toList();
    assertThat(normalised).containsExactlyInAnyOrderElementsOf(files.values());
  }

  /** The scenario's {@code args} file, one argument per non-empty line; none without it. */
  private static List<String> args(Path scenario) throws IOException {
    Path file = scenario.resolve(ARGS);
    if (!Files.exists(file)) {
      return List.of();
    }
    return Files.readString(file, StandardCharsets.UTF_8)
        .lines()
        .filter(l -> !l.isBlank())
        .toList();
  }

  /** {@code name args... extra...}: a command line with the scenario's arguments at the end. */
  private static String[] command(String name, List<String> extra, String... args) {
    List<String> all = new ArrayList<>(List.of(name));
    all.addAll(List.of(args));
    all.addAll(extra);
    return all.toArray(String[]::new);
  }

  private static void compare(Path expectedDir, Map<String, String> actual) throws IOException {
    Map<String, String> expected = new TreeMap<>();
    try (Stream<Path> files = Files.list(expectedDir)) {
      for (Path file : files.toList()) {
        expected.put(file.getFileName().toString(), Files.readString(file).replace("\r\n", "\n"));
      }
    }
    List<String> problems = new ArrayList<>();
    for (String name : expected.keySet()) {
      if (!actual.containsKey(name)) {
        problems.add("missing: " + expectedDir.resolve(name) + " was expected but not produced");
      }
    }
    for (var entry : actual.entrySet()) {
      Path golden = expectedDir.resolve(entry.getKey());
      String want = expected.get(entry.getKey());
      if (want == null) {
        problems.add("extra: " + golden + " was produced but is not in the golden folder");
      } else if (!want.equals(entry.getValue())) {
        problems.add(
            "mismatch: "
                + golden
                + "\n"
                + GoldenDiff.unified(golden.toString(), want, entry.getValue()));
      }
    }
    if (!problems.isEmpty()) {
      fail(
          String.join("\n", problems)
              + "\n(rewrite with mvn test -Dgolden.update=true, then read the diff)");
    }
  }

  private static void rewrite(Path expectedDir, Map<String, String> actual) throws IOException {
    if (Files.isDirectory(expectedDir)) {
      try (Stream<Path> files = Files.list(expectedDir)) {
        for (Path file : files.toList()) {
          Files.delete(file);
        }
      }
    }
    Files.createDirectories(expectedDir);
    for (var entry : actual.entrySet()) {
      Files.writeString(
          expectedDir.resolve(entry.getKey()), entry.getValue(), StandardCharsets.UTF_8);
    }
  }
}
