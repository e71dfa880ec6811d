package io.syncgen.descriptor;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncgen.diagnostic.Diagnostic;
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

  private void error(io.syncgen.diagnostic.Location at, String message) {
    problems.add(Diagnostic.error(at, message));
  }
}
