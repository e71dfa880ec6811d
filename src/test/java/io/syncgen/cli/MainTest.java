package io.syncgen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.syncgen.output.ManifestDirectory;
import io.syncgen.output.OutputLock;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: options, exit codes, and what goes to stdout and stderr. */
class MainTest {
  private static final String EXAMPLE = "golden/example/app.yaml";
  private static final String BROKEN = "golden/error-wrong-types/app.yaml";

  @TempDir Path tmp;

  @Test
  void helpGoesToStdoutAndExitsZero() {
    Run run = Run.of("--help");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("Usage: syncgen", "render", "Exit codes:");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void renderHasItsOwnHelp() {
    Run run = Run.of("render", "--help");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("Usage: syncgen render", "-o, --output-dir=DIR", "DESCRIPTOR");
  }

  @Test
  void versionNamesTheRelease() {
    String kubernetes = System.getProperty("kubernetes.version");
    String library = System.getProperty("client-java-api.version");
    assertThat(kubernetes).as("the pom passes kubernetes.version to the tests").isNotBlank();
    for (String[] args :
        new String[][] {{"--version"}, {"render", "--version"}, {"validate", "--version"}}) {
      Run run = Run.of(args);
      assertThat(run.exitCode()).isZero();
      assertThat(run.out())
          .matches(
              "syncgen \\d+\\.\\d+\\.\\d+\\R"
                  + "schemas: Kubernetes "
                  + Pattern.quote(kubernetes)
                  + " \\(from io\\.kubernetes:client-java-api:"
                  + Pattern.quote(library)
                  + "\\), Argo CD Application argoproj\\.io/v1alpha1\\R");
    }
  }

  @Test
  void noCommandIsAUsageError() {
    Run run = Run.of();
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("missing command", "Try 'syncgen --help'");
  }

  @Test
  void unknownOptionIsAUsageErrorThatSaysHowToCall() {
    Run run = Run.of("render", EXAMPLE, "--frobnicate");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .contains(
            "Unknown option: '--frobnicate'",
            "syncgen render [-hV]",
            "Try 'syncgen render --help'");
  }

  @Test
  void missingDescriptorArgumentIsAUsageError() {
    Run run = Run.of("render");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("Missing required parameter: 'DESCRIPTOR'");
  }

  @Test
  void unknownCommandIsAUsageError() {
    Run run = Run.of("rnder", EXAMPLE);
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("rnder");
  }

  @Test
  void renderWritesOnlyManifestsToStdout() {
    Run run = Run.of("render", EXAMPLE);
    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).startsWith("---\napiVersion: batch/v1\nkind: Job\n");
    assertThat(run.out().split("(?m)^---$")).hasSize(6); // five documents after the first marker
  }

  @Test
  void missingFileIsExitOneWithAMessageAndNoOutput() {
    Run run = Run.of("render", "no/such/app.yaml");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .isEqualTo("no/such/app.yaml: error: cannot read descriptor: no such file or directory\n");
  }

  @Test
  void invalidDescriptorIsExitOneWithLocatedFindingsAndNoOutput() {
    Run run = Run.of("render", BROKEN);
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .startsWith(BROKEN + ":7:13: error: spec.replicas must be a decimal integer");
    assertThat(run.err()).doesNotContain("Exception", "\tat ");
  }

  @Test
  void outputDirGetsOneFilePerObjectAndAnIndex() throws IOException {
    Path out = tmp.resolve("out");
    Run run = Run.of("render", EXAMPLE, "-o", out.toString());
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEqualTo("syncgen: wrote 5 objects to " + out + "\n");
    assertThat(snapshot(out).keySet())
        .containsExactly(
            ManifestDirectory.INDEX,
            OutputLock.NAME,
            "deployment-myapp-api.yaml",
            "job-myapp-api-db-migrate.yaml",
            "job-myapp-api-post-deploy-check.yaml",
            "job-myapp-api-sync-fail-alert.yaml",
            "service-myapp-api.yaml");
  }

  @Test
  void longOptionNameWorksToo() throws IOException {
    Path out = tmp.resolve("long");
    assertThat(Run.of("render", EXAMPLE, "--output-dir", out.toString()).exitCode()).isZero();
    assertThat(snapshot(out)).containsKey("deployment-myapp-api.yaml");
  }

  @Test
  void failedRenderLeavesTheOutputDirExactlyAsItWas() throws IOException {
    Path out = tmp.resolve("out");
    assertThat(Run.of("render", EXAMPLE, "-o", out.toString()).exitCode()).isZero();
    Files.writeString(out.resolve("kustomization.yaml"), "resources: []\n");
    Map<String, String> before = snapshot(out);

    Run run = Run.of("render", BROKEN, "-o", out.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(snapshot(out)).isEqualTo(before);
  }

  @Test
  void rerenderReplacesExactlyWhatTheLastRenderWrote() throws IOException {
    Path out = tmp.resolve("out");
    assertThat(Run.of("render", EXAMPLE, "-o", out.toString()).exitCode()).isZero();
    Files.writeString(out.resolve("kustomization.yaml"), "resources: []\n");

    Run run = Run.of("render", "golden/minimal/app.yaml", "-o", out.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(snapshot(out).keySet())
        .containsExactly(
            ManifestDirectory.INDEX,
            OutputLock.NAME,
            "deployment-shop.yaml",
            "job-shop-db-migrate.yaml",
            "job-shop-post-deploy-check.yaml",
            "kustomization.yaml",
            "service-shop.yaml");
  }

  @Test
  void outputDirThatIsAFileIsExitOne() throws IOException {
    Path file = Files.writeString(tmp.resolve("file"), "x");
    Run run = Run.of("render", EXAMPLE, "-o", file.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEqualTo(file + ": error: exists and is not a directory\n");
    assertThat(Files.readString(file)).isEqualTo("x");
  }

  @Test
  void internalErrorIsExitThreeWithoutAStackTrace() {
    Run run = runWithFailingCommand("boom");
    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err())
        .startsWith("syncgen: internal error: java.lang.IllegalStateException: kaput\n")
        .contains("--stacktrace")
        .doesNotContain("\tat ");
  }

  @Test
  void stacktraceOptionShowsTheTrace() {
    Run run = runWithFailingCommand("boom", "--stacktrace");
    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err()).contains("\tat io.syncgen.cli.MainTest$Boom.run");
  }

  @Test
  void aStackOverflowIsExitThreeInOneLine() {
    Run run = runWithFailingCommand("overflow");
    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err())
        .isEqualTo(
            "syncgen: internal error: java.lang.StackOverflowError: deep\n"
                + "This is a defect in syncgen; run again with --stacktrace and report the output.\n");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void anOutOfMemoryErrorIsExitThreeWithItsTraceOnlyOnRequest() {
    Run plain = runWithFailingCommand("oom");
    assertThat(plain.exitCode()).isEqualTo(3);
    assertThat(plain.err())
        .startsWith("syncgen: internal error: java.lang.OutOfMemoryError: Java heap space\n")
        .doesNotContain("\tat ");
    Run traced = runWithFailingCommand("oom", "--stacktrace");
    assertThat(traced.exitCode()).isEqualTo(3);
    assertThat(traced.err()).contains("\tat io.syncgen.cli.MainTest$Oom.run");
  }

  @Test
  void aFailedWriteToStdoutIsExitOneAndSaidOnStderr() {
    StringWriter err = new StringWriter();
    PrintWriter out = new PrintWriter(new FailingWriter(4096), false);
    int code = Main.run(out, new PrintWriter(err), "render", EXAMPLE);
    assertThat(code).as("the render itself succeeded, but its output was cut short").isOne();
    assertThat(err.toString())
        .isEqualTo(
            "syncgen: error: standard output could not be written (a full disk, a closed pipe or"
                + " a closed descriptor): the output is incomplete\n");
  }

  @Test
  void aFailedWriteToStderrIsExitOneEvenWhenTheCommandSucceeded() {
    PrintWriter err = new PrintWriter(new FailingWriter(0), true);
    Path file = tmp.resolve("app.yaml");
    assertThat(Main.run(new PrintWriter(new StringWriter()), err, "init", file.toString()))
        .as("init wrote the file, but not the line that says so")
        .isOne();
    assertThat(file).isRegularFile();
    PrintWriter unused = new PrintWriter(new FailingWriter(0), true);
    assertThat(Main.run(new PrintWriter(new StringWriter()), unused, "render", EXAMPLE))
        .as("nothing to say on stderr, nothing failed")
        .isZero();
  }

  @Test
  void aWholeOutputIsExitZero() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    assertThat(Main.run(new PrintWriter(out), new PrintWriter(err), "render", EXAMPLE)).isZero();
    assertThat(err.toString()).isEmpty();
  }

  /** A writer that accepts {@code capacity} characters, then fails as a full disk does. */
  private static final class FailingWriter extends Writer {
    private int capacity;

    FailingWriter(int capacity) {
      this.capacity = capacity;
    }

    @Override
    public void write(char[] text, int offset, int length) throws IOException {
      if (length > capacity) {
        capacity = 0;
        throw new IOException("No space left on device");
      }
      capacity -= length;
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }

  @Command(name = "boom")
  static final class Boom implements Runnable {
    @Override
    public void run() {
      throw new IllegalStateException("kaput");
    }
  }

  @Command(name = "overflow")
  static final class Overflow implements Runnable {
    @Override
    public void run() {
      throw new StackOverflowError("deep");
    }
  }

  @Command(name = "oom")
  static final class Oom implements Runnable {
    @Override
    public void run() {
      throw new OutOfMemoryError("Java heap space");
    }
  }

  /** Runs {@code args} as {@link Main#run} does, with three failing commands added. */
  private static Run runWithFailingCommand(String... args) {
    return Run.capture(
        (out, err) -> {
          SyncgenCommand root = new SyncgenCommand();
          // Writers reach only the subcommands present when they are set: set them again.
          CommandLine cli =
              Main.commandLine(root, out, err)
                  .addSubcommand(new Boom())
                  .addSubcommand(new Overflow())
                  .addSubcommand(new Oom())
                  .setOut(out)
                  .setErr(err);
          return Main.execute(cli, root, args);
        });
  }

  private static Map<String, String> snapshot(Path dir) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.filter(Files::isRegularFile).toList()) {
        files.put(dir.relativize(p).toString(), Files.readString(p));
      }
    }
    return files;
  }
}
