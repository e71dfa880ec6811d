package io.syncgen.validate;

import io.syncgen.diagnostic.Severity;
import io.syncgen.manifest.ManifestReader;
import java.util.List;

/**
 * The problems {@link ManifestReader} met, as findings: {@link Rule#PARSE_ERROR} and {@link
 * Rule#DUPLICATE_KEY}, errors both.
 */
public final class ReadFindings {
  private ReadFindings() {}

  /**
   * The findings of a read.
   *
   * @param problems what the reader met
   * @return one finding each, in the same order
   */
  public static List<Finding> of(List<ManifestReader.Problem> problems) {
    return problems.stream()
        .map(
            p ->
                new Finding(
                    p.location(),
                    Severity.ERROR,
                    p.kind() == ManifestReader.Kind.DUPLICATE_KEY
                        ? Rule.DUPLICATE_KEY
                        : Rule.PARSE_ERROR,
                    p.object(),
                    p.message()))
        .toList();
  }
}
