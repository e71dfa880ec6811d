package io.syncgen.validate;

import io.syncgen.manifest.HookAnnotations;
import io.syncgen.manifest.Manifest;
import io.syncgen.manifest.PodReferences;
import io.syncgen.manifest.SyncPhase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The first-sync trap ({@link Rule#PRESYNC_READS_SYNC_OBJECT}): a PreSync or Sync hook whose pod
 * needs a Secret, ConfigMap, ServiceAccount or PersistentVolumeClaim that the same manifests create
 * only after the hook's own wave. Argo CD applies one (phase, wave) group at a time and starts the
 * next only when every hook of the group has completed (shared/docs/argocd.md, "Order of a sync"):
 * on the first sync of a new app the hook's pod cannot start, so the hook never completes and the
 * object it waits for is never applied. An object of the hook's own phase and wave is applied
 * together with it and is no problem.
 */
final class FirstSyncCheck implements Check {
  @Override
  public List<Finding> check(List<Manifest> manifests) {
    List<Finding> findings = new ArrayList<>();
    for (Manifest hook : manifests) {
      List<SyncPhase> phases = HookAnnotations.phases(hook.annotations());
      Optional<String> podSpec = Workloads.podSpec(hook);
      // A hook of several phases runs first in its earliest one, where it would fail first.
      if (phases.isEmpty() || phases.get(0).compareTo(SyncPhase.SYNC) > 0 || podSpec.isEmpty()) {
        continue;
      }
      SyncPhase phase = phases.get(0);
      long wave = HookAnnotations.wave(hook.annotations());
      for (PodReferences.Reference reference : PodReferences.of(hook.object(), podSpec.get())) {
        for (Manifest target : manifests) {
          if (target.kind().equals(reference.kind())
              && target.name().equals(reference.name())
              && Manifest.sameNamespace(hook, target)) {
            createdAfter(target, phase, wave)
                .ifPresent(when -> findings.add(finding(hook, phase, wave, reference, when)));
          }
        }
      }
    }
    return findings;
  }

  /**
   * When a sync first creates an object, if that is after the group ({@code phase}, {@code wave})
   * starts: {@code "in the Sync phase"}, {@code "at Sync wave 0"}; empty when it exists in time (an
   * earlier phase, or an earlier or the same wave of that phase) or is never applied by a sync
   * (Skip, deletion hooks, hooks of no known type).
   */
  private static Optional<String> createdAfter(Manifest target, SyncPhase phase, long wave) {
    Map<String, String> annotations = target.annotations();
    if (HookAnnotations.isSkipped(annotations)) {
      return Optional.empty();
    }
    SyncPhase targetPhase = SyncPhase.SYNC;
    if (HookAnnotations.isHook(annotations)) {
      List<SyncPhase> phases = HookAnnotations.phases(annotations);
      if (phases.isEmpty()) {
        return Optional.empty();
      }
      targetPhase = phases.get(0);
    }
    long targetWave = HookAnnotations.wave(annotations);
    int order = targetPhase.compareTo(phase);
    if (order < 0 || (order == 0 && targetWave <= wave)) {
      return Optional.empty();
    }
    return Optional.of(
        order == 0
            ? "at " + phase.annotation() + " wave " + targetWave
            : "in the " + targetPhase.annotation() + " phase");
  }

  private static Finding finding(
      Manifest hook, SyncPhase phase, long wave, PodReferences.Reference reference, String when) {
    String fix =
        phase == SyncPhase.PRE_SYNC
            ? "the first sync fails. Create it outside the app, make it a PreSync hook at a lower"
                + " wave, or run this hook as a Sync hook at a wave below the objects that need it"
                + " (and this object at a wave below the hook's)"
            : "Argo CD applies it only after this hook has completed, so on the first sync the"
                + " hook cannot start and the sync fails. Create it outside the app, or at a Sync"
                + " wave below "
                + wave;
    return Checks.valueFinding(
        hook,
        Rule.PRESYNC_READS_SYNC_OBJECT,
        reference.pointer(),
        "this "
            + phase.annotation()
            + " hook (wave "
            + wave
            + ") needs "
            + reference.kind()
            + " \""
            + reference.name()
            + "\", which the same manifests create only "
            + when
            + ": "
            + fix);
  }
}
