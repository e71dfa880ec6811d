package io.syncgen.render;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syncgen.descriptor.AppDescriptor;
import io.syncgen.manifest.KubernetesObject;
import io.syncgen.plan.SyncOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a checked descriptor into Kubernetes objects, in Argo CD's sync order: the PreSync
 * migration Job (wave -1), the Service and Deployment (wave 0), the PostSync check Job (wave 1) and
 * the SyncFail alert Job. A pure function of its input.
 */
public final class Renderer {
  private Renderer() {}

  /** The annotation that records the Git revision a plugin render came from. */
  public static final String REVISION_ANNOTATION = "syncgen.io/revision";

  /**
   * Renders the objects of an app.
   *
   * @param app a descriptor that passed the loader's checks
   * @param options settings from outside the descriptor
   * @return the objects in sync order (phase, wave, kind, name)
   */
  public static List<KubernetesObject> render(AppDescriptor app, RenderOptions options) {
    List<ObjectNode> trees = new ArrayList<>();
    trees.add(MigrationJob.render(app));
    trees.add(AppDeployment.render(app));
    trees.add(AppService.render(app));
    if (app.spec().hasPostSyncJob()) {
      trees.add(PostSyncCheckJob.render(app));
    }
    if (app.spec().syncFail() != null) {
      trees.add(SyncFailAlertJob.render(app, options.revision()));
    }
    List<KubernetesObject> objects = new ArrayList<>();
    for (ObjectNode tree : trees) {
      CommonMetadata.apply(tree, app);
      if (options.revision() != null) {
        // Object metadata only, never the pod template: a new commit must not roll the pods.
        tree.withObject("/metadata/annotations").put(REVISION_ANNOTATION, options.revision());
      }
      PodHardening.apply(tree, app.spec());
      objects.add(new KubernetesObject(tree));
    }
    return SyncOrder.sort(objects);
  }
}
