package io.syncgen.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The objects of other kinds a pod needs before it can start: its ServiceAccount, the Secrets of
 * imagePullSecrets, the Secrets, ConfigMaps and PersistentVolumeClaims of its volumes (projected
 * sources included), and the Secrets and ConfigMaps of its containers' env and envFrom. References
 * marked {@code optional: true} are left out: a pod starts without them.
 */
final class PodReferences {
  private PodReferences() {}

  /**
   * A reference from a pod to an object of another kind.
   *
   * @param kind the kind referred to, such as {@code Secret}
   * @param name its name
   * @param pointer the JSON pointer of the name in the referring object
   */
  record Reference(String kind, String name, String pointer) {}

  /**
   * Every reference a pod spec makes that the pod needs to start.
   *
   * @param manifest the object that holds the pod spec
   * @param podSpec the JSON pointer of the pod spec in it
   * @return the references, in the order they are written
   */
  static List<Reference> of(Manifest manifest, String podSpec) {
    List<Reference> references = new ArrayList<>();
    JsonNode spec = manifest.object().at(podSpec);
    for (String field : List.of("serviceAccountName", "serviceAccount")) {
      if (spec.path(field).isTextual()) {
        references.add(
            new Reference("ServiceAccount", spec.path(field).textValue(), podSpec + "/" + field));
      }
    }
    JsonNode pullSecrets = spec.path("imagePullSecrets");
    for (int i = 0; i < Checks.length(pullSecrets); i++) {
      required(
          references, pullSecrets.get(i), "name", "Secret", podSpec + "/imagePullSecrets/" + i);
    }
    JsonNode volumes = spec.path("volumes");
    for (int i = 0; i < Checks.length(volumes); i++) {
      volume(volumes.get(i), podSpec + "/volumes/" + i, references);
    }
    for (Workloads.Container container : Workloads.containers(manifest, podSpec)) {
      environment(container, references);
    }
    return references;
  }

  private static void volume(JsonNode volume, String at, List<Reference> references) {
    required(references, volume.path("secret"), "secretName", "Secret", at + "/secret");
    required(references, volume.path("configMap"), "name", "ConfigMap", at + "/configMap");
    required(
        references,
        volume.path("persistentVolumeClaim"),
        "claimName",
        "PersistentVolumeClaim",
        at + "/persistentVolumeClaim");
    JsonNode sources = volume.path("projected").path("sources");
    for (int s = 0; s < Checks.length(sources); s++) {
      String source = at + "/projected/sources/" + s;
      required(references, sources.get(s).path("secret"), "name", "Secret", source + "/secret");
      required(
          references, sources.get(s).path("configMap"), "name", "ConfigMap", source + "/configMap");
    }
  }

  private static void environment(Workloads.Container container, List<Reference> references) {
    JsonNode env = container.node().path("env");
    for (int i = 0; i < Checks.length(env); i++) {
      String at = container.pointer() + "/env/" + i + "/valueFrom";
      JsonNode from = env.get(i).path("valueFrom");
      required(references, from.path("secretKeyRef"), "name", "Secret", at + "/secretKeyRef");
      required(
          references, from.path("configMapKeyRef"), "name", "ConfigMap", at + "/configMapKeyRef");
    }
    JsonNode envFrom = container.node().path("envFrom");
    for (int i = 0; i < Checks.length(envFrom); i++) {
      String at = container.pointer() + "/envFrom/" + i;
      required(references, envFrom.get(i).path("secretRef"), "name", "Secret", at + "/secretRef");
      required(
          references,
          envFrom.get(i).path("configMapRef"),
          "name",
          "ConfigMap",
          at + "/configMapRef");
    }
  }

  /**
   * Whether an object may refer to another by name, which never crosses namespaces: both name the
   * same namespace, or either names none (and so lands in the namespace it is applied to, which may
   * be the other's).
   *
   * @param a one object
   * @param b the other
   * @return false only when both name a namespace, and not the same
   */
  static boolean sameNamespace(Manifest a, Manifest b) {
    return a.namespace().isEmpty()
        || b.namespace().isEmpty()
        || a.namespace().equals(b.namespace());
  }

  /** Adds a reference unless it is absent or marked {@code optional: true}. */
  private static void required(
      List<Reference> references, JsonNode source, String nameField, String kind, String pointer) {
    if (source.path(nameField).isTextual() && !source.path("optional").asBoolean(false)) {
      references.add(
          new Reference(kind, source.path(nameField).textValue(), pointer + "/" + nameField));
    }
  }
}
