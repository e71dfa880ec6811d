package io.syncgen.validate;

import io.syncgen.manifest.HookAnnotations;
import io.syncgen.manifest.Manifest;
import io.syncgen.manifest.SyncPhase;
import java.util.ArrayList;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.Map;

/**
 * {@link Rule#WAVE_ACROSS_PHASES}: the order of a set. gitops-engine sorts a sync's tasks by phase
 * first and wave second ({@code pkg/sync/sync_tasks.go}; see shared/docs/argocd.md, "Order of a
 * sync"), so a PreSync hook written at a wave above the Sync phase's lowest, or a PostSync hook at
 * a wave below the Sync phase's highest, does not run where its wave suggests. Only hooks that
 * write a sync-wave are checked.
 */
final class WavesAcrossPhasesCheck implements Check {
  private static final String WAVE_POINTER = Checks.annotation(HookAnnotations.SYNC_WAVE);

  @Override
  public List<Finding> check(List<Manifest> manifests) {
    LongSummaryStatistics syncWaves =
        manifests.stream()
            .filter(WavesAcrossPhasesCheck::isSyncPhase)
            .mapToLong(m -> HookAnnotations.wave(m.annotations()))
            .summaryStatistics();
    if (syncWaves.getCount() == 0) {
      return List.of();
    }
    long minSync = syncWaves.getMin();
    long maxSync = syncWaves.getMax();
    List<Finding> findings = new ArrayList<>();
    for (Manifest manifest : manifests) {
      Map<String, String> annotations = manifest.annotations();
      List<SyncPhase> phases = HookAnnotations.phases(annotations);
      if (!annotations.containsKey(HookAnnotations.SYNC_WAVE) || phases.isEmpty()) {
        continue; // no wave written: nothing was expected of it
      }
      long wave = HookAnnotations.wave(annotations);
      if (phases.get(0) == SyncPhase.PRE_SYNC && wave > minSync) {
        findings.add(
            finding(
                manifest,
                "this PreSync hook has wave "
                    + wave
                    + ", above the Sync-phase wave "
                    + minSync
                    + ", but phase beats wave: it still runs before every Sync object"));
      } else if (phases.size() == 1 && phases.get(0) == SyncPhase.POST_SYNC && wave < maxSync) {
        findings.add(
            finding(
                manifest,
                "this PostSync hook has wave "
                    + wave
                    + ", below the Sync-phase wave "
                    + maxSync
                    + ", but phase beats wave: it still runs after every Sync object"));
      }
    }
    return findings;
  }

  private static Finding finding(Manifest manifest, String message) {
    return Checks.valueFinding(manifest, Rule.WAVE_ACROSS_PHASES, WAVE_POINTER, message);
  }

  /**
   * Whether a sync applies the object in the Sync phase: not skipped, and no hook or a Sync one.
   */
  private static boolean isSyncPhase(Manifest manifest) {
    Map<String, String> annotations = manifest.annotations();
    if (HookAnnotations.isSkipped(annotations)) {
      return false;
    }
    if (!HookAnnotations.isHook(annotations)) {
      return true;
    }
    List<SyncPhase> phases = HookAnnotations.phases(annotations);
    return !phases.isEmpty() && phases.get(0) == SyncPhase.SYNC;
  }
}
