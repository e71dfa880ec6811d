package io.syncgen.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Rule set 3, first half: the Kubernetes Pod Security Standards (kubernetes.io/docs/concepts/
 * security/pod-security-standards), every control of the baseline profile and, at the restricted
 * level, every control of the restricted one, on each pod template. Containers means containers,
 * initContainers and ephemeralContainers, as in the standard.
 */
final class PodSecurityCheck implements ObjectCheck {
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

  private static final Set<String> SAFE_SYSCTLS =
      Set.of(
          "kernel.shm_rmid_forced",
          "net.ipv4.ip_local_port_range",
          "net.ipv4.ip_unprivileged_port_start",
          "net.ipv4.tcp_syncookies",
          "net.ipv4.ping_group_range",
          "net.ipv4.ip_local_reserved_ports",
          "net.ipv4.tcp_keepalive_time",
          "net.ipv4.tcp_fin_timeout",
          "net.ipv4.tcp_keepalive_intvl",
          "net.ipv4.tcp_keepalive_probes",
          "net.ipv4.tcp_rmem",
          "net.ipv4.tcp_wmem");

  private static final Set<String> SELINUX_TYPES =
      Set.of("", "container_t", "container_init_t", "container_kvm_t", "container_engine_t");

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

  private static final String APPARMOR_ANNOTATION =
      "container.apparmor.security.beta.kubernetes.io/";

  private final Validator.PodSecurity level;

  /** The controls of a profile: baseline, or baseline and restricted. */
  PodSecurityCheck(Validator.PodSecurity level) {
    this.level = level;
  }

  @Override
  public List<Finding> check(Manifest manifest) {
    List<Finding> findings = new ArrayList<>();
    Workloads.podTemplate(manifest)
        .ifPresent(template -> checkPod(manifest, template, level, findings));
    return findings;
  }

  private static void checkPod(
      Manifest manifest, String template, Validator.PodSecurity level, List<Finding> findings) {
    String podSpec = template + "/spec";
    JsonNode spec = manifest.object().at(podSpec);
    String podContext = podSpec + "/securityContext";
    JsonNode pod = spec.path("securityContext");
    List<Workloads.Container> containers = Workloads.containers(manifest, podSpec);
    Checker c = new Checker(manifest, findings);
    // Pods in a user namespace are exempt from some controls (policy version 1.35).
    boolean userNamespace =
        spec.path("hostUsers").isBoolean() && !spec.path("hostUsers").asBoolean();
    // Windows pods are exempt from some restricted controls (policy version 1.25).
    boolean windows = "windows".equals(spec.at("/os/name").asText());

    // Baseline.
    c.flagTrue(
        pod.at("/windowsOptions/hostProcess"),
        podContext + "/windowsOptions/hostProcess",
        Rule.PSS_HOST_PROCESS,
        "hostProcess gives the pod full access to the Windows node");
    for (String field : List.of("hostNetwork", "hostPID", "hostIPC")) {
      c.flagTrue(
          spec.path(field),
          podSpec + "/" + field,
          Rule.PSS_HOST_NAMESPACES,
          field + ": true shares the node's namespace with the pod");
    }
    JsonNode volumes = spec.path("volumes");
    for (int i = 0; i < Checks.length(volumes); i++) {
      JsonNode volume = volumes.get(i);
      String at = podSpec + "/volumes/" + i;
      if (volume.has("hostPath") && !volume.get("hostPath").isNull()) {
        c.add(
            Rule.PSS_HOST_PATH,
            at + "/hostPath",
            "volume \"" + volume.path("name").asText() + "\" mounts a hostPath from the node");
      } else if (level == Validator.PodSecurity.RESTRICTED) {
        volume
            .fieldNames()
            .forEachRemaining(
                type -> {
                  if (!type.equals("name")
                      && !volume.get(type).isNull()
                      && !RESTRICTED_VOLUMES.contains(type)) {
                    c.add(
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
    }
    apparmor(c, pod, podContext);
    JsonNode annotations = manifest.object().at(template + "/metadata/annotations");
    if (annotations.isObject()) {
      annotations
          .fields()
          .forEachRemaining(
              e -> {
                if (e.getKey().startsWith(APPARMOR_ANNOTATION) && e.getValue().isTextual()) {
                  String value = e.getValue().textValue();
                  if (!value.isEmpty()
                      && !value.equals("runtime/default")
                      && !value.startsWith("localhost/")) {
                    c.addValue(
                        Rule.PSS_APPARMOR,
                        template + "/metadata/annotations/" + Manifest.segment(e.getKey()),
                        "AppArmor profile \"" + value + "\" is not runtime/default or localhost/*");
                  }
                }
              });
    }
    selinux(c, pod.path("seLinuxOptions"), podContext + "/seLinuxOptions");
    if ("Unconfined".equals(pod.at("/seccompProfile/type").asText())) {
      c.addValue(
          Rule.PSS_SECCOMP,
          podContext + "/seccompProfile/type",
          "seccompProfile Unconfined turns off system call filtering");
    }
    JsonNode sysctls = pod.path("sysctls");
    for (int i = 0; i < Checks.length(sysctls); i++) {
      String name = sysctls.get(i).path("name").asText();
      if (!SAFE_SYSCTLS.contains(name)) {
        c.addValue(
            Rule.PSS_SYSCTLS,
            podContext + "/sysctls/" + i + "/name",
            "sysctl \"" + name + "\" is not in the safe set");
      }
    }
    for (Workloads.Container container : containers) {
      String context = container.pointer() + "/securityContext";
      JsonNode sc = container.node().path("securityContext");
      String who = "container \"" + container.name() + "\"";
      c.flagTrue(
          sc.at("/windowsOptions/hostProcess"),
          context + "/windowsOptions/hostProcess",
          Rule.PSS_HOST_PROCESS,
          who + " is a Windows host process");
      c.flagTrue(
          sc.path("privileged"),
          context + "/privileged",
          Rule.PSS_PRIVILEGED,
          who + " is privileged: root on the node");
      JsonNode add = sc.at("/capabilities/add");
      for (int i = 0; i < Checks.length(add); i++) {
        String capability = add.get(i).asText();
        if (!BASELINE_CAPABILITIES.contains(capability)) {
          c.addValue(
              Rule.PSS_CAPABILITIES,
              context + "/capabilities/add/" + i,
              who + " adds capability " + capability + ", outside the baseline set");
        }
      }
      JsonNode ports = container.node().path("ports");
      for (int i = 0; i < Checks.length(ports); i++) {
        JsonNode hostPort = ports.get(i).path("hostPort");
        if (hostPort.isNumber() && hostPort.asLong() != 0) {
          c.addValue(
              Rule.PSS_HOST_PORTS,
              container.pointer() + "/ports/" + i + "/hostPort",
              who + " binds hostPort " + hostPort.asText() + " on the node");
        }
      }
      apparmor(c, sc, context);
      selinux(c, sc.path("seLinuxOptions"), context + "/seLinuxOptions");
      hostProbes(c, container, who);
      JsonNode procMount = sc.path("procMount");
      if (procMount.isTextual() && !procMount.textValue().equals("Default") && !userNamespace) {
        c.addValue(
            Rule.PSS_PROC_MOUNT,
            context + "/procMount",
            who + " sets procMount " + procMount.textValue() + "; only Default is allowed");
      }
      if ("Unconfined".equals(sc.at("/seccompProfile/type").asText())) {
        c.addValue(
            Rule.PSS_SECCOMP,
            context + "/seccompProfile/type",
            who + " sets seccompProfile Unconfined");
      }
    }
    if (level == Validator.PodSecurity.BASELINE) {
      return;
    }

    // Restricted.
    boolean podNonRoot = pod.path("runAsNonRoot").asBoolean(false);
    if (pod.path("runAsNonRoot").isBoolean() && !podNonRoot && !userNamespace) {
      c.addValue(
          Rule.PSS_RUN_AS_NON_ROOT,
          podContext + "/runAsNonRoot",
          "the pod sets runAsNonRoot: false");
    }
    String podSeccomp = pod.at("/seccompProfile/type").asText("");
    if (pod.path("runAsUser").isNumber() && pod.path("runAsUser").asLong() == 0 && !userNamespace) {
      c.addValue(Rule.PSS_RUN_AS_USER, podContext + "/runAsUser", "the pod runs as user 0 (root)");
    }
    for (Workloads.Container container : containers) {
      String context = container.pointer() + "/securityContext";
      JsonNode sc = container.node().path("securityContext");
      String who = "container \"" + container.name() + "\"";
      JsonNode procMount = sc.path("procMount");
      if (userNamespace && procMount.isTextual() && !procMount.textValue().equals("Default")) {
        c.addValue(
            Rule.PSS_PROC_MOUNT,
            context + "/procMount",
            who + " sets procMount " + procMount.textValue() + "; restricted allows only Default");
      }
      if (!windows
          && (!sc.path("allowPrivilegeEscalation").isBoolean()
              || sc.path("allowPrivilegeEscalation").asBoolean())) {
        c.add(
            Rule.PSS_PRIVILEGE_ESCALATION,
            sc.has("allowPrivilegeEscalation")
                ? context + "/allowPrivilegeEscalation"
                : container.pointer(),
            who + " does not set securityContext.allowPrivilegeEscalation: false");
      }
      JsonNode nonRoot = sc.path("runAsNonRoot");
      if (userNamespace) {
        // exempt from runAsNonRoot and runAsUser
      } else if (nonRoot.isBoolean() && !nonRoot.asBoolean()) {
        c.addValue(
            Rule.PSS_RUN_AS_NON_ROOT, context + "/runAsNonRoot", who + " sets runAsNonRoot: false");
      } else if (!podNonRoot && !nonRoot.asBoolean(false)) {
        c.add(
            Rule.PSS_RUN_AS_NON_ROOT,
            container.pointer(),
            who + " may run as root: set runAsNonRoot: true on the pod or the container");
      }
      if (!userNamespace && sc.path("runAsUser").isNumber() && sc.path("runAsUser").asLong() == 0) {
        c.addValue(Rule.PSS_RUN_AS_USER, context + "/runAsUser", who + " runs as user 0 (root)");
      }
      if (windows) {
        continue; // exempt from seccomp and capabilities
      }
      String seccomp = sc.at("/seccompProfile/type").asText(podSeccomp);
      if (!seccomp.equals("RuntimeDefault")
          && !seccomp.equals("Localhost")
          && !seccomp.equals("Unconfined")) {
        c.add(
            Rule.PSS_SECCOMP_RESTRICTED,
            container.pointer(),
            who
                + " has no seccompProfile RuntimeDefault or Localhost (on the pod or the container)");
      }
      JsonNode drop = sc.at("/capabilities/drop");
      boolean dropsAll = false;
      for (int d = 0; d < Checks.length(drop); d++) {
        JsonNode item = drop.get(d);
        dropsAll |= item.asText().equals("ALL");
      }
      if (!dropsAll) {
        c.add(
            Rule.PSS_CAPABILITIES_RESTRICTED,
            drop.isMissingNode() ? container.pointer() : context + "/capabilities/drop",
            who + " does not drop ALL capabilities");
      }
      JsonNode add = sc.at("/capabilities/add");
      for (int i = 0; i < Checks.length(add); i++) {
        String capability = add.get(i).asText();
        if (!capability.equals("NET_BIND_SERVICE")) {
          c.addValue(
              Rule.PSS_CAPABILITIES_RESTRICTED,
              context + "/capabilities/add/" + i,
              who
                  + " adds capability "
                  + capability
                  + "; the restricted profile allows only NET_BIND_SERVICE");
        }
      }
    }
  }

  /** Probes and lifecycle handlers must not name a host: they would reach the node's network. */
  private static void hostProbes(Checker c, Workloads.Container container, String who) {
    for (String handler :
        List.of(
            "livenessProbe",
            "readinessProbe",
            "startupProbe",
            "lifecycle/postStart",
            "lifecycle/preStop")) {
      for (String action : List.of("httpGet", "tcpSocket")) {
        String pointer = container.pointer() + "/" + handler + "/" + action + "/host";
        JsonNode host = c.manifest().object().at(pointer);
        if (host.isTextual() && !host.textValue().isEmpty()) {
          c.addValue(
              Rule.PSS_HOST_PROBES,
              pointer,
              who
                  + " "
                  + handler.replace('/', '.')
                  + " targets host "
                  + host.textValue()
                  + "; probes and hooks may only reach the pod itself");
        }
      }
    }
  }

  private static void apparmor(Checker c, JsonNode securityContext, String at) {
    if ("Unconfined".equals(securityContext.at("/appArmorProfile/type").asText())) {
      c.addValue(
          Rule.PSS_APPARMOR,
          at + "/appArmorProfile/type",
          "appArmorProfile Unconfined turns off AppArmor");
    }
  }

  private static void selinux(Checker c, JsonNode options, String at) {
    if (!options.isObject()) {
      return;
    }
    String type = options.path("type").asText("");
    if (!SELINUX_TYPES.contains(type)) {
      c.addValue(
          Rule.PSS_SELINUX,
          at + "/type",
          "SELinux type \"" + type + "\" is not an allowed container type");
    }
    for (String field : List.of("user", "role")) {
      if (!options.path(field).asText("").isEmpty()) {
        c.addValue(
            Rule.PSS_SELINUX,
            at + "/" + field,
            "SELinux " + field + " \"" + options.path(field).asText() + "\" must not be set");
      }
    }
  }

  /** Collects findings for one object. */
  private record Checker(Manifest manifest, List<Finding> findings) {
    void add(Rule rule, String pointer, String message) {
      findings.add(Checks.finding(manifest, rule, pointer, message));
    }

    void addValue(Rule rule, String pointer, String message) {
      findings.add(Checks.valueFinding(manifest, rule, pointer, message));
    }

    void flagTrue(JsonNode value, String pointer, Rule rule, String message) {
      if (value.isBoolean() && value.asBoolean()) {
        addValue(rule, pointer, message);
      }
    }
  }
}
