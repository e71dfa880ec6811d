package io.syncgen.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncgen.manifest.Manifest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One pod template as the Pod Security Standards' controls read it (kubernetes.io/docs/concepts/
 * security/pod-security-standards), and the findings made about it.
 *
 * @param manifest the object
 * @param template the JSON pointer of its pod template ({@code ""} for a Pod)
 * @param spec the pod spec
 * @param securityContext the pod's {@code securityContext}, or a missing node
 * @param containers containers, initContainers and ephemeralContainers, as the standard means
 * @param userNamespace {@code hostUsers: false}: the pod runs in a user namespace, which exempts it
 *     from some controls (policy version 1.35)
 * @param windows {@code os.name: windows}, which exempts the pod from some restricted controls
 *     (policy version 1.25)
 * @param findings where the controls add their findings
 */
record Pod(
    Manifest manifest,
    String template,
    JsonNode spec,
    JsonNode securityContext,
    List<Workloads.Container> containers,
    boolean userNamespace,
    boolean windows,
    List<Finding> findings) {

  /** The object's pod template, if it has one, with no findings yet. */
  static Optional<Pod> of(Manifest manifest) {
    return Workloads.podTemplate(manifest).map(template -> of(manifest, template));
  }

  private static Pod of(Manifest manifest, String template) {
    JsonNode spec = manifest.object().at(template + "/spec");
    boolean userNamespace =
        spec.path("hostUsers").isBoolean() && !spec.path("hostUsers").asBoolean();
    boolean windows = "windows".equals(spec.at("/os/name").asText());
    return new Pod(
        manifest,
        template,
        spec,
        spec.path("securityContext"),
        Workloads.containers(manifest, template + "/spec"),
        userNamespace,
        windows,
        new ArrayList<>());
  }

  /**
   * Whether a volume is a hostPath one (a null {@code hostPath} is none): the HostPath Volumes
   * control reports it, so the restricted Volume Types control does not report it again.
   */
  static boolean hostPath(JsonNode volume) {
    return volume.has("hostPath") && !volume.get("hostPath").isNull();
  }

  /** The JSON pointer of the pod spec. */
  String specPointer() {
    return template + "/spec";
  }

  /** The JSON pointer of the pod's {@code securityContext}. */
  String contextPointer() {
    return specPointer() + "/securityContext";
  }

  /** A finding at the key a pointer names. */
  void add(Rule rule, String pointer, String message) {
    findings.add(Checks.finding(manifest, rule, pointer, message));
  }

  /** A finding at the value a pointer names. */
  void addValue(Rule rule, String pointer, String message) {
    findings.add(Checks.valueFinding(manifest, rule, pointer, message));
  }

  /** A finding at the value when it is {@code true}. */
  void flagTrue(JsonNode value, String pointer, Rule rule, String message) {
    if (value.isBoolean() && value.asBoolean()) {
      addValue(rule, pointer, message);
    }
  }
}
