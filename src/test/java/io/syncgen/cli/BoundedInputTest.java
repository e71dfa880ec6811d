package io.syncgen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every read is bounded, whatever the file system says of the file's size: {@code /dev/zero} (size
 * 0, endless) and a sparse 3 GiB file (no disk, all zeros) are refused after at most their limit +
 * 1 bytes, where they are named, met under a directory, beside the plugin's descriptor, or put in
 * place of a file render wrote. Nothing here may take long or much memory.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BoundedInputTest {
  private static final Path EXAMPLE = Path.of("golden/example/app.yaml");
  private static final Path ZERO = Path.of("/dev/zero");
  private static final long THREE_GIB = 3L << 30;

  @TempDir Path tmp;

  @Test
  void renderRefusesAnEndlessDescriptor() {
    Run run = Run.of("render", ZERO.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEqualTo("/dev/zero: error: is larger than 1048576 bytes\n");
  }

  @Test
  void validateAndPlanRefuseAnEndlessManifest() {
    String finding = "/dev/zero: error: [parse-error] is larger than 67108864 bytes";
    Run validate = Run.of("validate", ZERO.toString());
    assertThat(validate.exitCode()).isEqualTo(1);
    assertThat(validate.out()).startsWith(finding + "\n");
    Run plan = Run.of("plan", ZERO.toString());
    assertThat(plan.exitCode()).isEqualTo(1);
    assertThat(plan.err()).contains(finding);
  }

  @Test
  void renderOfADirectoryIgnoresAHugeFileAndReportsAHugeDescriptor() throws IOException {
    copyExample("apps/a/app.yaml");
    sparse("apps/a/big.yaml", "kind: ConfigMap\n");
    Run run = Run.of("render", tmp.resolve("apps").toString(), "-o", tmp + "/out");
    assertThat(run.exitCode()).as(run.err()).isZero();

    Path huge = sparse("apps/b/app.yaml", "apiVersion: syncgen/v1\nkind: App\n");
    run = Run.of("render", tmp.resolve("apps").toString(), "-o", tmp + "/out");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEqualTo(huge + ": error: is larger than 1048576 bytes\n");
  }

  @Test
  void validateOfADirectoryReportsAHugeFile() throws IOException {
    Path huge = sparse("d/big.yaml", "kind: ConfigMap\n");
    Run run = Run.of("validate", tmp.resolve("d").toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).startsWith(huge + ": error: [parse-error] is larger than 67108864 bytes");
  }

  @Test
  void theDescriptorIsFoundBesideAHugeFile() throws IOException {
    copyExample("src/app.yaml");
    sparse("src/big.yaml", "apiVersion: v1\nkind: List\n");
    String dir = tmp.resolve("src").toString();
    assertThat(Run.of("cmp", "discover", "--dir", dir).out()).isEqualTo("app.yaml\n");
    Run generate = Run.of("cmp", "generate", "--dir", dir);
    assertThat(generate.exitCode()).as(generate.err()).isZero();
    assertThat(generate.out()).contains("kind: Deployment");
  }

  @Test
  void aHugeFileInPlaceOfARenderedOneIsRefusedByCheck() throws IOException {
    Path out = tmp.resolve("out");
    assertThat(Run.of("render", EXAMPLE.toString(), "-o", out.toString()).exitCode()).isZero();
    sparse("out/service-myapp-api.yaml", "");
    Run run = Run.of("render", EXAMPLE.toString(), "-o", out.toString(), "--check");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .contains("service-myapp-api.yaml is larger than 67108864 bytes, far more than render");
  }

  @Test
  void aHugeIndexIsRefused() throws IOException {
    Path out = tmp.resolve("out");
    assertThat(Run.of("render", EXAMPLE.toString(), "-o", out.toString()).exitCode()).isZero();
    sparse("out/.syncgen-files", "# written by syncgen\n");
    for (String check : new String[] {"", "--check"}) {
      Run run =
          check.isEmpty()
              ? Run.of("render", EXAMPLE.toString(), "-o", out.toString())
              : Run.of("render", EXAMPLE.toString(), "-o", out.toString(), check);
      assertThat(run.exitCode()).as(check).isEqualTo(1);
      assertThat(run.err())
          .as(check)
          .contains(".syncgen-files is larger than 16777216 bytes, far more than render writes");
    }
  }

  /** A sparse 3 GiB file that starts with {@code head}: no disk used, the rest zeros. */
  private Path sparse(String name, String head) throws IOException {
    Path file = tmp.resolve(name);
    Files.createDirectories(file.getParent());
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.setLength(0);
      raf.write(head.getBytes(StandardCharsets.UTF_8));
      raf.setLength(THREE_GIB);
    }
    return file;
  }

  private void copyExample(String name) throws IOException {
    Path file = tmp.resolve(name);
    Files.createDirectories(file.getParent());
    Files.copy(EXAMPLE, file);
  }
}
