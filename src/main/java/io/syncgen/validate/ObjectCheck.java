package io.syncgen.validate;

import io.syncgen.manifest.Manifest;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Check} that looks at each object on its own: the findings of a set are those of its
 * objects.
 */
interface ObjectCheck extends Check {
  /**
   * Checks one object.
   *
   * @param manifest the object
   * @return its findings, in any order
   */
  List<Finding> check(Manifest manifest);

  @Override
  default List<Finding> check(List<Manifest> manifests) {
    List<Finding> findings = new ArrayList<>();
    for (Manifest manifest : manifests) {
      findings.addAll(check(manifest));
    }
    return findings;
  }
}
