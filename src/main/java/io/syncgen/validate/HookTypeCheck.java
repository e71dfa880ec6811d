package io.syncgen.validate;

import io.syncgen.manifest.HookAnnotations;
import io.syncgen.manifest.Manifest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The value of {@code argocd.argoproj.io/hook} as gitops-engine reads it ({@code pkg/sync/hook};
 * see shared/docs/argocd.md and {@link HookAnnotations}): {@link Rule#HOOK_UNKNOWN} for an empty
 * value, an empty item or a type Argo CD does not know (types are case-sensitive), and {@link
 * Rule#HOOK_SKIP_COMBINED} for Skip written beside other types. Argo CD ignores these mistakes
 * silently.
 */
final class HookTypeCheck implements ObjectCheck {
  private static final String HOOK_POINTER = Checks.annotation(HookAnnotations.HOOK);

  @Override
  public List<Finding> check(Manifest manifest) {
    Map<String, String> annotations = manifest.annotations();
    String hook = annotations.get(HookAnnotations.HOOK);
    if (hook == null) {
      return List.of();
    }
    if (hook.strip().isEmpty()) {
      return List.of(
          finding(
              manifest,
              Rule.HOOK_UNKNOWN,
              "the hook annotation is empty: the object is a hook with no type, which no sync"
                  + " applies; name a hook type or remove the annotation"));
    }
    List<Finding> findings = new ArrayList<>();
    if (hasEmptyItem(hook)) {
      findings.add(
          finding(
              manifest,
              Rule.HOOK_UNKNOWN,
              "hook \""
                  + hook
                  + "\" has an empty item; Argo CD ignores it, but it usually means a type went"
                  + " missing: remove the stray comma"));
    }
    List<String> types = HookAnnotations.types(annotations);
    for (String item : HookAnnotations.items(hook)) {
      if (!HookAnnotations.HOOK_TYPES.contains(item)) {
        findings.add(finding(manifest, Rule.HOOK_UNKNOWN, unknownType(item, types.isEmpty())));
      }
    }
    if (types.contains("Skip") && types.size() > 1) {
      findings.add(skipCombined(manifest, hook));
    }
    return findings;
  }

  /** Whether a comma-separated value has an item that is empty or blank. */
  private static boolean hasEmptyItem(String hook) {
    String[] items = hook.split(",", -1);
    return items.length > HookAnnotations.items(hook).size()
        && Arrays.stream(items).anyMatch(i -> i.strip().isEmpty());
  }

  private static Finding skipCombined(Manifest manifest, String hook) {
    return finding(
        manifest,
        Rule.HOOK_SKIP_COMBINED,
        "hook \""
            + hook
            + "\" combines Skip with other types; Skip only works alone, so the object is"
            + " applied as a hook after all");
  }

  /** What an unknown hook type does, and the known one of the same letters, if any. */
  private static String unknownType(String item, boolean noType) {
    Optional<String> sameLetters =
        HookAnnotations.HOOK_TYPES.stream().filter(t -> t.equalsIgnoreCase(item)).findFirst();
    return "hook type \""
        + item
        + "\" is not one Argo CD knows (they are case-sensitive)"
        + (noType ? "; a hook with no known type is never applied" : "; it is ignored")
        + sameLetters.map(t -> "; write \"" + t + "\"").orElse("");
  }

  private static Finding finding(Manifest manifest, Rule rule, String message) {
    return Checks.valueFinding(manifest, rule, HOOK_POINTER, message);
  }
}
