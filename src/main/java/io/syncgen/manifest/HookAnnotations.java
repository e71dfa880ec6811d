package io.syncgen.manifest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How Argo CD reads its hook annotations (gitops-engine {@code pkg/sync/hook} and {@code
 * syncwaves}; see shared/docs/argocd.md). Shared by the sync order, {@code validate} and {@code
 * plan} so that they can never disagree.
 */
public final class HookAnnotations {
  /** {@code argocd.argoproj.io/hook}. */
  public static final String HOOK = "argocd.argoproj.io/hook";

  /** {@code argocd.argoproj.io/sync-wave}. */
  public static final String SYNC_WAVE = "argocd.argoproj.io/sync-wave";

  /** {@code argocd.argoproj.io/hook-delete-policy}. */
  public static final String DELETE_POLICY = "argocd.argoproj.io/hook-delete-policy";

  /** Helm's hook annotation, read when there is no Argo CD hook annotation. */
  public static final String HELM_HOOK = "helm.sh/hook";

  /** Helm's wave, used when the Argo CD one is absent or invalid. */
  public static final String HELM_HOOK_WEIGHT = "helm.sh/hook-weight";

  /** {@code helm.sh/hook-delete-policy}, read together with Argo CD's. */
  public static final String HELM_DELETE_POLICY = "helm.sh/hook-delete-policy";

  /** Every hook type Argo CD knows; PreDelete and PostDelete are run by the controller. */
  public static final Set<String> HOOK_TYPES =
      Set.of("PreSync", "Sync", "PostSync", "SyncFail", "Skip", "PreDelete", "PostDelete");

  /** The values of {@code argocd.argoproj.io/hook-delete-policy}, exact case. */
  public static final Set<String> DELETE_POLICIES =
      Set.of("HookSucceeded", "HookFailed", "BeforeHookCreation");

  /** The values of {@code helm.sh/hook-delete-policy}, and the Argo CD policy each one means. */
  public static final Map<String, String> HELM_DELETE_POLICIES =
      Map.of(
          "hook-succeeded", "HookSucceeded",
          "hook-failed", "HookFailed",
          "before-hook-creation", "BeforeHookCreation");

  /** Go's strconv.Atoi syntax: an optional sign and decimal digits, no spaces. */
  private static final Pattern ATOI = Pattern.compile("[+-]?[0-9]+");

  private HookAnnotations() {}

  /**
   * An object's annotations as Argo CD sees them, sorted by key: all of them, or none at all when
   * any value is not a string, null included (Kubernetes' {@code GetAnnotations()} then returns
   * nil, so Argo CD sees no hook, wave or delete policy; argocd.md).
   *
   * @param annotations the object's {@code metadata.annotations} node (missing or not a mapping: no
   *     annotations)
   * @return the annotations
   */
  public static Map<String, String> of(com.fasterxml.jackson.databind.JsonNode annotations) {
    Map<String, String> result = new java.util.TreeMap<>();
    if (annotations != null && annotations.isObject()) {
      for (var e : annotations.properties()) {
        if (!e.getValue().isTextual()) {
          return Map.of();
        }
        result.put(e.getKey(), e.getValue().textValue());
      }
    }
    return result;
  }

  /**
   * Go's {@code strconv.Atoi} on a 64-bit platform.
   *
   * @param value the text
   * @return the integer, or empty when Atoi returns an error (syntax or range)
   */
  public static Optional<Long> atoi(String value) {
    if (value == null || !ATOI.matcher(value).matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Long.parseLong(value.startsWith("+") ? value.substring(1) : value));
    } catch (NumberFormatException outOfRange) {
      return Optional.empty();
    }
  }

  /**
   * The sync wave as Argo CD reads it: {@code argocd.argoproj.io/sync-wave} when Atoi accepts it,
   * else {@code helm.sh/hook-weight} likewise, else 0.
   *
   * @param annotations the object's annotations
   * @return the wave
   */
  public static long wave(Map<String, String> annotations) {
    return atoi(annotations.get(SYNC_WAVE))
        .or(() -> atoi(annotations.get(HELM_HOOK_WEIGHT)))
        .orElse(0L);
  }

  /**
   * The items of a comma-separated annotation as Argo CD's {@code GetAnnotationCSVs} splits them:
   * each trimmed, empty items dropped, duplicates dropped, first occurrence order.
   *
   * @param value the annotation value
   * @return the items
   */
  public static List<String> items(String value) {
    Set<String> items = new LinkedHashSet<>();
    for (String item : value.split(",", -1)) {
      if (!item.strip().isEmpty()) {
        items.add(item.strip());
      }
    }
    return new ArrayList<>(items);
  }

  /**
   * The hook types as gitops-engine's {@code hook.Types} reads them: the known values of {@code
   * argocd.argoproj.io/hook}; when there is none, the Argo CD types of {@code helm.sh/hook} ({@code
   * pre-install}/{@code pre-upgrade} are PreSync, {@code post-install}/{@code post-upgrade}
   * PostSync, {@code pre-delete}/{@code post-delete} PreDelete/PostDelete).
   *
   * @param annotations the object's annotations
   * @return the types, such as {@code [PreSync, PostSync]}
   */
  public static List<String> types(Map<String, String> annotations) {
    List<String> types = new ArrayList<>();
    String hook = annotations.get(HOOK);
    if (hook != null) {
      items(hook).stream().filter(HOOK_TYPES::contains).forEach(types::add);
    }
    if (types.isEmpty() && annotations.containsKey(HELM_HOOK)) {
      for (String value : items(annotations.get(HELM_HOOK))) {
        String type = helmHook(value);
        if (type != null && !types.contains(type)) {
          types.add(type);
        }
      }
    }
    return types;
  }

  /**
   * Whether Argo CD skips the object: its only hook type is {@code Skip} ({@code hook.Skip}).
   *
   * @param annotations the object's annotations
   * @return true when the object is never applied
   */
  public static boolean isSkipped(Map<String, String> annotations) {
    List<String> types = types(annotations);
    return types.size() == 1 && types.get(0).equals("Skip");
  }

  /**
   * Whether Argo CD treats the object as a hook ({@code hook.IsHook}): it has {@code
   * argocd.argoproj.io/hook}, whatever the value, and is not skipped; or it has {@code
   * helm.sh/hook} with any value but {@code crd-install}. A hook whose types name no sync phase is
   * never applied by a sync.
   *
   * @param annotations the object's annotations
   * @return true for a hook
   */
  public static boolean isHook(Map<String, String> annotations) {
    if (annotations.containsKey(HOOK)) {
      return !isSkipped(annotations);
    }
    String helm = annotations.get(HELM_HOOK);
    return helm != null && !helm.strip().equals("crd-install");
  }

  /**
   * The sync phases a hook runs in, in phase order ({@code PreSync,PostSync} runs twice); empty for
   * an object that is not a hook (a plain Sync object) and for a hook whose types name no sync
   * phase (Skip, PreDelete, PostDelete, no known type).
   *
   * @param annotations the object's annotations
   * @return the phases
   */
  public static List<SyncPhase> phases(Map<String, String> annotations) {
    if (!isHook(annotations)) {
      return List.of();
    }
    return types(annotations).stream()
        .map(SyncPhase::ofHook)
        .flatMap(Optional::stream)
        .sorted()
        .distinct()
        .toList();
  }

  /**
   * The delete policies of a hook as {@code hook.DeletePolicies} reads them: the exact Argo CD
   * values of {@code argocd.argoproj.io/hook-delete-policy}, plus the Helm values of {@code
   * helm.sh/hook-delete-policy} (as Argo CD names); {@code BeforeHookCreation} when none is left.
   *
   * @param annotations the object's annotations
   * @return the policies, Argo CD spelling
   */
  public static List<String> deletePolicies(Map<String, String> annotations) {
    Set<String> policies = new LinkedHashSet<>();
    if (annotations.containsKey(DELETE_POLICY)) {
      items(annotations.get(DELETE_POLICY)).stream()
          .filter(DELETE_POLICIES::contains)
          .forEach(policies::add);
    }
    if (annotations.containsKey(HELM_DELETE_POLICY)) {
      items(annotations.get(HELM_DELETE_POLICY)).stream()
          .map(HELM_DELETE_POLICIES::get)
          .filter(java.util.Objects::nonNull)
          .forEach(policies::add);
    }
    if (policies.isEmpty()) {
      policies.add("BeforeHookCreation");
    }
    return new ArrayList<>(policies);
  }

  /** The Argo CD hook type of a Helm hook value, or null when Argo CD ignores it. */
  private static String helmHook(String value) {
    return switch (value) {
      case "pre-install", "pre-upgrade" -> "PreSync";
      case "post-install", "post-upgrade" -> "PostSync";
      case "pre-delete" -> "PreDelete";
      case "post-delete" -> "PostDelete";
      default -> null;
    };
  }
}
