package io.syncgen.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncgen.manifest.HookAnnotations;
import io.syncgen.manifest.Manifest;
import io.syncgen.manifest.SyncPhase;
import java.util.ArrayList;
import java.util.List;

/**
 * What a hook's workload must be for its sync phase to finish, as gitops-engine runs hooks ({@code
 * pkg/sync}; see shared/docs/argocd.md): {@link Rule#GENERATE_NAME_TOO_LONG} (a hook Job's
 * generateName with Argo CD's suffix must fit a label value), {@link
 * Rule#HOOK_KIND_CANNOT_COMPLETE} (a Deployment or other long-running kind as a hook), and for hook
 * Jobs {@link Rule#HOOK_JOB_NO_BACKOFF_LIMIT}, {@link Rule#HOOK_JOB_NO_DEADLINE}, {@link
 * Rule#HOOK_TTL_AFTER_FINISHED} and {@link Rule#HOOK_SIDECAR} (a second container that may never
 * exit).
 */
final class HookJobCheck implements ObjectCheck {
  /** Longest object name that Argo CD's hook name suffix must fit in (a DNS-1123 label). */
  private static final int MAX_NAME = 63;

  /** Length of {@code <revision 7>-} and {@code -<unix time, 10 digits>} in a hook's name. */
  private static final int SUFFIX_FIXED = 7 + 1 + 1 + 10;

  @Override
  public List<Finding> check(Manifest manifest) {
    if (!HookAnnotations.isHook(manifest.annotations())) {
      return List.of();
    }
    List<SyncPhase> phases = HookAnnotations.phases(manifest.annotations());
    List<Finding> findings = new ArrayList<>();
    String kind = manifest.kind();
    if (kind.equals("Job") && !phases.isEmpty()) {
      generateName(manifest, phases, findings);
    }
    if (Workloads.LONG_RUNNING.contains(kind) && !phases.isEmpty()) {
      findings.add(
          Checks.valueFinding(
              manifest,
              Rule.HOOK_KIND_CANNOT_COMPLETE,
              Checks.annotation(HookAnnotations.HOOK),
              "a "
                  + kind
                  + " runs until deleted: as a "
                  + phases.get(0).annotation()
                  + " hook it is created again on every sync and the phase waits for its"
                  + " rollout; run the hook as a Job"));
    }
    if (kind.equals("Job")) {
      jobSpec(manifest, findings);
      sidecars(manifest, findings);
    }
    return findings;
  }

  /** A Job's name is also the value of its pods' job-name label: at most 63 characters. */
  private static void generateName(
      Manifest manifest, List<SyncPhase> phases, List<Finding> findings) {
    if (!manifest.name().isEmpty() || manifest.generateName().isEmpty()) {
      return;
    }
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

  private static void jobSpec(Manifest manifest, List<Finding> findings) {
    JsonNode spec = manifest.object().path("spec");
    if (absent(spec.path("backoffLimit"))) {
      findings.add(
          Checks.finding(
              manifest,
              Rule.HOOK_JOB_NO_BACKOFF_LIMIT,
              "/spec",
              "hook Job has no spec.backoffLimit, so Kubernetes retries it 6 times; set it (0"
                  + " for a migration)"));
    }
    if (absent(spec.path("activeDeadlineSeconds"))) {
      findings.add(
          Checks.finding(
              manifest,
              Rule.HOOK_JOB_NO_DEADLINE,
              "/spec",
              "hook Job has no spec.activeDeadlineSeconds; a hung run blocks the sync"
                  + " indefinitely"));
    }
    if (!absent(spec.path("ttlSecondsAfterFinished"))) {
      findings.add(
          Checks.finding(
              manifest,
              Rule.HOOK_TTL_AFTER_FINISHED,
              "/spec/ttlSecondsAfterFinished",
              "ttlSecondsAfterFinished on a hook Job can delete it before Argo CD reads its"
                  + " result (syncs hung on it before Argo CD 3.0); let the delete policy clean up"));
    }
  }

  private static boolean absent(JsonNode node) {
    return node.isMissingNode() || node.isNull();
  }

  /** Every container after the first in {@code containers}: a plain sidecar may never exit. */
  private static void sidecars(Manifest manifest, List<Finding> findings) {
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
                        sidecar.who()
                            + " runs beside \""
                            + main.get(0).name()
                            + "\" in a hook Job; if it never exits the Job never completes."
                            + " Make it a native sidecar (initContainers, restartPolicy:"
                            + " Always)"));
              }
            });
  }
}
