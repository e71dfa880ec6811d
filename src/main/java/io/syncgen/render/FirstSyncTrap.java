package io.syncgen.render;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syncgen.descriptor.AppDescriptor;
import io.syncgen.descriptor.ExtraObject;
import io.syncgen.descriptor.Migration;
import io.syncgen.descriptor.ObjectNames;
import io.syncgen.descriptor.SourceMap;
import io.syncgen.diagnostic.Diagnostic;
import io.syncgen.diagnostic.DiagnosticException;
import io.syncgen.manifest.PodReferences;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The first-sync trap (argo-cd #9891, shared/docs/argocd.md) in the descriptor's own terms: the
 * rendered migration Job needs an object of {@code spec.extraObjects} (a Secret, ConfigMap,
 * PersistentVolumeClaim or ServiceAccount, as {@link PodReferences} reads its pod) that the sync
 * creates only after the Job starts. A PreSync migration (wave -1) is in time with a PreSync object
 * at wave -1 or lower; a Sync migration (wave -1) with any PreSync object or a Sync object at wave
 * -1 or lower. Validation would find the same on the output; this names the descriptor's fix.
 */
final class FirstSyncTrap {
  private FirstSyncTrap() {}

  /**
   * Checks the rendered objects.
   *
   * @param objects the rendered and patched objects, syncgen's first, then the extra objects
   * @param app the descriptor
   * @param source where its fields stand
   * @param ownCount how many of {@code objects} syncgen rendered itself
   * @throws DiagnosticException naming every extra object the migration reads too late
   */
  static void check(List<ObjectNode> objects, AppDescriptor app, SourceMap source, int ownCount)
      throws DiagnosticException {
    Set<String> needs = migrationNeeds(objects, app);
    Migration migration = app.spec().migration();
    boolean preSync = Migration.PRE_SYNC.equals(migration.hook());
    List<Diagnostic> problems = new ArrayList<>();
    for (int i = ownCount; i < objects.size(); i++) {
      ExtraObject extra = app.spec().extraObjects().get(i - ownCount);
      String id = Patches.id(objects.get(i));
      boolean inTime =
          extra.phase().equals("PreSync")
              ? !preSync || extra.wave() <= -1
              : !preSync && extra.phase().equals("Sync") && extra.wave() <= -1;
      if (needs.contains(id) && !inTime) {
        String path = "spec.extraObjects[" + (i - ownCount) + "]";
        problems.add(
            Diagnostic.error(
                source.value(path),
                path
                    + " ("
                    + id
                    + ", "
                    + extra.phase()
                    + " wave "
                    + extra.wave()
                    + ") is read by the migration, which runs as a "
                    + migration.hook()
                    + " hook at wave -1, before it exists: the first sync fails (argo-cd #9891)."
                    + " Set spec.migration.hook: Sync and give this object phase: Sync, wave: -2"));
      }
    }
    if (!problems.isEmpty()) {
      throw new DiagnosticException(problems);
    }
  }

  /** What the rendered migration Job's pod needs to start, as {@code Kind/name}. */
  private static Set<String> migrationNeeds(List<ObjectNode> objects, AppDescriptor app) {
    String job = "Job/" + new ObjectNames(app.metadata().name()).migrationJob();
    return objects.stream()
        .filter(o -> Patches.id(o).equals(job))
        .flatMap(o -> PodReferences.of(o, "/spec/template/spec").stream())
        .map(r -> r.kind() + "/" + r.name())
        .collect(Collectors.toSet());
  }
}
