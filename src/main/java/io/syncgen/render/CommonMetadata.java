package io.syncgen.render;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syncgen.descriptor.AppDescriptor;
import io.syncgen.descriptor.Metadata;
import io.syncgen.descriptor.RecommendedLabels;

/**
 * Sets what every object shares: the namespace, the recommended labels (on the object and on its
 * pod template) and the descriptor's own labels and annotations.
 */
final class CommonMetadata {
  private static final String MANAGED_BY = "syncgen";

  private CommonMetadata() {}

  static void apply(ObjectNode object, AppDescriptor app) {
    Metadata meta = app.metadata();
    ObjectNode metadata = Template.object(object, "/metadata");
    if (meta.namespace() != null) {
      metadata.put("namespace", meta.namespace());
    } else {
      metadata.remove("namespace");
    }
    String component =
        Template.object(metadata, "/labels").path(RecommendedLabels.COMPONENT).asText();
    metadata.set("labels", labels(app, component));
    if (meta.annotations() != null) {
      meta.annotations().forEach(metadata.withObject("/annotations")::put);
    }
    Workloads.podTemplate(object)
        .ifPresent(t -> t.withObject("/metadata").set("labels", labels(app, component)));
  }

  /**
   * The recommended labels in a fixed order, then the descriptor's labels in file order.
   *
   * @param component the component label, or null for none
   */
  static ObjectNode labels(AppDescriptor app, String component) {
    ObjectNode labels = JsonNodeFactory.instance.objectNode();
    labels.put(RecommendedLabels.NAME, app.metadata().name());
    if (component != null) {
      labels.put(RecommendedLabels.COMPONENT, component);
    }
    RecommendedLabels.version(app.spec().image())
        .ifPresent(v -> labels.put(RecommendedLabels.VERSION, v));
    labels.put(RecommendedLabels.MANAGED_BY, MANAGED_BY);
    if (app.metadata().labels() != null) {
      app.metadata().labels().forEach(labels::put);
    }
    return labels;
  }
}
