package io.syncgen.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import io.syncgen.cli.Finished;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The plugin contract, against the real launcher and the packaged jar, run as Argo CD's cmp-server
 * runs the commands of cli/plugin.yaml (argocd.md "Config Management Plugin v2"): in a fresh copy
 * of the app's source directory, with only the documented environment, stdout read as a YAML stream
 * with {@code List} objects unwrapped. Runs in Maven's integration-test phase, after the jar is
 * built.
 */
class PluginContractIT {
  private static final Path LAUNCHER = Path.of("cli/syncgen").toAbsolutePath();

  @TempDir Path tmp;

  @Test
  void generatePrintsTheObjectsWithOverridesRevisionAndNamespace() throws Exception {
    Path app = copy("golden/rails-without-namespace/app.yaml");
    Map<String, String> env = argoEnvironment();
    env.put("ARGOCD_ENV_IMAGE_TAG", "v9.9.9");
    env.put("PARAM_REPLICAS", "4");
    Finished result = run(app, env, "cmp", "generate");

    assertThat(result.exitCode()).as(result.err()).isZero();
    List<Map<String, Object>> objects = parseAsRepoServer(result.out());
    assertThat(objects).hasSize(5);
    for (Map<String, Object> object : objects) {
      Map<String, Object> metadata = map(object.get("metadata"));
      assertThat(metadata.get("namespace"))
          .as("namespace from ARGOCD_APP_NAMESPACE")
          .isEqualTo("shop");
      assertThat(map(metadata.get("annotations")).get("syncgen.io/revision")).isEqualTo("1a2b3c4");
    }
    Map<String, Object> deployment =
        objects.stream().filter(o -> "Deployment".equals(o.get("kind"))).findFirst().orElseThrow();
    assertThat(map(deployment.get("spec")).get("replicas")).isEqualTo(4);
    assertThat(result.out()).contains(":v9.9.9").doesNotContain(":7.3.0");
    // The namespace is the Application's, not the descriptor's: the health check calls the
    // Service by its short name, which a namespace set later (a Kustomize overlay) keeps working.
    assertThat(result.out())
        .contains("value: http://storefront:3000/up")
        .doesNotContain("storefront.shop.svc");
  }

  @Test
  void theExampleRendersAsRenderDoesWithoutOverrides() throws Exception {
    Path app = copy("golden/example/app.yaml");
    Map<String, String> env = argoEnvironment();
    env.remove("ARGOCD_APP_REVISION_SHORT");
    Finished result = run(app, env, "cmp", "generate");
    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.err()).isEmpty();
    assertThat(parseAsRepoServer(result.out()))
        .extracting(o -> o.get("kind"))
        .containsExactly("Job", "Service", "Deployment", "Job", "Job");
    Finished render = run(app, env, "render", "app.yaml");
    assertThat(render.exitCode()).as(render.err()).isZero();
    assertThat(result.out()).as("the same bytes as render").isEqualTo(render.out());
  }

  @Test
  void aBadDescriptorFailsWithTheLocatedMessageAndNothingOnStdout() throws Exception {
    Path app = copy("golden/error-unknown-fields/app.yaml");
    Finished result = run(app, argoEnvironment(), "cmp", "generate");
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).contains("app.yaml:", "error:", "is not a known field");
  }

  @Test
  void aBadOverrideFailsAndNamesTheVariable() throws Exception {
    Path app = copy("golden/example/app.yaml");
    Map<String, String> env = argoEnvironment();
    env.put("PARAM_REPLICAS", "many");
    env.put("ARGOCD_ENV_IMAGE_TAGG", "v2");
    Finished result = run(app, env, "cmp", "generate");
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out()).isEmpty();
    assertThat(result.err())
        .contains("PARAM_REPLICAS: error: must be a whole number of pods")
        .contains("ARGOCD_ENV_IMAGE_TAGG: error: is not an override syncgen knows");
  }

  @Test
  void aDirectoryWithoutDescriptorFailsRatherThanPrintingNothing() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("empty"));
    Files.writeString(
        dir.resolve("app.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n");
    Finished result = run(dir, argoEnvironment(), "cmp", "generate");
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).contains("holds no app descriptor");
  }

  @Test
  void discoveryMatchesOnlyDirectoriesWithADescriptor() throws Exception {
    Path app = copy("golden/minimal/app.yaml");
    assertThat(run(app, argoEnvironment(), "cmp", "discover").out()).isEqualTo("app.yaml\n");

    Path other = Files.createDirectories(tmp.resolve("other"));
    Files.writeString(
        other.resolve("app.yaml"),
        "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\n");
    Finished none = run(other, argoEnvironment(), "cmp", "discover");
    assertThat(none.exitCode()).isZero();
    assertThat(none.out()).isEmpty();
  }

  @Test
  void parametersAnnounceTheDescriptorsCurrentValues() throws Exception {
    Path app = copy("golden/example/app.yaml");
    Finished result = run(app, argoEnvironment(), "cmp", "parameters");
    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out())
        .startsWith("[{\"name\":\"image-tag\"")
        .contains("\"string\":\"v1.2.0\"", "\"name\":\"replicas\"", "\"string\":\"3\"");
  }

  @Test
  void argoCdEnvEnvironmentRendersThatEnvironmentThenTheOtherOverrides() throws Exception {
    Path app = copy("golden/environments-prod/app.yaml");
    Map<String, String> env = argoEnvironment();
    env.put("ARGOCD_ENV_ENVIRONMENT", "prod");
    env.put("PARAM_REPLICAS", "8");
    Finished result = run(app, env, "cmp", "generate");
    assertThat(result.exitCode()).as(result.err()).isZero();
    List<Map<String, Object>> objects = parseAsRepoServer(result.out());
    // prod: namespace shop-prod (over ARGOCD_APP_NAMESPACE shop, as the descriptor names one),
    // replicas 6, then PARAM_REPLICAS 8 applies after the environment.
    for (Map<String, Object> object : objects) {
      assertThat(map(object.get("metadata")).get("namespace")).isEqualTo("shop-prod");
    }
    Map<String, Object> deployment =
        objects.stream().filter(o -> "Deployment".equals(o.get("kind"))).findFirst().orElseThrow();
    assertThat(map(deployment.get("spec")).get("replicas")).isEqualTo(8);
    assertThat(result.out()).contains("name: prod-alerts");

    env.put("ARGOCD_ENV_ENVIRONMENT", "qa");
    Finished unknown = run(app, env, "cmp", "generate");
    assertThat(unknown.exitCode()).isEqualTo(1);
    assertThat(unknown.out()).isEmpty();
    assertThat(unknown.err())
        .contains("environment \"qa\" is not in spec.environments; it has staging, prod");
  }

  /** The documented environment of a generate call, and nothing else but PATH and JAVA_HOME. */
  private static Map<String, String> argoEnvironment() {
    Map<String, String> env = new TreeMap<>();
    env.put("ARGOCD_APP_NAME", "shop");
    env.put("ARGOCD_APP_NAMESPACE", "shop");
    env.put("ARGOCD_APP_PROJECT_NAME", "default");
    env.put("ARGOCD_APP_REVISION", "1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b");
    env.put("ARGOCD_APP_REVISION_SHORT", "1a2b3c4");
    env.put("ARGOCD_APP_REVISION_SHORT_8", "1a2b3c4d");
    env.put("ARGOCD_APP_SOURCE_REPO_URL", "https://git.example.com/shop.git");
    env.put("ARGOCD_APP_SOURCE_PATH", "apps/shop");
    env.put("ARGOCD_APP_SOURCE_TARGET_REVISION", "main");
    env.put("KUBE_VERSION", "1.33.1");
    env.put("KUBE_API_VERSIONS", "v1,apps/v1,batch/v1");
    return env;
  }

  /** A fresh directory holding a copy of one descriptor, as the repo server prepares it. */
  private Path copy(String descriptor) throws IOException {
    Path dir = Files.createTempDirectory(tmp, "app");
    Files.copy(Path.of(descriptor), dir.resolve("app.yaml"));
    return dir;
  }

  private static Finished run(Path dir, Map<String, String> env, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(LAUNCHER.toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    builder.environment().clear();
    builder.environment().putAll(env);
    builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    String javaHome = System.getProperty("java.home");
    builder.environment().put("JAVA_HOME", javaHome);
    builder.environment().put("PATH", javaHome + "/bin:" + builder.environment().get("PATH"));
    String jar = System.getProperty("syncgen.jar");
    if (jar != null) {
      builder.environment().put("SYNCGEN_JAR", jar);
    }
    return Finished.run(builder);
  }

  /** stdout as the repo server reads it: a YAML stream of objects, {@code kind: List} unwrapped. */
  private static List<Map<String, Object>> parseAsRepoServer(String stdout) {
    Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
    List<Map<String, Object>> objects = new ArrayList<>();
    for (Object document : yaml.loadAll(stdout)) {
      if (document == null) {
        continue;
      }
      Map<String, Object> object = map(document);
      if ("List".equals(object.get("kind"))) {
        for (Object item : (List<?>) object.get("items")) {
          objects.add(map(item));
        }
      } else {
        objects.add(object);
      }
    }
    return objects;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    assertThat(value).isInstanceOf(Map.class);
    return (Map<String, Object>) value;
  }
}
