package io.syncgen.render;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syncgen.descriptor.AppDescriptor;
import io.syncgen.descriptor.RecommendedLabels;

/** The Service of a process with a port, from {@code templates/service.yaml}. */
final class AppService {
  private AppService() {}

  static ObjectNode render(AppDescriptor app, Workload w) {
    ObjectNode service = Template.load("service");
    Template.object(service, "/metadata").put("name", w.name());
    Workloads.component(service, w.component());
    ObjectNode selector = Template.object(service, "/spec/selector");
    selector.put(RecommendedLabels.NAME, app.metadata().name());
    selector.put(RecommendedLabels.COMPONENT, w.component());
    Template.object(service, "/spec/ports/0").put("port", w.port());
    return service;
  }
}
