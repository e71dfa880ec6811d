package io.syncgen.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.syncgen.cli.Run;
import io.syncgen.render.LocalHttpServer.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The PostSync health step, run with dash and curl against a local server: it sends the health path
 * exactly as the readiness probe does, once per attempt, and ends within its share of the Job's
 * deadline whatever the server does.
 */
class HealthCheckScriptTest {
  @TempDir Path tmp;

  private ShellScript healthCheck(String path, int deadline) throws Exception {
    return ShellScript.of(
        ShellScript.render(
            ShellScript.app(
                ", namespace: shop",
                """
                healthPath: "%s"
                migration: {tool: django}
                postSync: {migrationStatus: false, activeDeadlineSeconds: %d}
                """
                    .formatted(path, deadline)),
            RenderOptions.DEFAULTS),
        "shop-post-deploy-check",
        "health-check");
  }

  /** Runs the step against {@code server}: the rendered URL with the server's origin. */
  private ShellScript.Result run(ShellScript step, LocalHttpServer server, Duration limit)
      throws Exception {
    String url = step.env().get("HEALTH_URL").replaceFirst("^http://[^/]+", server.origin());
    return step.run(tmp, null, Map.of("HEALTH_URL", url), limit);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/[1-3]", "/h[", "/status[]", "/a/../health", "/./up?x=[1]"})
  void sendsTheHealthPathOnceAndAsTheProbeDoes(String path) throws Exception {
    try (LocalHttpServer server = LocalHttpServer.start(r -> Reply.status(200))) {
      ShellScript.Result result = run(healthCheck(path, 300), server, Duration.ofSeconds(30));

      assertThat(result.exitCode()).as(result.log()).isZero();
      assertThat(server.requests())
          .as("curl neither globs [...] nor removes dot segments (kubelet sends the path as is)")
          .extracting(LocalHttpServer.Request::target)
          .containsExactly(path);
    }
  }

  @Test
  void aPathTheProbeWouldSendOtherwiseIsRefusedWithItsPlaceAndNoOutput() throws Exception {
    Path descriptor = tmp.resolve("app.yaml");
    Files.writeString(
        descriptor, ShellScript.app("", "healthPath: /{a,b}\nmigration: {tool: django}\n"));

    Run run = Run.of("render", descriptor.toString());

    assertThat(run.exitCode()).isOne();
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .contains(
            "app.yaml:9:15: error: spec.healthPath must write '{' percent-encoded, as %7B"
                + " (character 2)")
        .doesNotContain("Exception");
  }

  /**
   * Runs the step of a Job with this deadline against a server answering {@code replies}, and
   * asserts the promise: it ends by itself, failed, within half the deadline.
   */
  private List<LocalHttpServer.Request> endsWithinHalfTheDeadline(
      Function<LocalHttpServer.Request, Reply> replies) throws Exception {
    int deadline = 12;
    try (LocalHttpServer server = LocalHttpServer.start(replies)) {
      ShellScript.Result result =
          run(healthCheck("/health", deadline), server, Duration.ofSeconds(deadline));

      assertThat(result.exitCode()).as("ended by itself, and failed: %s", result.log()).isOne();
      assertThat(result.err()).contains("did not answer 2xx");
      assertThat(result.elapsed()).isLessThan(Duration.ofSeconds(deadline / 2 + 1));
      return server.requests();
    }
  }

  @Test
  void aRetryAfterBeyondTheBudgetEndsTheStepAtOnce() throws Exception {
    assertThat(endsWithinHalfTheDeadline(r -> Reply.retryAfter(503, 45))).hasSize(1);
  }

  @Test
  void aServerThatNeverAnswersIsRetriedUntilTheBudgetEnds() throws Exception {
    assertThat(endsWithinHalfTheDeadline(r -> Reply.hang())).hasSizeGreaterThan(1);
  }

  @Test
  void aServerThatKeepsAskingForOneMoreSecondIsRetriedUntilTheBudgetEnds() throws Exception {
    assertThat(endsWithinHalfTheDeadline(r -> Reply.retryAfter(503, 1))).hasSizeGreaterThan(1);
  }
}
