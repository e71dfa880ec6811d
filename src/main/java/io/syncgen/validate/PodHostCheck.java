package io.syncgen.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The baseline controls that keep a pod off its node (Pod Security Standards, kubernetes.io/docs/
 * concepts/security/pod-security-standards, baseline profile): HostProcess ({@link
 * Rule#PSS_HOST_PROCESS}), Host Namespaces ({@link Rule#PSS_HOST_NAMESPACES}), HostPath Volumes
 * ({@link Rule#PSS_HOST_PATH}), Host Ports ({@link Rule#PSS_HOST_PORTS}), and Host Probes /
 * Lifecycle Hooks ({@link Rule#PSS_HOST_PROBES}, policy version 1.34).
 */
final class PodHostCheck implements PodCheck {
  /** The handlers of a container that may name a host. */
  private static final List<String> HANDLERS =
      List.of(
          "livenessProbe",
          "readinessProbe",
          "startupProbe",
          "lifecycle/postStart",
          "lifecycle/preStop");

  @Override
  public void check(Pod pod) {
    pod.flagTrue(
        pod.securityContext().at("/windowsOptions/hostProcess"),
        pod.contextPointer() + "/windowsOptions/hostProcess",
        Rule.PSS_HOST_PROCESS,
        "hostProcess gives the pod full access to the Windows node");
    for (String field : List.of("hostNetwork", "hostPID", "hostIPC")) {
      pod.flagTrue(
          pod.spec().path(field),
          pod.specPointer() + "/" + field,
          Rule.PSS_HOST_NAMESPACES,
          field + ": true shares the node's namespace with the pod");
    }
    JsonNode volumes = pod.spec().path("volumes");
    for (int i = 0; i < Checks.length(volumes); i++) {
      JsonNode volume = volumes.get(i);
      if (Pod.hostPath(volume)) {
        pod.add(
            Rule.PSS_HOST_PATH,
            pod.specPointer() + "/volumes/" + i + "/hostPath",
            "volume \"" + volume.path("name").asText() + "\" mounts a hostPath from the node");
      }
    }
    for (Workloads.Container container : pod.containers()) {
      containerHost(pod, container);
      hostProbes(pod, container);
    }
  }

  private static void containerHost(Pod pod, Workloads.Container container) {
    pod.flagTrue(
        container.securityContext().at("/windowsOptions/hostProcess"),
        container.securityContextPointer() + "/windowsOptions/hostProcess",
        Rule.PSS_HOST_PROCESS,
        container.who() + " is a Windows host process");
    JsonNode ports = container.node().path("ports");
    for (int i = 0; i < Checks.length(ports); i++) {
      JsonNode hostPort = ports.get(i).path("hostPort");
      if (hostPort.isNumber() && hostPort.asLong() != 0) {
        pod.addValue(
            Rule.PSS_HOST_PORTS,
            container.pointer() + "/ports/" + i + "/hostPort",
            container.who() + " binds hostPort " + hostPort.asText() + " on the node");
      }
    }
  }

  /** Probes and lifecycle handlers must not name a host: they would reach the node's network. */
  private static void hostProbes(Pod pod, Workloads.Container container) {
    for (String handler : HANDLERS) {
      for (String action : List.of("httpGet", "tcpSocket")) {
        String pointer = container.pointer() + "/" + handler + "/" + action + "/host";
        JsonNode host = pod.manifest().object().at(pointer);
        if (host.isTextual() && !host.textValue().isEmpty()) {
          pod.addValue(
              Rule.PSS_HOST_PROBES,
              pointer,
              container.who()
                  + " "
                  + handler.replace('/', '.')
                  + " targets host "
                  + host.textValue()
                  + "; probes and hooks may only reach the pod itself");
        }
      }
    }
  }
}
