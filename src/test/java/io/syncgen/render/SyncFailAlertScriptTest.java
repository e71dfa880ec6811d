package io.syncgen.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.syncgen.render.LocalHttpServer.Reply;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SyncFail alert, run with dash and curl against a local webhook: it POSTs the alert, and ends
 * with exit 0 within half of its Job's deadline whatever the webhook does.
 */
class SyncFailAlertScriptTest {
  /** The app, with more {@code metadata} fields, and an alert Job of this deadline. */
  static String app(String metadata, int deadline) {
    return ShellScript.app(
        metadata,
        """
        migration: {tool: django}
        syncFail:
          webhook:
            urlFrom:
              secretKeyRef: {name: alerts, key: url}
          activeDeadlineSeconds: %d
        """
            .formatted(deadline));
  }

  @TempDir Path tmp;

  /** The alert step of an app whose alert Job has this deadline. */
  static ShellScript alert(int deadline) throws Exception {
    return ShellScript.of(
        ShellScript.render(app("", deadline), RenderOptions.DEFAULTS),
        "shop-sync-fail-alert",
        "alert");
  }

  private ShellScript.Result run(ShellScript alert, String url, int deadline) throws Exception {
    return alert.run(tmp, null, Map.of("WEBHOOK_URL", url), Duration.ofSeconds(deadline));
  }

  @Test
  void postsTheAlertAsJson() throws Exception {
    try (LocalHttpServer server = LocalHttpServer.start(r -> Reply.status(204))) {
      ShellScript.Result result =
          alert(120)
              .run(
                  tmp,
                  null,
                  Map.of("WEBHOOK_URL", server.origin() + "/hooks/T0", "POD_NAMESPACE", "shop"),
                  Duration.ofSeconds(120));

      assertThat(result.exitCode()).as(result.log()).isZero();
      assertThat(result.out()).contains("sync-fail-alert: alert sent");
      assertThat(server.requests()).hasSize(1);
      LocalHttpServer.Request request = server.requests().get(0);
      assertThat(request.target()).isEqualTo("/hooks/T0");
      assertThat(request.headers()).containsEntry("content-type", "application/json");
      assertThat(new ObjectMapper().readTree(request.body()))
          .isEqualTo(
              new ObjectMapper()
                  .createObjectNode()
                  .put("text", "Argo CD sync failed for shop in namespace shop.")
                  .put("app", "shop")
                  .put("namespace", "shop"));
    }
  }

  @ParameterizedTest(name = "metadata.namespace: {0}")
  @ValueSource(strings = {"", ", namespace: shop"})
  void theAlertNamesThePodsNamespaceWhereverItWasSet(String namespace) throws Exception {
    // Without metadata.namespace (Argo CD's destination, a Kustomize overlay) and with it: the
    // pod's namespace, from the downward API, is the one the app runs in.
    ShellScript alert =
        ShellScript.of(
            ShellScript.render(app(namespace, 120), new RenderOptions("c0ffee1")),
            "shop-sync-fail-alert",
            "alert");
    assertThat(alert.container().path("env"))
        .filteredOn(e -> e.path("name").asText().equals("POD_NAMESPACE"))
        .extracting(e -> e.at("/valueFrom/fieldRef/fieldPath").asText())
        .containsExactly("metadata.namespace");

    JsonNode body = post(alert, Map.of("POD_NAMESPACE", "shop-prod"));
    assertThat(body.path("namespace").asText()).isEqualTo("shop-prod");
    assertThat(body.path("text").asText())
        .isEqualTo("Argo CD sync failed for shop in namespace shop-prod at revision c0ffee1.");
    assertThat(body.path("app").asText()).isEqualTo("shop");
    assertThat(body.path("revision").asText()).isEqualTo("c0ffee1");
  }

  @Test
  void aRevisionThatLooksLikeTheNamespaceTokenStaysAsItIs() throws Exception {
    String revision = "v1@NAMESPACE@ \\u0040NAMESPACE\\u0040 \"@\" $(x) `y`";
    ShellScript alert =
        ShellScript.of(
            ShellScript.render(app("", 120), new RenderOptions(revision)),
            "shop-sync-fail-alert",
            "alert");
    JsonNode body = post(alert, Map.of("POD_NAMESPACE", "shop"));
    assertThat(body.path("revision").asText()).isEqualTo(revision);
    assertThat(body.path("namespace").asText()).isEqualTo("shop");
  }

  /** POSTs the alert to a local webhook and returns the JSON it received. */
  private JsonNode post(ShellScript alert, Map<String, String> env) throws Exception {
    try (LocalHttpServer server = LocalHttpServer.start(r -> Reply.status(200))) {
      Map<String, String> variables = new HashMap<>(env);
      variables.put("WEBHOOK_URL", server.origin() + "/hook");
      ShellScript.Result result = alert.run(tmp, null, variables, Duration.ofSeconds(30));
      assertThat(result.out()).as(result.log()).contains("alert sent");
      return new ObjectMapper().readTree(server.requests().get(0).body());
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"%s/hook\n", "%s/hook\r\n", "  %s/hook\t\n\n"})
  void trimsWhitespaceAroundTheUrlAsASecretFileLeavesIt(String secret) throws Exception {
    try (LocalHttpServer server = LocalHttpServer.start(r -> Reply.status(200))) {
      ShellScript.Result result = run(alert(120), secret.formatted(server.origin()), 120);

      assertThat(result.exitCode()).as(result.log()).isZero();
      assertThat(result.out()).contains("sync-fail-alert: alert sent");
      assertThat(server.requests())
          .extracting(LocalHttpServer.Request::target)
          .containsExactly("/hook");
    }
  }

  @ParameterizedTest(name = "<{0}>")
  @ValueSource(strings = {"http://hooks example.com/x", "htp://hooks.example.com/x", "", " \n"})
  void aUrlCurlCannotUseIsReportedAsInvalidAtOnce(String secret) throws Exception {
    ShellScript.Result result = run(alert(120), secret, 120);

    assertThat(result.exitCode()).as(result.log()).isZero();
    assertThat(result.err())
        .contains("sync-fail-alert: invalid webhook URL")
        .doesNotContain("did not accept");
    assertThat(result.elapsed()).as("not retried").isLessThan(Duration.ofSeconds(3));
  }

  @Test
  void retriesAServerErrorButNotAnotherClientError() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    try (LocalHttpServer server =
        LocalHttpServer.start(r -> Reply.status(calls.incrementAndGet() < 3 ? 503 : 200))) {
      ShellScript.Result result = run(alert(12), server.origin() + "/hook", 12);
      assertThat(result.out()).as(result.log()).contains("alert sent");
      assertThat(server.requests()).hasSize(3);
    }
    try (LocalHttpServer server = LocalHttpServer.start(r -> Reply.status(404))) {
      ShellScript.Result result = run(alert(120), server.origin() + "/hook", 120);
      assertThat(result.exitCode()).isZero();
      assertThat(result.err()).contains("the webhook did not accept the alert (curl exit 22)");
      assertThat(server.requests()).as("a 404 is not retried").hasSize(1);
    }
  }

  @Test
  void retriesARefusedConnectionUntilTheBudgetEnds() throws Exception {
    int deadline = 12;
    String closed;
    try (LocalHttpServer server = LocalHttpServer.start(r -> Reply.status(200))) {
      closed = server.origin();
    }
    ShellScript.Result result = run(alert(deadline), closed + "/hook", deadline);

    assertThat(result.exitCode()).isZero();
    assertThat(result.err()).contains("the webhook did not accept the alert (curl exit 7)");
    // --retry-max-time is 4 s for a 12 s deadline: retries go on that long, and end in time.
    assertThat(result.elapsed()).isBetween(Duration.ofSeconds(3), Duration.ofSeconds(7));
  }

  /**
   * Runs the alert of a Job with this deadline against a webhook answering {@code replies}, and
   * asserts the promise: it ends by itself with exit 0 within half the deadline.
   */
  private List<LocalHttpServer.Request> endsWithinHalfTheDeadline(
      Function<LocalHttpServer.Request, Reply> replies) throws Exception {
    int deadline = 12;
    try (LocalHttpServer server = LocalHttpServer.start(replies)) {
      ShellScript.Result result = run(alert(deadline), server.origin() + "/hook", deadline);

      assertThat(result.exitCode()).as("ended by itself, with 0: %s", result.log()).isZero();
      assertThat(result.err()).contains("the webhook did not accept the alert");
      assertThat(result.elapsed()).isLessThan(Duration.ofSeconds(deadline / 2 + 1));
      return server.requests();
    }
  }

  @Test
  void aRetryAfterBeyondTheBudgetEndsTheAlertAtOnce() throws Exception {
    assertThat(endsWithinHalfTheDeadline(r -> Reply.retryAfter(503, 45))).hasSize(1);
  }

  @Test
  void aWebhookThatNeverAnswersIsRetriedUntilTheBudgetEnds() throws Exception {
    assertThat(endsWithinHalfTheDeadline(r -> Reply.hang())).hasSizeGreaterThan(1);
  }

  @Test
  void theJobHasTheDeadlineOfTheDescriptor() throws Exception {
    assertThat(
            ShellScript.render(app("", 45), RenderOptions.DEFAULTS).stream()
                .filter(o -> o.name().equals("shop-sync-fail-alert"))
                .findFirst()
                .orElseThrow()
                .tree()
                .at("/spec/activeDeadlineSeconds")
                .asInt())
        .isEqualTo(45);
  }
}
