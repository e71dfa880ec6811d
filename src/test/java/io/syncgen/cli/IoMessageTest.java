package io.syncgen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failed file operation is said in words, as the system says it ({@code no such file or
 * directory}, {@code is a directory}), never as a Java exception ({@code NoSuchFileException:
 * /proc/x}, {@code IOException: Is a directory}). Each case is a real failure of this machine's
 * file system: {@code /proc} refuses {@code mkdir}, {@code /proc/self/mem} fails to read at offset
 * 0, a symbolic link may point at itself. (Permission errors cannot be made here: the suite runs as
 * root; {@code IoProblemTest} covers their wording.)
 */
class IoMessageTest {
  private static final String EXAMPLE = "golden/example/app.yaml";

  @TempDir Path tmp;

  @Test
  void aDirectoryThatCannotBeCreated() {
    Run run = Run.of("render", EXAMPLE, "-o", "/proc/x");
    assertWords(run);
    assertThat(run.err())
        .isEqualTo(
            "/proc/x: error: cannot create the directory: /proc/x: no such file or directory\n");
  }

  @Test
  void anAppFolderThatCannotBeCreated() throws IOException {
    Files.createDirectories(tmp.resolve("apps"));
    Files.copy(Path.of(EXAMPLE), tmp.resolve("apps/app.yaml"));
    Run run = Run.of("render", tmp.resolve("apps").toString(), "-o", "/proc/x");
    assertWords(run);
    assertThat(run.err())
        .isEqualTo(
            "/proc/x: error: cannot create the directory: /proc/x: no such file or directory\n");
  }

  @Test
  void aDirectoryWhereCheckExpectsAFile() throws IOException {
    Path out = tmp.resolve("out");
    assertThat(Run.of("render", EXAMPLE, "-o", out.toString()).exitCode()).isZero();
    Files.delete(out.resolve("service-myapp-api.yaml"));
    Files.createDirectory(out.resolve("service-myapp-api.yaml"));
    Run run = Run.of("render", EXAMPLE, "-o", out.toString(), "--check");
    assertWords(run);
    assertThat(run.err())
        .isEqualTo(
            out
                + ": error: service-myapp-api.yaml is a directory, not the file syncgen wrote;"
                + " render writes only regular files: remove it, or choose another -o"
                + " directory\n");
  }

  @Test
  void aDescriptorThatCannotBeRead() throws IOException {
    Run run = Run.of("render", "/proc/self/mem");
    assertWords(run);
    assertThat(run.err())
        .isEqualTo("/proc/self/mem: error: cannot read descriptor: input/output error\n");

    Path loop = tmp.resolve("loop.yaml");
    Files.createSymbolicLink(loop, loop.getFileName());
    run = Run.of("render", loop.toString());
    assertWords(run);
    assertThat(run.err())
        .startsWith(loop + ": error: cannot read descriptor: too many levels of symbolic links");
  }

  @Test
  void aMissingDescriptor() {
    Run run = Run.of("render", "/proc/x/app.yaml");
    assertWords(run);
    assertThat(run.err())
        .isEqualTo("/proc/x/app.yaml: error: cannot read descriptor: no such file or directory\n");
  }

  /** Exit 1, nothing on stdout, and no Java class in the message. */
  private static void assertWords(Run run) {
    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).doesNotContain("Exception", "java.", "IOException");
  }
}
