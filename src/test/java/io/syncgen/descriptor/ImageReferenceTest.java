package io.syncgen.descriptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Image references, against the grammar of distribution/reference (regexp.go) and the cases of its
 * reference_test.go.
 */
class ImageReferenceTest {
  private static final String HEX64 = "0123456789abcdef".repeat(4);
  private static final String DIGEST = "sha256:" + HEX64;

  static Stream<Arguments> valid() {
    return Stream.of(
        Arguments.of("myapp/api:v1.2.0", "myapp/api", "v1.2.0", null),
        Arguments.of(
            "registry.example.com:5000/team/app:1.0",
            "registry.example.com:5000/team/app",
            "1.0",
            null),
        Arguments.of("localhost:5000/app", "localhost:5000/app", null, null),
        Arguments.of("app@" + DIGEST, "app", null, DIGEST),
        Arguments.of("app:1.0@" + DIGEST, "app", "1.0", DIGEST),
        Arguments.of("busybox", "busybox", null, null),
        Arguments.of(
            "docker.io/library/busybox:latest", "docker.io/library/busybox", "latest", null),
        // A single component before ':' is a name, never a registry: 5000 is the tag.
        Arguments.of("192.168.1.1:5000", "192.168.1.1", "5000", null),
        Arguments.of("192.168.1.1:5000/repo:5050", "192.168.1.1:5000/repo", "5050", null),
        Arguments.of("[::1]:5000/repo:tag", "[::1]:5000/repo", "tag", null),
        Arguments.of("a__b/c-d.e_f:T_A.G-1", "a__b/c-d.e_f", "T_A.G-1", null),
        Arguments.of(
            "ghcr.io/org/app:" + "t".repeat(128), "ghcr.io/org/app", "t".repeat(128), null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valid")
  void parseSplitsRepositoryTagAndDigest(
      String text, String repository, String tag, String digest) {
    assertThat(ImageReference.parse(text)).isEqualTo(new ImageReference(repository, tag, digest));
    assertThat(ImageReference.problem(text)).isEmpty();
  }

  static Stream<String> invalid() {
    return Stream.of(
        "MyApp",
        "MyApp:1.0",
        "myapp/Api",
        "test:5000/Uppercase/lowercase:tag",
        "app:",
        ":tag",
        "app:tag with space",
        "app:" + "t".repeat(129),
        "app:-tag",
        "app:.tag",
        "",
        "-app",
        "app/",
        "app//x",
        "app@sha256:xyz",
        "app@sha256:" + "a".repeat(31),
        "@" + DIGEST,
        "app@" + DIGEST + ":tag",
        " app",
        "[2001:db8::1]:5000",
        // The name part (before the tag) may have at most 255 characters.
        "a/".repeat(128) + "a:tag");
  }

  @ParameterizedTest(name = "<{0}>")
  @MethodSource("invalid")
  void parseRejectsInvalidReferences(String text) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ImageReference.parse(text))
        .withMessage("not an image reference: " + text);
    assertThat(ImageReference.problem(text))
        .hasValueSatisfying(p -> assertThat(p).contains("must be an image reference"));
  }

  @Test
  void nameOfExactly255CharactersIsAccepted() {
    String name = "a/".repeat(127) + "a"; // 255 characters
    assertThat(name).hasSize(255);
    assertThat(ImageReference.parse(name + ":tag").repository()).isEqualTo(name);
  }

  @Test
  void rejectsUpperCaseInTheFirstComponent() {
    assertThatIllegalArgumentException().isThrownBy(() -> ImageReference.parse("MyApp/api"));
  }

  @Test
  void rejectsASha256DigestOfTheWrongLength() {
    assertThat(ImageReference.problem("app@sha256:" + HEX64.substring(0, 32))).isPresent();
  }
}
