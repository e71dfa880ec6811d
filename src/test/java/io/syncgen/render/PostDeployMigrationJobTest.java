package io.syncgen.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.syncgen.descriptor.DescriptorLoader;
import io.syncgen.descriptor.LoadedDescriptor;
import io.syncgen.diagnostic.DiagnosticException;
import io.syncgen.manifest.KubernetesObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code migration.postDeploy}: a PostSync hook Job at wave 1 in the migration's image, without
 * {@code migration.env}, no retries, the migration's deadline; the PostSync check moves to wave 2.
 */
class PostDeployMigrationJobTest {
  private static final String POST_DEPLOY =
      """
          env:
            - {name: SKIP_POST_DEPLOYMENT_MIGRATIONS, value: "true"}
          postDeploy:
            command: [bin/rails, db:migrate]
            env:
              - {name: PHASE, value: post}
      """;

  private static List<KubernetesObject> render(String migrationExtra) throws Exception {
    String text =
        Files.readString(Path.of("golden/example/app.yaml"))
            .replace("    tool: django\n", "    tool: django\n" + migrationExtra);
    LoadedDescriptor loaded = DescriptorLoader.parse("app.yaml", text);
    return Renderer.render(loaded.app(), loaded.source(), RenderOptions.DEFAULTS);
  }

  private static KubernetesObject named(List<KubernetesObject> objects, String name) {
    return objects.stream().filter(o -> o.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void thePostDeployMigrationRunsAfterTheRolloutAndBeforeTheCheck() throws Exception {
    List<KubernetesObject> objects = render(POST_DEPLOY);
    KubernetesObject post = named(objects, "myapp-api-db-post-migrate");
    assertThat(post.annotation("argocd.argoproj.io/hook")).isEqualTo("PostSync");
    assertThat(post.annotation("argocd.argoproj.io/sync-wave")).isEqualTo("1");
    assertThat(post.tree().at("/spec/backoffLimit").asInt()).isZero();
    assertThat(post.tree().at("/spec/activeDeadlineSeconds").asInt()).isEqualTo(300);
    var container = post.tree().at("/spec/template/spec/containers/0");
    assertThat(container.path("image").asText()).isEqualTo("myapp/api:v1.2.0");
    assertThat(container.path("command").toString()).isEqualTo("[\"bin/rails\",\"db:migrate\"]");
    assertThat(container.path("env").toString())
        .contains("\"PHASE\"")
        .doesNotContain("SKIP_POST_DEPLOYMENT_MIGRATIONS");
    KubernetesObject check = named(objects, "myapp-api-post-deploy-check");
    assertThat(check.annotation("argocd.argoproj.io/sync-wave")).isEqualTo("2");
    assertThat(objects.indexOf(post)).isLessThan(objects.indexOf(check));
    KubernetesObject pre = named(objects, "myapp-api-db-migrate");
    assertThat(pre.tree().toString()).contains("SKIP_POST_DEPLOYMENT_MIGRATIONS");
  }

  @Test
  void withoutItTheCheckStaysAtWaveOne() throws Exception {
    List<KubernetesObject> objects = render("");
    assertThat(objects).noneMatch(o -> o.name().endsWith("-db-post-migrate"));
    assertThat(
            named(objects, "myapp-api-post-deploy-check")
                .annotation("argocd.argoproj.io/sync-wave"))
        .isEqualTo("1");
  }

  @Test
  void itNeedsCommandOrArgs() {
    assertThatThrownBy(() -> render("    postDeploy: {env: [{name: A, value: b}]}\n"))
        .isInstanceOfSatisfying(
            DiagnosticException.class,
            e ->
                assertThat(e.diagnostics().get(0).message())
                    .isEqualTo(
                        "spec.migration.postDeploy needs command or args: the argv that applies"
                            + " the post-deployment migrations"));
  }
}
