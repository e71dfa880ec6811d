package io.syncgen.plan;

import io.syncgen.manifest.KubernetesObject;

/**
 * What Argo CD waits for before it calls an object healthy and starts the next step (Argo CD's
 * built-in health checks, {@code gitops-engine/pkg/health}; argocd.md "How it runs"). Kinds without
 * a health check are healthy as soon as they are applied.
 */
public final class Health {
  private Health() {}

  /** Whether Argo CD waits on the object after applying it. */
  public static boolean waits(KubernetesObject object) {
    return !waitsFor(object).startsWith("nothing");
  }

  /**
   * What the step waits for, one phrase.
   *
   * @param object the object
   * @return such as {@code the Job completes (condition Complete)}
   */
  public static String waitsFor(KubernetesObject object) {
    return switch (object.kind()) {
      case "Job" ->
          "waits until the Job completes (condition Complete; Failed after backoffLimit or"
              + " activeDeadlineSeconds fails the sync)";
      case "Pod" -> "waits until the Pod succeeds (or, for a long-running Pod, is ready)";
      case "Deployment" ->
          "waits until the rollout is done (all replicas updated and available, no old ones)";
      case "StatefulSet", "DaemonSet" -> "waits until the rollout is done";
      case "ReplicaSet", "ReplicationController" -> "waits until every replica is ready";
      case "PersistentVolumeClaim" -> "waits until the claim is Bound";
      case "Ingress" -> "waits until it has a load balancer address";
      case "Service" ->
          "LoadBalancer".equals(object.tree().at("/spec/type").asText())
              ? "waits until it has a load balancer address"
              : "nothing: healthy once applied";
      case "HorizontalPodAutoscaler" -> "waits until the autoscaler reports it can scale";
      case "APIService" -> "waits until the APIService is Available";
      default -> "nothing: healthy once applied";
    };
  }
}
