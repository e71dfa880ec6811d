package io.syncgen.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syncgen.descriptor.AppDescriptor;
import io.syncgen.descriptor.AppSpec;
import io.syncgen.descriptor.EnvVar;
import io.syncgen.descriptor.Migration;
import io.syncgen.descriptor.ObjectNames;
import io.syncgen.descriptor.Preset;
import io.syncgen.descriptor.WaitFor;
import io.syncgen.manifest.HookAnnotations;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

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
    if (!Migration.PRE_SYNC.equals(migration.hook())) {
      Template.object(job, "/metadata/annotations").put(HookAnnotations.HOOK, migration.hook());
    }
    ObjectNode migrate = Template.object(pod, "/containers/0");
    release(migrate, pod, app);
    migrate.remove("command");
    List<String> command = migration.migrateCommand();
    Containers.argv(migrate, command.isEmpty() ? null : command, migration.args());
    sessionOptions(migrate, migration);
    Containers.resources(migrate, migration.resources());
    initContainers(pod, app);
    return job;
  }

  /**
   * The waits before the migration, in order: for the database's port ({@code database.waitFor}),
   * then for the retired releases' sessions to end ({@code migration.contract}); none without them.
   */
  private static void initContainers(ObjectNode pod, AppDescriptor app) {
    Migration migration = app.spec().migration();
    WaitFor wait = app.spec().database().waitFor();
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
    if (migration.contract() != null) {
      // After wait-for-db, which reports a database that is not up yet in its own words.
      Template.array(pod, "/initContainers").add(WaitForRetired.render(app));
    }
    Template.removeIfEmpty(pod, "initContainers");
  }

  /**
   * Gives a migration container the lock and statement timeouts, as its tool takes them: {@code
   * PGOPTIONS} for libpq and the drivers that follow it (libpq's "Environment Variables"); for a
   * JDBC tool, its argv run through {@code templates/command-jdbc-options.yaml}, which adds them to
   * the tool's URL variable. Nothing when neither timeout is set. Call it once the container's
   * {@code command} is set; a JDBC tool needs one (the descriptor's rules see to it).
   */
  static void sessionOptions(ObjectNode container, Migration migration) {
    List<String> options = migration.sessionOptions();
    if (options.isEmpty()) {
      return;
    }
    Preset preset = migration.preset().preset();
    switch (preset.sessionOptions()) {
      case PGOPTIONS -> Containers.addEnv(container, "PGOPTIONS", String.join(" ", options));
      case JDBC_OPTIONS -> {
        ArrayNode command = Template.array(Template.load("command-jdbc-options"), "/command");
        command.add(container.path("name").asText());
        command.addAll((ArrayNode) container.get("command"));
        container.set("command", command);
        Containers.addEnv(container, "SYNCGEN_JDBC_URL_ENV", preset.connection().variable());
        Containers.addEnv(container, "SYNCGEN_JDBC_OPTIONS", jdbcOptions(options));
      }
      case URL -> {
        // The descriptor's rules refuse timeouts the tool cannot take.
      }
    }
  }

  /** Options as a URL query value: {@code -c lock_timeout=5s} is {@code -c%20lock_timeout%3D5s}. */
  static String jdbcOptions(List<String> options) {
    return URLEncoder.encode(String.join(" ", options), StandardCharsets.UTF_8).replace("+", "%20");
  }

  /**
   * The migration's image and environment, shared with the PostSync status step: the app's release
   * (with {@code migration.env} merged in, the volumes mounted), or another program's image with
   * only the database connection and {@code migration.env}.
   */
  static void release(ObjectNode container, ObjectNode pod, AppDescriptor app) {
    release(container, pod, app, app.spec().migration().env());
  }

  /**
   * As {@link #release(ObjectNode, ObjectNode, AppDescriptor)}, with {@code env} in place of {@code
   * migration.env} (the post-deployment migration's own).
   */
  static void release(ObjectNode container, ObjectNode pod, AppDescriptor app, List<EnvVar> env) {
    AppSpec spec = app.spec();
    Migration migration = spec.migration();
    if (migration.hasOwnImage()) {
      Containers.otherImage(container, spec, migration.image(), env);
    } else {
      Containers.appRelease(container, app, spec.image(), env);
      Containers.volumes(pod, spec);
    }
  }
}
