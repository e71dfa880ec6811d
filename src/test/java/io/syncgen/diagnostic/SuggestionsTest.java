package io.syncgen.diagnostic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** "Did you mean": near names by edit distance, case ignored, nearest first. */
class SuggestionsTest {
  @Test
  void caseDoesNotCountAsAnEdit() {
    assertThat(Suggestions.distance("Replicas", "replicas", 2)).isZero();
    assertThat(Suggestions.nearest("REPLICA", List.of("port", "replicas"), 1))
        .containsExactly("replicas");
  }

  @Test
  void nearestComeFirstAndTiesKeepTheirOrder() {
    assertThat(Suggestions.nearest("helthPath", List.of("healthPaths", "healthPath", "image"), 3))
        .containsExactly("healthPath", "healthPaths");
    assertThat(Suggestions.nearest("ab", List.of("xb", "ax", "ab"), 1))
        .containsExactly("ab", "xb", "ax");
  }

  @Test
  void namesFartherThanTheLimitAreNotSuggested() {
    assertThat(Suggestions.nearest("replicas", List.of("resources", "image"), 2)).isEmpty();
    assertThat(Suggestions.distance("replicas", "resources", 2)).isEqualTo(Integer.MAX_VALUE);
    assertThat(Suggestions.distance("abc", "xyz", 3)).isEqualTo(3);
    assertThat(Suggestions.distance("abc", "xyz", 2)).isEqualTo(Integer.MAX_VALUE);
  }
}
