package io.syncgen.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncgen.manifest.HookAnnotations;
import io.syncgen.manifest.Manifest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@link Rule#PVC_SHARED_BY_REPLICAS}: a Deployment that may run more than one pod (its {@code
 * spec.replicas}, or a HorizontalPodAutoscaler scaling it) while its containers mount a
 * PersistentVolumeClaim. Most claims are ReadWriteOnce: their volume attaches to one node, and
 * replicas scheduled elsewhere cannot start. A claim that the same manifests create ReadWriteMany
 * is not flagged.
 */
final class PvcReplicasCheck implements Check {
  /** The HorizontalPodAutoscaler versions whose {@code spec.maxReplicas} is read. */
  private static final Set<String> AUTOSCALING = Set.of("autoscaling/v2", "autoscaling/v1");

  @Override
  public List<Finding> check(List<Manifest> manifests) {
    List<Finding> findings = new ArrayList<>();
    for (Manifest deployment : manifests) {
      Optional<String> podSpec = Workloads.podSpec(deployment);
      if (!deployment.kind().equals("Deployment")
          || HookAnnotations.isHook(deployment.annotations())
          || HookAnnotations.isSkipped(deployment.annotations())
          || podSpec.isEmpty()) {
        continue;
      }
      Optional<String> scale = scale(deployment, manifests);
      if (scale.isEmpty()) {
        continue;
      }
      Set<String> mounted = mountedVolumes(deployment, podSpec.get());
      JsonNode volumes = deployment.object().at(podSpec.get() + "/volumes");
      for (int i = 0; i < Checks.length(volumes); i++) {
        JsonNode volume = volumes.get(i);
        JsonNode claim = volume.path("persistentVolumeClaim");
        String claimName = claim.path("claimName").asText("");
        if (claim.isObject()
            && mounted.contains(volume.path("name").asText(""))
            && !readWriteMany(claimName, deployment, manifests)) {
          String at = podSpec.get() + "/volumes/" + i + "/persistentVolumeClaim";
          findings.add(finding(deployment, at, volume, claimName, scale.get()));
        }
      }
    }
    return findings;
  }

  /**
   * Why a Deployment may run more than one pod: {@code "a Deployment of 3 replicas"}, {@code "a
   * Deployment that HorizontalPodAutoscaler/web scales up to 5 replicas"}; empty when it runs one.
   */
  private static Optional<String> scale(Manifest deployment, List<Manifest> manifests) {
    JsonNode replicas = deployment.object().at("/spec/replicas");
    if (replicas.isIntegralNumber() && replicas.asLong() > 1) {
      return Optional.of("a Deployment of " + replicas.asLong() + " replicas");
    }
    for (Manifest hpa : manifests) {
      JsonNode spec = hpa.object().path("spec");
      JsonNode maxReplicas = spec.path("maxReplicas");
      if (hpa.kind().equals("HorizontalPodAutoscaler")
          && AUTOSCALING.contains(hpa.apiVersion())
          && !HookAnnotations.isSkipped(hpa.annotations())
          && "Deployment".equals(spec.at("/scaleTargetRef/kind").asText())
          && deployment.name().equals(spec.at("/scaleTargetRef/name").asText())
          && Manifest.sameNamespace(deployment, hpa)
          && maxReplicas.isIntegralNumber()
          && maxReplicas.asLong() > 1) {
        return Optional.of(
            "a Deployment that "
                + hpa.display()
                + " scales up to "
                + maxReplicas.asLong()
                + " replicas");
      }
    }
    return Optional.empty();
  }

  /** The names of the volumes that a container of the pod mounts. */
  private static Set<String> mountedVolumes(Manifest manifest, String podSpec) {
    Set<String> names = new HashSet<>();
    for (Workloads.Container container : Workloads.containers(manifest, podSpec)) {
      JsonNode mounts = container.node().path("volumeMounts");
      for (int i = 0; i < Checks.length(mounts); i++) {
        names.add(mounts.get(i).path("name").asText(""));
      }
    }
    return names;
  }

  /** Whether the same manifests create the claim with the access mode ReadWriteMany. */
  private static boolean readWriteMany(
      String claimName, Manifest deployment, List<Manifest> manifests) {
    for (Manifest claim : manifests) {
      if (claim.kind().equals("PersistentVolumeClaim")
          && claim.name().equals(claimName)
          && Manifest.sameNamespace(deployment, claim)) {
        JsonNode modes = claim.object().at("/spec/accessModes");
        for (int i = 0; i < Checks.length(modes); i++) {
          if ("ReadWriteMany".equals(modes.get(i).asText())) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static Finding finding(
      Manifest deployment, String at, JsonNode volume, String claimName, String scale) {
    return Checks.finding(
        deployment,
        Rule.PVC_SHARED_BY_REPLICAS,
        at,
        "volume \""
            + volume.path("name").asText("")
            + "\" mounts PersistentVolumeClaim \""
            + claimName
            + "\" in "
            + scale
            + "; a claim is usually ReadWriteOnce (attached to one node), so pods on other nodes"
            + " cannot mount it and stay Pending. Use ReadWriteMany storage, one replica, or a"
            + " StatefulSet with volumeClaimTemplates");
  }
}
