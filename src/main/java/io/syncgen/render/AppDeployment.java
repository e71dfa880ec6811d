package io.syncgen.render;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syncgen.descriptor.AppDescriptor;
import io.syncgen.descriptor.RecommendedLabels;

/** A Deployment of the app's release (the web process or another), from {@code deployment.yaml}. */
final class AppDeployment {
  private AppDeployment() {}

  static ObjectNode render(AppDescriptor app, Workload w) {
    ObjectNode deployment = Template.load("deployment");
    Template.object(deployment, "/metadata").put("name", w.name());
    Workloads.component(deployment, w.component());
    ObjectNode spec = Template.object(deployment, "/spec");
    if (w.replicas() != null) {
      spec.put("replicas", w.replicas());
    } else {
      spec.remove("replicas"); // the autoscaler owns the count
    }
    ObjectNode selector = Template.object(deployment, "/spec/selector/matchLabels");
    selector.put(RecommendedLabels.NAME, app.metadata().name());
    selector.put(RecommendedLabels.COMPONENT, w.component());
    ObjectNode pod = Template.object(deployment, "/spec/template/spec");
    probes(Containers.process(pod, app, w), w);
    return deployment;
  }

  /** The port and the readiness probe derived from it, or the ones given, or none. */
  private static void probes(ObjectNode container, Workload w) {
    ObjectNode probe = Template.object(container, "/readinessProbe");
    if (w.port() == null) {
      container.remove("ports");
      container.remove("readinessProbe");
    } else {
      Template.object(container, "/ports/0").put("containerPort", w.port());
      ObjectNode httpGet = Template.object(probe, "/httpGet");
      if (w.healthPath() != null) {
        httpGet.put("path", w.healthPath());
      } else {
        // No health path: probe the port with a TCP connect, first in the probe as httpGet was.
        ObjectNode tcp = container.objectNode().set("tcpSocket", httpGet.without("path"));
        probe.remove("httpGet");
        container.set("readinessProbe", tcp.setAll(probe));
      }
    }
    if (w.readinessProbe() != null) {
      Template.putAfter(container, "resources", "readinessProbe", w.readinessProbe().deepCopy());
    }
    String last = container.has("readinessProbe") ? "readinessProbe" : "resources";
    if (w.livenessProbe() != null) {
      Template.putAfter(container, last, "livenessProbe", w.livenessProbe().deepCopy());
      last = "livenessProbe";
    }
    if (w.startupProbe() != null) {
      Template.putAfter(container, last, "startupProbe", w.startupProbe().deepCopy());
    }
  }
}
