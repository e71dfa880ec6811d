package io.syncgen.render;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syncgen.descriptor.AppDescriptor;

/** A scheduled process of the app, from {@code templates/cronjob.yaml}. */
final class ProcessCronJob {
  private ProcessCronJob() {}

  static ObjectNode render(AppDescriptor app, Workload w) {
    ObjectNode cronJob = Template.load("cronjob");
    Template.object(cronJob, "/metadata").put("name", w.name());
    Workloads.component(cronJob, w.component());
    Template.object(cronJob, "/spec").put("schedule", w.schedule());
    ObjectNode pod = Template.object(cronJob, "/spec/jobTemplate/spec/template/spec");
    Containers.process(pod, app, w);
    return cronJob;
  }
}
