package io.syncgen.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syncgen.descriptor.AppDescriptor;
import io.syncgen.descriptor.ExtraObject;
import io.syncgen.manifest.HookAnnotations;
import java.util.Set;

/**
 * Places an object of {@code spec.extraObjects} in the app: the app's namespace when the object is
 * namespaced and names none, the recommended and descriptor labels (the object's own labels win),
 * the descriptor's annotations, and the hook (with delete policy {@code BeforeHookCreation}) and
 * sync-wave annotations of its phase and wave. Nothing else of the object changes.
 */
final class ExtraObjects {
  /**
   * Built-in kinds that live outside namespaces (Kubernetes API reference); any kind named {@code
   * Cluster...} (ClusterIssuer, ClusterSecretStore) is taken as cluster-scoped too. Other kinds,
   * custom resources included, are namespaced, as kustomize assumes.
   */
  static final Set<String> CLUSTER_SCOPED =
      Set.of(
          "Namespace",
          "Node",
          "PersistentVolume",
          "StorageClass",
          "CustomResourceDefinition",
          "PriorityClass",
          "IngressClass",
          "RuntimeClass",
          "ValidatingWebhookConfiguration",
          "MutatingWebhookConfiguration",
          "ValidatingAdmissionPolicy",
          "ValidatingAdmissionPolicyBinding",
          "APIService",
          "CSIDriver",
          "CSINode",
          "VolumeAttachment",
          "CertificateSigningRequest",
          "PodSecurityPolicy");

  private ExtraObjects() {}

  static ObjectNode render(AppDescriptor app, ExtraObject extra) {
    ObjectNode object = (ObjectNode) extra.object().deepCopy();
    ObjectNode metadata = object.withObject("/metadata");
    String namespace = app.metadata().namespace();
    if (namespace != null && !metadata.hasNonNull("namespace") && namespaced(object)) {
      metadata.put("namespace", namespace);
    }
    ObjectNode labels = CommonMetadata.labels(app, null);
    JsonNode own = metadata.path("labels");
    if (own.isObject()) {
      labels.setAll((ObjectNode) own);
    }
    metadata.set("labels", labels);
    ObjectNode annotations = metadata.objectNode();
    if (app.metadata().annotations() != null) {
      app.metadata().annotations().forEach(annotations::put);
    }
    if (metadata.path("annotations").isObject()) {
      annotations.setAll((ObjectNode) metadata.path("annotations"));
    }
    if (!extra.phase().equals("Sync")) {
      annotations.put(HookAnnotations.HOOK, extra.phase());
      annotations.put(HookAnnotations.DELETE_POLICY, "BeforeHookCreation");
    }
    annotations.put(HookAnnotations.SYNC_WAVE, String.valueOf(extra.wave()));
    metadata.set("annotations", annotations);
    return object;
  }

  /** Whether objects of this kind live in a namespace. */
  static boolean namespaced(JsonNode object) {
    String kind = object.path("kind").asText("");
    return !CLUSTER_SCOPED.contains(kind) && !kind.startsWith("Cluster");
  }
}
