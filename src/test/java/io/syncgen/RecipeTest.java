package io.syncgen;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.syncgen.manifest.KubernetesObject;
import io.syncgen.render.RenderOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The example app renders every field and value of the recipe syncgen grew from (issue #2). The
 * YAML stream is read back with SnakeYAML, as a cluster would read it, not inspected as trees.
 */
class RecipeTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static List<JsonNode> objects;

  @BeforeAll
  static void render() throws Exception {
    List<KubernetesObject> rendered =
        Syncgen.render(Path.of("golden/example/app.yaml"), "app.yaml", RenderOptions.DEFAULTS);
    objects = new ArrayList<>();
    Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
    for (Object document : yaml.loadAll(Syncgen.toYaml(rendered))) {
      objects.add(JSON.valueToTree(document));
    }
  }

  private static JsonNode object(String kind, String name) {
    return objects.stream()
        .filter(o -> o.path("kind").asText().equals(kind))
        .filter(o -> o.at("/metadata/name").asText().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
  }

  private static JsonNode container(JsonNode object, String list, String name) {
    for (JsonNode c : object.at("/spec/template/spec/" + list)) {
      if (c.path("name").asText().equals(name)) {
        return c;
      }
    }
    throw new AssertionError("no container " + name + " in " + list);
  }

  private static String annotation(JsonNode object, String key) {
    return object.at("/metadata/annotations").path(key).asText(null);
  }

  private static JsonNode env(JsonNode container, String name) {
    for (JsonNode var : container.path("env")) {
      if (var.path("name").asText().equals(name)) {
        return var;
      }
    }
    throw new AssertionError("no env " + name);
  }

  @Test
  void objectsComeInArgoCdSyncOrder() {
    assertThat(objects)
        .extracting(o -> o.path("kind").asText() + "/" + o.at("/metadata/name").asText())
        .containsExactly(
            "Job/myapp-api-db-migrate",
            "Service/myapp-api",
            "Deployment/myapp-api",
            "Job/myapp-api-post-deploy-check",
            "Job/myapp-api-sync-fail-alert");
  }

  @Test
  void migrationJobIsANoRetryPreSyncHookWithADeadline() {
    JsonNode job = object("Job", "myapp-api-db-migrate");
    assertThat(job.at("/metadata/namespace").asText()).isEqualTo("myapp");
    assertThat(annotation(job, "argocd.argoproj.io/hook")).isEqualTo("PreSync");
    assertThat(annotation(job, "argocd.argoproj.io/sync-wave")).isEqualTo("-1");
    assertThat(annotation(job, "argocd.argoproj.io/hook-delete-policy"))
        .isEqualTo("BeforeHookCreation");
    assertThat(job.at("/spec/backoffLimit").isInt()).isTrue();
    assertThat(job.at("/spec/backoffLimit").asInt()).isZero();
    assertThat(job.at("/spec/activeDeadlineSeconds").asInt()).isEqualTo(300);
    assertThat(job.at("/spec/template/spec/restartPolicy").asText()).isEqualTo("Never");
  }

  @Test
  void migrationWaitsForTheDatabaseWithinItsOwnDeadline() {
    JsonNode wait =
        container(object("Job", "myapp-api-db-migrate"), "initContainers", "wait-for-db");
    assertThat(wait.path("image").asText()).startsWith("busybox:").doesNotEndWith(":latest");
    assertThat(wait.at("/command/2").asText()).contains("nc -z", "\"$DB_HOST\" \"$DB_PORT\"");
    assertThat(env(wait, "DB_HOST").path("value").asText()).isEqualTo("postgres.myapp.svc");
    assertThat(env(wait, "DB_PORT").path("value").asText()).isEqualTo("5432");
    int timeout = Integer.parseInt(env(wait, "TIMEOUT_SECONDS").path("value").asText());
    assertThat(timeout).isPositive().isLessThan(300);
    assertThat(wait.at("/securityContext/runAsUser").asLong()).isPositive();
  }

  @Test
  void migrationRunsThePresetInTheAppsOwnImage() {
    JsonNode migrate = container(object("Job", "myapp-api-db-migrate"), "containers", "migrate");
    JsonNode app = container(object("Deployment", "myapp-api"), "containers", "app");
    assertThat(migrate.path("image").asText()).isEqualTo("myapp/api:v1.2.0");
    assertThat(migrate.path("image")).isEqualTo(app.path("image"));
    assertThat(migrate.path("command"))
        .extracting(JsonNode::asText)
        .containsExactly("python", "manage.py", "migrate", "--noinput");
    assertThat(env(migrate, "DATABASE_URL").at("/valueFrom/secretKeyRef"))
        .isEqualTo(JSON.valueToTree(Map.of("name", "db-credentials", "key", "url")));
    assertThat(migrate.at("/resources/requests/memory").asText()).isEqualTo("256Mi");
    assertThat(migrate.at("/resources/requests/cpu").asText()).isEqualTo("100m");
    assertThat(migrate.at("/resources/limits/memory").asText()).isEqualTo("512Mi");
    assertThat(migrate.at("/resources/limits/cpu").asText()).isEqualTo("500m");
  }

  @Test
  void deploymentRollsOutWithZeroDowntimeAtWaveZero() {
    JsonNode deployment = object("Deployment", "myapp-api");
    assertThat(annotation(deployment, "argocd.argoproj.io/sync-wave")).isEqualTo("0");
    assertThat(annotation(deployment, "argocd.argoproj.io/hook")).isNull();
    assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(3);
    assertThat(deployment.at("/spec/strategy/type").asText()).isEqualTo("RollingUpdate");
    assertThat(deployment.at("/spec/strategy/rollingUpdate/maxSurge").asInt()).isEqualTo(1);
    assertThat(deployment.at("/spec/strategy/rollingUpdate/maxUnavailable").asInt()).isZero();
    JsonNode app = container(deployment, "containers", "app");
    JsonNode probe = app.path("readinessProbe");
    assertThat(probe.at("/httpGet/path").asText()).isEqualTo("/health");
    assertThat(probe.at("/httpGet/port").asText()).isEqualTo(app.at("/ports/0/name").asText());
    assertThat(app.at("/ports/0/containerPort").asInt()).isEqualTo(8080);
    assertThat(probe.path("initialDelaySeconds").asInt()).isEqualTo(5);
    assertThat(probe.path("periodSeconds").asInt()).isEqualTo(10);
    assertThat(env(app, "DATABASE_URL").at("/valueFrom/secretKeyRef/name").asText())
        .isEqualTo("db-credentials");
  }

  @Test
  void selectorsUseRecommendedLabelsAndNeverMatchHookPods() {
    JsonNode deployment = object("Deployment", "myapp-api");
    JsonNode selector = deployment.at("/spec/selector/matchLabels");
    assertThat(selector.path("app.kubernetes.io/name").asText()).isEqualTo("myapp-api");
    assertThat(object("Service", "myapp-api").at("/spec/selector")).isEqualTo(selector);
    selector
        .properties()
        .forEach(
            label ->
                assertThat(deployment.at("/spec/template/metadata/labels").path(label.getKey()))
                    .isEqualTo(label.getValue()));
    for (JsonNode object : objects) {
      if (object.path("kind").asText().equals("Job")) {
        JsonNode podLabels = object.at("/spec/template/metadata/labels");
        boolean matches = true;
        for (var label : selector.properties()) {
          matches &= podLabels.path(label.getKey()).equals(label.getValue());
        }
        assertThat(matches).as("Service selects pods of %s", object.at("/metadata/name")).isFalse();
      }
    }
  }

  @Test
  void serviceExposesTheAppPortAtWaveZero() {
    JsonNode service = object("Service", "myapp-api");
    assertThat(annotation(service, "argocd.argoproj.io/sync-wave")).isEqualTo("0");
    assertThat(service.at("/spec/ports/0/port").asInt()).isEqualTo(8080);
    assertThat(service.at("/spec/ports/0/targetPort").asText()).isEqualTo("http");
  }

  @Test
  void postSyncJobChecksMigrationsAndHealthAtWaveOne() {
    JsonNode job = object("Job", "myapp-api-post-deploy-check");
    assertThat(annotation(job, "argocd.argoproj.io/hook")).isEqualTo("PostSync");
    assertThat(annotation(job, "argocd.argoproj.io/sync-wave")).isEqualTo("1");
    assertThat(annotation(job, "argocd.argoproj.io/hook-delete-policy"))
        .isEqualTo("HookSucceeded,BeforeHookCreation");
    assertThat(job.at("/spec/backoffLimit").asInt()).isEqualTo(1);
    JsonNode status = container(job, "initContainers", "migration-status");
    assertThat(status.path("image").asText()).isEqualTo("myapp/api:v1.2.0");
    List<String> argv = new ArrayList<>();
    status.path("command").forEach(a -> argv.add(a.asText()));
    assertThat(argv).endsWith("python", "manage.py", "migrate", "--check");
    assertThat(argv.get(2)).contains("\"$@\"", "exit 1", "echo");
    JsonNode health = container(job, "containers", "health-check");
    assertThat(health.path("image").asText()).matches("curlimages/curl:\\d+\\.\\d+\\.\\d+");
    assertThat(env(health, "HEALTH_URL").path("value").asText())
        .isEqualTo("http://myapp-api.myapp.svc:8080/health");
    assertThat(health.at("/command/2").asText()).contains("--fail", "exit 1", "echo");
  }

  @Test
  void syncFailAlertPostsJsonAndNeverFailsFurther() throws Exception {
    JsonNode job = object("Job", "myapp-api-sync-fail-alert");
    assertThat(annotation(job, "argocd.argoproj.io/hook")).isEqualTo("SyncFail");
    JsonNode alert = container(job, "containers", "alert");
    assertThat(env(alert, "WEBHOOK_URL").at("/valueFrom/secretKeyRef"))
        .isEqualTo(JSON.valueToTree(Map.of("name", "alerts", "key", "webhook-url")));
    JsonNode payload = JSON.readTree(env(alert, "ALERT_PAYLOAD").path("value").asText());
    assertThat(payload.path("app").asText()).isEqualTo("myapp-api");
    // The namespace is the pod's (downward API), put in by the script where the token stands.
    assertThat(payload.path("namespace").asText()).isEqualTo("@NAMESPACE@");
    assertThat(payload.path("text").asText()).contains("myapp-api", "failed", "@NAMESPACE@");
    assertThat(env(alert, "POD_NAMESPACE").at("/valueFrom/fieldRef/fieldPath").asText())
        .isEqualTo("metadata.namespace");
    String script = alert.at("/command/2").asText();
    assertThat(script).contains("\"$@\"", "Content-Type: application/json");
    List<String> limits = new ArrayList<>();
    alert.path("command").forEach(a -> limits.add(a.asText()));
    assertThat(limits.subList(3, limits.size()))
        .as("the script's arguments: curl's limits within half the 120 s deadline")
        .containsExactly(
            "sync-fail-alert",
            "--connect-timeout",
            "5",
            "--max-time",
            "10",
            "--retry",
            "9",
            "--retry-delay",
            "5",
            "--retry-max-time",
            "45");
    assertThat(script.strip()).endsWith("exit 0");
    assertThat(script).doesNotContain("echo \"$WEBHOOK_URL\"");
  }

  @Test
  void everyPodAndContainerMeetsTheRestrictedProfile() {
    for (JsonNode object : objects) {
      JsonNode pod = object.at("/spec/template/spec");
      if (pod.isMissingNode()) {
        continue;
      }
      String name = object.at("/metadata/name").asText();
      assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).as(name).isTrue();
      assertThat(pod.at("/securityContext/seccompProfile/type").asText())
          .as(name)
          .isEqualTo("RuntimeDefault");
      assertThat(pod.path("automountServiceAccountToken").isBoolean()).as(name).isTrue();
      assertThat(pod.path("automountServiceAccountToken").asBoolean()).as(name).isFalse();
      List<JsonNode> containers = new ArrayList<>();
      pod.path("initContainers").forEach(containers::add);
      pod.path("containers").forEach(containers::add);
      for (JsonNode c : containers) {
        String where = name + "/" + c.path("name").asText();
        JsonNode sc = c.path("securityContext");
        assertThat(sc.path("allowPrivilegeEscalation").isBoolean()).as(where).isTrue();
        assertThat(sc.path("allowPrivilegeEscalation").asBoolean()).as(where).isFalse();
        assertThat(sc.at("/capabilities/drop")).as(where).containsExactly(JSON.valueToTree("ALL"));
        assertThat(sc.path("runAsNonRoot").asBoolean()).as(where).isTrue();
        assertThat(sc.at("/seccompProfile/type").asText()).as(where).isEqualTo("RuntimeDefault");
        if (object.path("kind").asText().equals("Job")) {
          assertThat(c.path("terminationMessagePolicy").asText())
              .as(where)
              .isEqualTo("FallbackToLogsOnError");
        }
      }
    }
  }

  @Test
  void everyAnnotationAndLabelValueIsAString() {
    for (JsonNode object : objects) {
      for (String map :
          List.of("/metadata/annotations", "/metadata/labels", "/spec/template/metadata/labels")) {
        object
            .at(map)
            .forEach(
                value ->
                    assertThat(value.isTextual())
                        .as("%s %s: %s", object.at("/metadata/name"), map, value)
                        .isTrue());
      }
    }
  }
}
