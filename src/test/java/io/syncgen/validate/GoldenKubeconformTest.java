package io.syncgen.validate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every object syncgen renders in the golden scenarios ({@code golden/<scenario>/expected/*.yaml})
 * passes kubeconform {@code -strict} with kubeconform's own schemas ({@link KubeconformSchemas}),
 * not only syncgen's bundled ones: the two are generated differently (from the OpenAPI document,
 * and from client-java's model classes), so a field one of them lacks shows up here. A kind
 * kubeconform has no schema for must be a custom resource, as {@code -ignore-missing-schemas}
 * treats it.
 */
class GoldenKubeconformTest {
  private static final Path GOLDEN = Path.of("golden");

  /** The kinds the golden scenarios must render, so that each is checked here. */
  private static final Set<String> KINDS =
      Set.of(
          "batch/v1 Job",
          "batch/v1 CronJob",
          "apps/v1 Deployment",
          "v1 Service",
          "v1 Secret",
          "policy/v1 PodDisruptionBudget",
          "autoscaling/v2 HorizontalPodAutoscaler");

  @TestFactory
  Stream<DynamicTest> everyRenderedObjectPassesKubeconformStrict() throws IOException {
    return rendered().stream()
        .map(
            file -> DynamicTest.dynamicTest(GOLDEN.relativize(file).toString(), () -> check(file)));
  }

  @Test
  void theScenariosRenderEveryKindSyncgenMakes() throws IOException {
    Set<String> kinds = new TreeSet<>();
    for (Path file : rendered()) {
      JsonNode object = KubeconformSchemas.readYaml(file);
      kinds.add(object.path("apiVersion").asText() + " " + object.path("kind").asText());
    }
    assertThat(kinds).containsAll(KINDS);
  }

  private static void check(Path file) {
    JsonNode object = KubeconformSchemas.readYaml(file);
    String apiVersion = object.path("apiVersion").asText("");
    String kind = object.path("kind").asText("");
    Optional<Schema> schema = KubeconformSchemas.find(apiVersion, kind);
    if (schema.isEmpty()) {
      assertThat(apiVersion)
          .as(
              "%s: kubeconform has no schema for %s %s, so it must be a custom resource",
              file, apiVersion, kind)
          .contains(".")
          .doesNotEndWith(".k8s.io/v1");
      return;
    }
    List<String> errors =
        schema.get().validate(object).stream()
            .map(
                (Error e) ->
                    e.getKeyword()
                        + " at "
                        + KubeconformSchemas.pointer(e.getInstanceLocation())
                        + ": "
                        + e.getMessage())
            .toList();
    assertThat(errors).as("%s: kubeconform -strict", file).isEmpty();
  }

  /** The rendered objects of every scenario that renders, one file each, sorted. */
  private static List<Path> rendered() throws IOException {
    try (Stream<Path> files = Files.walk(GOLDEN, 3)) {
      List<Path> list =
          files
              .filter(p -> p.getNameCount() == 4 && p.getName(2).toString().equals("expected"))
              .filter(p -> p.getFileName().toString().endsWith(".yaml"))
              .sorted()
              .toList();
      assertThat(list).hasSizeGreaterThan(50);
      return list;
    }
  }
}
