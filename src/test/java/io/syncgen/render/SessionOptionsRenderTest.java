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
 * The lock and statement timeouts reach the migration containers, and only them: the app, its
 * workers and the status step run without them (a lock timeout on the app would fail its own
 * queries).
 */
class SessionOptionsRenderTest {
  private static List<KubernetesObject> render(String migration) throws Exception {
    return ShellScript.render(
        ShellScript.app(
            "",
            "healthPath: /health\nmigration: {"
                + migration
                + ", postDeploy: {command: [rake, db:migrate]}}\n"),
        RenderOptions.DEFAULTS);
  }

  /** Every container's {@code PGOPTIONS}, by {@code Kind/name/container}; null when unset. */
  private static Map<String, String> pgoptions(List<KubernetesObject> objects) {
    Map<String, String> found = new LinkedHashMap<>();
    for (KubernetesObject object : objects) {
      JsonNode pod = object.tree().at("/spec/template/spec");
      List<JsonNode> containers = new ArrayList<>();
      pod.path("initContainers").forEach(containers::add);
      pod.path("containers").forEach(containers::add);
      for (JsonNode container : containers) {
        String value = null;
        for (JsonNode var : container.path("env")) {
          if (var.path("name").asText().equals("PGOPTIONS")) {
            value = var.path("value").asText();
          }
        }
        found.put(
            object.kind() + "/" + object.name() + "/" + container.path("name").asText(), value);
      }
    }
    return found;
  }

  @Test
  void theDefaultLockTimeoutIsSetOnTheMigrationsOnly() throws Exception {
    Map<String, String> options = pgoptions(render("tool: rails"));
    assertThat(options)
        .containsEntry("Job/shop-db-migrate/migrate", "-c lock_timeout=5s")
        .containsEntry("Job/shop-db-post-migrate/post-migrate", "-c lock_timeout=5s")
        .containsEntry("Deployment/shop/app", null)
        .containsEntry("Job/shop-post-deploy-check/migration-status", null)
        .containsEntry("Job/shop-post-deploy-check/health-check", null);
  }

  @Test
  void bothTimeoutsAreOneVariable() throws Exception {
    assertThat(pgoptions(render("tool: django, lockTimeout: 2s, statementTimeout: 15m")))
        .containsEntry(
            "Job/shop-db-migrate/migrate", "-c lock_timeout=2s -c statement_timeout=15min");
  }

  @Test
  void noTimeoutSetsNoVariable() throws Exception {
    assertThat(pgoptions(render("tool: django, lockTimeout: 0")))
        .containsEntry("Job/shop-db-migrate/migrate", null)
        .containsEntry("Job/shop-db-post-migrate/post-migrate", null);
  }

  /** An image pinned by digest alone has no version, so no {@code PGAPPNAME} either. */
  @Test
  void aMigrationWithoutOtherVariablesGetsAnEnvListAfterItsArgv() throws Exception {
    String descriptor =
        """
        apiVersion: syncgen/v1
        kind: App
        metadata: {name: shop}
        spec:
          image: shop/app@sha256:%s
          envFrom:
            - secretRef: {name: db}
          database: {}
          migration: {tool: command, command: [migrate]}
        """
            .formatted("a".repeat(64));
    JsonNode migrate =
        ShellScript.render(descriptor, RenderOptions.DEFAULTS).stream()
            .filter(o -> o.name().equals("shop-db-migrate"))
            .findFirst()
            .orElseThrow()
            .tree()
            .at("/spec/template/spec/containers/0");
    List<String> fields = new ArrayList<>();
    migrate.fieldNames().forEachRemaining(fields::add);
    assertThat(fields.subList(0, 5)).containsExactly("name", "image", "command", "env", "envFrom");
    assertThat(migrate.at("/env").toString())
        .isEqualTo("[{\"name\":\"PGOPTIONS\",\"value\":\"-c lock_timeout=5s\"}]");
  }
}
