package io.syncgen.render;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syncgen.descriptor.AppDescriptor;
import io.syncgen.descriptor.AppSpec;
import io.syncgen.descriptor.RecommendedLabels;

/** The app's Deployment, from {@code templates/deployment.yaml}. */
final class AppDeployment {
  private AppDeployment() {}

  static ObjectNode render(AppDescriptor app) {
    AppSpec spec = app.spec();
    ObjectNode deployment = Template.load("deployment");
    Template.object(deployment, "/metadata").put("name", app.metadata().name());
    Template.object(deployment, "/spec").put("replicas", spec.replicas());
    Template.object(deployment, "/spec/selector/matchLabels")
        .put(RecommendedLabels.NAME, app.metadata().name());
    ObjectNode container = Template.object(deployment, "/spec/template/spec/containers/0");
    Template.object(container, "/ports/0").put("containerPort", spec.port());
    Containers.appImage(container, spec);
    Containers.resources(container, spec.resources());
    ObjectNode probe = Template.object(container, "/readinessProbe");
    ObjectNode httpGet = Template.object(probe, "/httpGet");
    if (spec.healthPath() != null) {
      httpGet.put("path", spec.healthPath());
    } else {
      // No health path: probe the port with a TCP connect, first in the probe as httpGet was.
      ObjectNode tcp = container.objectNode().set("tcpSocket", httpGet.without("path"));
      probe.remove("httpGet");
      container.set("readinessProbe", tcp.setAll(probe));
    }
    return deployment;
  }
}
