package io.syncgen.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncgen.manifest.Manifest;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link Rule#METADATA_VALUE_TYPE}, shared by the two checks that report it: which metadata {@link
 * MetadataCheck} reads (whatever the kind), so that {@link SchemaCheck} reports only the rest, and
 * the finding both give.
 */
final class MetadataValues {
  private MetadataValues() {}

  /**
   * The metadata {@link MetadataCheck} checks: the object's, its pod template's, a CronJob's job's.
   */
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
