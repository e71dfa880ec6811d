package io.syncgen.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The step that gives Flyway and Liquibase the migration's timeouts in their JDBC URL ({@code
 * templates/command-jdbc-options.yaml}), run with dash around a stand-in {@code flyway} that prints
 * the URL it gets and its arguments. PresetSuiteIT runs it with the real tools.
 */
class JdbcOptionsScriptTest {
  @TempDir Path tmp;

  private ShellScript.Result migrate(Map<String, String> env) throws Exception {
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    Path fake = bin.resolve("flyway");
    Files.writeString(fake, "#!/bin/sh\necho \"url=${FLYWAY_URL-unset} args=$*\"\n");
    Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
    ShellScript step =
        ShellScript.of(
            ShellScript.render(
                ShellScript.app("", "migration: {tool: flyway, statementTimeout: 1h}\n"),
                RenderOptions.DEFAULTS),
            "shop-db-migrate",
            "migrate");
    assertThat(step.arguments()).containsExactly("migrate", "flyway", "migrate");
    assertThat(step.env())
        .containsEntry("SYNCGEN_JDBC_URL_ENV", "FLYWAY_URL")
        .containsEntry(
            "SYNCGEN_JDBC_OPTIONS", "-c%20lock_timeout%3D5s%20-c%20statement_timeout%3D1h");
    return step.run(tmp, bin, env, Duration.ofSeconds(30));
  }

  @Test
  void aUrlWithAQueryGetsTheOptionsAfterAnAmpersand() throws Exception {
    ShellScript.Result result =
        migrate(Map.of("FLYWAY_URL", "jdbc:postgresql://db:5432/shop?user=app&password=p%3Fw"));
    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .isEqualTo(
            "url=jdbc:postgresql://db:5432/shop?user=app&password=p%3Fw"
                + "&options=-c%20lock_timeout%3D5s%20-c%20statement_timeout%3D1h args=migrate\n");
  }

  @Test
  void aUrlWithoutAQueryGetsOne() throws Exception {
    ShellScript.Result result = migrate(Map.of("FLYWAY_URL", "jdbc:postgresql://db:5432/shop"));
    assertThat(result.out())
        .isEqualTo(
            "url=jdbc:postgresql://db:5432/shop"
                + "?options=-c%20lock_timeout%3D5s%20-c%20statement_timeout%3D1h args=migrate\n");
  }

  @Test
  void aUrlWithShellCharactersIsPassedAsItIs() throws Exception {
    String url = "jdbc:postgresql://db/shop?password=$(id)`id`'\"*";
    ShellScript.Result result = migrate(Map.of("FLYWAY_URL", url));
    assertThat(result.out()).startsWith("url=" + url + "&options=-c%20lock_timeout");
  }

  @Test
  void withoutTheUrlTheToolRunsAndTheLogSaysTheTimeoutsAreMissing() throws Exception {
    // An empty URL (the Secret's key is empty, or the tool reads a file instead).
    ShellScript.Result result = migrate(Map.of("FLYWAY_URL", ""));
    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).isEqualTo("url= args=migrate\n");
    assertThat(result.err())
        .isEqualTo(
            "migrate: FLYWAY_URL is not set, so the lock and statement timeouts are not added to"
                + " it\n");
  }
}
