package io.syncgen.render;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syncgen.descriptor.AppDescriptor;
import io.syncgen.descriptor.RecommendedLabels;

/** The app's Service, from {@code templates/service.yaml}. */
final class AppService {
  private AppService() {}

  static ObjectNode render(AppDescriptor app) {
    ObjectNode service = Template.load("service");
    Template.object(service, "/metadata").put("name", app.metadata().name());
    Template.object(service, "/spec/selector").put(RecommendedLabels.NAME, app.metadata().name());
    Template.object(service, "/spec/ports/0").put("port", app.spec().port());
    return service;
  }
}
