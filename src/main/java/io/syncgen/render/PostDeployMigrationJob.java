package io.syncgen.render;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syncgen.descriptor.AppDescriptor;
import io.syncgen.descriptor.AppSpec;
import io.syncgen.descriptor.Migration;
import io.syncgen.descriptor.ObjectNames;
import io.syncgen.descriptor.PostDeployMigration;
import io.syncgen.manifest.HookAnnotations;

/**
 * The post-deployment migration Job ({@code migration.postDeploy}): the migration Job's template
 * and hardening, as a PostSync hook at wave 1, so Argo CD runs it only once every Sync-phase object
 * is healthy (every pod runs the new release), before the PostSync check at wave 2. It runs in the
 * migration's image, with {@code spec.env} and its own {@code env} but not {@code migration.env},
 * which belongs to the pre-deployment pass (GitLab's and Mastodon's {@code
 * SKIP_POST_DEPLOYMENT_MIGRATIONS=true}); no retries; the migration's deadline and resources.
 */
final class PostDeployMigrationJob {
  /** Its sync wave; the PostSync check comes after it, at {@link #CHECK_WAVE}. */
  static final String WAVE = "1";

  /** The PostSync check's wave when this Job is rendered. */
  static final String CHECK_WAVE = "2";

  private PostDeployMigrationJob() {}

  static ObjectNode render(AppDescriptor app) {
    AppSpec spec = app.spec();
    Migration migration = spec.migration();
    PostDeployMigration post = migration.postDeploy();
    ObjectNode job = Template.load("job-db-migrate");
    Template.object(job, "/metadata")
        .put("name", new ObjectNames(app.metadata().name()).postMigrateJob());
    Template.object(job, "/metadata/annotations")
        .put(HookAnnotations.HOOK, "PostSync")
        .put(HookAnnotations.SYNC_WAVE, WAVE);
    ObjectNode jobSpec = Template.object(job, "/spec");
    jobSpec.put("backoffLimit", 0);
    jobSpec.put("activeDeadlineSeconds", migration.activeDeadlineSeconds());
    ObjectNode pod = Template.object(job, "/spec/template/spec");
    pod.remove("initContainers");
    ObjectNode container = Template.object(pod, "/containers/0");
    container.put("name", "post-migrate");
    MigrationJob.release(container, pod, app, post.env());
    container.remove("command");
    Containers.argv(container, post.command(), post.args());
    MigrationJob.sessionOptions(container, migration);
    Containers.resources(container, migration.resources());
    return job;
  }
}
