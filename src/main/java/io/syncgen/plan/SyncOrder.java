package io.syncgen.plan;

import io.syncgen.manifest.HookAnnotations;
import io.syncgen.manifest.KubernetesObject;
import io.syncgen.manifest.SyncPhase;
import java.util.Comparator;
import java.util.List;

/**
 * Sorts objects the way Argo CD applies them: by phase, then sync wave, then kind, then name
 * (gitops-engine {@code pkg/sync/sync_tasks.go}; namespace is not a key).
 */
public final class SyncOrder {
  /** gitops-engine's kind order, verbatim; kinds not listed sort after all of these. */
  static final List<String> KIND_ORDER =
      List.of(
          "Namespace",
          "NetworkPolicy",
          "ResourceQuota",
          "LimitRange",
          "PodSecurityPolicy",
          "PodDisruptionBudget",
          "ServiceAccount",
          "Secret",
          "SecretList",
          "ConfigMap",
          "StorageClass",
          "PersistentVolume",
          "PersistentVolumeClaim",
          "CustomResourceDefinition",
          "ClusterRole",
          "ClusterRoleList",
          "ClusterRoleBinding",
          "ClusterRoleBindingList",
          "Role",
          "RoleList",
          "RoleBinding",
          "RoleBindingList",
          "Service",
          "DaemonSet",
          "Pod",
          "ReplicationController",
          "ReplicaSet",
          "Deployment",
          "HorizontalPodAutoscaler",
          "StatefulSet",
          "Job",
          "CronJob",
          "IngressClass",
          "Ingress",
          "APIService");

  /** Orders objects as Argo CD runs them. */
  public static final Comparator<KubernetesObject> COMPARATOR =
      Comparator.comparing(SyncOrder::phase)
          .thenComparingLong(SyncOrder::wave)
          .thenComparingInt(o -> kindIndex(o.kind()))
          .thenComparing(KubernetesObject::name);

  private SyncOrder() {}

  /**
   * A copy of {@code objects} in sync order, each once: in the order of their first task in the
   * {@link SyncPlan} (so a Namespace comes before the first object in it and a CRD before its
   * custom resources), then the SyncFail hooks, then objects no sync applies (Skip, deletion hooks,
   * unknown hook types).
   */
  public static List<KubernetesObject> sort(List<KubernetesObject> objects) {
    SyncPlan plan = SyncPlan.of(objects);
    java.util.LinkedHashSet<KubernetesObject> ordered = new java.util.LinkedHashSet<>();
    plan.allTasks().forEach(t -> ordered.add(t.object()));
    ordered.addAll(plan.skipped());
    plan.outside().forEach(o -> ordered.add(o.object()));
    return List.copyOf(ordered);
  }

  /**
   * The first phase the object's hook annotation names; {@link SyncPhase#SYNC} for an object
   * without one. (Objects with an unknown hook value are never applied by Argo CD; {@code validate}
   * reports them.)
   */
  public static SyncPhase phase(KubernetesObject object) {
    return HookAnnotations.phases(object.annotations()).stream().findFirst().orElse(SyncPhase.SYNC);
  }

  /**
   * The sync wave as Argo CD reads it: {@code argocd.argoproj.io/sync-wave} when Go's Atoi accepts
   * it, else {@code helm.sh/hook-weight} likewise, else 0.
   */
  public static long wave(KubernetesObject object) {
    return HookAnnotations.wave(object.annotations());
  }

  /** The kind's index in {@link #KIND_ORDER}; unknown kinds after all known ones. */
  static int kindIndex(String kind) {
    int index = KIND_ORDER.indexOf(kind);
    return index < 0 ? KIND_ORDER.size() : index;
  }
}
