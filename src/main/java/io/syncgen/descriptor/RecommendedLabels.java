package io.syncgen.descriptor;

import java.util.List;
import java.util.Optional;

/**
 * The Kubernetes recommended labels syncgen sets on every object and pod (see "Recommended Labels"
 * in the Kubernetes documentation). Selectors use {@link #NAME} and {@link #COMPONENT} only, so
 * that migration and check pods never receive the app's traffic.
 */
public final class RecommendedLabels {
  /** The app name. */
  public static final String NAME = "app.kubernetes.io/name";

  /** The role of the object: {@code server}, {@code migration}, {@code post-deploy-check}... */
  public static final String COMPONENT = "app.kubernetes.io/component";

  /** The image tag, when it is a valid label value. */
  public static final String VERSION = "app.kubernetes.io/version";

  /** Always {@code syncgen}. */
  public static final String MANAGED_BY = "app.kubernetes.io/managed-by";

  /** Every key above, in the order they are written. */
  public static final List<String> ALL = List.of(NAME, COMPONENT, VERSION, MANAGED_BY);

  private RecommendedLabels() {}

  /**
   * The {@link #VERSION} label of a release: the image's tag, when it is a valid label value (a tag
   * may hold characters or a length a label cannot); empty for an image without one.
   */
  public static Optional<String> version(String image) {
    String tag = ImageReference.parse(image).tag();
    if (tag == null || Format.LABEL_VALUE.problem(tag).isPresent()) {
      return Optional.empty();
    }
    return Optional.of(tag);
  }
}
