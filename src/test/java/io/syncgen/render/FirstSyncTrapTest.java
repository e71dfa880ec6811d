package io.syncgen.render;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.syncgen.descriptor.DescriptorLoader;
import io.syncgen.descriptor.LoadedDescriptor;
import io.syncgen.diagnostic.DiagnosticException;
import org.junit.jupiter.api.Test;

/**
 * The first-sync trap is read from the rendered migration Job's pod, as validate reads any pod: a
 * ServiceAccount counts, an {@code optional: true} reference does not, and the Job's own hook and
 * wave decide what is in time.
 */
class FirstSyncTrapTest {
  private static final String BASE =
      """
      apiVersion: syncgen/v1
      kind: App
      metadata: {name: shop}
      spec:
        image: shop/app:1.0
        database:
          urlFrom:
            secretKeyRef: {name: outside, key: url}
        migration: {tool: django%s}
      %s  extraObjects:
          - %sobject:
              apiVersion: v1
              kind: %s
              metadata: {name: made-here}
      """;

  private static void render(String hook, String extraSpec, String placement, String kind)
      throws DiagnosticException {
    String text = BASE.formatted(hook, extraSpec, placement, kind);
    LoadedDescriptor loaded = DescriptorLoader.parse("app.yaml", text);
    Renderer.render(loaded.app(), loaded.source(), RenderOptions.DEFAULTS);
  }

  @Test
  void aServiceAccountCreatedInTheSyncPhaseIsTooLateForAPreSyncMigration() {
    assertThatThrownBy(() -> render("", "  serviceAccountName: made-here\n", "", "ServiceAccount"))
        .isInstanceOf(DiagnosticException.class)
        .hasMessageContaining("spec.extraObjects[0] (ServiceAccount/made-here, Sync wave 0)")
        .hasMessageContaining("Set spec.migration.hook: Sync");
  }

  @Test
  void anOptionalEnvFromSecretDoesNotHoldTheMigrationBack() throws DiagnosticException {
    render("", "  envFrom: [{secretRef: {name: made-here, optional: true}}]\n", "", "Secret");
  }

  @Test
  void aRequiredEnvFromSecretDoes() {
    assertThatThrownBy(
            () -> render("", "  envFrom: [{secretRef: {name: made-here}}]\n", "", "Secret"))
        .isInstanceOf(DiagnosticException.class)
        .hasMessageContaining("(Secret/made-here, Sync wave 0) is read by the migration");
  }

  @Test
  void aSyncMigrationReadsASecretAtWaveMinusTwoInTime() throws DiagnosticException {
    render(
        ", hook: Sync",
        "  envFrom: [{secretRef: {name: made-here}}]\n",
        "wave: -2\n      ",
        "Secret");
  }

  @Test
  void aSyncMigrationStillWaitsForASecretAtItsOwnWaveOrLater() {
    assertThatThrownBy(
            () ->
                render(
                    ", hook: Sync",
                    "  envFrom: [{secretRef: {name: made-here}}]\n",
                    "wave: 0\n      ",
                    "Secret"))
        .isInstanceOf(DiagnosticException.class)
        .hasMessageContaining("which runs as a Sync hook at wave -1");
  }
}
