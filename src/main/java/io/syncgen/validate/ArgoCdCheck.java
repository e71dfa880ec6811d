package io.syncgen.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncgen.plan.HookAnnotations;
import io.syncgen.plan.SyncPhase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rule set 2: Argo CD hook, wave and delete-policy semantics, as gitops-engine reads them (see
 * shared/docs/argocd.md and {@link HookAnnotations}). Argo CD ignores most of these mistakes
 * silently; here each one is a located finding. The first-sync trap is checked by {@link
 * FirstSyncCheck}, the migration's image by {@link MigrationImageCheck}.
 */
final class ArgoCdCheck implements Check {
  /** Longest object name that Argo CD's hook name suffix must fit in (a DNS-1123 label). */
  static final int MAX_NAME = 63;

  /** Length of {@code <revision 7>-} and {@code -<unix time, 10 digits>} in a hook's name. */
  private static final int SUFFIX_FIXED = 7 + 1 + 1 + 10;

  private static final String HOOK_POINTER = annotation(HookAnnotations.HOOK);
  private static final String WAVE_POINTER = annotation(HookAnnotations.SYNC_WAVE);
  private static final String POLICY_POINTER = annotation(HookAnnotations.DELETE_POLICY);

  /** The JSON pointer of an annotation. */
  static String annotation(String key) {
    return "/metadata/annotations/" + Manifest.segment(key);
  }

  @Override
  public List<Finding> check(List<Manifest> manifests) {
    List<Finding> findings = new ArrayList<>();
    for (Manifest manifest : manifests) {
      Map<String, String> annotations = manifest.annotations();
      hookValues(manifest, annotations, findings);
      syncWave(manifest, annotations, findings);
      deletePolicy(manifest, annotations, findings);
      if (HookAnnotations.isHook(annotations)) {
        hook(manifest, annotations, findings);
      }
    }
    wavesAcrossPhases(manifests, findings);
    return findings;
  }

  private static void hookValues(
      Manifest manifest, Map<String, String> annotations, List<Finding> findings) {
    String hook = annotations.get(HookAnnotations.HOOK);
    if (hook == null) {
      return;
    }
    if (hook.strip().isEmpty()) {
      findings.add(
          Checks.valueFinding(
              manifest,
              Rule.HOOK_UNKNOWN,
              HOOK_POINTER,
              "the hook annotation is empty: the object is a hook with no type, which no sync"
                  + " applies; name a hook type or remove the annotation"));
      return;
    }
    if (hook.split(",", -1).length > HookAnnotations.items(hook).size()
        && java.util.Arrays.stream(hook.split(",", -1)).anyMatch(i -> i.strip().isEmpty())) {
      findings.add(
          Checks.valueFinding(
              manifest,
              Rule.HOOK_UNKNOWN,
              HOOK_POINTER,
              "hook \""
                  + hook
                  + "\" has an empty item; Argo CD ignores it, but it usually means a type went"
                  + " missing: remove the stray comma"));
    }
    for (String item : HookAnnotations.items(hook)) {
      if (HookAnnotations.HOOK_TYPES.contains(item)) {
        continue;
      }
      Optional<String> sameLetters =
          HookAnnotations.HOOK_TYPES.stream().filter(t -> t.equalsIgnoreCase(item)).findFirst();
      boolean noType = HookAnnotations.types(annotations).isEmpty();
      findings.add(
          Checks.valueFinding(
              manifest,
              Rule.HOOK_UNKNOWN,
              HOOK_POINTER,
              "hook type \""
                  + item
                  + "\" is not one Argo CD knows (they are case-sensitive)"
                  + (noType ? "; a hook with no known type is never applied" : "; it is ignored")
                  + sameLetters.map(t -> "; write \"" + t + "\"").orElse("")));
    }
    List<String> types = HookAnnotations.types(annotations);
    if (types.contains("Skip") && types.size() > 1) {
      findings.add(
          Checks.valueFinding(
              manifest,
              Rule.HOOK_SKIP_COMBINED,
              HOOK_POINTER,
              "hook \""
                  + hook
                  + "\" combines Skip with other types; Skip only works alone, so the object is"
                  + " applied as a hook after all"));
    }
  }

  private static void syncWave(
      Manifest manifest, Map<String, String> annotations, List<Finding> findings) {
    String wave = annotations.get(HookAnnotations.SYNC_WAVE);
    if (wave == null || HookAnnotations.atoi(wave).isPresent()) {
      return;
    }
    findings.add(
        Checks.valueFinding(
            manifest,
            Rule.SYNC_WAVE_INVALID,
            WAVE_POINTER,
            "sync-wave \""
                + wave
                + "\" is not an integer as Go's strconv.Atoi reads it (digits with an optional"
                + " sign; no spaces, no decimals); Argo CD silently uses wave "
                + HookAnnotations.wave(annotations)
                + " instead"));
  }

  private static void deletePolicy(
      Manifest manifest, Map<String, String> annotations, List<Finding> findings) {
    String policy = annotations.get(HookAnnotations.DELETE_POLICY);
    if (policy != null) {
      for (String item : HookAnnotations.items(policy)) {
        if (!HookAnnotations.DELETE_POLICIES.contains(item)) {
          String hint =
              HookAnnotations.HELM_DELETE_POLICIES.containsKey(item)
                  ? "; that is Helm's spelling, read only in helm.sh/hook-delete-policy: write \""
                      + HookAnnotations.HELM_DELETE_POLICIES.get(item)
                      + "\""
                  : HookAnnotations.DELETE_POLICIES.stream()
                      .filter(p -> p.equalsIgnoreCase(item))
                      .findFirst()
                      .map(p -> "; write \"" + p + "\"")
                      .orElse("");
          findings.add(
              Checks.valueFinding(
                  manifest,
                  Rule.DELETE_POLICY_UNKNOWN,
                  POLICY_POINTER,
                  "delete policy \""
                      + item
                      + "\" is not one Argo CD knows (HookSucceeded, HookFailed,"
                      + " BeforeHookCreation); it is dropped silently"
                      + hint));
        }
      }
    }
    String helmPolicy = annotations.get(HookAnnotations.HELM_DELETE_POLICY);
    if (helmPolicy != null) {
      for (String item : HookAnnotations.items(helmPolicy)) {
        if (!HookAnnotations.HELM_DELETE_POLICIES.containsKey(item)) {
          findings.add(
              Checks.valueFinding(
                  manifest,
                  Rule.DELETE_POLICY_UNKNOWN,
                  annotation(HookAnnotations.HELM_DELETE_POLICY),
                  "Helm delete policy \""
                      + item
                      + "\" is not one Argo CD reads (hook-succeeded, hook-failed,"
                      + " before-hook-creation); it is dropped silently"));
        }
      }
    }
    List<String> policies = HookAnnotations.deletePolicies(annotations);
    boolean deletesAfter = policies.contains("HookSucceeded") || policies.contains("HookFailed");
    if (HookAnnotations.isHook(annotations)
        && !manifest.name().isEmpty()
        && deletesAfter
        && !policies.contains("BeforeHookCreation")) {
      // Suggest the spelling of the annotation that holds the policy.
      boolean helm = policy == null || HookAnnotations.items(policy).isEmpty();
      String at = helm ? annotation(HookAnnotations.HELM_DELETE_POLICY) : POLICY_POINTER;
      String suggestion =
          helm
              ? String.join(",", HookAnnotations.items(helmPolicy)) + ",before-hook-creation"
              : String.join(",", HookAnnotations.items(policy)) + ",BeforeHookCreation";
      findings.add(
          Checks.valueFinding(
              manifest,
              Rule.DELETE_POLICY_WITHOUT_RECREATE,
              at,
              "delete policy "
                  + String.join(",", policies)
                  + " removes the BeforeHookCreation default: a hook left by a failed sync"
                  + " blocks the next one (\"field is immutable\"); write \""
                  + suggestion
                  + "\""));
    }
  }

  private static void hook(
      Manifest manifest, Map<String, String> annotations, List<Finding> findings) {
    List<SyncPhase> phases = HookAnnotations.phases(annotations);
    String kind = manifest.kind();
    // A Job's name is also the value of its pods' job-name label: at most 63 characters.
    if (kind.equals("Job")
        && !phases.isEmpty()
        && manifest.name().isEmpty()
        && !manifest.generateName().isEmpty()) {
      int longestPhase = phases.stream().mapToInt(p -> p.annotation().length()).max().orElseThrow();
      int length = manifest.generateName().length() + SUFFIX_FIXED + longestPhase;
      if (length > MAX_NAME) {
        findings.add(
            Checks.valueFinding(
                manifest,
                Rule.GENERATE_NAME_TOO_LONG,
                "/metadata/generateName",
                "generateName \""
                    + manifest.generateName()
                    + "\" becomes a "
                    + length
                    + "-character name once Argo CD appends <revision>-<phase>-<time>; the limit"
                    + " is "
                    + MAX_NAME
                    + ", so shorten it by "
                    + (length - MAX_NAME)
                    + " or use a fixed metadata.name"));
      }
    }
    if (Workloads.LONG_RUNNING.contains(kind) && !phases.isEmpty()) {
      findings.add(
          Checks.valueFinding(
              manifest,
              Rule.HOOK_KIND_CANNOT_COMPLETE,
              HOOK_POINTER,
              "a "
                  + kind
                  + " runs until deleted: as a "
                  + phases.get(0).annotation()
                  + " hook it is created again on every sync and the phase waits for its"
                  + " rollout; run the hook as a Job"));
    }
    if (!kind.equals("Job")) {
      return;
    }
    JsonNode spec = manifest.object().path("spec");
    if (spec.path("backoffLimit").isMissingNode() || spec.path("backoffLimit").isNull()) {
      findings.add(
          Checks.finding(
              manifest,
              Rule.HOOK_JOB_NO_BACKOFF_LIMIT,
              "/spec",
              "hook Job has no spec.backoffLimit, so Kubernetes retries it 6 times; set it (0"
                  + " for a migration)"));
    }
    if (spec.path("activeDeadlineSeconds").isMissingNode()
        || spec.path("activeDeadlineSeconds").isNull()) {
      findings.add(
          Checks.finding(
              manifest,
              Rule.HOOK_JOB_NO_DEADLINE,
              "/spec",
              "hook Job has no spec.activeDeadlineSeconds; a hung run blocks the sync"
                  + " indefinitely"));
    }
    if (!spec.path("ttlSecondsAfterFinished").isMissingNode()
        && !spec.path("ttlSecondsAfterFinished").isNull()) {
      findings.add(
          Checks.finding(
              manifest,
              Rule.HOOK_TTL_AFTER_FINISHED,
              "/spec/ttlSecondsAfterFinished",
              "ttlSecondsAfterFinished on a hook Job can delete it before Argo CD reads its"
                  + " result (syncs hung on it before Argo CD 3.0); let the delete policy clean up"));
    }
    Workloads.podSpec(manifest)
        .ifPresent(
            podSpec -> {
              List<Workloads.Container> main =
                  Workloads.containers(manifest, podSpec).stream()
                      .filter(c -> c.field().equals("containers"))
                      .toList();
              for (Workloads.Container sidecar :
                  main.subList(Math.min(1, main.size()), main.size())) {
                findings.add(
                    Checks.finding(
                        manifest,
                        Rule.HOOK_SIDECAR,
                        sidecar.pointer(),
                        "container \""
                            + sidecar.name()
                            + "\" runs beside \""
                            + main.get(0).name()
                            + "\" in a hook Job; if it never exits the Job never completes."
                            + " Make it a native sidecar (initContainers, restartPolicy:"
                            + " Always)"));
              }
            });
  }

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

  private static void wavesAcrossPhases(List<Manifest> manifests, List<Finding> findings) {
    Long minSync = null;
    Long maxSync = null;
    for (Manifest manifest : manifests) {
      if (isSyncPhase(manifest)) {
        long wave = HookAnnotations.wave(manifest.annotations());
        minSync = minSync == null ? wave : Math.min(minSync, wave);
        maxSync = maxSync == null ? wave : Math.max(maxSync, wave);
      }
    }
    if (minSync == null) {
      return;
    }
    for (Manifest manifest : manifests) {
      Map<String, String> annotations = manifest.annotations();
      if (!annotations.containsKey(HookAnnotations.SYNC_WAVE)) {
        continue; // no wave written: nothing was expected of it
      }
      List<SyncPhase> phases = HookAnnotations.phases(annotations);
      if (phases.isEmpty()) {
        continue;
      }
      long wave = HookAnnotations.wave(annotations);
      if (phases.get(0) == SyncPhase.PRE_SYNC && wave > minSync) {
        findings.add(
            Checks.valueFinding(
                manifest,
                Rule.WAVE_ACROSS_PHASES,
                WAVE_POINTER,
                "this PreSync hook has wave "
                    + wave
                    + ", above the Sync-phase wave "
                    + minSync
                    + ", but phase beats wave: it still runs before every Sync object"));
      } else if (phases.get(phases.size() - 1) == SyncPhase.POST_SYNC
          && phases.size() == 1
          && wave < maxSync) {
        findings.add(
            Checks.valueFinding(
                manifest,
                Rule.WAVE_ACROSS_PHASES,
                WAVE_POINTER,
                "this PostSync hook has wave "
                    + wave
                    + ", below the Sync-phase wave "
                    + maxSync
                    + ", but phase beats wave: it still runs after every Sync object"));
      }
    }
  }
}
