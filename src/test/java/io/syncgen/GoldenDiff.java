package io.syncgen;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import java.util.List;

/** The unified diff golden tests print on a mismatch, WANT against GOT, three lines of context. */
public final class GoldenDiff {
  private GoldenDiff() {}

  /**
   * The diff of two texts, by line.
   *
   * @param name the golden file, as the header names it
   * @param want the golden file's text
   * @param got what the command produced
   */
  public static String unified(String name, String want, String got) {
    List<String> wantLines = want.lines().toList();
    List<String> gotLines = got.lines().toList();
    return String.join(
        "\n",
        UnifiedDiffUtils.generateUnifiedDiff(
            name + " (WANT)", name + " (GOT)", wantLines, DiffUtils.diff(wantLines, gotLines), 3));
  }
}
