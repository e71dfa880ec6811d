package io.syncgen.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The bundled schemas: every kind the README lists has one, and they use no keyword outside the
 * cut-down dialect {@link SchemaCatalog} compiles (an unknown keyword would be ignored silently).
 */
class SchemaCatalogTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void everyDocumentedKindHasASchema() {
    SchemaCatalog catalog = new SchemaCatalog();
    for (String kind :
        List.of(
            "batch/v1 Job",
            "batch/v1 CronJob",
            "apps/v1 Deployment",
            "apps/v1 StatefulSet",
            "apps/v1 DaemonSet",
            "v1 Pod",
            "v1 Service",
            "v1 ServiceAccount",
            "v1 ConfigMap",
            "v1 Secret",
            "v1 Namespace",
            "v1 PersistentVolumeClaim",
            "policy/v1 PodDisruptionBudget",
            "networking.k8s.io/v1 NetworkPolicy",
            "networking.k8s.io/v1 Ingress",
            "autoscaling/v2 HorizontalPodAutoscaler",
            "rbac.authorization.k8s.io/v1 Role",
            "rbac.authorization.k8s.io/v1 RoleBinding",
            "rbac.authorization.k8s.io/v1 ClusterRole",
            "rbac.authorization.k8s.io/v1 ClusterRoleBinding",
            "argoproj.io/v1alpha1 Application")) {
      String[] parts = kind.split(" ");
      assertThat(catalog.lookup(parts[0], parts[1])).as(kind).isPresent();
    }
    assertThat(catalog.lookup("apps/v1beta1", "Deployment")).isEmpty();
  }

  @Test
  void schemasUseOnlyTheCompiledKeywords() throws IOException {
    Set<String> used = new TreeSet<>();
    JsonNode index = read("index.json");
    List<String> files = new ArrayList<>();
    index.path("kinds").forEach(file -> files.add(file.asText()));
    assertThat(files).hasSizeGreaterThanOrEqualTo(21);
    for (String file : files) {
      JsonNode schema = read(file);
      collect(schema, used);
      schema.path(SchemaCatalog.DEFINITIONS).forEach(definition -> collect(definition, used));
    }
    Set<String> allowed = new TreeSet<>(SchemaCatalog.KEYWORDS.keySet());
    allowed.add(SchemaCatalog.DEFINITIONS);
    assertThat(allowed).containsAll(used);
    assertThat(used).contains("additionalProperties", "required", "$ref", "type");
  }

  /** The keywords of a schema node and of the schemas nested in it. */
  private static void collect(JsonNode schema, Set<String> used) {
    schema.fieldNames().forEachRemaining(used::add);
    schema.path("properties").forEach(property -> collect(property, used));
    if (schema.path("items").isObject()) {
      collect(schema.get("items"), used);
    }
    if (schema.path("additionalProperties").isObject()) {
      collect(schema.get("additionalProperties"), used);
    }
  }

  private static JsonNode read(String file) throws IOException {
    try (InputStream in =
        SchemaCatalog.class.getResourceAsStream("/io/syncgen/validate/schemas/" + file)) {
      assertThat(in).as(file).isNotNull();
      return MAPPER.readTree(in);
    }
  }
}
