package io.syncgen.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syncgen.descriptor.AppDescriptor;
import io.syncgen.descriptor.AppSpec;
import io.syncgen.descriptor.ObjectNames;
import io.syncgen.descriptor.StatusOutput;
import io.syncgen.manifest.HookAnnotations;
import java.util.ArrayList;
import java.util.List;

/**
 * The PostSync check Job, from {@code templates/job-post-deploy-check.yaml}. The status step runs
 * first (as an init container) and the health step last, so a log reads in the order checked.
 */
final class PostSyncCheckJob {
  private PostSyncCheckJob() {}

  static ObjectNode render(AppDescriptor app, RenderOptions options) {
    AppSpec spec = app.spec();
    ObjectNode job = Template.load("job-post-deploy-check");
    Template.object(job, "/metadata")
        .put("name", new ObjectNames(app.metadata().name()).postSyncJob());
    Template.object(job, "/spec")
        .put("activeDeadlineSeconds", spec.postSync().activeDeadlineSeconds());
    if (spec.migration().postDeploy() != null) {
      // After the post-deployment migrations, so the status step sees them applied.
      Template.object(job, "/metadata/annotations")
          .put(HookAnnotations.SYNC_WAVE, PostDeployMigrationJob.CHECK_WAVE);
    }
    ObjectNode pod = Template.object(job, "/spec/template/spec");
    List<ObjectNode> steps = new ArrayList<>();
    if (spec.checksMigrationStatus()) {
      steps.add(migrationStatus(pod, app));
    }
    if (spec.checksHealth()) {
      steps.add(
          healthCheck(
              healthUrl(app, options), CurlBudget.within(spec.postSync().activeDeadlineSeconds())));
    }
    ArrayNode init = Template.array(pod, "/initContainers");
    steps.subList(0, steps.size() - 1).forEach(init::add);
    Template.array(pod, "/containers").add(steps.get(steps.size() - 1));
    Template.removeIfEmpty(pod, "initContainers");
    return job;
  }

  private static ObjectNode migrationStatus(ObjectNode pod, AppDescriptor app) {
    AppSpec spec = app.spec();
    ObjectNode container = Template.load("container-migration-status");
    Template.array(container, "/command")
        .addAll(Template.strings(spec.migration().effectiveStatusCommand()));
    ArrayNode env = Template.array(container, "/env");
    StatusOutput output = spec.migration().effectiveStatusOutput();
    signs(env, "SYNCGEN_STATUS_UPTODATE", output.upToDate());
    signs(env, "SYNCGEN_STATUS_UNREACHABLE", output.unreachable());
    signs(env, "SYNCGEN_STATUS_PENDING", output.pending());
    signs(env, "SYNCGEN_STATUS_FAILED", output.failed());
    env.addObject().put("name", "SYNCGEN_STATUS_OTHERWISE").put("value", output.otherwise());
    // The migration's image and environment: the status command reads the same settings.
    MigrationJob.release(container, pod, app);
    return container;
  }

  /** A variable holding the signs one per line, when there are any. */
  private static void signs(ArrayNode env, String name, List<String> signs) {
    if (!signs.isEmpty()) {
      env.addObject().put("name", name).put("value", String.join("\n", signs));
    }
  }

  private static ObjectNode healthCheck(String url, CurlBudget budget) {
    ObjectNode container = Template.load("container-health-check");
    Template.array(container, "/command").addAll(Template.strings(budget.options()));
    Template.object(container, "/env/0").put("value", url);
    return container;
  }

  /**
   * {@code http://<name>.<namespace>.svc:<port><path>} when the descriptor names the namespace;
   * else {@code http://<name>:<port><path>}, the Service's short name, which resolves in the
   * namespace the Job runs in (Kubernetes "DNS for Services and Pods": a pod's search path starts
   * with its own namespace), whichever set it: Argo CD's destination or a Kustomize overlay.
   */
  static String healthUrl(AppDescriptor app, RenderOptions options) {
    String namespace = app.metadata().namespace();
    String host =
        namespace == null || options.namespaceFromApplication()
            ? app.metadata().name()
            : app.metadata().name() + "." + namespace + ".svc";
    return "http://" + host + ":" + app.spec().port() + app.spec().healthPath();
  }
}
