package io.syncgen.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncgen.manifest.KubernetesObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code PGAPPNAME=<app>@<version>} reaches every container that runs the app's release (the
 * Deployments, the CronJobs, the migrations and the status step), and no other: not the helpers
 * (wait-for-db, the health check, the SyncFail alert) nor a migration in an image of its own. A
 * {@code PGAPPNAME} of the descriptor wins, where it is given.
 */
class ApplicationNameRenderTest {
  private static final String FULL =
      """
      healthPath: /health
      processes:
        worker: {command: [bin/worker]}
        streaming: {imageRepository: shop/streaming, port: 4000}
        cleanup: {schedule: "@daily", command: [bin/cleanup]}
      migration: {tool: rails, postDeploy: {command: [bin/rails, db:migrate]}}
      syncFail:
        webhook: {urlFrom: {secretKeyRef: {name: alerts, key: url}}}
      """;

  private static Map<String, String> names(String image, String spec) throws Exception {
    String descriptor = ShellScript.app("", spec).replace("shop/app:1.0", image);
    return pgappnames(ShellScript.render(descriptor, RenderOptions.DEFAULTS));
  }

  /** Every container's {@code PGAPPNAME}, by {@code Kind/name/container}; null when unset. */
  static Map<String, String> pgappnames(List<KubernetesObject> objects) {
    Map<String, String> found = new LinkedHashMap<>();
    for (KubernetesObject object : objects) {
      JsonNode pod = Workloads.podTemplate(object.tree()).map(t -> t.path("spec")).orElse(null);
      if (pod == null) {
        continue;
      }
      List<JsonNode> containers = new ArrayList<>();
      pod.path("initContainers").forEach(containers::add);
      pod.path("containers").forEach(containers::add);
      for (JsonNode container : containers) {
        String value = null;
        for (JsonNode var : container.path("env")) {
          if (var.path("name").asText().equals("PGAPPNAME")) {
            value = var.has("value") ? var.path("value").asText() : var.toString();
          }
        }
        found.put(
            object.kind() + "/" + object.name() + "/" + container.path("name").asText(), value);
      }
    }
    return found;
  }

  @Test
  void everyContainerOfTheReleaseNamesItsSessionsAndNoOtherDoes() throws Exception {
    Map<String, String> names = names("shop/app:1.4.2", FULL);
    assertThat(names.entrySet().stream().map(String::valueOf))
        .containsExactlyInAnyOrder(
            "Job/shop-db-migrate/migrate=shop@1.4.2",
            "Deployment/shop/app=shop@1.4.2",
            "CronJob/shop-cleanup/cleanup=shop@1.4.2",
            "Deployment/shop-streaming/streaming=shop@1.4.2",
            "Deployment/shop-worker/worker=shop@1.4.2",
            "Job/shop-db-post-migrate/post-migrate=shop@1.4.2",
            "Job/shop-post-deploy-check/migration-status=shop@1.4.2",
            "Job/shop-post-deploy-check/health-check=null",
            "Job/shop-sync-fail-alert/alert=null");
  }

  @Test
  void theVersionIsTheVersionLabel() throws Exception {
    String digest = "@sha256:" + "a".repeat(64);
    List<KubernetesObject> objects =
        ShellScript.render(
            ShellScript.app("", "migration: {tool: django}\n").replace(":1.0", ":v2.0.1" + digest),
            RenderOptions.DEFAULTS);
    KubernetesObject deployment =
        objects.stream().filter(o -> o.kind().equals("Deployment")).findFirst().orElseThrow();
    assertThat(deployment.tree().at("/metadata/labels/app.kubernetes.io~1version").asText())
        .isEqualTo("v2.0.1");
    assertThat(pgappnames(objects)).containsEntry("Deployment/shop/app", "shop@v2.0.1");
    // No label, no name: a digest alone, or a tag a label cannot hold (over 63 characters).
    assertThat(names("shop/app" + digest, "migration: {tool: django}\n").values())
        .containsOnlyNulls();
    assertThat(names("shop/app:" + "1".repeat(64), "migration: {tool: django}\n").values())
        .containsOnlyNulls();
  }

  @Test
  void aMigrationInAnImageOfItsOwnIsAnotherProgram() throws Exception {
    Map<String, String> names =
        names(
            "shop/app:1.4.2",
            "healthPath: /health\nmigration: {tool: django, image: tools/migrate:3}\n");
    assertThat(names)
        .containsEntry("Deployment/shop/app", "shop@1.4.2")
        .containsEntry("Job/shop-db-migrate/migrate", null)
        .containsEntry("Job/shop-post-deploy-check/migration-status", null);
  }

  @Test
  void thePgappnameOfTheDescriptorWins() throws Exception {
    String spec =
        """
        env:
          - {name: A, value: a}
          - {name: PGAPPNAME, value: shop-web}
        processes:
          worker:
            command: [bin/worker]
            env: [{name: PGAPPNAME, value: shop-worker}]
        migration:
          tool: rails
          env: [{name: PGAPPNAME, value: shop-migrate}]
        """;
    Map<String, String> names = names("shop/app:1.4.2", spec);
    assertThat(names)
        .containsEntry("Deployment/shop/app", "shop-web")
        .containsEntry("Deployment/shop-worker/worker", "shop-worker")
        .containsEntry("Job/shop-db-migrate/migrate", "shop-migrate");
    List<KubernetesObject> objects =
        ShellScript.render(
            ShellScript.app("", spec).replace(":1.0", ":1.4.2"), RenderOptions.DEFAULTS);
    // One variable, where the release's stood: first after the database URL.
    JsonNode web =
        objects.stream()
            .filter(o -> o.kind().equals("Deployment") && o.name().equals("shop"))
            .findFirst()
            .orElseThrow()
            .tree();
    assertThat(web.at("/spec/template/spec/containers/0/env").toString())
        .isEqualTo(
            "[{\"name\":\"DATABASE_URL\",\"valueFrom\":{\"secretKeyRef\":{\"name\":\"db\","
                + "\"key\":\"url\"}}},{\"name\":\"PGAPPNAME\",\"value\":\"shop-web\"},"
                + "{\"name\":\"A\",\"value\":\"a\"}]");
  }
}
