package io.syncgen.lint;

import io.syncgen.diagnostic.Severity;
import java.util.List;

/**
 * What {@code syncgen migrations lint} found in a set of files.
 *
 * @param files the files read, as named in the findings
 * @param findings every finding, acknowledged ones included, in {@link LintFinding#ORDER}
 */
public record LintReport(List<String> files, List<LintFinding> findings) {
  /** Copies the files and sorts the findings. */
  public LintReport {
    files = List.copyOf(files);
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
