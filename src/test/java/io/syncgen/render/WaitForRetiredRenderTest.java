package io.syncgen.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syncgen.manifest.KubernetesObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code migration.contract} renders one init container, {@code wait-for-retired}, in the migration
 * Job only, after {@code wait-for-db}: a pinned PostgreSQL client as uid 70 with the hardening of
 * every helper, the migration's database URL from the same Secret key, and the values as variables.
 */
class WaitForRetiredRenderTest {
  private static final String IMAGE = "postgres:17.6-alpine";

  private static List<KubernetesObject> render(String database, String migration) throws Exception {
    String descriptor =
        ShellScript.app("", "healthPath: /up\nmigration: {" + migration + "}\n")
            .replace("shop/app:1.0", "shop/app:1.5.0")
            .replace("      secretKeyRef: {name: db, key: url}\n", database);
    return ShellScript.render(descriptor, RenderOptions.DEFAULTS);
  }

  private static List<KubernetesObject> render(String migration) throws Exception {
    return render(
        "      secretKeyRef: {name: db, key: url}\n"
            + "    waitFor: {host: postgres, port: 5432, timeoutSeconds: 60}\n",
        migration);
  }

  private static List<String> names(JsonNode list) {
    List<String> names = new ArrayList<>();
    list.forEach(c -> names.add(c.path("name").asText()));
    return names;
  }

  @Test
  void theMigrationWaitsForTheDatabaseThenForTheRetiredReleases() throws Exception {
    List<KubernetesObject> objects =
        render(
            "tool: rails, postDeploy: {command: [bin/rails, db:migrate]},"
                + " contract: {retires: [1.4.0, 1.4.1], timeoutSeconds: 120}");
    JsonNode pod = objects.get(0).tree().at("/spec/template/spec");
    assertThat(objects.get(0).name()).isEqualTo("shop-db-migrate");
    assertThat(names(pod.path("initContainers")))
        .containsExactly("wait-for-db", "wait-for-retired");
    JsonNode gate = pod.at("/initContainers/1");
    assertThat(gate.path("image").asText()).isEqualTo(IMAGE);
    assertThat(gate.at("/command").toString()).startsWith("[\"sh\",\"-c\",");
    assertThat(gate.at("/command").size()).isEqualTo(3);
    assertThat(gate.path("env").toString())
        .isEqualTo(
            "[{\"name\":\"DATABASE_URL\",\"valueFrom\":{\"secretKeyRef\":{\"name\":\"db\","
                + "\"key\":\"url\"}}},"
                + "{\"name\":\"SYNCGEN_DATABASE_URL\",\"value\":\"$(DATABASE_URL)\"},"
                + "{\"name\":\"SYNCGEN_RETIRED\",\"value\":\"shop@1.4.0\\nshop@1.4.1\"},"
                + "{\"name\":\"SYNCGEN_TIMEOUT_SECONDS\",\"value\":\"120\"},"
                + "{\"name\":\"SYNCGEN_INTERVAL_SECONDS\",\"value\":\"5\"},"
                + "{\"name\":\"PGAPPNAME\",\"value\":\"syncgen-wait-for-retired\"},"
                + "{\"name\":\"PGCONNECT_TIMEOUT\",\"value\":\"5\"}]");
    // The same hardening as wait-for-db, as the image's postgres user.
    JsonNode waitForDb = pod.at("/initContainers/0/securityContext");
    JsonNode context = gate.path("securityContext");
    assertThat(context.path("runAsUser").asInt()).isEqualTo(70);
    assertThat(((ObjectNode) context.deepCopy()).put("runAsUser", 65532)).isEqualTo(waitForDb);
    assertThat(gate.path("terminationMessagePolicy").asText()).isEqualTo("FallbackToLogsOnError");
    assertThat(gate.at("/resources/limits/memory").asText()).isEqualTo("64Mi");
    // Only the migration Job: the post-deployment Job, the check and the app have no gate.
    for (KubernetesObject object : objects.subList(1, objects.size())) {
      assertThat(object.tree().toString()).as(object.name()).doesNotContain("wait-for-retired");
    }
  }

  @Test
  void theScriptReadsTheUrlThroughTheVariableTheMigrationGets() throws Exception {
    JsonNode gate =
        LocalContainer.container(
            render(
                "      secretKeyRef: {name: pg, key: uri}\n    urlEnv: PG_URL\n",
                "tool: django, contract: {retires: [1.4.1], timeoutSeconds: 30}"),
            "shop-db-migrate",
            "wait-for-retired");
    assertThat(gate.at("/env/0").toString())
        .isEqualTo(
            "{\"name\":\"PG_URL\",\"valueFrom\":{\"secretKeyRef\":{\"name\":\"pg\","
                + "\"key\":\"uri\"}}}");
    assertThat(gate.at("/env/1").toString())
        .isEqualTo("{\"name\":\"SYNCGEN_DATABASE_URL\",\"value\":\"$(PG_URL)\"}");
    // A URL variable with the script's own name needs no second one.
    JsonNode same =
        LocalContainer.container(
            render(
                "      secretKeyRef: {name: pg, key: uri}\n" + "    urlEnv: SYNCGEN_DATABASE_URL\n",
                "tool: django, contract: {retires: [1.4.1], timeoutSeconds: 30}"),
            "shop-db-migrate",
            "wait-for-retired");
    assertThat(names(same.path("env")))
        .containsExactly(
            "SYNCGEN_DATABASE_URL",
            "SYNCGEN_RETIRED",
            "SYNCGEN_TIMEOUT_SECONDS",
            "SYNCGEN_INTERVAL_SECONDS",
            "PGAPPNAME",
            "PGCONNECT_TIMEOUT");
    assertThat(same.at("/env/0/valueFrom/secretKeyRef/key").asText()).isEqualTo("uri");
  }

  @Test
  void withoutWaitForTheGateIsTheOnlyInitContainerAndWithoutContractThereIsNone() throws Exception {
    String url = "      secretKeyRef: {name: db, key: url}\n";
    JsonNode pod =
        render(url, "tool: rails, hook: Sync, contract: {retires: [1.4.1], timeoutSeconds: 30}")
            .get(0)
            .tree()
            .at("/spec/template/spec");
    assertThat(names(pod.path("initContainers"))).containsExactly("wait-for-retired");
    assertThat(
            render(url, "tool: rails")
                .get(0)
                .tree()
                .at("/spec/template/spec")
                .has("initContainers"))
        .isFalse();
  }

  @Test
  void theGateIsAnotherProgramAndNamesItsOwnSessions() throws Exception {
    var names =
        ApplicationNameRenderTest.pgappnames(
            render("tool: rails, contract: {retires: [1.4.1], timeoutSeconds: 30}"));
    assertThat(names)
        .containsEntry("Job/shop-db-migrate/wait-for-retired", "syncgen-wait-for-retired")
        .containsEntry("Job/shop-db-migrate/wait-for-db", null)
        .containsEntry("Job/shop-db-migrate/migrate", "shop@1.5.0");
  }
}
