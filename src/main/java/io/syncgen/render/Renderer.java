package io.syncgen.render;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syncgen.descriptor.AppDescriptor;
import io.syncgen.descriptor.AppProcess;
import io.syncgen.descriptor.ExtraObject;
import io.syncgen.descriptor.SourceMap;
import io.syncgen.diagnostic.DiagnosticException;
import io.syncgen.manifest.KubernetesObject;
import io.syncgen.plan.SyncOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a checked descriptor into Kubernetes objects, in Argo CD's sync order: the migration Job
 * (wave -1), the app's Deployments, Services, CronJobs, disruption budgets and autoscalers (wave
 * 0), the extra objects where the descriptor places them, the PostSync check Job (wave 1) and the
 * SyncFail alert Job; then the descriptor's JSON Patches. A pure function of its input.
 */
public final class Renderer {
  private Renderer() {}

  /** The annotation that records the Git revision a plugin render came from. */
  public static final String REVISION_ANNOTATION = "syncgen.io/revision";

  /**
   * Renders the objects of an app.
   *
   * @param app a descriptor that passed the loader's checks
   * @param source where the descriptor's fields stand, to locate patch errors
   * @param options settings from outside the descriptor
   * @return the objects in sync order (phase, wave, kind, name), patched
   * @throws DiagnosticException when a patch names no rendered object or one of its operations
   *     fails, or when an extra object has the kind and name of another object
   */
  public static List<KubernetesObject> render(
      AppDescriptor app, SourceMap source, RenderOptions options) throws DiagnosticException {
    List<ObjectNode> trees = new ArrayList<>();
    trees.add(MigrationJob.render(app));
    trees.addAll(Workloads.render(app, Workload.web(app)));
    for (Map.Entry<String, AppProcess> process : app.spec().processesOrEmpty().entrySet()) {
      trees.addAll(
          Workloads.render(app, Workload.process(app, process.getKey(), process.getValue())));
    }
    if (app.spec().migration().postDeploy() != null) {
      trees.add(PostDeployMigrationJob.render(app));
    }
    if (app.spec().hasPostSyncJob()) {
      trees.add(PostSyncCheckJob.render(app, options));
    }
    if (app.spec().syncFail() != null) {
      trees.add(SyncFailAlertJob.render(app, options.revision()));
    }
    for (ObjectNode tree : trees) {
      CommonMetadata.apply(tree, app);
      PodHardening.apply(tree, app.spec());
      PodSettingsFilter.apply(tree, app.spec().pod());
    }
    List<ExtraObject> extras =
        app.spec().extraObjects() == null ? List.of() : app.spec().extraObjects();
    extras.forEach(extra -> trees.add(ExtraObjects.render(app, extra)));
    if (options.revision() != null) {
      // Object metadata only, never the pod template: a new commit must not roll the pods.
      trees.forEach(
          tree ->
              tree.withObject("/metadata/annotations")
                  .put(REVISION_ANNOTATION, options.revision()));
    }
    int own = trees.size() - extras.size();
    List<ObjectNode> patched = Patches.apply(trees, app.spec(), source, own);
    FirstSyncTrap.check(patched, app, source, own);
    if (patched.isEmpty()) {
      // The one guard of every render path: Argo CD takes an empty stream as "no objects" and,
      // with auto-prune, deletes the app. The migration Job is always rendered, so this is a
      // defect.
      throw new IllegalStateException("rendered no objects");
    }
    return SyncOrder.sort(patched.stream().map(KubernetesObject::new).toList());
  }
}
