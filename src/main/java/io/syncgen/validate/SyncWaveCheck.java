package io.syncgen.validate;

import io.syncgen.manifest.HookAnnotations;
import io.syncgen.manifest.Manifest;
import java.util.List;
import java.util.Map;

/**
 * {@link Rule#SYNC_WAVE_INVALID}: an {@code argocd.argoproj.io/sync-wave} that is not an integer as
 * Go's {@code strconv.Atoi} reads it. gitops-engine ({@code pkg/sync/syncwaves}; see
 * shared/docs/argocd.md and {@link HookAnnotations#wave}) then silently falls back to the Helm hook
 * weight or wave 0. Or an integer outside the 32-bit range: gitops-engine's {@code sync_tasks.go}
 * orders tasks by subtracting their waves, which wraps for such values; syncgen refuses them rather
 * than imitate the wrap.
 */
final class SyncWaveCheck implements ObjectCheck {
  @Override
  public List<Finding> check(Manifest manifest) {
    Map<String, String> annotations = manifest.annotations();
    String wave = annotations.get(HookAnnotations.SYNC_WAVE);
    if (wave == null) {
      return List.of();
    }
    java.util.Optional<Long> value = HookAnnotations.atoi(wave);
    if (value.isPresent()) {
      long n = value.get();
      return n >= Integer.MIN_VALUE && n <= Integer.MAX_VALUE
          ? List.of()
          : List.of(
              Checks.valueFinding(
                  manifest,
                  Rule.SYNC_WAVE_INVALID,
                  Checks.annotation(HookAnnotations.SYNC_WAVE),
                  "sync-wave "
                      + wave
                      + " is outside -2147483648..2147483647: Argo CD orders waves by subtracting"
                      + " them, which wraps for such values; use a smaller number"));
    }
    return List.of(
        Checks.valueFinding(
            manifest,
            Rule.SYNC_WAVE_INVALID,
            Checks.annotation(HookAnnotations.SYNC_WAVE),
            "sync-wave \""
                + wave
                + "\" is not an integer as Go's strconv.Atoi reads it (digits with an optional"
                + " sign; no spaces, no decimals); Argo CD silently uses wave "
                + HookAnnotations.wave(annotations)
                + " instead"));
  }
}
