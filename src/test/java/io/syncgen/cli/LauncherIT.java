package io.syncgen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher and the packaged jar as a shell runs them: a stdout that cannot be written (a full
 * device, a closed descriptor) is never exit 0, and paths work whatever the caller's locale. Runs
 * in Maven's integration-test phase, after the jar is built.
 */
class LauncherIT {
  private static final Path LAUNCHER = Path.of("cli/syncgen").toAbsolutePath();
  private static final Path EXAMPLE = Path.of("golden/example/app.yaml").toAbsolutePath();
  private static final String INCOMPLETE =
      "syncgen: error: standard output could not be written (a full disk, a closed pipe or a"
          + " closed descriptor): the output is incomplete\n";

  @TempDir Path tmp;

  @Test
  void aFullDeviceOnStdoutIsExitOne() throws Exception {
    Finished render = sh(tmp, Map.of(), "\"$SYNCGEN\" render \"$EXAMPLE\" > /dev/full");
    assertThat(render.exitCode()).isOne();
    assertThat(render.err()).isEqualTo(INCOMPLETE);

    Path app = Files.createDirectory(tmp.resolve("app"));
    Files.copy(EXAMPLE, app.resolve("app.yaml"));
    Finished generate = sh(app, Map.of(), "\"$SYNCGEN\" cmp generate > /dev/full");
    assertThat(generate.exitCode()).isOne();
    assertThat(generate.err()).isEqualTo(INCOMPLETE);
  }

  @Test
  void aClosedStdoutIsExitOne() throws Exception {
    Finished render = sh(tmp, Map.of(), "\"$SYNCGEN\" render \"$EXAMPLE\" >&-");
    assertThat(render.exitCode()).isOne();
    assertThat(render.err()).isEqualTo(INCOMPLETE);
  }

  @Test
  void nonAsciiPathsWorkUnderTheCAndPosixLocales() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("café-ü"));
    Files.copy(EXAMPLE, dir.resolve("app.yaml"));
    String expected = sh(tmp, Map.of(), "\"$SYNCGEN\" render \"$EXAMPLE\"").out();
    assertThat(expected).contains("kind: Deployment");
    for (String locale : List.of("C", "POSIX")) {
      Finished render = sh(tmp, Map.of("LC_ALL", locale), "\"$SYNCGEN\" render café-ü/app.yaml");
      assertThat(render.exitCode()).as("%s: %s", locale, render.err()).isZero();
      assertThat(render.out()).as(locale).isEqualTo(expected);

      Finished generate = sh(dir, Map.of("LC_ALL", locale), "\"$SYNCGEN\" cmp generate");
      assertThat(generate.exitCode()).as("%s: %s", locale, generate.err()).isZero();
      assertThat(generate.out()).as(locale).contains("kind: Deployment");
    }
  }

  @Test
  void theJarAloneUnderAnAsciiLocaleSaysWhichLocaleToUse() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("café"));
    Files.copy(EXAMPLE, dir.resolve("app.yaml"));
    Finished render =
        sh(tmp, Map.of("LC_ALL", "C"), "java -jar \"$SYNCGEN_JAR\" render café/app.yaml");
    assertThat(render.exitCode()).isEqualTo(2);
    assertThat(render.out()).isEmpty();
    assertThat(render.err())
        .contains("is not a path this locale's character set", "LC_ALL=C.UTF-8")
        .doesNotContain("Exception");
  }

  /** Runs {@code script} with sh in {@code dir}, with $SYNCGEN, $SYNCGEN_JAR and $EXAMPLE set. */
  private static Finished sh(Path dir, Map<String, String> env, String script)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("sh", "-c", script));
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    Map<String, String> environment = builder.environment();
    environment.keySet().removeIf(k -> k.startsWith("LC_") || k.equals("LANG"));
    String javaHome = System.getProperty("java.home");
    environment.put("PATH", javaHome + "/bin:" + System.getenv().getOrDefault("PATH", "/usr/bin"));
    environment.put("SYNCGEN", LAUNCHER.toString());
    environment.put("EXAMPLE", EXAMPLE.toString());
    String jar = System.getProperty("syncgen.jar");
    assertThat(jar).as("the pom passes syncgen.jar to integration tests").isNotBlank();
    environment.put("SYNCGEN_JAR", jar);
    environment.putAll(env);
    return Finished.run(builder);
  }
}
