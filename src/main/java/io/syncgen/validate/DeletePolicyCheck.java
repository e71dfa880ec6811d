package io.syncgen.validate;

import io.syncgen.manifest.HookAnnotations;
import io.syncgen.manifest.Manifest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The hook delete policies as gitops-engine reads them ({@code pkg/sync/hook}; see
 * shared/docs/argocd.md and {@link HookAnnotations#deletePolicies}): {@link
 * Rule#DELETE_POLICY_UNKNOWN} for a value of {@code argocd.argoproj.io/hook-delete-policy} or
 * {@code helm.sh/hook-delete-policy} that Argo CD drops silently, and {@link
 * Rule#DELETE_POLICY_WITHOUT_RECREATE} for a hook whose policies delete it after it ran but leave
 * out the BeforeHookCreation default.
 */
final class DeletePolicyCheck implements ObjectCheck {
  private static final String POLICY_POINTER = Checks.annotation(HookAnnotations.DELETE_POLICY);
  private static final String HELM_POLICY_POINTER =
      Checks.annotation(HookAnnotations.HELM_DELETE_POLICY);

  @Override
  public List<Finding> check(Manifest manifest) {
    Map<String, String> annotations = manifest.annotations();
    String policy = annotations.get(HookAnnotations.DELETE_POLICY);
    String helmPolicy = annotations.get(HookAnnotations.HELM_DELETE_POLICY);
    List<Finding> findings = new ArrayList<>();
    if (policy != null) {
      for (String item : HookAnnotations.items(policy)) {
        if (!HookAnnotations.DELETE_POLICIES.contains(item)) {
          findings.add(unknown(manifest, item));
        }
      }
    }
    if (helmPolicy != null) {
      for (String item : HookAnnotations.items(helmPolicy)) {
        if (!HookAnnotations.HELM_DELETE_POLICIES.containsKey(item)) {
          findings.add(unknownHelm(manifest, item));
        }
      }
    }
    List<String> policies = HookAnnotations.deletePolicies(annotations);
    boolean deletesAfter = policies.contains("HookSucceeded") || policies.contains("HookFailed");
    if (HookAnnotations.isHook(annotations)
        && !manifest.name().isEmpty()
        && deletesAfter
        && !policies.contains("BeforeHookCreation")) {
      findings.add(withoutRecreate(manifest, policy, helmPolicy, policies));
    }
    return findings;
  }

  private static Finding unknown(Manifest manifest, String item) {
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
    return Checks.valueFinding(
        manifest,
        Rule.DELETE_POLICY_UNKNOWN,
        POLICY_POINTER,
        "delete policy \""
            + item
            + "\" is not one Argo CD knows (HookSucceeded, HookFailed,"
            + " BeforeHookCreation); it is dropped silently"
            + hint);
  }

  private static Finding unknownHelm(Manifest manifest, String item) {
    return Checks.valueFinding(
        manifest,
        Rule.DELETE_POLICY_UNKNOWN,
        HELM_POLICY_POINTER,
        "Helm delete policy \""
            + item
            + "\" is not one Argo CD reads (hook-succeeded, hook-failed,"
            + " before-hook-creation); it is dropped silently");
  }

  /** The finding at the annotation that holds the policy, suggesting its own spelling. */
  private static Finding withoutRecreate(
      Manifest manifest, String policy, String helmPolicy, List<String> policies) {
    boolean helm = policy == null || HookAnnotations.items(policy).isEmpty();
    String at = helm ? HELM_POLICY_POINTER : POLICY_POINTER;
    String suggestion =
        helm
            ? String.join(",", HookAnnotations.items(helmPolicy)) + ",before-hook-creation"
            : String.join(",", HookAnnotations.items(policy)) + ",BeforeHookCreation";
    return Checks.valueFinding(
        manifest,
        Rule.DELETE_POLICY_WITHOUT_RECREATE,
        at,
        "delete policy "
            + String.join(",", policies)
            + " removes the BeforeHookCreation default: a hook left by a failed sync"
            + " blocks the next one (\"field is immutable\"); write \""
            + suggestion
            + "\"");
  }
}
