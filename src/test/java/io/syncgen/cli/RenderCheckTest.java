package io.syncgen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.syncgen.output.ManifestDirectory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * {@code syncgen render app.yaml -o out/ --check}: exit 0 and silence on stdout when {@code out/}
 * holds what render would write; exit 1 and a git-style unified diff (compared byte for byte with
 * {@code src/test/resources/check/<scenario>/stdout.diff}, worked out from the golden files) for a
 * changed, a missing and an extra file, where only files listed in the index count as extra; that
 * the check writes nothing; that {@code --check} without {@code -o} is a usage error; and that
 * colour appears only on a terminal without {@code NO_COLOR}. {@code -Dgolden.update=true} rewrites
 * the expected files, like the other golden tests; read the diff before committing.
 */
class RenderCheckTest {
  private static final Path EXPECTED = Path.of("src/test/resources/check");
  private static final String ESC = "\033";

  /** The syncFail block of golden/example/app.yaml; without it there is no sync-fail-alert Job. */
  private static final String SYNC_FAIL =
      "  syncFail:\n"
          + "    webhook:\n"
          + "      urlFrom:\n"
          + "        secretKeyRef: {name: alerts, key: webhook-url}\n";

  @TempDir Path tmp;

  @ParameterizedTest
  @ValueSource(strings = {"example", "minimal"})
  void cleanDirectoryIsExitZeroWithNothingOnStdout(String golden) throws IOException {
    Path descriptor = copyDescriptor(golden);
    render(descriptor);

    Run run = check(descriptor);

    assertGolden("clean", run, 0);
    assertThat(run.out()).isEmpty();
  }

  @Test
  void changedFileIsExitOneWithItsUnifiedDiff() throws IOException {
    Path descriptor = copyDescriptor("example");
    render(descriptor);
    Path deployment = out().resolve("deployment-myapp-api.yaml");
    edit(deployment, "\n  replicas: 3\n", "\n  replicas: 5\n");
    edit(
        deployment, "limits:\n              memory: 1Gi\n", "limits:\n              memory: 2Gi\n");

    assertGolden("changed", check(descriptor), 1);
  }

  @Test
  void lastLineWithoutLineBreakIsMarkedAsGitMarksIt() throws IOException {
    Path descriptor = copyDescriptor("example");
    render(descriptor);
    Path service = out().resolve("service-myapp-api.yaml");
    String rendered = Files.readString(service);
    assertThat(rendered).endsWith("      protocol: TCP\n");
    Files.writeString(service, rendered.substring(0, rendered.length() - 1));

    Run run = check(descriptor);

    // The file has 22 lines; the change is the last one, so 3 lines of context come before it.
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(relative(run.out()))
        .isEqualTo(
            """
            diff --git a/out/service-myapp-api.yaml b/out/service-myapp-api.yaml
            --- a/out/service-myapp-api.yaml
            +++ b/out/service-myapp-api.yaml
            @@ -19,4 +19,4 @@ spec:
                 - name: http
                   port: 8080
                   targetPort: http
            -      protocol: TCP
            \\ No newline at end of file
            +      protocol: TCP
            """);
  }

  @Test
  void deletedFileIsMissing() throws IOException {
    Path descriptor = copyDescriptor("minimal");
    render(descriptor);
    Files.delete(out().resolve("job-shop-db-migrate.yaml"));

    assertGolden("missing", check(descriptor), 1);
  }

  @Test
  void missingDirectoryMakesEveryFileMissingAndIsNotCreated() throws IOException {
    Path descriptor = copyDescriptor("minimal");

    Run run = check(descriptor);

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(relative(run.out()).lines().filter(l -> l.startsWith("diff --git ")))
        .containsExactly(
            "diff --git a/out/deployment-shop.yaml b/out/deployment-shop.yaml",
            "diff --git a/out/job-shop-db-migrate.yaml b/out/job-shop-db-migrate.yaml",
            "diff --git a/out/job-shop-post-deploy-check.yaml b/out/job-shop-post-deploy-check.yaml",
            "diff --git a/out/service-shop.yaml b/out/service-shop.yaml");
    assertThat(relative(lastLine(run)))
        .isEqualTo(
            "syncgen: out/ differs: 0 changed, 4 missing, 0 extra; run syncgen render app.yaml -o"
                + " out/ to update");
    assertThat(out()).doesNotExist();
  }

  @Test
  void fileTheIndexListsAndRenderNoLongerWritesIsExtraButForeignFilesAreNot() throws IOException {
    Path descriptor = copyDescriptor("example");
    render(descriptor);
    assertThat(Files.readAllLines(out().resolve(ManifestDirectory.INDEX)))
        .contains("job-myapp-api-sync-fail-alert.yaml");
    Files.writeString(out().resolve("kustomization.yaml"), "resources: []\n");
    edit(descriptor, SYNC_FAIL, "");

    Run run = check(descriptor);

    assertGolden("extra", run, 1);
    assertThat(run.out()).doesNotContain("kustomization.yaml");
  }

  @Test
  void checkWritesNothing() throws IOException {
    Path descriptor = copyDescriptor("example");
    render(descriptor);
    // Drift of every kind, so that a render would have files to replace, create and delete.
    edit(out().resolve("deployment-myapp-api.yaml"), "replicas: 3", "replicas: 4");
    Files.delete(out().resolve("service-myapp-api.yaml"));
    Files.writeString(out().resolve("kustomization.yaml"), "resources: []\n");
    edit(descriptor, SYNC_FAIL, "");
    Instant old = Instant.parse("2020-01-02T03:04:05Z");
    try (Stream<Path> paths = Files.walk(tmp)) {
      for (Path p : paths.toList()) {
        Files.setLastModifiedTime(p, FileTime.from(old));
      }
    }
    Map<String, String> before = snapshot(tmp);

    Run run = check(descriptor);

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("new file mode", "deleted file mode", "+  replicas: 3\n");
    assertThat(snapshot(tmp)).isEqualTo(before);
  }

  @Test
  void checkWithoutOutputDirIsAUsageError() throws IOException {
    Path descriptor = copyDescriptor("example");

    Run run = check(false, Map.of(), "render", descriptor.toString(), "--check");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .startsWith("syncgen: --check needs -o DIR")
        .contains("Try 'syncgen render --help'");
  }

  @Test
  void fileRenderWouldRefuseToReplaceFailsTheCheck() throws IOException {
    Path descriptor = copyDescriptor("minimal");
    Files.createDirectories(out());
    Files.writeString(out().resolve("service-shop.yaml"), "kept: by hand\n");

    Run run = check(descriptor);

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(lastLine(run))
        .isEqualTo(
            out()
                + ": error: service-shop.yaml exists and was not written by syncgen"
                + " (.syncgen-files does not list it), so render refuses to replace it; move it"
                + " away or choose another -o directory");
  }

  @Test
  void corruptIndexFailsTheCheckAsItFailsRender() throws IOException {
    Path descriptor = copyDescriptor("minimal");
    render(descriptor);
    Files.writeString(out().resolve(ManifestDirectory.INDEX), "service-shop.yaml\n../escape\n");

    Run check = check(descriptor);
    Run render = Run.of("render", descriptor.toString(), "-o", out().toString());

    assertThat(check.exitCode()).isEqualTo(1);
    assertThat(check.out()).isEmpty();
    assertThat(lastLine(check))
        .isEqualTo(
            out()
                + ": error: .syncgen-files lists ../escape, which is not a file name; delete the"
                + " index to start afresh")
        .isEqualTo(lastLine(render));
  }

  @Test
  void outputDirThatIsAFileFailsTheCheck() throws IOException {
    Path descriptor = copyDescriptor("minimal");
    Files.writeString(out(), "x");

    Run run = check(descriptor);

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(lastLine(run)).isEqualTo(out() + ": error: exists and is not a directory");
  }

  @Test
  void colourOnATerminalWithoutNoColor() throws IOException {
    Path descriptor = changedExample();

    Run run = check(true, Map.of(), args(descriptor));

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(relative(run.out()))
        .contains(
            "\n" + ESC + "[36m@@ -11,7 +11,7 @@" + ESC + "[m metadata:\n",
            "\n" + ESC + "[31m-  replicas: 5" + ESC + "[m\n",
            "\n" + ESC + "[32m+  replicas: 3" + ESC + "[m\n",
            "\n spec:\n") // context lines stay plain
        .startsWith("diff --git a/out/deployment-myapp-api.yaml b/out/deployment-myapp-api.yaml\n")
        .contains("\n--- a/out/deployment-myapp-api.yaml\n+++ b/out/deployment-myapp-api.yaml\n");
    assertThat(run.err()).doesNotContain(ESC);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1", "", "false"})
  void noColourWhenNoColorIsSetWhateverItsValue(String value) throws IOException {
    Path descriptor = changedExample();

    Run run = check(true, Map.of("NO_COLOR", value), args(descriptor));

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).doesNotContain(ESC).contains("-  replicas: 5\n+  replicas: 3\n");
  }

  @Test
  void noColourWhenStdoutIsNotATerminal() throws IOException {
    Path descriptor = changedExample();

    Run injected = check(false, Map.of(), args(descriptor));
    Run real = Run.of(args(descriptor)); // surefire's stdout is a pipe: System.console() is null

    assertThat(injected.out()).doesNotContain(ESC).contains("-  replicas: 5\n+  replicas: 3\n");
    assertThat(real.out()).isEqualTo(injected.out());
  }

  @Test
  void colourDecision() {
    assertThat(RenderCommand.colour(true, name -> null)).isTrue();
    assertThat(RenderCommand.colour(false, name -> null)).isFalse();
    assertThat(RenderCommand.colour(true, name -> name.equals("NO_COLOR") ? "" : null)).isFalse();
    assertThat(RenderCommand.colour(true, name -> name.equals("NO_COLOR") ? "0" : null)).isFalse();
    assertThat(RenderCommand.colour(true, name -> name.equals("TERM") ? "dumb" : null)).isFalse();
    assertThat(RenderCommand.colour(true, name -> name.equals("TERM") ? "xterm" : null)).isTrue();
  }

  // ---------------------------------------------------------------------------------------------

  private Path out() {
    return tmp.resolve("out");
  }

  private Path copyDescriptor(String golden) throws IOException {
    return Files.copy(Path.of("golden", golden, "app.yaml"), tmp.resolve("app.yaml"));
  }

  private void render(Path descriptor) {
    Run run = Run.of("render", descriptor.toString(), "-o", out().toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
  }

  /** The example rendered, then its replica count edited by hand from 3 to 5. */
  private Path changedExample() throws IOException {
    Path descriptor = copyDescriptor("example");
    render(descriptor);
    edit(out().resolve("deployment-myapp-api.yaml"), "\n  replicas: 3\n", "\n  replicas: 5\n");
    return descriptor;
  }

  private String[] args(Path descriptor) {
    return new String[] {"render", descriptor.toString(), "-o", out().toString(), "--check"};
  }

  private Run check(Path descriptor) {
    return check(false, Map.of(), args(descriptor));
  }

  /** Runs syncgen with the terminal test and the environment of render replaced. */
  private static Run check(boolean terminal, Map<String, String> environment, String... args) {
    return Run.capture(
        (out, err) -> {
          CommandLine cli = Main.commandLine(new SyncgenCommand(), out, err);
          RenderCommand render = cli.getSubcommands().get("render").getCommand();
          render.stdoutIsTerminal = () -> terminal;
          render.environment = new HashMap<>(environment)::get;
          return cli.execute(args);
        });
  }

  /** Compares a run with {@code check/<scenario>/}: stdout exactly, the summary as stderr's end. */
  private void assertGolden(String scenario, Run run, int exitCode) throws IOException {
    if (Boolean.getBoolean("golden.update")) {
      Path dir = Files.createDirectories(EXPECTED.resolve(scenario));
      Files.writeString(dir.resolve("stdout.diff"), relative(run.out()), StandardCharsets.UTF_8);
      List<String> lines = relative(run.err()).lines().toList();
      Files.writeString(
          dir.resolve("summary.txt"),
          lines.isEmpty() ? "" : lines.get(lines.size() - 1) + "\n",
          StandardCharsets.UTF_8);
    }
    String stdout = Files.readString(EXPECTED.resolve(scenario).resolve("stdout.diff"));
    String summary = Files.readString(EXPECTED.resolve(scenario).resolve("summary.txt")).strip();
    assertThat(run.exitCode()).as(run.err()).isEqualTo(exitCode);
    assertThat(relative(run.out())).isEqualTo(stdout);
    List<String> err = relative(run.err()).lines().toList();
    assertThat(err).last().isEqualTo(summary);
    assertThat(err.subList(0, err.size() - 1))
        .as("before the summary, only warnings of render's own validation")
        .allMatch(line -> line.contains(": warning: ["));
  }

  /**
   * Output with the temporary folder removed: from diff paths (a/tmp/..., b/tmp/...), and others.
   */
  private String relative(String text) {
    String gitRoot = tmp.toString().replace('\\', '/').replaceFirst("^/+", "") + "/";
    return text.replace("a/" + gitRoot, "a/").replace("b/" + gitRoot, "b/").replace(tmp + "/", "");
  }

  private static String lastLine(Run run) {
    List<String> lines = run.err().lines().toList();
    return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
  }

  private static void edit(Path file, String from, String to) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    assertThat(text).as("%s contains the text to edit once", file).containsOnlyOnce(from);
    Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
  }

  /** Every path under {@code root} with its modification time and, for files, its bytes. */
  private static Map<String, String> snapshot(Path root) throws IOException {
    Map<String, String> state = new TreeMap<>();
    List<Path> paths = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root)) {
      walk.forEach(paths::add);
    }
    for (Path p : paths) {
      String content =
          Files.isRegularFile(p) ? Arrays.toString(Files.readAllBytes(p)) : "(directory)";
      state.put(root.relativize(p).toString(), Files.getLastModifiedTime(p) + " " + content);
    }
    return state;
  }
}
