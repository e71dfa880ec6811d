package io.syncgen.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncgen.manifest.Manifest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Label and annotation values that are not strings ({@link Rule#METADATA_VALUE_TYPE}). This class
 * checks the object's own metadata and its pod template's, whatever the kind (also kinds without a
 * schema); {@link SchemaCheck} reports the same problem in any other metadata its schema types (a
 * StatefulSet's volumeClaimTemplates). Both word it through {@link MetadataValues}.
 */
final class MetadataCheck implements ObjectCheck {
  @Override
  public List<Finding> check(Manifest manifest) {
    List<Finding> findings = new ArrayList<>();
    for (String at : MetadataValues.covered(manifest)) {
      for (String field : List.of("labels", "annotations")) {
        JsonNode map = manifest.object().at(at + "/" + field);
        if (!map.isObject()) {
          continue;
        }
        // A null value is fine for Kubernetes, but Argo CD reads the object's own annotations
        // and labels as a string map and loses them all.
        boolean own = at.equals("/metadata");
        for (Map.Entry<String, JsonNode> e : map.properties()) {
          JsonNode value = e.getValue();
          if (!value.isTextual() && (!value.isNull() || own)) {
            String pointer = at + "/" + field + "/" + Manifest.segment(e.getKey());
            findings.add(MetadataValues.finding(manifest, pointer, value));
          }
        }
      }
    }
    return findings;
  }
}
