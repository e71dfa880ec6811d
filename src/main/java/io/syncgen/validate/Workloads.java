package io.syncgen.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncgen.manifest.HookAnnotations;
import io.syncgen.manifest.Manifest;
import io.syncgen.manifest.SyncPhase;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Where the pod template of each workload kind is, and its containers. */
final class Workloads {
  /** Kinds whose pod template is at {@code spec.template}. */
  private static final List<String> TEMPLATED =
      List.of(
          "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job");

  /** Workloads that run until deleted: they never complete. */
  static final List<String> LONG_RUNNING =
      List.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController");

  /**
   * A container of a pod spec.
   *
   * @param pointer its JSON pointer from the object's root
   * @param node the container
   * @param field {@code containers}, {@code initContainers} or {@code ephemeralContainers}
   */
  record Container(String pointer, JsonNode node, String field) {
    /** The container's name, or its position when it has none. */
    String name() {
      return node.path("name").isTextual() ? node.path("name").textValue() : pointer;
    }

    /** The container as messages name it: {@code container "api"}. */
    String who() {
      return "container \"" + name() + "\"";
    }

    /** Its {@code securityContext}, or a missing node. */
    JsonNode securityContext() {
      return node.path("securityContext");
    }

    /** The JSON pointer of its {@code securityContext}. */
    String securityContextPointer() {
      return pointer + "/securityContext";
    }

    /** An init container with {@code restartPolicy: Always}: a native sidecar. */
    boolean nativeSidecar() {
      return field.equals("initContainers") && "Always".equals(node.path("restartPolicy").asText());
    }
  }

  private Workloads() {}

  /** The JSON pointer of the object's pod template, if it has one. */
  static Optional<String> podTemplate(Manifest manifest) {
    String kind = manifest.kind();
    String pointer;
    if (TEMPLATED.contains(kind)) {
      pointer = "/spec/template";
    } else if (kind.equals("CronJob")) {
      pointer = "/spec/jobTemplate/spec/template";
    } else if (kind.equals("Pod")) {
      pointer = "";
    } else {
      return Optional.empty();
    }
    return manifest.object().at(pointer + "/spec").isObject()
        ? Optional.of(pointer)
        : Optional.empty();
  }

  /** A PreSync or Sync hook Job: how syncgen (and most teams) run migrations. */
  static boolean isMigration(Manifest manifest) {
    List<SyncPhase> phases = HookAnnotations.phases(manifest.annotations());
    return manifest.kind().equals("Job")
        && !phases.isEmpty()
        && (phases.get(0) == SyncPhase.PRE_SYNC || phases.get(0) == SyncPhase.SYNC);
  }

  /** The JSON pointer of the object's pod spec, if it has one. */
  static Optional<String> podSpec(Manifest manifest) {
    return podTemplate(manifest).map(template -> template + "/spec");
  }

  /** Every container of a pod spec: containers, then init, then ephemeral containers. */
  static List<Container> containers(Manifest manifest, String podSpec) {
    List<Container> result = new ArrayList<>();
    for (String field : List.of("containers", "initContainers", "ephemeralContainers")) {
      JsonNode list = manifest.object().at(podSpec + "/" + field);
      for (int i = 0; i < Checks.length(list); i++) {
        if (list.get(i).isObject()) {
          result.add(new Container(podSpec + "/" + field + "/" + i, list.get(i), field));
        }
      }
    }
    return result;
  }

  /**
   * An image reference without its digest and tag, lower-cased: {@code ghcr.io/acme/api}. Lenient
   * on purpose (any manifest may be checked): it only splits, it does not validate.
   */
  static String repository(String image) {
    String name = withoutDigest(image);
    int colon = name.lastIndexOf(':');
    if (colon > name.lastIndexOf('/')) {
      name = name.substring(0, colon);
    }
    return name.toLowerCase(Locale.ROOT);
  }

  /** The tag of an image reference without digest, or null when it has none. */
  static String tag(String image) {
    String name = withoutDigest(image);
    int colon = name.lastIndexOf(':');
    return colon > name.lastIndexOf('/') ? name.substring(colon + 1) : null;
  }

  private static String withoutDigest(String image) {
    int at = image.indexOf('@');
    return at < 0 ? image : image.substring(0, at);
  }
}
