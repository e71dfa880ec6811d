package io.syncgen.plan;

import io.syncgen.manifest.KubernetesObject;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

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

  /** Go's strconv.Atoi: an optional sign and decimal digits, no spaces. */
  private static final Pattern ATOI = Pattern.compile("[+-]?[0-9]+");

  /** Orders objects as Argo CD runs them. */
  public static final Comparator<KubernetesObject> COMPARATOR =
      Comparator.comparing(SyncOrder::phase)
          .thenComparingLong(SyncOrder::wave)
          .thenComparingInt(o -> kindIndex(o.kind()))
          .thenComparing(KubernetesObject::name);

  private SyncOrder() {}

  /** A copy of {@code objects} in sync order. */
  public static List<KubernetesObject> sort(List<KubernetesObject> objects) {
    return objects.stream().sorted(COMPARATOR).toList();
  }

  /**
   * The first phase the object's hook annotation names; {@link SyncPhase#SYNC} for an object
   * without one. (Objects with an unknown hook value are never applied by Argo CD; {@code validate}
   * reports them.)
   */
  public static SyncPhase phase(KubernetesObject object) {
    String hook = object.annotation(KubernetesObject.HOOK);
    if (hook == null) {
      return SyncPhase.SYNC;
    }
    return Arrays.stream(hook.split(","))
        .map(String::trim)
        .map(SyncPhase::ofHook)
        .flatMap(java.util.Optional::stream)
        .min(Comparator.naturalOrder())
        .orElse(SyncPhase.SYNC);
  }

  /**
   * The sync wave as Argo CD reads it: {@code argocd.argoproj.io/sync-wave} when Go's Atoi accepts
   * it, else {@code helm.sh/hook-weight} likewise, else 0.
   */
  public static long wave(KubernetesObject object) {
    for (String key : List.of(KubernetesObject.SYNC_WAVE, "helm.sh/hook-weight")) {
      String value = object.annotation(key);
      if (value != null && ATOI.matcher(value).matches()) {
        try {
          return Long.parseLong(value.startsWith("+") ? value.substring(1) : value);
        } catch (NumberFormatException outOfRange) {
          // Atoi fails beyond 64 bits too; Argo CD then falls back in the same way.
        }
      }
    }
    return 0;
  }

  /** The kind's index in {@link #KIND_ORDER}; unknown kinds after all known ones. */
  static int kindIndex(String kind) {
    int index = KIND_ORDER.indexOf(kind);
    return index < 0 ? KIND_ORDER.size() : index;
  }
}
