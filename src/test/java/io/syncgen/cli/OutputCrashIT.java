package io.syncgen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code render -o} killed (SIGKILL) or failing at every rename and every unlink it makes, through
 * strace's syscall tampering ({@code strace -e inject=SET:signal=SIGKILL:when=N}, strace(1)) on the
 * packaged jar, for N = 1, 2, ... until a run completes. After each kill the next syncgen run (here
 * {@code render --check} in this JVM) sees the output exactly as it was before or exactly as the
 * killed render would have left it, user files included, with no staging or journal left; and the
 * next render writes the new state. While killed, the output holds no staged file that {@code
 * kubectl apply -R} would read as a manifest. After each injected {@code EIO} on a rename the
 * render itself exits 1 and leaves the output exactly as it was.
 *
 * <p>Two renders: one app into {@code out/} (files changed, deleted and added), and {@code render
 * DIR -o out/} of apps where one app's descriptor is gone, one changes and one is new (its
 * namespace folder is created). Needs strace (Debian package {@code strace}; {@code .ci/run}
 * installs it): skipped with a message without it, failed under {@code CI=true}.
 */
class OutputCrashIT {
  /** The syscalls of a rename (x86-64 has all three; arm64 has no plain rename). */
  private static final String RENAME = "rename,renameat,renameat2";

  /** Each kind of step, killed at in turn: renames, unlinks of files, removals of folders. */
  private static final List<String> KILL_POINTS = List.of(RENAME, "unlink,unlinkat", "rmdir");

  @TempDir Path tmp;

  @BeforeAll
  static void needsStrace() throws Exception {
    boolean works;
    try {
      Process probe =
          new ProcessBuilder("strace", "-f", "-qq", "-o", "/dev/null", "true")
              .redirectErrorStream(true)
              .start();
      works = probe.waitFor() == 0;
    } catch (IOException e) {
      works = false;
    }
    SyncgenProcess.requireTool(
        works, "strace is not installed or cannot trace here; the kill -9 tests are skipped");
  }

  @Test
  void oneAppKilledOrFailingAtEveryStepLeavesTheOldOrTheNewOutput() throws Exception {
    Path out = tmp.resolve("out");
    Path v1 = Files.copy(Path.of("golden/example/app.yaml"), tmp.resolve("v1.yaml"));
    String text = Files.readString(v1, StandardCharsets.UTF_8);
    // v2: the Deployment changes, the alert Job goes, a worker Deployment comes.
    Path v2 =
        Files.writeString(
            tmp.resolve("v2.yaml"),
            text.substring(0, text.indexOf("  syncFail:\n")).replace("replicas: 3", "replicas: 4")
                + "  processes:\n    worker:\n      command: [python, worker.py]\n");
    Scenario scenario = new Scenario(out, v1.toString(), v2.toString());
    scenario.prepare(Map.of("README.md", "mine\n", "kustomization.yaml", "resources: []\n"));

    scenario.run();
  }

  @Test
  void manyAppsKilledOrFailingAtEveryStepLeaveTheOldOrTheNewOutput() throws Exception {
    Path out = tmp.resolve("out");
    Path v1 = tmp.resolve("apps-v1");
    copy("golden/minimal/app.yaml", v1.resolve("shop/app.yaml"));
    copy("golden/example/app.yaml", v1.resolve("team/api.yaml"));
    // v2: shop's descriptor is gone, myapp-api changes and loses a file, fresh is new (and its
    // namespace folder with it).
    Path v2 = tmp.resolve("apps-v2");
    String api = Files.readString(Path.of("golden/example/app.yaml"), StandardCharsets.UTF_8);
    write(
        v2.resolve("team/api.yaml"),
        api.substring(0, api.indexOf("  syncFail:\n")).replace("replicas: 3", "replicas: 4"));
    String shop = Files.readString(Path.of("golden/minimal/app.yaml"), StandardCharsets.UTF_8);
    write(
        v2.resolve("fresh/app.yaml"),
        shop.replace("  name: shop\n", "  name: fresh\n  namespace: fresh\n"));
    Scenario scenario = new Scenario(out, v1.toString(), v2.toString());
    scenario.prepare(Map.of("README.md", "mine\n", "_/shop/notes.txt", "by hand\n"));

    scenario.run();
  }

  /** One render from an old output to a new one, and its old and new trees. */
  private final class Scenario {
    final Path out;
    final String v1;
    final String v2;
    Map<String, String> before;
    Map<String, String> after;

    Scenario(Path out, String v1, String v2) {
      this.out = out;
      this.v1 = v1;
      this.v2 = v2;
    }

    /** Renders v1, adds the user's files, and records the old tree. */
    void prepare(Map<String, String> userFiles) throws IOException {
      Run first = Run.of("render", v1, "-o", out.toString(), "--no-validate");
      assertThat(first.exitCode()).as(first.err()).isZero();
      for (var file : userFiles.entrySet()) {
        Files.writeString(out.resolve(file.getKey()), file.getValue());
      }
      before = FileTree.of(out);
    }

    void run() throws Exception {
      after = newTree();
      assertThat(after).isNotEqualTo(before);
      List<String> outcomes = new ArrayList<>();
      int renames = 0;
      for (String set : KILL_POINTS) {
        int kills = killAtEveryStep(set);
        outcomes.add(set + ": " + kills + " kills");
        assertThat(kills).as("kills at %s", set).isGreaterThan(1);
        renames = set.equals(RENAME) ? kills : renames;
      }
      int failures = failAtEveryStep(RENAME);
      outcomes.add(RENAME + ": " + failures + " failures");
      assertThat(failures).as("EIO at every rename the kills saw").isEqualTo(renames);
      System.out.println(getClass().getSimpleName() + " " + out + ": " + outcomes);
    }

    /** The tree the render leaves when nothing goes wrong. */
    private Map<String, String> newTree() throws IOException {
      FileTree.restore(out, before);
      Run run = Run.of("render", v2, "-o", out.toString(), "--no-validate");
      assertThat(run.exitCode()).as(run.err()).isZero();
      return FileTree.of(out);
    }

    /** Kills the render at the Nth call of the syscalls in {@code set}, N = 1, 2, ... */
    private int killAtEveryStep(String set) throws Exception {
      return atEveryStep(
          set,
          "signal=SIGKILL",
          (n, run) -> {
            assertThat(run.exitCode()).as("killed at %s #%d: %s", set, n, run.err()).isEqualTo(137);
            assertThat(FileTree.of(out).keySet())
                .as("kubectl apply -R reads *.yaml, *.yml and *.json in every folder, hidden too")
                .filteredOn(name -> name.contains(".syncgen-staging"))
                .noneMatch(name -> name.matches(".*\\.(yaml|yml|json)"));
            String state = nextRunSees(set + " #" + n);
            Run again = Run.of("render", v2, "-o", out.toString(), "--no-validate");
            assertThat(again.exitCode())
                .as("render after kill at %s #%d: %s", set, n, again.err())
                .isZero();
            assertThat(FileTree.of(out))
                .as("render after kill at %s #%d (%s)", set, n, state)
                .isEqualTo(after);
          });
    }

    /** Fails the Nth call of the syscalls in {@code set} with EIO, N = 1, 2, ... */
    private int failAtEveryStep(String set) throws Exception {
      return atEveryStep(
          set,
          "error=EIO",
          (n, run) -> {
            assertThat(run.exitCode()).as("EIO at %s #%d: %s", set, n, run.err()).isEqualTo(1);
            assertThat(run.err()).contains("nothing was written");
            assertThat(FileTree.of(out)).as("after EIO at %s #%d", set, n).isEqualTo(before);
          });
    }

    /**
     * Renders from the old tree with {@code action} injected at the Nth call of {@code set}, N = 1,
     * 2, ..., checking each run that did not complete; returns how many did not.
     */
    private int atEveryStep(String set, String action, Interrupted check) throws Exception {
      for (int n = 1; ; n++) {
        FileTree.restore(out, before);
        SyncgenProcess.Result run = render(set + ":" + action + ":when=" + n, set);
        if (run.exitCode() == 0) {
          assertThat(FileTree.of(out)).as("completed run").isEqualTo(after);
          return n - 1;
        }
        check.accept(n, run);
      }
    }

    /**
     * What the next syncgen run sees: {@code --check} of v1 or of v2 passes, and then the output is
     * exactly the old or the new tree, with nothing of the killed run left.
     */
    private String nextRunSees(String where) throws IOException {
      Run old = Run.of("render", v1, "-o", out.toString(), "--no-validate", "--check");
      if (old.exitCode() == 0) {
        assertThat(FileTree.of(out)).as("old state after kill at %s", where).isEqualTo(before);
        return "old";
      }
      Run fresh = Run.of("render", v2, "-o", out.toString(), "--no-validate", "--check");
      assertThat(fresh.exitCode())
          .as("kill at %s: neither old (%s) nor new (%s)", where, old.err(), fresh.err())
          .isZero();
      assertThat(FileTree.of(out)).as("new state after kill at %s", where).isEqualTo(after);
      return "new";
    }

    private SyncgenProcess.Result render(String inject, String set) throws Exception {
      // Not --seccomp-bpf: with it, strace 6.1 injects at the first call only.
      List<String> strace =
          List.of(
              "strace",
              "-f",
              "-qq",
              "-o",
              "/dev/null",
              "-e",
              "trace=" + set,
              "-e",
              "inject=" + inject);
      return SyncgenProcess.run(
          strace, Map.of(), "render", v2, "-o", out.toString(), "--no-validate");
    }
  }

  /** The checks of a run that was interrupted at the Nth call. */
  @FunctionalInterface
  private interface Interrupted {
    void accept(int n, SyncgenProcess.Result run) throws Exception;
  }

  private static void copy(String from, Path to) throws IOException {
    Files.createDirectories(to.getParent());
    Files.copy(Path.of(from), to);
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
