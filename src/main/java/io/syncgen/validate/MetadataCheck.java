package io.syncgen.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Label and annotation values that are not strings ({@link Rule#METADATA_VALUE_TYPE}). This class
 * checks the object's own metadata and its pod template's, whatever the kind (also kinds without a
 * schema); {@link SchemaCheck} reports the same problem, through {@link #finding}, in any other
 * metadata its schema types (a StatefulSet's volumeClaimTemplates).
 */
final class MetadataCheck {
  private MetadataCheck() {}

  /** The metadata this class checks: the object's, its pod template's, a CronJob's job's. */
  static List<String> covered(Manifest manifest) {
    List<String> metadata = new ArrayList<>(List.of("/metadata"));
    Workloads.podTemplate(manifest)
        .filter(t -> !t.isEmpty())
        .ifPresent(t -> metadata.add(t + "/metadata"));
    if (manifest.kind().equals("CronJob")) {
      metadata.add("/spec/jobTemplate/metadata");
    }
    return metadata;
  }

  /** Checks one object. */
  static List<Finding> check(Manifest manifest) {
    List<Finding> findings = new ArrayList<>();
    for (String at : covered(manifest)) {
      for (String field : List.of("labels", "annotations")) {
        JsonNode map = manifest.object().at(at + "/" + field);
        if (!map.isObject()) {
          continue;
        }
        map.fields()
            .forEachRemaining(
                e -> {
                  JsonNode value = e.getValue();
                  // A null value is fine for Kubernetes, but Argo CD reads the object's own
                  // annotations and labels as a string map and loses them all.
                  boolean own = at.equals("/metadata");
                  if (!value.isTextual() && (!value.isNull() || own)) {
                    findings.add(
                        finding(
                            manifest,
                            at + "/" + field + "/" + Manifest.segment(e.getKey()),
                            value));
                  }
                });
      }
    }
    return findings;
  }

  /**
   * The finding for a label or annotation value that is not a string.
   *
   * @param manifest the object
   * @param pointer the value's pointer, {@code .../metadata/labels|annotations/KEY}
   * @param value the value
   * @return an error at the value
   */
  static Finding finding(Manifest manifest, String pointer, JsonNode value) {
    String[] parts = pointer.split("/");
    String field = parts[parts.length - 2];
    String key = parts[parts.length - 1].replace("~1", "/").replace("~0", "~");
    String singular = field.equals("labels") ? "label" : "annotation";
    String rejects = value.isNull() ? "" : "; Kubernetes rejects it";
    String consequence =
        field.equals("annotations") && pointer.startsWith("/metadata/")
            ? rejects
                + (value.isNull() ? "; Argo CD" : ", and Argo CD")
                + " then sees no annotation of this object at all (no hook, wave or delete"
                + " policy)"
            : field.equals("labels") && pointer.startsWith("/metadata/") && value.isNull()
                ? "; Argo CD then sees no label of this object at all"
                : rejects;
    return Checks.valueFinding(
        manifest,
        Rule.METADATA_VALUE_TYPE,
        pointer,
        singular
            + " "
            + key
            + " is "
            + Checks.describe(value)
            + ", not a string"
            + consequence
            + (value.isNull()
                ? "; give it a string value or remove it"
                : "; quote it: \"" + value.asText() + "\""));
  }
}
