package io.syncgen.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syncgen.descriptor.AppDescriptor;
import io.syncgen.descriptor.Autoscaling;
import io.syncgen.descriptor.DisruptionBudget;
import io.syncgen.descriptor.RecommendedLabels;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The objects of one process (a Deployment with its Service, PodDisruptionBudget and
 * HorizontalPodAutoscaler, or a CronJob), and where a rendered object keeps its pod.
 */
final class Workloads {
  private Workloads() {}

  /** Every object of one process. */
  static List<ObjectNode> render(AppDescriptor app, Workload w) {
    List<ObjectNode> objects = new ArrayList<>();
    if (w.schedule() != null) {
      objects.add(ProcessCronJob.render(app, w));
      return objects;
    }
    objects.add(AppDeployment.render(app, w));
    if (w.port() != null) {
      objects.add(AppService.render(app, w));
    }
    if (w.disruptionBudget() != null) {
      objects.add(disruptionBudget(app, w, w.disruptionBudget()));
    }
    if (w.autoscaling() != null) {
      objects.add(autoscaler(w, w.autoscaling()));
    }
    return objects;
  }

  /** Sets the component label of a template's object and its pod template, if any. */
  static void component(ObjectNode object, String component) {
    Template.object(object, "/metadata/labels").put(RecommendedLabels.COMPONENT, component);
    podTemplate(object)
        .ifPresent(
            t -> t.withObject("/metadata/labels").put(RecommendedLabels.COMPONENT, component));
  }

  /** The pod template of a Deployment, Job or CronJob, if the object has one. */
  static Optional<ObjectNode> podTemplate(JsonNode object) {
    JsonNode template = object.at("/spec/template");
    if (!(template instanceof ObjectNode)) {
      template = object.at("/spec/jobTemplate/spec/template");
    }
    return template instanceof ObjectNode t ? Optional.of(t) : Optional.empty();
  }

  private static ObjectNode disruptionBudget(AppDescriptor app, Workload w, DisruptionBudget b) {
    ObjectNode pdb = Template.load("poddisruptionbudget");
    Template.object(pdb, "/metadata").put("name", w.name());
    component(pdb, w.component());
    ObjectNode selector = Template.object(pdb, "/spec/selector/matchLabels");
    selector.put(RecommendedLabels.NAME, app.metadata().name());
    selector.put(RecommendedLabels.COMPONENT, w.component());
    ObjectNode spec = Template.object(pdb, "/spec");
    intOrPercent(spec, "minAvailable", b.minAvailable());
    intOrPercent(spec, "maxUnavailable", b.maxUnavailable());
    return pdb;
  }

  private static ObjectNode autoscaler(Workload w, Autoscaling a) {
    ObjectNode hpa = Template.load("horizontalpodautoscaler");
    Template.object(hpa, "/metadata").put("name", w.name());
    component(hpa, w.component());
    Template.object(hpa, "/spec/scaleTargetRef").put("name", w.name());
    ObjectNode spec = Template.object(hpa, "/spec");
    spec.put("minReplicas", a.minReplicas()).put("maxReplicas", a.maxReplicas());
    metric(spec, "cpu", a.targetCPUUtilizationPercentage());
    metric(spec, "memory", a.targetMemoryUtilizationPercentage());
    Template.removeIfEmpty(spec, "metrics");
    return hpa;
  }

  private static void metric(ObjectNode spec, String resource, Integer percent) {
    if (percent == null) {
      return;
    }
    ObjectNode metric = Template.array(spec, "/metrics").addObject().put("type", "Resource");
    ObjectNode target = metric.putObject("resource").put("name", resource).putObject("target");
    target.put("type", "Utilization").put("averageUtilization", percent);
  }

  /** An IntOrString field: a number when the text is one, else the percentage as a string. */
  private static void intOrPercent(ObjectNode spec, String field, String value) {
    if (value == null) {
      return;
    }
    if (value.endsWith("%")) {
      spec.put(field, value);
    } else {
      spec.put(field, Integer.parseInt(value));
    }
  }
}
