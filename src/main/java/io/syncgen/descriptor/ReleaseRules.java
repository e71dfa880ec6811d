package io.syncgen.descriptor;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncgen.diagnostic.Diagnostic;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks of what every container of the app's release shares: the volumes and their mounts, and the
 * extra objects (their identity, and whether the migration needs one before it exists).
 */
final class ReleaseRules {
  /** The volume sources syncgen renders: nothing that ties a pod to a node or a cloud disk. */
  static final List<String> VOLUME_TYPES =
      List.of(
          "configMap", "secret", "emptyDir", "persistentVolumeClaim", "projected", "downwardAPI");

  private final SourceMap source;
  private final List<Diagnostic> problems;

  private ReleaseRules(SourceMap source, List<Diagnostic> problems) {
    this.source = source;
    this.problems = problems;
  }

  static void check(AppDescriptor app, SourceMap source, List<Diagnostic> problems) {
    ReleaseRules rules = new ReleaseRules(source, problems);
    Set<String> volumes = rules.volumes(app.spec().volumes());
    rules.mounts(app.spec().volumeMounts(), volumes);
    rules.extraObjects(app.spec().extraObjects());
    rules.firstSync(app.spec());
  }

  private Set<String> volumes(List<JsonNode> volumes) {
    Set<String> names = new LinkedHashSet<>();
    for (int i = 0; volumes != null && i < volumes.size(); i++) {
      String path = "spec.volumes[" + i + "]";
      String name = volumes.get(i).path("name").asText("");
      if (!names.add(name)) {
        error(source.value(path + ".name"), path + ".name repeats the volume " + name);
      }
      for (Iterator<String> it = volumes.get(i).fieldNames(); it.hasNext(); ) {
        String field = it.next();
        if (!field.equals("name") && !VOLUME_TYPES.contains(field)) {
          error(
              source.key(path + "." + field),
              path
                  + " is a "
                  + field
                  + " volume; syncgen renders "
                  + String.join(", ", VOLUME_TYPES)
                  + " volumes (a node path or a cloud disk ties the app to nodes, and Pod"
                  + " Security's restricted profile refuses most of them)");
        }
      }
    }
    return names;
  }

  private void mounts(List<JsonNode> mounts, Set<String> volumes) {
    for (int i = 0; mounts != null && i < mounts.size(); i++) {
      String name = mounts.get(i).path("name").asText("");
      if (!volumes.contains(name)) {
        String path = "spec.volumeMounts[" + i + "].name";
        error(
            source.value(path),
            path
                + " "
                + name
                + " names no volume of spec.volumes"
                + (volumes.isEmpty()
                    ? "; add it there"
                    : " (it has " + String.join(", ", volumes) + ")"));
      }
    }
  }

  private void extraObjects(List<ExtraObject> extras) {
    for (int i = 0; extras != null && i < extras.size(); i++) {
      String path = "spec.extraObjects[" + i + "].object";
      JsonNode object = extras.get(i).object();
      for (String field : List.of("apiVersion", "kind")) {
        if (!object.path(field).isTextual()) {
          error(source.value(path), path + " needs " + field + " (a string)");
        }
      }
      if (!object.path("metadata").path("name").isTextual()) {
        error(
            source.value(path),
            path + " needs metadata.name: a fixed name, so each sync updates the same object");
      }
      JsonNode annotations = object.path("metadata").path("annotations");
      for (Iterator<String> it = annotations.fieldNames(); it.hasNext(); ) {
        String key = it.next();
        if (key.startsWith(DescriptorRules.ARGOCD_PREFIX)) {
          error(
              source.key(path + ".metadata.annotations." + key),
              path
                  + " may not set "
                  + key
                  + ": syncgen writes Argo CD's annotations from the entry's phase and wave");
        }
      }
    }
  }

  /**
   * The first-sync trap (argo-cd #9891): a migration that reads an object of {@code extraObjects}
   * must run after it is created. A PreSync migration is fine with a PreSync object at wave -1 or
   * lower; a Sync migration (wave -1) with any PreSync object or a Sync object at wave -1 or lower.
   */
  private void firstSync(AppSpec spec) {
    List<String> needs = migrationNeeds(spec);
    List<ExtraObject> extras = spec.extraObjects() == null ? List.of() : spec.extraObjects();
    boolean preSync = Migration.PRE_SYNC.equals(spec.migration().hook());
    for (int i = 0; i < extras.size(); i++) {
      ExtraObject extra = extras.get(i);
      String id =
          extra.object().path("kind").asText("")
              + "/"
              + extra.object().path("metadata").path("name").asText("");
      boolean inTime =
          extra.phase().equals("PreSync")
              ? !preSync || extra.wave() <= -1
              : !preSync && extra.phase().equals("Sync") && extra.wave() <= -1;
      if (needs.contains(id) && !inTime) {
        String path = "spec.extraObjects[" + i + "]";
        error(
            source.value(path),
            path
                + " ("
                + id
                + ", "
                + extra.phase()
                + " wave "
                + extra.wave()
                + ") is read by the migration, which runs as a "
                + spec.migration().hook()
                + " hook at wave -1, before it exists: the first sync fails (argo-cd #9891). Set"
                + " spec.migration.hook: Sync and give this object phase: Sync, wave: -2");
      }
    }
  }

  private void error(io.syncgen.diagnostic.Location at, String message) {
    problems.add(Diagnostic.error(at, message));
  }

  /** The Secrets, ConfigMaps and PVCs the migration Job needs, as {@code Kind/name}. */
  static List<String> migrationNeeds(AppSpec spec) {
    List<String> needs = new ArrayList<>();
    if (spec.database().urlFrom() != null) {
      needs.add("Secret/" + spec.database().urlFrom().secretKeyRef().name());
    }
    List<EnvVar> env =
        new ArrayList<>(spec.migration().env() == null ? List.of() : spec.migration().env());
    if (!spec.migration().hasOwnImage()) {
      env.addAll(spec.env() == null ? List.of() : spec.env());
      for (JsonNode from : spec.envFrom() == null ? List.<JsonNode>of() : spec.envFrom()) {
        needs.add("Secret/" + from.path("secretRef").path("name").asText(""));
        needs.add("ConfigMap/" + from.path("configMapRef").path("name").asText(""));
      }
      for (JsonNode volume : spec.volumes() == null ? List.<JsonNode>of() : spec.volumes()) {
        needs.add("Secret/" + volume.path("secret").path("secretName").asText(""));
        needs.add("ConfigMap/" + volume.path("configMap").path("name").asText(""));
        needs.add(
            "PersistentVolumeClaim/"
                + volume.path("persistentVolumeClaim").path("claimName").asText(""));
        for (JsonNode s : volume.path("projected").path("sources")) {
          needs.add("Secret/" + s.path("secret").path("name").asText(""));
          needs.add("ConfigMap/" + s.path("configMap").path("name").asText(""));
        }
      }
    }
    for (EnvVar var : env) {
      if (var.valueFrom() != null && var.valueFrom().secretKeyRef() != null) {
        needs.add("Secret/" + var.valueFrom().secretKeyRef().name());
      }
      if (var.valueFrom() != null && var.valueFrom().configMapKeyRef() != null) {
        needs.add("ConfigMap/" + var.valueFrom().configMapKeyRef().name());
      }
    }
    needs.removeIf(n -> n.endsWith("/"));
    return needs;
  }
}
