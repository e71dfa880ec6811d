package io.syncgen.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * One Kubernetes object as a JSON tree, with the accessors every stage needs: the one object model.
 * An object read from a file is a {@link Manifest}, which holds one of these and where each of its
 * nodes was written. Accessors read strings only: a field of another type reads as empty (validate
 * reports it).
 *
 * @param tree the object; every object syncgen renders has {@code apiVersion}, {@code kind} and
 *     {@code metadata.name}, one read from a file may lack them
 */
public record KubernetesObject(ObjectNode tree) {
  /** Argo CD's hook annotation. */
  public static final String HOOK = "argocd.argoproj.io/hook";

  /** Argo CD's sync-wave annotation. */
  public static final String SYNC_WAVE = "argocd.argoproj.io/sync-wave";

  /** Argo CD's hook-delete-policy annotation. */
  public static final String HOOK_DELETE_POLICY = "argocd.argoproj.io/hook-delete-policy";

  /** Checks that there is a tree. */
  public KubernetesObject {
    Objects.requireNonNull(tree, "tree");
  }

  /** {@code apiVersion}, such as {@code batch/v1}, or empty. */
  public String apiVersion() {
    return text(tree.path("apiVersion"));
  }

  /** The kind, such as {@code Job}, or empty. */
  public String kind() {
    return text(tree.path("kind"));
  }

  /** {@code metadata.name}, or empty. */
  public String name() {
    return text(tree.path("metadata").path("name"));
  }

  /** {@code metadata.namespace}, or empty. */
  public String namespace() {
    return text(tree.path("metadata").path("namespace"));
  }

  /**
   * The annotations as Argo CD sees them, sorted by key: all of them, or none at all when any value
   * is not a string (see {@link io.syncgen.manifest.HookAnnotations#of}).
   */
  public java.util.Map<String, String> annotations() {
    return io.syncgen.manifest.HookAnnotations.of(tree.path("metadata").path("annotations"));
  }

  /** {@code metadata.generateName}, or empty. */
  public String generateName() {
    return text(tree.path("metadata").path("generateName"));
  }

  private static String text(JsonNode node) {
    return node.isTextual() ? node.textValue() : "";
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
