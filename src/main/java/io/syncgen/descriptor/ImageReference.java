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

  /** Hex digits of the digests go-digest knows, by algorithm. */
  private static final java.util.Map<String, Integer> DIGEST_LENGTHS =
      java.util.Map.of("sha256", 64, "sha384", 96, "sha512", 128);

  /**
   * Parses a reference.
   *
   * @throws IllegalArgumentException if it is not a valid reference (see {@link #problem})
   */
  public static ImageReference parse(String text) {
    Matcher m = REFERENCE.matcher(text);
    if (!m.matches() || invalid(m.group(1), m.group(3)).isPresent()) {
      throw new IllegalArgumentException("not an image reference: " + text);
    }
    return new ImageReference(m.group(1), m.group(2), m.group(3));
  }

  /**
   * What the grammar lets through but a pull refuses, or empty: a repository over 255 characters;
   * an upper-case first component without '.' or ':', which distribution's splitDockerDomain takes
   * for a registry host (reference_test.go calls it a FIXME; the user meant a Docker Hub
   * repository); a sha256, sha384 or sha512 digest of the wrong length (go-digest's Validate).
   */
  private static Optional<String> invalid(String repository, String digest) {
    if (repository.length() > 255) {
      return Optional.of("the repository has more than 255 characters");
    }
    int slash = repository.indexOf('/');
    String first = slash < 0 ? "" : repository.substring(0, slash);
    if (!first.equals(first.toLowerCase(java.util.Locale.ROOT)) && !first.matches(".*[.:].*")) {
      return Optional.of(
          first
              + " would be read as a registry host; write the repository in lower case, or name"
              + " the registry with its domain or port");
    }
    if (digest != null) {
      String algorithm = digest.substring(0, digest.indexOf(':'));
      int hex = digest.length() - algorithm.length() - 1;
      Integer expected = DIGEST_LENGTHS.get(algorithm);
      if (expected != null && hex != expected) {
        return Optional.of(
            "a " + algorithm + " digest has " + expected + " hex digits (got " + hex + ")");
      }
    }
    return Optional.empty();
  }

  /** What is wrong with {@code text} as an image reference, or empty when it is valid. */
  static Optional<String> problem(String text) {
    Matcher m = REFERENCE.matcher(text);
    Optional<String> detail = m.matches() ? invalid(m.group(1), m.group(3)) : Optional.of("");
    return detail.map(
        d ->
            "must be an image reference such as registry.example.com/team/app:1.2.3 (lower-case"
                + " repository, optional :tag and @sha256:digest)"
                + (d.isEmpty() ? "" : ": " + d));
  }
}
