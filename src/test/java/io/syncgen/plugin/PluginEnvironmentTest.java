package io.syncgen.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.syncgen.descriptor.AppDescriptor;
import io.syncgen.descriptor.DescriptorLoader;
import io.syncgen.descriptor.LoadedDescriptor;
import io.syncgen.diagnostic.Diagnostic;
import io.syncgen.diagnostic.DiagnosticException;
import io.syncgen.render.Renderer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The environment the repo server gives the plugin, and how it changes the descriptor. */
class PluginEnvironmentTest {
  private static LoadedDescriptor example() throws DiagnosticException {
    return DescriptorLoader.load(Path.of("golden/example/app.yaml"), "app.yaml");
  }

  @Test
  void overridesComeFromPluginEnvOrParameters() throws DiagnosticException {
    PluginEnvironment env =
        PluginEnvironment.read(
            Map.of("ARGOCD_ENV_IMAGE_TAG", "v2.0.0", "PARAM_REPLICAS", "7", "HOME", "/x"));
    AppDescriptor app = env.apply(example());
    assertThat(app.spec().image()).isEqualTo("myapp/api:v2.0.0");
    assertThat(app.spec().replicas()).isEqualTo(7);
    assertThat(app.metadata().namespace()).isEqualTo("myapp");
  }

  @Test
  void theApplicationNamespaceAppliesOnlyWhenTheDescriptorNamesNone() throws Exception {
    PluginEnvironment env = PluginEnvironment.read(Map.of("ARGOCD_APP_NAMESPACE", "other"));
    assertThat(env.apply(example()).metadata().namespace()).isEqualTo("myapp");
    LoadedDescriptor withoutNamespace =
        DescriptorLoader.load(Path.of("golden/rails-without-namespace/app.yaml"), "app.yaml");
    assertThat(env.apply(withoutNamespace).metadata().namespace()).isEqualTo("other");
  }

  @Test
  void anApplicationNamespaceThatIsNoNamespaceNameIsRefusedByName() {
    for (String bad :
        new String[] {
          "Shop", "shop\nspec: x", "x@evil.example:80/", "a/b", "-shop", "shop.prod", "a".repeat(64)
        }) {
      assertThatThrownBy(() -> PluginEnvironment.read(Map.of("ARGOCD_APP_NAMESPACE", bad)))
          .as(bad)
          .isInstanceOfSatisfying(
              DiagnosticException.class,
              e -> {
                assertThat(e.diagnostics()).hasSize(1);
                assertThat(e.diagnostics().get(0).format())
                    .startsWith(
                        "ARGOCD_APP_NAMESPACE: error: must be the Application's destination")
                    .contains("it must be");
              });
    }
  }

  @Test
  void aHugeApplicationNamespaceIsShownCut() {
    String huge = "a".repeat(100_000);
    assertThatThrownBy(() -> PluginEnvironment.read(Map.of("ARGOCD_APP_NAMESPACE", huge)))
        .isInstanceOfSatisfying(
            DiagnosticException.class,
            e ->
                assertThat(e.diagnostics().get(0).message())
                    .endsWith("(got \"" + "a".repeat(64) + "...\", 100000 characters)")
                    .hasSizeLessThan(300));
  }

  @Test
  void aValidApplicationNamespaceIsAcceptedAroundBlanks() throws DiagnosticException {
    assertThat(PluginEnvironment.read(Map.of("ARGOCD_APP_NAMESPACE", " shop-2\n")).namespace())
        .isEqualTo("shop-2");
    assertThat(PluginEnvironment.read(Map.of("ARGOCD_APP_NAMESPACE", "  ")).namespace()).isNull();
  }

  @Test
  void theHealthCheckCallsTheServiceByItsShortNameWhenTheNamespaceIsTheApplications()
      throws Exception {
    PluginEnvironment env = PluginEnvironment.read(Map.of("ARGOCD_APP_NAMESPACE", "shop"));
    assertThat(healthUrl(env, "golden/rails-without-namespace/app.yaml"))
        .isEqualTo("http://storefront:3000/up");
    assertThat(healthUrl(env, "golden/example/app.yaml"))
        .as("the descriptor's own namespace: as render writes it")
        .isEqualTo("http://myapp-api.myapp.svc:8080/health");
    assertThat(
            healthUrl(PluginEnvironment.read(Map.of()), "golden/rails-without-namespace/app.yaml"))
        .isEqualTo("http://storefront:3000/up");
  }

  private static String healthUrl(PluginEnvironment env, String descriptor) throws Exception {
    LoadedDescriptor loaded = DescriptorLoader.load(Path.of(descriptor), "app.yaml");
    Rendering rendering = env.prepare(loaded);
    return Renderer.render(rendering.app(), loaded.source(), rendering.options()).stream()
        .filter(o -> o.name().endsWith("-post-deploy-check"))
        .findFirst()
        .orElseThrow()
        .tree()
        .at("/spec/template/spec/containers/0/env/0/value")
        .asText();
  }

  @Test
  void theRevisionIsTheShortOne() throws DiagnosticException {
    PluginEnvironment env =
        PluginEnvironment.read(
            Map.of(
                "ARGOCD_APP_REVISION", "0123456789abcdef", "ARGOCD_APP_REVISION_SHORT", "0123456"));
    assertThat(env.revision()).isEqualTo("0123456");
  }

  @Test
  void unknownMalformedAndConflictingOverridesAreAllReported() {
    assertThatThrownBy(
            () ->
                PluginEnvironment.read(
                    Map.of(
                        "ARGOCD_ENV_TAG", "v1",
                        "PARAM_REPLICAS", "0",
                        "ARGOCD_ENV_IMAGE_TAG", "-bad",
                        "ARGOCD_ENV_REPLICAS", "3")))
        .isInstanceOfSatisfying(
            DiagnosticException.class,
            e ->
                assertThat(e.diagnostics().stream().map(Diagnostic::format))
                    .anyMatch(m -> m.startsWith("ARGOCD_ENV_TAG: error: is not an override"))
                    .anyMatch(
                        m -> m.startsWith("ARGOCD_ENV_IMAGE_TAG: error: must be an image tag"))
                    .anyMatch(m -> m.contains("must be a whole number of pods, at least 1"))
                    .anyMatch(m -> m.contains("sets replicas to \"0\" but ARGOCD_ENV_REPLICAS")));
  }

  @Test
  void aTagOverrideRefusesAnImagePinnedByDigest() throws Exception {
    PluginEnvironment env = PluginEnvironment.read(Map.of("PARAM_IMAGE_TAG", "v2"));
    String text =
        java.nio.file.Files.readString(Path.of("golden/example/app.yaml"))
            .replace("image: myapp/api:v1.2.0", "image: myapp/api@sha256:" + "a".repeat(64));
    LoadedDescriptor pinned = DescriptorLoader.parse("app.yaml", text);
    assertThat(pinned.app().spec().image()).contains("@sha256:");
    assertThatThrownBy(() -> env.apply(pinned))
        .isInstanceOfSatisfying(
            DiagnosticException.class,
            e ->
                assertThat(e.diagnostics().get(0).format())
                    .startsWith("PARAM_IMAGE_TAG=v2: error: spec.image is pinned by digest"));
  }

  @Test
  void replicasOverAnAutoscaledDeploymentIsRefusedAtItsVariable() throws Exception {
    // Once silently ignored: an autoscaled Deployment carries no replicas.
    LoadedDescriptor autoscaled =
        DescriptorLoader.load(Path.of("golden/patches-and-extra-objects/app.yaml"), "app.yaml");
    assertThat(autoscaled.app().spec().autoscaling()).isNotNull();
    PluginEnvironment env = PluginEnvironment.read(Map.of("PARAM_REPLICAS", "4"));
    assertThatThrownBy(() -> env.apply(autoscaled))
        .isInstanceOfSatisfying(
            DiagnosticException.class,
            e ->
                assertThat(e.diagnostics().get(0).format())
                    .startsWith(
                        "PARAM_REPLICAS=4: error: spec.replicas has no effect with"
                            + " spec.autoscaling")
                    .contains("(with PARAM_REPLICAS)"));
  }

  @Test
  void aRuleAnEnvironmentBreaksNamesTheVariableThatChoseIt() throws Exception {
    LoadedDescriptor autoscaled =
        DescriptorLoader.parse(
            "app.yaml",
            """
            apiVersion: syncgen/v1
            kind: App
            metadata: {name: shop}
            spec:
              image: shop/api:v1
              autoscaling: {minReplicas: 2, maxReplicas: 4, targetCPUUtilizationPercentage: 80}
              database: {urlFrom: {secretKeyRef: {name: db, key: url}}}
              migration: {tool: django}
              environments:
                big: {replicas: 6}
            """);
    PluginEnvironment env = PluginEnvironment.read(Map.of("ARGOCD_ENV_ENVIRONMENT", "big"));
    assertThatThrownBy(() -> env.apply(autoscaled))
        .isInstanceOfSatisfying(
            DiagnosticException.class,
            e ->
                assertThat(e.diagnostics().get(0).message())
                    .contains("spec.replicas has no effect with spec.autoscaling")
                    .endsWith("(with ARGOCD_ENV_ENVIRONMENT=big)"));
  }

  @Test
  void overridesAreBoundLikeTheFileAndLocatedAtTheirVariable() throws Exception {
    PluginEnvironment env = PluginEnvironment.read(Map.of("ARGOCD_ENV_REPLICAS", "010"));
    assertThatThrownBy(() -> env.apply(example()))
        .isInstanceOfSatisfying(
            DiagnosticException.class,
            e ->
                assertThat(e.diagnostics().get(0).format())
                    .startsWith("ARGOCD_ENV_REPLICAS=010: error: spec.replicas is integer 010"));
  }

  @Test
  void parameterVariablesAreAsArgoCdNamesThem() {
    assertThat(PluginEnvironment.Parameter.IMAGE_TAG.variable()).isEqualTo("IMAGE_TAG");
    assertThat(PluginEnvironment.Parameter.REPLICAS.variable()).isEqualTo("REPLICAS");
  }

  // --- ARGOCD_ENV_ENVIRONMENT selects one of spec.environments
  // ------------------------------------

  private static LoadedDescriptor environments() throws DiagnosticException {
    return DescriptorLoader.load(Path.of("golden/environments-prod/app.yaml"), "app.yaml");
  }

  @Test
  void argoCdEnvEnvironmentAppliesThatEnvironment() throws DiagnosticException {
    PluginEnvironment env = PluginEnvironment.read(Map.of("ARGOCD_ENV_ENVIRONMENT", "prod"));
    assertThat(env.environment()).isEqualTo("prod");
    AppDescriptor app = env.apply(environments());
    // golden/environments-prod/app.yaml: prod sets namespace shop-prod, replicas 6 and a
    // migration deadline of 900 (the descriptor: shop, 2, 300).
    assertThat(app.metadata().namespace()).isEqualTo("shop-prod");
    assertThat(app.spec().replicas()).isEqualTo(6);
    assertThat(app.spec().migration().activeDeadlineSeconds()).isEqualTo(900);
    assertThat(app.spec().image()).isEqualTo("shop/api:v2.0.0");
  }

  @Test
  void paramEnvironmentSelectsTooAndTheOtherOverridesApplyAfterIt() throws DiagnosticException {
    PluginEnvironment env =
        PluginEnvironment.read(
            Map.of("PARAM_ENVIRONMENT", "staging", "ARGOCD_ENV_IMAGE_TAG", "v3.0.0"));
    AppDescriptor app = env.apply(environments());
    // staging sets imageTag v2.1.0-rc.1 and replicas 1; the plugin's image tag wins over it.
    assertThat(app.spec().image()).isEqualTo("shop/api:v3.0.0");
    assertThat(app.spec().replicas()).isEqualTo(1);
    assertThat(app.metadata().namespace()).isEqualTo("shop-staging");
    assertThat(app.spec().syncFail()).as("staging turns the SyncFail alert off").isNull();
  }

  @Test
  void withoutAnEnvironmentVariableTheDescriptorRendersAsWritten() throws DiagnosticException {
    PluginEnvironment env = PluginEnvironment.read(Map.of());
    assertThat(env.environment()).isNull();
    AppDescriptor app = env.apply(environments());
    assertThat(app.metadata().namespace()).isEqualTo("shop");
    assertThat(app.spec().replicas()).isEqualTo(2);
  }

  @Test
  void anUnknownEnvironmentListsTheOnesThatExist() throws DiagnosticException {
    PluginEnvironment env = PluginEnvironment.read(Map.of("ARGOCD_ENV_ENVIRONMENT", "qa"));
    LoadedDescriptor loaded = environments();
    assertThatThrownBy(() -> env.apply(loaded))
        .isInstanceOfSatisfying(
            DiagnosticException.class,
            e ->
                assertThat(e.diagnostics())
                    .singleElement()
                    .extracting(Diagnostic::format)
                    .asString()
                    .startsWith("app.yaml:29:3: error: environment \"qa\" is not in")
                    .contains("it has staging, prod"));
  }

  @Test
  void aMalformedOrConflictingEnvironmentIsRefusedWhenRead() {
    assertThatThrownBy(
            () ->
                PluginEnvironment.read(
                    Map.of("ARGOCD_ENV_ENVIRONMENT", "Prod", "PARAM_ENVIRONMENT", "staging")))
        .isInstanceOfSatisfying(
            DiagnosticException.class,
            e ->
                assertThat(e.diagnostics().stream().map(Diagnostic::format))
                    .anyMatch(
                        m ->
                            m.startsWith(
                                "ARGOCD_ENV_ENVIRONMENT: error: must name an environment of"
                                    + " spec.environments: it must be a DNS-1123 label"))
                    .anyMatch(
                        m ->
                            m.contains(
                                "sets environment to \"staging\" but ARGOCD_ENV_ENVIRONMENT")));
  }

  @Test
  void theEnvironmentVariableIsNamedAsArgoCdNamesIt() {
    assertThat(PluginEnvironment.Parameter.ENVIRONMENT.variable()).isEqualTo("ENVIRONMENT");
    assertThat(PluginEnvironment.Parameter.ENVIRONMENT.announced()).isEqualTo("environment");
  }
}
