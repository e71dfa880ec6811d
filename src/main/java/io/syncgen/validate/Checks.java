package io.syncgen.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncgen.manifest.Manifest;
import io.syncgen.manifest.SchemaProblems;

/** Small helpers shared by the checks: findings located by JSON pointer, paths, value words. */
final class Checks {
  private Checks() {}

  /**
   * The number of items of a list, or 0 for anything else: a mapping written where a list belongs
   * is a schema error, not something to iterate over.
   */
  static int length(JsonNode node) {
    return node != null && node.isArray() ? node.size() : 0;
  }

  /** The JSON pointer of an annotation of the object: {@code /metadata/annotations/KEY}. */
  static String annotation(String key) {
    return "/metadata/annotations/" + Manifest.segment(key);
  }

  /** A finding of a rule's severity at the key (or value) a pointer names. */
  static Finding finding(Manifest manifest, Rule rule, String pointer, String message) {
    return new Finding(manifest.at(pointer), rule.severity(), rule, manifest.display(), message);
  }

  /** A finding of a rule's severity at the value a pointer names. */
  static Finding valueFinding(Manifest manifest, Rule rule, String pointer, String message) {
    return new Finding(
        manifest.valueAt(pointer), rule.severity(), rule, manifest.display(), message);
  }

  /**
   * A JSON pointer as people write a field path: {@code /spec/template/spec/containers/0/image} is
   * {@code spec.template.spec.containers[0].image}; a key with a dot or slash is quoted: {@code
   * metadata.annotations["argocd.argoproj.io/hook"]}.
   */
  static String path(String pointer) {
    if (pointer.isEmpty()) {
      return "(the object)";
    }
    StringBuilder path = new StringBuilder();
    for (String raw : pointer.substring(1).split("/", -1)) {
      String segment = raw.replace("~1", "/").replace("~0", "~");
      if (!segment.isEmpty() && segment.chars().allMatch(Character::isDigit)) {
        path.append('[').append(segment).append(']');
      } else if (segment.matches("[A-Za-z_$][A-Za-z0-9_$-]*")) {
        path.append(path.length() == 0 ? "" : ".").append(segment);
      } else {
        path.append("[\"").append(segment).append("\"]");
      }
    }
    return path.toString();
  }

  /** Words a JSON value for a message: {@code the string "3"}, {@code the number 3}. */
  static String describe(JsonNode value) {
    return SchemaProblems.describe(value);
  }
}
