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
 * A double-quoted {@code "\ud800"} is half of a UTF-16 surrogate pair, not a character: SnakeYAML
 * reads it, but go-yaml (kubectl, Argo CD) refuses the whole stream. It is refused where it is
 * written, in a descriptor, a {@code --set} value and a manifest; whole characters (written as
 * such, or as a pair of escapes, which SnakeYAML joins) are kept.
 */
class LoneSurrogateTest {
  private static final Path EXAMPLE = Path.of("golden/example/app.yaml");
  private static final String REFUSED =
      "error: this string holds %s, half of a UTF-16 surrogate pair and not a character";

  @TempDir Path tmp;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"\\ud800", "\\udfff", "a\\ud83d", "\\U0000dc00"})
  void aDescriptorWithALoneSurrogateIsRefusedWhereTheStringIs(String escape) throws IOException {
    // Line 4 becomes "  annotations: {team: "..."}"; the string starts at column 23.
    Path file = descriptor("  annotations: {team: \"" + escape + "\"}\n");
    Run run = Run.of("render", file.toString());
    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    String half = escape.substring(escape.length() - 4);
    assertThat(run.err()).startsWith(file + ":4:23: " + REFUSED.formatted("\\u" + half));
  }

  @Test
  void aSetValueWithALoneSurrogateIsRefused() {
    Run run = Run.of("render", EXAMPLE.toString(), "--set", "spec.healthPath=\"/h\\ud800\"");
    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .contains("spec.healthPath must be a single YAML scalar: this string holds");
  }

  @Test
  void aManifestWithALoneSurrogateIsAParseError() throws IOException {
    Path file =
        write(
            "cm.yaml",
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: {a: \"\\ud800\"}\n");
    Run run = Run.of("validate", file.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .startsWith(file + ":4:11: error: [parse-error] this string holds \\ud800");
  }

  @Test
  void wholeCharactersAreKept() throws IOException {
    Path file =
        descriptor("  annotations: {a: \"\\ud83d\\ude00\", b: \"\\U0001F600\", c: \"😀\"}\n");
    Run run = Run.of("render", file.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("a: 😀", "b: 😀", "c: 😀");
  }

  /** golden/example/app.yaml with {@code line} inserted after {@code metadata:} (as line 4). */
  private Path descriptor(String line) throws IOException {
    String example = Files.readString(EXAMPLE, StandardCharsets.UTF_8);
    return write("app.yaml", example.replace("metadata:\n", "metadata:\n" + line));
  }

  private Path write(String name, String text) throws IOException {
    Path file = tmp.resolve(name);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }
}
