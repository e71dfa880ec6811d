package io.syncgen.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syncgen.descriptor.PodSettings;
import java.util.List;
import java.util.Map;

/**
 * Applies {@code spec.pod} to every pod syncgen renders (the app's Deployments, CronJobs and Jobs):
 * pod template annotations, scheduling fields, {@code fsGroup} and the grace period, as the
 * Kubernetes PodSpec fields of the same names. Runs after {@link PodHardening}, which writes the
 * pod's securityContext.
 */
final class PodSettingsFilter {
  private PodSettingsFilter() {}

  static void apply(ObjectNode object, PodSettings settings) {
    if (settings == null) {
      return;
    }
    Workloads.podTemplate(object).ifPresent(template -> applyTo(template, settings));
  }

  private static void applyTo(ObjectNode template, PodSettings s) {
    if (s.annotations() != null) {
      s.annotations().forEach(template.withObject("/metadata/annotations")::put);
    }
    ObjectNode pod = template.withObject("/spec");
    map(pod, "nodeSelector", s.nodeSelector());
    list(pod, "tolerations", s.tolerations());
    if (s.affinity() != null) {
      pod.set("affinity", s.affinity().deepCopy());
    }
    list(pod, "topologySpreadConstraints", s.topologySpreadConstraints());
    if (s.priorityClassName() != null) {
      pod.put("priorityClassName", s.priorityClassName());
    }
    if (s.terminationGracePeriodSeconds() != null) {
      pod.put("terminationGracePeriodSeconds", s.terminationGracePeriodSeconds());
    }
    if (s.fsGroup() != null) {
      pod.withObject("/securityContext").put("fsGroup", s.fsGroup());
    }
  }

  private static void map(ObjectNode pod, String field, Map<String, String> values) {
    if (values != null) {
      ObjectNode map = pod.putObject(field);
      values.forEach(map::put);
    }
  }

  private static void list(ObjectNode pod, String field, List<JsonNode> values) {
    if (values != null) {
      ArrayNode array = JsonNodeFactory.instance.arrayNode();
      values.forEach(v -> array.add(v.deepCopy()));
      pod.set(field, array);
    }
  }
}
