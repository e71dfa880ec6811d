package io.syncgen.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncgen.manifest.Manifest;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The baseline controls on what a pod's processes may do (Pod Security Standards,
 * kubernetes.io/docs/concepts/security/pod-security-standards, baseline profile): Privileged
 * Containers ({@link Rule#PSS_PRIVILEGED}), Capabilities ({@link Rule#PSS_CAPABILITIES}), AppArmor
 * ({@link Rule#PSS_APPARMOR}), SELinux ({@link Rule#PSS_SELINUX}), /proc Mount Type ({@link
 * Rule#PSS_PROC_MOUNT}; a pod in a user namespace, {@link Pod#userNamespace()}, is left to {@link
 * PodRunAsCheck}) and Seccomp ({@link Rule#PSS_SECCOMP}: not Unconfined). Sysctls are {@link
 * PodSysctlsCheck}'s.
 */
final class PodBaselineCheck implements PodCheck {
  private static final Set<String> BASELINE_CAPABILITIES =
      Set.of(
          "AUDIT_WRITE",
          "CHOWN",
          "DAC_OVERRIDE",
          "FOWNER",
          "FSETID",
          "KILL",
          "MKNOD",
          "NET_BIND_SERVICE",
          "SETFCAP",
          "SETGID",
          "SETPCAP",
          "SETUID",
          "SYS_CHROOT");

  private static final Set<String> SELINUX_TYPES =
      Set.of("", "container_t", "container_init_t", "container_kvm_t", "container_engine_t");

  private static final String APPARMOR_ANNOTATION =
      "container.apparmor.security.beta.kubernetes.io/";

  @Override
  public void check(Pod pod) {
    JsonNode context = pod.securityContext();
    apparmor(pod, context, pod.contextPointer());
    apparmorAnnotations(pod);
    selinux(pod, context.path("seLinuxOptions"), pod.contextPointer() + "/seLinuxOptions");
    if ("Unconfined".equals(context.at("/seccompProfile/type").asText())) {
      pod.addValue(
          Rule.PSS_SECCOMP,
          pod.contextPointer() + "/seccompProfile/type",
          "seccompProfile Unconfined turns off system call filtering");
    }
    for (Workloads.Container container : pod.containers()) {
      container(pod, container);
    }
  }

  private static void container(Pod pod, Workloads.Container container) {
    JsonNode sc = container.securityContext();
    String context = container.securityContextPointer();
    String who = container.who();
    pod.flagTrue(
        sc.path("privileged"),
        context + "/privileged",
        Rule.PSS_PRIVILEGED,
        who + " is privileged: root on the node");
    JsonNode add = sc.at("/capabilities/add");
    for (int i = 0; i < Checks.length(add); i++) {
      String capability = add.get(i).asText();
      if (!BASELINE_CAPABILITIES.contains(capability)) {
        pod.addValue(
            Rule.PSS_CAPABILITIES,
            context + "/capabilities/add/" + i,
            who + " adds capability " + capability + ", outside the baseline set");
      }
    }
    apparmor(pod, sc, context);
    selinux(pod, sc.path("seLinuxOptions"), context + "/seLinuxOptions");
    JsonNode procMount = sc.path("procMount");
    if (procMount.isTextual() && !procMount.textValue().equals("Default") && !pod.userNamespace()) {
      pod.addValue(
          Rule.PSS_PROC_MOUNT,
          context + "/procMount",
          who + " sets procMount " + procMount.textValue() + "; only Default is allowed");
    }
    if ("Unconfined".equals(sc.at("/seccompProfile/type").asText())) {
      pod.addValue(
          Rule.PSS_SECCOMP,
          context + "/seccompProfile/type",
          who + " sets seccompProfile Unconfined");
    }
  }

  private static void apparmor(Pod pod, JsonNode securityContext, String at) {
    if ("Unconfined".equals(securityContext.at("/appArmorProfile/type").asText())) {
      pod.addValue(
          Rule.PSS_APPARMOR,
          at + "/appArmorProfile/type",
          "appArmorProfile Unconfined turns off AppArmor");
    }
  }

  /** The per-container AppArmor annotations of the pod template (the field came in 1.30). */
  private static void apparmorAnnotations(Pod pod) {
    String at = pod.template() + "/metadata/annotations";
    JsonNode annotations = pod.manifest().object().at(at);
    if (!annotations.isObject()) {
      return;
    }
    for (Map.Entry<String, JsonNode> e : annotations.properties()) {
      if (e.getKey().startsWith(APPARMOR_ANNOTATION) && e.getValue().isTextual()) {
        String value = e.getValue().textValue();
        if (!value.isEmpty()
            && !value.equals("runtime/default")
            && !value.startsWith("localhost/")) {
          pod.addValue(
              Rule.PSS_APPARMOR,
              at + "/" + Manifest.segment(e.getKey()),
              "AppArmor profile \"" + value + "\" is not runtime/default or localhost/*");
        }
      }
    }
  }

  private static void selinux(Pod pod, JsonNode options, String at) {
    if (!options.isObject()) {
      return;
    }
    String type = options.path("type").asText("");
    if (!SELINUX_TYPES.contains(type)) {
      pod.addValue(
          Rule.PSS_SELINUX,
          at + "/type",
          "SELinux type \"" + type + "\" is not an allowed container type");
    }
    for (String field : List.of("user", "role")) {
      if (!options.path(field).asText("").isEmpty()) {
        pod.addValue(
            Rule.PSS_SELINUX,
            at + "/" + field,
            "SELinux " + field + " \"" + options.path(field).asText() + "\" must not be set");
      }
    }
  }
}
