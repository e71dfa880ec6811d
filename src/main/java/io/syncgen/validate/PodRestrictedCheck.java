package io.syncgen.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncgen.manifest.Manifest;
import java.util.Set;

/**
 * The restricted controls on a pod's volumes and on what its containers may gain (Pod Security
 * Standards, kubernetes.io/docs/concepts/security/pod-security-standards, restricted profile):
 * Volume Types ({@link Rule#PSS_VOLUME_TYPES}; a hostPath volume is the baseline control's), and,
 * except for Windows pods (policy version 1.25), Privilege Escalation ({@link
 * Rule#PSS_PRIVILEGE_ESCALATION}), Seccomp ({@link Rule#PSS_SECCOMP_RESTRICTED}) and Capabilities
 * ({@link Rule#PSS_CAPABILITIES_RESTRICTED}).
 */
final class PodRestrictedCheck implements PodCheck {
  private static final Set<String> RESTRICTED_VOLUMES =
      Set.of(
          "configMap",
          "csi",
          "downwardAPI",
          "emptyDir",
          "ephemeral",
          "persistentVolumeClaim",
          "projected",
          "secret",
          "image");

  @Override
  public void check(Pod pod) {
    JsonNode volumes = pod.spec().path("volumes");
    for (int i = 0; i < Checks.length(volumes); i++) {
      if (!Pod.hostPath(volumes.get(i))) {
        volumeTypes(pod, volumes.get(i), pod.specPointer() + "/volumes/" + i);
      }
    }
    if (pod.windows()) {
      return;
    }
    String podSeccomp = pod.securityContext().at("/seccompProfile/type").asText("");
    for (Workloads.Container container : pod.containers()) {
      JsonNode sc = container.securityContext();
      if (!sc.path("allowPrivilegeEscalation").isBoolean()
          || sc.path("allowPrivilegeEscalation").asBoolean()) {
        pod.add(
            Rule.PSS_PRIVILEGE_ESCALATION,
            sc.has("allowPrivilegeEscalation")
                ? container.securityContextPointer() + "/allowPrivilegeEscalation"
                : container.pointer(),
            container.who() + " does not set securityContext.allowPrivilegeEscalation: false");
      }
      String seccomp = sc.at("/seccompProfile/type").asText(podSeccomp);
      if (!seccomp.equals("RuntimeDefault")
          && !seccomp.equals("Localhost")
          && !seccomp.equals("Unconfined")) {
        pod.add(
            Rule.PSS_SECCOMP_RESTRICTED,
            container.pointer(),
            container.who()
                + " has no seccompProfile RuntimeDefault or Localhost (on the pod or the container)");
      }
      capabilities(pod, container);
    }
  }

  private static void volumeTypes(Pod pod, JsonNode volume, String at) {
    volume
        .fieldNames()
        .forEachRemaining(
            type -> {
              if (!type.equals("name")
                  && !volume.get(type).isNull()
                  && !RESTRICTED_VOLUMES.contains(type)) {
                pod.add(
                    Rule.PSS_VOLUME_TYPES,
                    at + "/" + Manifest.segment(type),
                    "volume \""
                        + volume.path("name").asText()
                        + "\" is of type "
                        + type
                        + ", which the restricted profile does not allow");
              }
            });
  }

  private static void capabilities(Pod pod, Workloads.Container container) {
    String context = container.securityContextPointer();
    JsonNode drop = container.securityContext().at("/capabilities/drop");
    boolean dropsAll = false;
    for (int d = 0; d < Checks.length(drop); d++) {
      dropsAll |= drop.get(d).asText().equals("ALL");
    }
    if (!dropsAll) {
      pod.add(
          Rule.PSS_CAPABILITIES_RESTRICTED,
          drop.isMissingNode() ? container.pointer() : context + "/capabilities/drop",
          container.who() + " does not drop ALL capabilities");
    }
    JsonNode add = container.securityContext().at("/capabilities/add");
    for (int i = 0; i < Checks.length(add); i++) {
      String capability = add.get(i).asText();
      if (!capability.equals("NET_BIND_SERVICE")) {
        pod.addValue(
            Rule.PSS_CAPABILITIES_RESTRICTED,
            context + "/capabilities/add/" + i,
            container.who()
                + " adds capability "
                + capability
                + "; the restricted profile allows only NET_BIND_SERVICE");
      }
    }
  }
}
