package io.syncgen.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syncgen.descriptor.AppSpec;
import io.syncgen.descriptor.LocalObjectReference;

/**
 * Makes every pod and container meet the Kubernetes Pod Security Standards' "restricted" profile
 * (runAsNonRoot, no privilege escalation, every capability dropped, the RuntimeDefault seccomp
 * profile), and sets the pod's identity: the named ServiceAccount, or no token at all. Applied to
 * every object with a pod template, so no rendered pod can miss it.
 */
final class PodHardening {
  private PodHardening() {}

  static void apply(ObjectNode object, AppSpec spec) {
    if (!(Workloads.podTemplate(object).map(t -> t.get("spec")).orElse(null)
        instanceof ObjectNode pod)) {
      return;
    }
    if (spec.serviceAccountName() != null) {
      pod.put("serviceAccountName", spec.serviceAccountName());
    } else {
      pod.put("automountServiceAccountToken", false);
    }
    if (spec.imagePullSecrets() != null) {
      pod.putArray("imagePullSecrets")
          .addAll(
              spec.imagePullSecrets().stream()
                  .map(LocalObjectReference::name)
                  .map(name -> (JsonNode) pod.objectNode().put("name", name))
                  .toList());
    }
    ObjectNode context = pod.putObject("securityContext").put("runAsNonRoot", true);
    if (spec.runAsUser() != null) {
      context.put("runAsUser", spec.runAsUser());
    }
    context.putObject("seccompProfile").put("type", "RuntimeDefault");
    for (String list : new String[] {"initContainers", "containers"}) {
      pod.path(list).forEach(container -> harden((ObjectNode) container));
    }
  }

  private static void harden(ObjectNode container) {
    ObjectNode context = container.withObject("/securityContext");
    context.put("allowPrivilegeEscalation", false);
    context.putObject("capabilities").putArray("drop").add("ALL");
    context.put("runAsNonRoot", true);
    context.putObject("seccompProfile").put("type", "RuntimeDefault");
  }
}
