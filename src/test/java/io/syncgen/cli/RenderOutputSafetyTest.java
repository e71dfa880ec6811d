package io.syncgen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.syncgen.output.ManifestDirectory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code render -o} does with what the user put in the way: symbolic links below the output
 * directory are never written through, a dangling link is never replaced or deleted, a directory at
 * a name the index lists is left alone, and {@code -o ""} is a usage error. Each case is run on the
 * real file system through the command line.
 */
class RenderOutputSafetyTest {
  private static final String EXAMPLE = "golden/example/app.yaml";
  private static final String ALERT = "job-myapp-api-sync-fail-alert.yaml";

  @TempDir Path tmp;

  // ---- symbolic links that render DIR would write through ----

  @Test
  void aSymlinkedNamespaceFolderIsRefusedAndNothingIsWrittenThroughIt() throws IOException {
    Path apps = apps();
    Path out = Files.createDirectories(tmp.resolve("out"));
    Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
    Files.createSymbolicLink(out.resolve("myapp"), elsewhere);
    Map<String, String> before = tree(tmp.resolve("out"));

    Run run = Run.of("render", apps.toString(), "-o", out.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .contains(
            out.resolve("myapp")
                + ": error: is a symbolic link; render writes only into real folders below "
                + out);
    assertThat(elsewhere).isEmptyDirectory();
    assertThat(tree(out)).isEqualTo(before);
  }

  @Test
  void aSymlinkedAppFolderIsRefusedByRenderAndByCheck() throws IOException {
    Path apps = apps();
    Path out = Files.createDirectories(tmp.resolve("out/myapp"));
    Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
    Files.createSymbolicLink(out.resolve("myapp-api"), elsewhere);
    out = out.getParent();
    Map<String, String> before = tree(out);

    Run run = Run.of("render", apps.toString(), "-o", out.toString());
    Run check = Run.of("render", apps.toString(), "-o", out.toString(), "--check");

    String refusal = out.resolve("myapp/myapp-api") + ": error: is a symbolic link;";
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains(refusal);
    assertThat(check.exitCode()).isEqualTo(1);
    assertThat(check.err()).contains(refusal);
    assertThat(elsewhere).isEmptyDirectory();
    assertThat(tree(out)).isEqualTo(before);
  }

  // ---- dangling symbolic links ----

  @Test
  void outputDirThatIsADanglingSymlinkIsRefusedAndTheLinkIsKept() throws IOException {
    Path link = Files.createSymbolicLink(tmp.resolve("out"), tmp.resolve("gone"));

    Run run = Run.of("render", EXAMPLE, "-o", link.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .isEqualTo(
            link
                + ": error: is a symbolic link to "
                + tmp.resolve("gone")
                + ", which does not exist; create that folder, or choose another -o directory\n");
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readSymbolicLink(link)).isEqualTo(tmp.resolve("gone"));
    assertThat(tmp.resolve("gone")).doesNotExist();
  }

  @Test
  void checkOfADanglingSymlinkFailsAsRenderWould() throws IOException {
    Path link = Files.createSymbolicLink(tmp.resolve("out"), tmp.resolve("gone"));

    Run run = Run.of("render", EXAMPLE, "-o", link.toString(), "--check");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains(link + ": error: is a symbolic link to ");
    assertThat(Files.isSymbolicLink(link)).isTrue();
  }

  @Test
  void aDanglingSymlinkWithAnOutputFilesNameIsRefusedAndKept() throws IOException {
    Path out = Files.createDirectories(tmp.resolve("out"));
    Path link =
        Files.createSymbolicLink(
            out.resolve("deployment-myapp-api.yaml"), tmp.resolve("my-deployment.yaml"));

    Run run = Run.of("render", EXAMPLE, "-o", out.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .isEqualTo(
            out
                + ": error: deployment-myapp-api.yaml exists and was not written by syncgen"
                + " (.syncgen-files does not list it), so render refuses to replace it; move it"
                + " away or choose another -o directory\n");
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(tree(out)).containsOnlyKeys("deployment-myapp-api.yaml");
  }

  @Test
  void aSymlinkWhereRenderWroteAFileIsRefusedAndKept() throws IOException {
    Path out = tmp.resolve("out");
    assertThat(Run.of("render", EXAMPLE, "-o", out.toString()).exitCode()).isZero();
    Path mine = Files.writeString(tmp.resolve("mine.yaml"), "kind: Mine\n");
    Path deployment = out.resolve("deployment-myapp-api.yaml");
    Files.delete(deployment);
    Files.createSymbolicLink(deployment, mine);
    Map<String, String> before = tree(out);

    Run run = Run.of("render", EXAMPLE, "-o", out.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .isEqualTo(
            out
                + ": error: deployment-myapp-api.yaml is a symbolic link, not the file syncgen"
                + " wrote; render writes only regular files: remove it, or choose another -o"
                + " directory\n");
    assertThat(tree(out)).isEqualTo(before);
    assertThat(mine).hasContent("kind: Mine\n");
  }

  // ---- an index entry that is no longer syncgen's file ----

  @Test
  void anIndexedNameThatIsNowAnEmptyDirectoryIsLeftAloneWithAWarning() throws IOException {
    Path out = tmp.resolve("out");
    assertThat(Run.of("render", EXAMPLE, "-o", out.toString()).exitCode()).isZero();
    Files.delete(out.resolve(ALERT));
    Files.createDirectory(out.resolve(ALERT));
    Path descriptor = withoutSyncFail();

    Run run = Run.of("render", descriptor.toString(), "-o", out.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err())
        .contains(
            out
                + ": warning: "
                + ManifestDirectory.INDEX
                + " lists "
                + ALERT
                + ", which is now a directory, not the file syncgen wrote; left it alone and"
                + " removed it from the index\n");
    assertThat(out.resolve(ALERT)).isEmptyDirectory();
    assertThat(Files.readString(out.resolve(ManifestDirectory.INDEX))).doesNotContain(ALERT);
    Run again = Run.of("render", descriptor.toString(), "-o", out.toString());
    assertThat(again.exitCode()).isZero();
    assertThat(again.err()).doesNotContain("warning");
  }

  @Test
  void anIndexedNameThatIsNowASymlinkIsLeftAloneAndItsTargetKept() throws IOException {
    Path out = tmp.resolve("out");
    assertThat(Run.of("render", EXAMPLE, "-o", out.toString()).exitCode()).isZero();
    Path mine = Files.writeString(tmp.resolve("mine.yaml"), "kind: Mine\n");
    Files.delete(out.resolve(ALERT));
    Files.createSymbolicLink(out.resolve(ALERT), mine);

    Run run = Run.of("render", withoutSyncFail().toString(), "-o", out.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).contains(ALERT + ", which is now a symbolic link, not the file");
    assertThat(Files.isSymbolicLink(out.resolve(ALERT))).isTrue();
    assertThat(mine).hasContent("kind: Mine\n");
  }

  // ---- -o "" ----

  @Test
  void emptyOutputDirIsAUsageError() {
    Run run = Run.of("render", EXAMPLE, "-o", "");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .startsWith("syncgen: -o needs a directory name; write -o . for the current directory\n");
  }

  // ---- helpers ----

  /** A directory holding golden/example as apps/team/api.yaml: myapp-api in namespace myapp. */
  private Path apps() throws IOException {
    Path apps = Files.createDirectories(tmp.resolve("apps/team"));
    Files.copy(Path.of(EXAMPLE), apps.resolve("api.yaml"));
    return apps.getParent();
  }

  /** golden/example without its syncFail block: the alert Job is no longer rendered. */
  private Path withoutSyncFail() throws IOException {
    String text = Files.readString(Path.of(EXAMPLE), StandardCharsets.UTF_8);
    int start = text.indexOf("  syncFail:\n");
    assertThat(start).isPositive();
    return Files.writeString(tmp.resolve("app.yaml"), text.substring(0, start));
  }

  private static Map<String, String> tree(Path root) {
    return FileTree.of(root);
  }
}
