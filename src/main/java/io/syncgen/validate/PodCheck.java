package io.syncgen.validate;

import io.syncgen.manifest.Manifest;
import java.util.List;

/**
 * A {@link Check} of each object's pod template: one family of Pod Security Standards controls
 * (kubernetes.io/docs/concepts/security/pod-security-standards). Objects without a pod template
 * pass.
 */
interface PodCheck extends ObjectCheck {
  /**
   * Checks one pod template, adding findings to {@link Pod#findings()}.
   *
   * @param pod the pod template
   */
  void check(Pod pod);

  @Override
  default List<Finding> check(Manifest manifest) {
    return Pod.of(manifest)
        .map(
            pod -> {
              check(pod);
              return pod.findings();
            })
        .orElse(List.of());
  }
}
