package io.syncgen.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The packaged jar run as a process of its own ({@code java -jar syncgen.jar}), for tests that need
 * a second process: a lock held by another process, or a process killed part-way. Failsafe sets
 * {@code syncgen.jar}. The JVM options are the launcher's start-up options, with a class-data
 * archive made once per test run (it halves the start-up), plus {@code -XX:-UsePerfData} so the JVM
 * itself creates and deletes no files.
 */
final class SyncgenProcess {
  private static final List<String> JVM_OPTIONS =
      List.of(
          "-XX:TieredStopAtLevel=1",
          "-XX:+UseSerialGC",
          "-XX:-UsePerfData",
          "-Xshare:auto",
          "-Xlog:cds=off",
          "-Xlog:cds+dynamic=off");

  /** The class-data archive, once made; null before. */
  private static Path archive;

  private final Process process;
  private final Path out;
  private final Path err;

  private SyncgenProcess(Process process, Path out, Path err) {
    this.process = process;
    this.out = out;
    this.err = err;
  }

  /** What a finished process did: its exit code (128 + signal when killed), stdout and stderr. */
  record Result(int exitCode, String out, String err) {}

  /**
   * Starts {@code prefix... java -jar syncgen.jar args...}.
   *
   * @param prefix a command that runs the JVM (strace and its options), or empty
   * @param env variables added to this JVM's environment
   */
  static SyncgenProcess start(List<String> prefix, Map<String, String> env, String... args)
      throws IOException {
    return start(Path.of(""), prefix, env, args);
  }

  /**
   * Starts {@code prefix... java -jar syncgen.jar args...} in the working directory {@code cwd}.
   */
  static SyncgenProcess start(
      Path cwd, List<String> prefix, Map<String, String> env, String... args) throws IOException {
    List<String> command = new ArrayList<>(prefix);
    command.addAll(java("-XX:SharedArchiveFile=" + archive()));
    command.add("-jar");
    command.add(jar().toAbsolutePath().toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(cwd.toAbsolutePath().toFile());
    builder.environment().putAll(env);
    Path out = Files.createTempFile("syncgen", ".out");
    Path err = Files.createTempFile("syncgen", ".err");
    Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    return new SyncgenProcess(process, out, err);
  }

  /** Runs {@code syncgen args...} to its end. */
  static Result run(List<String> prefix, Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    return start(prefix, env, args).finish(120);
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Waits at most {@code seconds} for the end, then reads what it printed. */
  Result finish(int seconds) throws IOException, InterruptedException {
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail("syncgen did not finish within %d s", seconds);
    }
    Result result =
        new Result(
            process.exitValue(),
            Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8));
    Files.delete(out);
    Files.delete(err);
    return result;
  }

  private static List<String> java(String archiveOption) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(JVM_OPTIONS);
    command.add(archiveOption);
    return command;
  }

  /** Makes the archive by one render of the example (as the launcher does on first use). */
  private static synchronized Path archive() throws IOException {
    if (archive == null) {
      Path dir = Files.createTempDirectory("syncgen-cds");
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      FileTree.delete(dir);
                    } catch (IOException e) {
                      // A temporary folder: the system cleans it up.
                    }
                  }));
      List<String> command = java("-XX:ArchiveClassesAtExit=" + dir.resolve("syncgen.jsa"));
      command.addAll(List.of("-jar", jar().toAbsolutePath().toString(), "render", "--no-validate"));
      command.addAll(List.of("golden/example/app.yaml", "-o", dir.resolve("out").toString()));
      try {
        new ProcessBuilder(command).redirectErrorStream(true).start().waitFor();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      archive = dir.resolve("syncgen.jsa");
    }
    return archive;
  }

  /** The packaged jar; its tests skip (with a message) when it has not been built. */
  private static Path jar() {
    Path jar = Path.of(System.getProperty("syncgen.jar", "target/syncgen.jar"));
    Assumptions.assumeTrue(
        Files.isRegularFile(jar), "no " + jar + ": run through mvn verify, which builds it");
    return jar;
  }

  /** Fails (under CI=true) or skips, with {@code why}, when a tool a test needs is missing. */
  static void requireTool(boolean present, String why) {
    if (!present) {
      assertThat("true".equals(System.getenv("CI")))
          .as(why + " (CI=true: a missing tool fails the test)")
          .isFalse();
      Assumptions.abort(why);
    }
  }
}
