package io.syncgen.descriptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.syncgen.cli.Run;
import io.syncgen.diagnostic.Diagnostic;
import io.syncgen.diagnostic.DiagnosticException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code spec.environments}, {@code --env} and {@code --set} beyond the golden scenarios: the
 * environment overrides that are refused (a tag on a digest, a SyncFail switch without a webhook, a
 * wait that is not set), {@code --set} applied after the environment and located at its argument
 * when a rule breaks, {@code --set} values of string fields kept as text, and the usage errors.
 */
class OverridesTest {
  /** A descriptor; line numbers in the tests refer to this text. */
  private static final String APP =
      """
      apiVersion: syncgen/v1
      kind: App
      metadata:
        name: shop
      spec:
        image: shop/api@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
        replicas: 2
        database:
          urlFrom:
            secretKeyRef: {name: db, key: url}
        migration:
          tool: django
        environments:
          tagged:
            imageTag: v2
          alerting:
            syncFail: {enabled: true}
          quiet:
            syncFail:
              enabled: false
              webhook:
                urlFrom:
                  secretKeyRef: {name: a, key: b}
          waiting:
            database:
              waitFor: {timeoutSeconds: 30}
          big:
            replicas: 6
      """;

  private static LoadedDescriptor load() throws DiagnosticException {
    return DescriptorLoader.parse("app.yaml", APP);
  }

  private static List<String> problems(Overrides overrides) throws DiagnosticException {
    LoadedDescriptor loaded = load();
    try {
      overrides.apply(loaded);
    } catch (DiagnosticException e) {
      return e.diagnostics().stream()
          .map(Diagnostic::format)
          .map(f -> f.lines().findFirst().orElseThrow())
          .toList();
    }
    throw new AssertionError("no problem reported");
  }

  @Test
  void anImageTagCannotReplaceTheTagOfAnImagePinnedByDigest() throws DiagnosticException {
    assertThat(problems(new Overrides("tagged", List.of())))
        .containsExactly(
            "app.yaml:15:17: error: spec.environments.tagged.imageTag cannot replace the tag of"
                + " spec.image, which is pinned by digest (shop/api@sha256:"
                + "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef): the digest"
                + " decides what runs");
  }

  @Test
  void anEnvironmentsWebhookKeepsTheAlertsDeadline() throws DiagnosticException {
    String app =
        """
        apiVersion: syncgen/v1
        kind: App
        metadata: {name: shop}
        spec:
          image: shop/api:v1
          database:
            urlFrom:
              secretKeyRef: {name: db, key: url}
          migration: {tool: django}
        %s  environments:
            paging:
              syncFail:
                webhook:
                  urlFrom:
                    secretKeyRef: {name: pager, key: url}
        """;
    String alert =
        """
          syncFail:
            webhook:
              urlFrom:
                secretKeyRef: {name: chat, key: url}
            activeDeadlineSeconds: 45
        """;
    SyncFail kept = syncFail(app.formatted(alert));
    assertThat(kept.webhook().urlFrom().secretKeyRef().name()).isEqualTo("pager");
    assertThat(kept.activeDeadlineSeconds()).isEqualTo(45);
    assertThat(syncFail(app.formatted("")).activeDeadlineSeconds())
        .as("the default, as when spec.syncFail names none")
        .isEqualTo(120);
  }

  private static SyncFail syncFail(String app) throws DiagnosticException {
    LoadedDescriptor loaded = DescriptorLoader.parse("app.yaml", app);
    return new Overrides("paging", List.of()).apply(loaded).app().spec().syncFail();
  }

  @Test
  void syncFailEnabledNeedsAWebhookAndDisabledTakesNone() throws DiagnosticException {
    assertThat(problems(new Overrides("alerting", List.of())))
        .containsExactly(
            "app.yaml:17:27: error: spec.environments.alerting.syncFail.enabled: true needs a"
                + " webhook, and spec.syncFail is not set; add"
                + " spec.environments.alerting.syncFail.webhook");
    assertThat(problems(new Overrides("quiet", List.of())))
        .containsExactly(
            "app.yaml:21:9: error: spec.environments.quiet.syncFail.webhook has no effect with"
                + " enabled: false (no SyncFail Job); remove one of them");
  }

  @Test
  void aWaitTimeoutNeedsAWaitToOverride() throws DiagnosticException {
    assertThat(problems(new Overrides("waiting", List.of())))
        .containsExactly(
            "app.yaml:26:9: error: spec.environments.waiting.database.waitFor overrides"
                + " spec.database.waitFor, which is not set; set it in spec first");
  }

  @Test
  void setAppliesAfterTheEnvironment() throws DiagnosticException {
    LoadedDescriptor merged =
        new Overrides("big", List.of("spec.replicas=9", "metadata.namespace=123")).apply(load());
    assertThat(merged.app().spec().replicas()).as("--set wins over big's 6").isEqualTo(9);
    assertThat(merged.app().metadata().namespace())
        .as("a string field takes the text, though YAML would read 123 as a number")
        .isEqualTo("123");
    assertThat(merged.app().spec().environments()).as("the merged descriptor is plain").isNull();
    assertThat(new Overrides("big", List.of()).apply(load()).app().spec().replicas()).isEqualTo(6);
  }

  @Test
  void aRuleBrokenBySetIsLocatedAtTheArgument() throws DiagnosticException {
    // Without waitFor, no rule spans fields --set can reach except through the name: a name of
    // 50 characters makes shop's "-post-deploy-check" Job 68 characters long.
    String name = "a".repeat(50);
    assertThat(problems(new Overrides(null, List.of("metadata.name=" + name))))
        .singleElement()
        .asString()
        .startsWith("--set metadata.name=" + name + ": error: metadata.name is too long")
        .endsWith("(with --set)");
  }

  @Test
  void setCannotChangeAFieldOfABlockThatIsNotSet() throws DiagnosticException {
    assertThat(problems(new Overrides(null, List.of("spec.database.waitFor.timeoutSeconds=5"))))
        .containsExactly(
            "--set spec.database.waitFor.timeoutSeconds=5: error: spec.database.waitFor is not set"
                + " in the descriptor; --set changes a field of a block that exists");
  }

  @Test
  void setNeedsAValue() throws DiagnosticException {
    assertThat(problems(new Overrides(null, List.of("spec.healthPath="))))
        .containsExactly("--set spec.healthPath=: error: spec.healthPath needs a value after '='");
  }

  @Test
  void setWithoutEqualsIsAUsageError() {
    Run run = Run.of("render", "golden/example/app.yaml", "--set", "spec.replicas");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("syncgen: --set needs PATH=VALUE, such as spec.replicas=5");
    assertThatThrownBy(() -> new Overrides(null, List.of("=5")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void validateAndPlanTakeTheSameOverrides() {
    Run validate =
        Run.of(
            "validate",
            "golden/environments-prod/app.yaml",
            "--env",
            "prod",
            "--set",
            "spec.replicas=4");
    assertThat(validate.exitCode()).as(validate.err()).isZero();
    // prod has a sync-fail alert, staging none: the environment decides what is validated.
    assertThat(validate.out()).endsWith("checked 5 objects: 0 errors, 1 warning\n");
    Run staging = Run.of("validate", "golden/environments-prod/app.yaml", "--env", "staging");
    assertThat(staging.out()).endsWith("checked 4 objects: 0 errors, 1 warning\n");
    Run badSet =
        Run.of("validate", "golden/environments-prod/app.yaml", "--set", "spec.replicas=0");
    assertThat(badSet.exitCode()).as("validate applies --set").isOne();
    assertThat(badSet.err())
        .isEqualTo(
            "--set spec.replicas=0: error: spec.replicas must be at least 1 (got integer 0)\n");
    Run plan = Run.of("plan", "golden/environments-prod/app.yaml", "--env", "staging");
    assertThat(plan.exitCode()).as(plan.err()).isZero();
    assertThat(plan.out()).doesNotContain("sync-fail-alert").contains("shop-api-db-migrate");
    Run unknown = Run.of("validate", "golden/environments-prod/app.yaml", "--env", "qa");
    assertThat(unknown.exitCode()).isEqualTo(1);
    assertThat(unknown.err()).contains("it has staging, prod");
  }
}
