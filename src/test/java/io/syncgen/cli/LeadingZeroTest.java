package io.syncgen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code replicas: 010} is 10 in YAML 1.2 but the octal 8 in YAML 1.1, which kubectl, Argo CD and
 * {@code syncgen validate} read: render wrote 10. An integer field written with a leading zero is
 * refused, at the value, naming both readings, as Kubernetes-typed fields already refuse it.
 */
class LeadingZeroTest {
  private static final Path EXAMPLE = Path.of("golden/example/app.yaml");

  @TempDir Path tmp;

  @ParameterizedTest(name = "replicas: {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "010 | (YAML 1.1, as kubectl and syncgen validate read it, makes it the octal 8); write 10"
            + " or 8 without the leading zero",
        "+07 | (YAML 1.1, as kubectl and syncgen validate read it, makes it the octal 7); write 7"
            + " without the leading zero",
        "00 | (YAML 1.1, as kubectl and syncgen validate read it, makes it the octal 0); write 0"
            + " without the leading zero",
      })
  void aLeadingZeroIsRefusedAtTheValue(String value, String readings) throws IOException {
    Path file = descriptor("  replicas: 3\n", "  replicas: " + value + "\n");
    Run run = Run.of("render", file.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .startsWith(
            file
                + ":8:13: error: spec.replicas is integer "
                + value
                + ", which YAML tools read differently "
                + readings
                + "\n");
  }

  @Test
  void everyIntegerFieldRefusesIt() throws IOException {
    Path file =
        descriptor(
            "  replicas: 3\n",
            "  replicas: 3\n  runAsUser: 01000\n  pod: {terminationGracePeriodSeconds: -030}\n");
    Run run = Run.of("render", file.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .contains(
            file + ":9:14: error: spec.runAsUser is integer 01000, which YAML tools read",
            "the octal 512); write 1000 or 512 without the leading zero",
            file + ":10:40: error: spec.pod.terminationGracePeriodSeconds is integer -030,",
            "the octal -24); write -30 or -24 without the leading zero");
  }

  @Test
  void aSetValueWithALeadingZeroIsRefused() {
    Run run = Run.of("render", EXAMPLE.toString(), "--set", "spec.replicas=010");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .contains("spec.replicas is integer 010, which YAML tools read differently");
  }

  @Test
  void plainDecimalsStillRead() throws IOException {
    Path file = descriptor("  replicas: 3\n", "  replicas: 10\n");
    Run run = Run.of("render", file.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("  replicas: 10\n");
  }

  /** golden/example/app.yaml with {@code from} (which must occur once) replaced by {@code to}. */
  private Path descriptor(String from, String to) throws IOException {
    String example = Files.readString(EXAMPLE, StandardCharsets.UTF_8);
    assertThat(example.split(java.util.regex.Pattern.quote(from), -1)).hasSize(2);
    Path file = tmp.resolve("app.yaml");
    Files.writeString(file, example.replace(from, to), StandardCharsets.UTF_8);
    return file;
  }
}
