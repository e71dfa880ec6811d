package io.syncgen.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * One Kubernetes object as a JSON tree, with the accessors the sync order and the writers need.
 *
 * @param tree the object; {@code apiVersion}, {@code kind} and {@code metadata.name} are set
 */
public record KubernetesObject(ObjectNode tree) {
  /** Argo CD's hook annotation. */
  public static final String HOOK = "argocd.argoproj.io/hook";

  /** Argo CD's sync-wave annotation. */
  public static final String SYNC_WAVE = "argocd.argoproj.io/sync-wave";

  /** Argo CD's hook-delete-policy annotation. */
  public static final String HOOK_DELETE_POLICY = "argocd.argoproj.io/hook-delete-policy";

  /** Checks that the tree names its kind. */
  public KubernetesObject {
    Objects.requireNonNull(tree, "tree");
    if (!tree.path("kind").isTextual()) {
      throw new IllegalArgumentException("an object needs a kind: " + tree);
    }
  }

  /** The kind, such as {@code Job}. */
  public String kind() {
    return tree.path("kind").asText();
  }

  /** {@code metadata.name}, or empty when absent. */
  public String name() {
    return tree.path("metadata").path("name").asText("");
  }

  /** {@code metadata.namespace}, or empty when absent. */
  public String namespace() {
    return tree.path("metadata").path("namespace").asText("");
  }

  /**
   * The annotations as Argo CD sees them, sorted by key: all of them, or none at all when any value
   * is not a string (see {@link io.syncgen.manifest.HookAnnotations#of}).
   */
  public java.util.Map<String, String> annotations() {
    return io.syncgen.manifest.HookAnnotations.of(tree.path("metadata").path("annotations"));
  }

  /** {@code metadata.generateName}, or empty when absent. */
  public String generateName() {
    return tree.path("metadata").path("generateName").asText("");
  }

  /**
   * How output names the object: {@code Kind/name}, or {@code Kind/generateName*} for a name the
   * API server (or Argo CD, for a hook) generates.
   */
  public String display() {
    return kind() + "/" + (name().isEmpty() ? generateName() + "*" : name());
  }

  /** The value of an annotation, or null when absent or not a string. */
  public String annotation(String key) {
    JsonNode value = tree.path("metadata").path("annotations").path(key);
    return value.isTextual() ? value.asText() : null;
  }

  /**
   * {@code <kind>-<name>} in lower case, the stem of the object's file name: {@code
   * job-app-db-migrate}.
   */
  public String fileStem() {
    return kind().toLowerCase(java.util.Locale.ROOT) + "-" + name();
  }
}
