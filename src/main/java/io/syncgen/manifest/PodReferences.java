package io.syncgen.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The objects of other kinds a pod needs before it can start: its ServiceAccount, the Secrets of
 * imagePullSecrets, the Secrets, ConfigMaps and PersistentVolumeClaims of its volumes (projected
 * sources included), and the Secrets and ConfigMaps of its containers' env and envFrom. References
 * marked {@code optional: true} are left out: a pod starts without them. Used by validate's
 * first-sync rule on any manifest, and by render on the migration Job it renders.
 */
public final class PodReferences {
  private PodReferences() {}

  /**
   * A reference from a pod to an object of another kind.
   *
   * @param kind the kind referred to, such as {@code Secret}
   * @param name its name
   * @param pointer the JSON pointer of the name in the referring object
   */
  public record Reference(String kind, String name, String pointer) {}

  /**
   * Every reference a pod spec makes that the pod needs to start.
   *
   * @param object the object that holds the pod spec
   * @param podSpec the JSON pointer of the pod spec in it, such as {@code /spec/template/spec}
   * @return the references, in the order they are written, each with the JSON pointer of its name
   */
  public static List<Reference> of(JsonNode object, String podSpec) {
    List<Reference> references = new ArrayList<>();
    JsonNode spec = object.at(podSpec);
    for (String field : List.of("serviceAccountName", "serviceAccount")) {
      if (spec.path(field).isTextual()) {
        references.add(
            new Reference("ServiceAccount", spec.path(field).textValue(), podSpec + "/" + field));
      }
    }
    JsonNode pullSecrets = spec.path("imagePullSecrets");
    for (int i = 0; i < length(pullSecrets); i++) {
      required(
          references, pullSecrets.get(i), "name", "Secret", podSpec + "/imagePullSecrets/" + i);
    }
    JsonNode volumes = spec.path("volumes");
    for (int i = 0; i < length(volumes); i++) {
      volume(volumes.get(i), podSpec + "/volumes/" + i, references);
    }
    for (String field : List.of("containers", "initContainers", "ephemeralContainers")) {
      JsonNode list = spec.path(field);
      for (int i = 0; i < length(list); i++) {
        environment(list.get(i), podSpec + "/" + field + "/" + i, references);
      }
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
    for (int s = 0; s < length(sources); s++) {
      String source = at + "/projected/sources/" + s;
      required(references, sources.get(s).path("secret"), "name", "Secret", source + "/secret");
      required(
          references, sources.get(s).path("configMap"), "name", "ConfigMap", source + "/configMap");
    }
  }

  private static void environment(JsonNode container, String pointer, List<Reference> references) {
    JsonNode env = container.path("env");
    for (int i = 0; i < length(env); i++) {
      String at = pointer + "/env/" + i + "/valueFrom";
      JsonNode from = env.get(i).path("valueFrom");
      required(references, from.path("secretKeyRef"), "name", "Secret", at + "/secretKeyRef");
      required(
          references, from.path("configMapKeyRef"), "name", "ConfigMap", at + "/configMapKeyRef");
    }
    JsonNode envFrom = container.path("envFrom");
    for (int i = 0; i < length(envFrom); i++) {
      String at = pointer + "/envFrom/" + i;
      required(references, envFrom.get(i).path("secretRef"), "name", "Secret", at + "/secretRef");
      required(
          references,
          envFrom.get(i).path("configMapRef"),
          "name",
          "ConfigMap",
          at + "/configMapRef");
    }
  }

  /** Adds a reference unless it is absent or marked {@code optional: true}. */
  private static void required(
      List<Reference> references, JsonNode source, String nameField, String kind, String pointer) {
    if (source.path(nameField).isTextual() && !source.path("optional").asBoolean(false)) {
      references.add(
          new Reference(kind, source.path(nameField).textValue(), pointer + "/" + nameField));
    }
  }

  /** The number of items of a list, or 0 for anything else (a schema error, not a list). */
  private static int length(JsonNode node) {
    return node != null && node.isArray() ? node.size() : 0;
  }
}
