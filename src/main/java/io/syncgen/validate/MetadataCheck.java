package io.syncgen.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Label and annotation values that are not strings ({@link Rule#METADATA_VALUE_TYPE}), on the
 * object and on its pod template, whatever the kind (also kinds without a schema).
 */
final class MetadataCheck {
  private MetadataCheck() {}

  /** Checks one object. */
  static List<Finding> check(Manifest manifest) {
    List<Finding> findings = new ArrayList<>();
    List<String> metadata = new ArrayList<>(List.of("/metadata"));
    Workloads.podTemplate(manifest)
        .filter(t -> !t.isEmpty())
        .ifPresent(t -> metadata.add(t + "/metadata"));
    if (manifest.kind().equals("CronJob")) {
      metadata.add("/spec/jobTemplate/metadata");
    }
    for (String at : metadata) {
      for (String field : List.of("labels", "annotations")) {
        JsonNode map = manifest.object().at(at + "/" + field);
        if (!map.isObject()) {
          continue;
        }
        map.fields()
            .forEachRemaining(
                e -> {
                  JsonNode value = e.getValue();
                  if (!value.isTextual() && !value.isNull()) {
                    String singular = field.equals("labels") ? "label" : "annotation";
                    String consequence =
                        field.equals("annotations")
                            ? "; Kubernetes rejects it, and Argo CD then sees no annotation of"
                                + " this object at all (no hook, wave or delete policy)"
                            : "; Kubernetes rejects it";
                    findings.add(
                        Checks.valueFinding(
                            manifest,
                            Rule.METADATA_VALUE_TYPE,
                            at + "/" + field + "/" + Manifest.segment(e.getKey()),
                            singular
                                + " "
                                + e.getKey()
                                + " is "
                                + Checks.describe(value)
                                + ", not a string"
                                + consequence
                                + "; quote it: \""
                                + value.asText()
                                + "\""));
                  }
                });
      }
    }
    return findings;
  }
}
