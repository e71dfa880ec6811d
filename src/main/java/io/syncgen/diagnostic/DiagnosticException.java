package io.syncgen.diagnostic;

import java.util.List;

/**
 * Raised when an input is invalid; carries every finding, not only the first, sorted by position.
 * The command line prints them and exits with code 1.
 */
public class DiagnosticException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient List<Diagnostic> diagnostics;

  /**
   * @param diagnostics the findings; at least one
   * @throws IllegalArgumentException if the list is empty
   */
  public DiagnosticException(List<Diagnostic> diagnostics) {
    this(diagnostics.stream().sorted(Diagnostic.BY_POSITION).toList(), true);
  }

  private DiagnosticException(List<Diagnostic> sorted, boolean isSorted) {
    super(sorted.isEmpty() ? "" : sorted.get(0).format().strip());
    if (sorted.isEmpty()) {
      throw new IllegalArgumentException("a DiagnosticException needs at least one diagnostic");
    }
    this.diagnostics = sorted;
  }

  /** A single finding. */
  public DiagnosticException(Diagnostic diagnostic) {
    this(List.of(diagnostic));
  }

  /** The findings, ordered by file, line and column. */
  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }
}
