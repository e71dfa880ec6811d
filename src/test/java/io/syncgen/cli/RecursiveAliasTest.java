package io.syncgen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An alias inside the node it names ({@code data: &a [*a]}, {@code metadata: &m {name: x, <<: *m}})
 * makes a node that contains itself; every reader walked it until the stack overflowed. Through
 * every command that reads YAML, it is a located error at the alias, exit 1; a stray file holding
 * one beside a good descriptor does not break the plugin.
 */
class RecursiveAliasTest {
  private static final Path EXAMPLE = Path.of("golden/example/app.yaml");

  /** A ConfigMap whose data is a list that holds itself: the alias is at line 4, column 11. */
  private static final String SELF_LIST =
      "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: &a [*a]\n";

  /** A ConfigMap whose metadata merges itself: the alias is at line 3, column 28. */
  private static final String SELF_MERGE =
      "apiVersion: v1\nkind: ConfigMap\nmetadata: &m {name: x, <<: *m}\n";

  @TempDir Path tmp;

  static Stream<Arguments> manifestsHoldingThemselves() {
    return Stream.of("validate", "plan")
        .flatMap(
            command ->
                Stream.of(
                    Arguments.of(command, "a list", SELF_LIST, "4:11", "a"),
                    Arguments.of(command, "a merge", SELF_MERGE, "3:28", "m")));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("manifestsHoldingThemselves")
  void aManifestHoldingItselfIsALocatedParseError(
      String command, String what, String yaml, String at, String anchor) throws IOException {
    Path file = write("cm.yaml", yaml);
    assertRefused(Run.of(command, file.toString()), file + ":" + at, anchor);
  }

  @Test
  void validateOfADirectoryReportsTheFileAndChecksTheOthers() throws IOException {
    write("d/cm.yaml", SELF_LIST);
    write("d/ok.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ok}\n");
    Run run = Run.of("validate", tmp.resolve("d").toString());
    assertRefused(run, tmp.resolve("d/cm.yaml") + ":4:11", "a");
    assertThat(run.out()).contains("checked 1 object");
  }

  /**
   * Descriptor edits of golden/example/app.yaml, each a node holding itself; where the alias is.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "metadata merged into itself | 3 | metadata: &m {name: x, <<: *m} | 3:28 | m",
        "env holding itself | 10 | '  env: &e [*e]' | 10:12 | e",
        "affinity holding itself | 10 | '  pod: {affinity: &f {nodeAffinity: *f}}' | 10:37 | f",
      })
  void aDescriptorHoldingItselfIsALocatedError(
      String name, int line, String text, String at, String anchor) throws IOException {
    Path file = write("app.yaml", edit(line, text));
    Run run = Run.of("render", file.toString());
    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .startsWith(file + ":" + at + ": error: recursive alias: *" + anchor + " stands inside");
  }

  @Test
  void renderOfADirectoryIgnoresAStrayFileAndReportsABrokenDescriptor() throws IOException {
    write("apps/a/app.yaml", example());
    write("apps/a/stray.yaml", SELF_MERGE);
    Run good = Run.of("render", tmp.resolve("apps").toString(), "-o", tmp + "/out");
    assertThat(good.exitCode()).as(good.err()).isZero();

    Path broken = write("apps/b/app.yaml", edit(10, "  env: &e [*e]"));
    Run run = Run.of("render", tmp.resolve("apps").toString(), "-o", tmp + "/out2");
    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    assertThat(run.err()).startsWith(broken + ":10:12: error: recursive alias: *e");
    assertThat(tmp.resolve("out2")).doesNotExist();
  }

  @Test
  void aStrayFileBesideTheDescriptorDoesNotBreakThePlugin() throws IOException {
    write("src/app.yaml", example());
    write("src/stray.yaml", SELF_LIST);
    write("src/other.yaml", SELF_MERGE);
    String dir = tmp.resolve("src").toString();

    Run discover = Run.of("cmp", "discover", "--dir", dir);
    assertThat(discover.out()).isEqualTo("app.yaml\n");
    Run generate = Run.of("cmp", "generate", "--dir", dir);
    assertThat(generate.exitCode()).as(generate.err()).isZero();
    assertThat(generate.out()).contains("kind: Deployment");
    Run parameters = Run.of("cmp", "parameters", "--dir", dir);
    assertThat(parameters.exitCode()).as(parameters.err()).isZero();
    assertThat(parameters.out()).contains("\"name\":\"image-tag\"");
  }

  @Test
  void thePluginReportsADescriptorHoldingItselfWhereItIs() throws IOException {
    write("src/app.yaml", edit(3, "metadata: &m {name: x, <<: *m}"));
    String dir = tmp.resolve("src").toString();

    assertThat(Run.of("cmp", "discover", "--dir", dir).out()).isEqualTo("app.yaml\n");
    for (String command : new String[] {"generate", "parameters"}) {
      Run run = Run.of("cmp", command, "--dir", dir);
      assertThat(run.exitCode()).as(command + ": " + run.err()).isEqualTo(1);
      assertThat(run.out()).as(command).isEmpty();
      assertThat(run.err()).as(command).startsWith("app.yaml:3:28: error: recursive alias: *m");
    }
  }

  private static void assertRefused(Run run, String at, String anchor) {
    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
    assertThat(run.out() + run.err())
        .contains(
            at
                + ": error: [parse-error] recursive alias: *"
                + anchor
                + " stands inside the node anchored &"
                + anchor);
  }

  private static String example() throws IOException {
    return Files.readString(EXAMPLE, StandardCharsets.UTF_8);
  }

  /**
   * golden/example/app.yaml with {@code text} as its line {@code line}: line 3 replaces the whole
   * metadata block (lines 3 to 5), other lines are inserted before the example's own.
   */
  private static String edit(int line, String text) throws IOException {
    String example = Files.readString(EXAMPLE, StandardCharsets.UTF_8);
    if (line == 3) {
      String metadata = "metadata:\n  name: myapp-api\n  namespace: myapp\n";
      assertThat(example).contains(metadata);
      return example.replace(metadata, text + "\n");
    }
    List<String> lines = new ArrayList<>(List.of(example.split("\n", -1)));
    lines.add(line - 1, text);
    return String.join("\n", lines);
  }

  private Path write(String name, String text) throws IOException {
    Path file = tmp.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }
}
