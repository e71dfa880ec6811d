package io.syncgen.diagnostic;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * "Did you mean" for every message that has one: the names close to a misspelt one, by Levenshtein
 * edit distance (Apache Commons Text), ignoring case, so {@code Replicas} and {@code replica} both
 * find {@code replicas}. Each caller words its own message.
 */
public final class Suggestions {
  private Suggestions() {}

  /**
   * The edit distance between two names, ignoring case.
   *
   * @param max the largest distance of interest
   * @return the number of single-character edits, or {@link Integer#MAX_VALUE} when above {@code
   *     max}
   */
  public static int distance(String word, String candidate, int max) {
    int distance =
        new LevenshteinDistance(max)
            .apply(word.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
    return distance < 0 ? Integer.MAX_VALUE : distance;
  }

  /**
   * The candidates within {@code max} edits of {@code word}, nearest first; candidates as near as
   * each other keep their order in {@code candidates}.
   *
   * @param max the largest distance suggested, such as 2 or 3
   * @return the suggestions, empty when none is close enough
   */
  public static List<String> nearest(String word, Collection<String> candidates, int max) {
    return candidates.stream()
        .filter(candidate -> distance(word, candidate, max) <= max)
        .sorted(Comparator.comparingInt(candidate -> distance(word, candidate, max)))
        .toList();
  }
}
