package io.syncgen.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import io.syncgen.cli.Run;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The files an operator applies (cli/plugin.yaml, cli/argocd/): they validate, the ConfigMap
 * carries exactly cli/plugin.yaml, and plugin.yaml runs the commands and announces the parameters
 * syncgen has.
 */
class PluginFilesTest {
  private static final Path PLUGIN = Path.of("cli/plugin.yaml");

  @Test
  void everyFileValidatesWithoutErrorsOrWarnings() {
    // kustomization.yaml and plugin.yaml are not Kubernetes objects: no schema to check them by.
    Run run = Run.of("validate", "--ignore-missing-schemas", "cli/argocd", PLUGIN.toString());
    assertThat(run.exitCode()).as(run.out()).isZero();
    assertThat(run.out()).endsWith("0 errors, 0 warnings\n");
  }

  @Test
  void theConfigMapCarriesPluginYamlAsItIs() throws IOException {
    Map<String, Object> configMap = load(Path.of("cli/argocd/syncgen-plugin.yaml"));
    Map<String, Object> data = map(configMap.get("data"));
    assertThat(data.get("plugin.yaml")).isEqualTo(Files.readString(PLUGIN, StandardCharsets.UTF_8));
  }

  @Test
  void pluginYamlRunsSyncgenAndAnnouncesItsParameters() throws IOException {
    Map<String, Object> plugin = load(PLUGIN);
    assertThat(plugin.get("apiVersion")).isEqualTo("argoproj.io/v1alpha1");
    assertThat(plugin.get("kind")).isEqualTo("ConfigManagementPlugin");
    assertThat(map(plugin.get("metadata")).get("name")).isEqualTo("syncgen");
    Map<String, Object> spec = map(plugin.get("spec"));
    assertThat(map(spec.get("generate")).get("command"))
        .isEqualTo(List.of("syncgen", "cmp", "generate"));
    assertThat(map(map(spec.get("discover")).get("find")).get("command"))
        .isEqualTo(List.of("syncgen", "cmp", "discover"));
    Map<String, Object> parameters = map(spec.get("parameters"));
    assertThat(map(parameters.get("dynamic")).get("command"))
        .isEqualTo(List.of("syncgen", "cmp", "parameters"));
    List<Object> names =
        ((List<?>) parameters.get("static")).stream().map(p -> map(p).get("name")).toList();
    assertThat(names)
        .containsExactlyElementsOf(
            Arrays.stream(PluginEnvironment.Parameter.values())
                .map(PluginEnvironment.Parameter::announced)
                .toList());
  }

  @Test
  void theSidecarRunsTheCmpServerAsUser999WithThePluginMounted() throws IOException {
    Map<String, Object> patch = load(Path.of("cli/argocd/repo-server-sidecar.yaml"));
    Map<String, Object> podSpec = map(map(map(patch.get("spec")).get("template")).get("spec"));
    Map<String, Object> sidecar = map(((List<?>) podSpec.get("containers")).get(0));
    assertThat(sidecar.get("command")).isEqualTo(List.of("/var/run/argocd/argocd-cmp-server"));
    assertThat(map(sidecar.get("securityContext")).get("runAsUser")).isEqualTo(999);
    List<Object> mounts =
        ((List<?>) sidecar.get("volumeMounts")).stream().map(m -> map(m).get("mountPath")).toList();
    assertThat(mounts)
        .contains(
            "/var/run/argocd",
            "/home/argocd/cmp-server/plugins",
            "/home/argocd/cmp-server/config/plugin.yaml",
            "/tmp");
  }

  private static Map<String, Object> load(Path file) throws IOException {
    return map(
        new Yaml(new SafeConstructor(new LoaderOptions()))
            .load(Files.readString(file, StandardCharsets.UTF_8)));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    assertThat(value).isInstanceOf(Map.class);
    return (Map<String, Object>) value;
  }
}
