package io.syncgen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * What a process started by an integration test printed, and its exit code.
 *
 * @param exitCode the process's exit code
 * @param out everything it wrote to stdout, UTF-8
 * @param err everything it wrote to stderr, UTF-8
 */
public record Finished(int exitCode, String out, String err) {
  /**
   * Starts {@code builder} with stdout and stderr captured in files (no pipe to fill up), and waits
   * for it, at most 120 s (the test fails after that).
   */
  public static Finished run(ProcessBuilder builder) throws IOException, InterruptedException {
    Path out = Files.createTempFile("syncgen", ".out");
    Path err = Files.createTempFile("syncgen", ".err");
    Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("finishes within 120 s").isTrue();
    return new Finished(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
