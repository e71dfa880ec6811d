package io.syncgen.render;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syncgen.descriptor.AppDescriptor;
import io.syncgen.descriptor.AppSpec;
import io.syncgen.descriptor.Migration;
import io.syncgen.descriptor.ObjectNames;
import io.syncgen.descriptor.WaitFor;

/** The PreSync migration Job, from {@code templates/job-db-migrate.yaml}. */
final class MigrationJob {
  private MigrationJob() {}

  static ObjectNode render(AppDescriptor app) {
    AppSpec spec = app.spec();
    Migration migration = spec.migration();
    ObjectNode job = Template.load("job-db-migrate");
    Template.object(job, "/metadata")
        .put("name", new ObjectNames(app.metadata().name()).migrationJob());
    ObjectNode jobSpec = Template.object(job, "/spec");
    jobSpec.put("backoffLimit", migration.backoffLimit());
    jobSpec.put("activeDeadlineSeconds", migration.activeDeadlineSeconds());
    ObjectNode pod = Template.object(job, "/spec/template/spec");
    ObjectNode migrate = Template.object(pod, "/containers/0");
    migrate.set("command", Template.strings(migration.migrateCommand()));
    Containers.appImage(migrate, spec);
    Containers.resources(migrate, migration.resources());
    WaitFor wait = spec.database().waitFor();
    if (wait != null) {
      ObjectNode init = Template.load("container-wait-for-db");
      Template.object(init, "/env/0").put("value", wait.host());
      Template.object(init, "/env/1").put("value", String.valueOf(wait.port()));
      Template.object(init, "/env/2")
          .put(
              "value",
              String.valueOf(wait.effectiveTimeoutSeconds(migration.activeDeadlineSeconds())));
      Template.array(pod, "/initContainers").add(init);
    }
    Template.removeIfEmpty(pod, "initContainers");
    return job;
  }
}
