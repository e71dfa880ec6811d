package io.syncgen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Findings point where an editor, {@code grep -n} and {@code sed -n} see the problem: lines end at
 * LF, CRLF or CR only, although SnakeYAML also counts U+0085, U+2028 and U+2029 as line breaks; a
 * character YAML does not allow and a limit reached (aliases, nesting) are reported where they are,
 * not at 1:1.
 */
class LocationTest {
  private static final Path EXAMPLE = Path.of("golden/example/app.yaml");

  @TempDir Path tmp;

  @ParameterizedTest(name = "U+{0}")
  @ValueSource(strings = {"0085", "2028", "2029"})
  void aUnicodeLineSeparatorDoesNotShiftTheLinesOfADescriptor(String codePoint) throws IOException {
    String separator = Character.toString(Integer.parseInt(codePoint, 16));
    // Line 1 holds the separator inside a comment; the port is on line 10 of the file.
    String text = "# owner: team" + separator + "# payments\n" + example();
    Path file = write("app.yaml", text.replace("port: 8080", "port: 70000"));
    assertThat(lineOf(file, "  port: 70000")).isEqualTo(10);

    Run run = Run.of("render", file.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).startsWith(file + ":10:9: error: spec.port must be between 1 and 65535");
    assertThat(run.err().lines().skip(1).findFirst()).contains("  port: 70000");
  }

  @ParameterizedTest(name = "U+{0}")
  @ValueSource(strings = {"0085", "2028", "2029"})
  void aUnicodeLineSeparatorInAStringDoesNotShiftTheLinesOfAManifest(String codePoint)
      throws IOException {
    String separator = Character.toString(Integer.parseInt(codePoint, 16));
    Path file =
        write(
            "cm.yaml",
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n"
                + "data:\n  a: \"one"
                + separator
                + "two\"\n  a: again\n");
    Run run = Run.of("validate", file.toString());
    assertThat(run.out())
        .contains(file + ":7:3: error: [duplicate-key] ConfigMap/x: key \"a\" appears twice")
        .contains("(first on line 6)");
  }

  @Test
  void aControlCharacterIsReportedWhereItIs() throws IOException {
    Path file =
        write(
            "cm.yaml",
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata:\n  a: \"x\u0007y\"\n");
    Run run = Run.of("validate", file.toString());
    assertThat(run.out())
        .startsWith(
            file
                + ":5:8: error: [parse-error] YAML does not allow the character U+0007 here (a"
                + " control character); remove it, or write it as \\x07 inside a double-quoted"
                + " string");

    Path descriptor = write("app.yaml", example().replace("port: 8080", "port: 8080\u001b"));
    Run render = Run.of("render", descriptor.toString());
    assertThat(render.exitCode()).isEqualTo(1);
    assertThat(render.err()).startsWith(descriptor + ":9:13: error: YAML does not allow");
  }

  @Test
  void theAliasLimitOfManifestsIsReportedAtTheAliasBeyondIt() throws IOException {
    StringBuilder yaml =
        new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n");
    yaml.append("l: &l [a]\ndata:\n");
    for (int i = 0; i <= 50; i++) {
      yaml.append("  k").append(i).append(": *l\n");
    }
    Path file = write("cm.yaml", yaml.toString());
    Run run = Run.of("validate", file.toString());
    // The 51st alias to a list, on line 56 (the limit is 50).
    assertThat(run.out()).startsWith(file + ":56:8: error: [parse-error] YAML refused: Number");
  }

  @Test
  void theContextOfASyntaxErrorCountsEditorLines() throws IOException {
    Path file = write("cm.yaml", "a: \"x\u2028y\"\nkey: [1, 2\nother: x\n");
    Run run = Run.of("validate", file.toString());
    assertThat(run.out())
        .contains("(while parsing a flow sequence that starts at line 2, column 6)");
  }

  private static String example() throws IOException {
    return Files.readString(EXAMPLE, StandardCharsets.UTF_8);
  }

  /** The 1-based line of {@code line} in the file, as {@code grep -n} counts. */
  private static int lineOf(Path file, String line) throws IOException {
    return Files.readAllLines(file, StandardCharsets.UTF_8).indexOf(line) + 1;
  }

  private Path write(String name, String text) throws IOException {
    Path file = tmp.resolve(name);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }
}
