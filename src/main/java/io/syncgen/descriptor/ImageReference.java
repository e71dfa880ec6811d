package io.syncgen.descriptor;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A container image reference split into its parts, following the grammar of the OCI distribution
 * project ({@code distribution/reference/regexp.go}).
 *
 * @param repository everything before the tag or digest, such as {@code registry:5000/team/app}
 * @param tag the tag, or null when there is none
 * @param digest the digest such as {@code sha256:...}, or null when there is none
 */
public record ImageReference(String repository, String tag, String digest) {
  private static final String DOMAIN_COMPONENT =
      "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
  private static final String DOMAIN =
      "(?:"
          + DOMAIN_COMPONENT
          + "(?:\\."
          + DOMAIN_COMPONENT
          + ")*|\\[[0-9A-Fa-f:]+\\])(?::[0-9]+)?";
  private static final String PATH_COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
  private static final String NAME =
      "(?:" + DOMAIN + "/)?" + PATH_COMPONENT + "(?:/" + PATH_COMPONENT + ")*";
  private static final Pattern REFERENCE =
      Pattern.compile(
          "("
              + NAME
              + ")(?::([\\w][\\w.-]{0,127}))?(?:@([A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9A-Fa-f]{32,}))?");

  /**
   * Parses a reference.
   *
   * @throws IllegalArgumentException if it is not a valid reference (see {@link #problem})
   */
  public static ImageReference parse(String text) {
    Matcher m = REFERENCE.matcher(text);
    if (!m.matches() || m.group(1).length() > 255) {
      throw new IllegalArgumentException("not an image reference: " + text);
    }
    return new ImageReference(m.group(1), m.group(2), m.group(3));
  }

  /** What is wrong with {@code text} as an image reference, or empty when it is valid. */
  static Optional<String> problem(String text) {
    Matcher m = REFERENCE.matcher(text);
    if (m.matches() && m.group(1).length() <= 255) {
      return Optional.empty();
    }
    return Optional.of(
        "must be an image reference such as registry.example.com/team/app:1.2.3 (lower-case"
            + " repository, optional :tag and @sha256:digest)");
  }
}
