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
    if (spec.healthPath() != null) {
      Template.object(probe, "/httpGet").put("path", spec.healthPath());
    } else {
      ObjectNode tcp = Template.object(probe, "/httpGet");
      tcp.remove("path");
      probe.set("tcpSocket", tcp);
      probe.remove("httpGet");
    }
    return deployment;
  }
}
