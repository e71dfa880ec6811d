package io.syncgen.lint;

import io.syncgen.diagnostic.Severity;
import java.util.List;

/**
 * What {@code syncgen migrations lint} found in a set of files.
 *
 * @param files how many files were read
 * @param findings every finding, acknowledged ones included, in {@link LintFinding#ORDER}
 */
public record LintReport(int files, List<LintFinding> findings) {
  /** Copies and sorts the findings. */
  public LintReport {
    findings = findings.stream().sorted(LintFinding.ORDER).toList();
  }

  /** How many findings of this severity are not acknowledged. */
  public long count(Severity severity) {
    return findings.stream().filter(f -> !f.allowed() && f.severity() == severity).count();
  }

  /** How many findings an acknowledgement turned off. */
  public long allowed() {
    return findings.stream().filter(LintFinding::allowed).count();
  }

  /** No error, and under {@code strict} no warning either. */
  public boolean passed(boolean strict) {
    return count(Severity.ERROR) == 0 && (!strict || count(Severity.WARNING) == 0);
  }
}
