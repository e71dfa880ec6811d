package io.syncgen.plan;

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

  /** Every hook type Argo CD knows; PreDelete and PostDelete are run by the controller. */
  public static final Set<String> HOOK_TYPES =
      Set.of("PreSync", "Sync", "PostSync", "SyncFail", "Skip", "PreDelete", "PostDelete");

  /** Delete policies, Argo CD's and Helm's spellings; anything else is dropped silently. */
  public static final Set<String> DELETE_POLICIES =
      Set.of(
          "HookSucceeded",
          "HookFailed",
          "BeforeHookCreation",
          "hook-succeeded",
          "hook-failed",
          "before-hook-creation");

  /** Go's strconv.Atoi syntax: an optional sign and decimal digits, no spaces. */
  private static final Pattern ATOI = Pattern.compile("[+-]?[0-9]+");

  private HookAnnotations() {}

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
   * The items of a comma-separated annotation as Argo CD splits them: each trimmed, duplicates
   * dropped, first occurrence order. Empty items are kept (they are values Argo CD does not know).
   *
   * @param value the annotation value
   * @return the items
   */
  public static List<String> items(String value) {
    Set<String> items = new LinkedHashSet<>();
    for (String item : value.split(",", -1)) {
      items.add(item.strip());
    }
    return new ArrayList<>(items);
  }

  /**
   * Whether Argo CD treats the object as a hook: it has {@code argocd.argoproj.io/hook} (any
   * value), or a {@code helm.sh/hook} value that maps onto an Argo CD hook.
   *
   * @param annotations the object's annotations
   * @return true for a hook
   */
  public static boolean isHook(Map<String, String> annotations) {
    if (annotations.containsKey(HOOK)) {
      return true;
    }
    String helm = annotations.get(HELM_HOOK);
    return helm != null && items(helm).stream().anyMatch(v -> helmHook(v) != null);
  }

  /**
   * The phases a hook names, in phase order; empty for an object that is not a hook (a plain Sync
   * object) and for a hook whose values name no phase (Skip, PreDelete, unknown values). Helm's
   * {@code helm.sh/hook} counts only when there is no Argo CD hook annotation: {@code
   * pre-install}/{@code pre-upgrade} are PreSync, {@code post-install}/{@code post-upgrade}
   * PostSync.
   *
   * @param annotations the object's annotations
   * @return the phases
   */
  public static List<SyncPhase> phases(Map<String, String> annotations) {
    String hook = annotations.get(HOOK);
    List<String> types;
    if (hook != null) {
      types = items(hook);
    } else if (annotations.containsKey(HELM_HOOK)) {
      types = items(annotations.get(HELM_HOOK)).stream().map(HookAnnotations::helmHook).toList();
    } else {
      return List.of();
    }
    return types.stream()
        .filter(java.util.Objects::nonNull)
        .map(SyncPhase::ofHook)
        .flatMap(Optional::stream)
        .sorted()
        .distinct()
        .toList();
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
