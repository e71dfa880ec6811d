package io.syncgen.diagnostic;

/** How serious a {@link Diagnostic} is; errors fail the command, warnings only with --strict. */
public enum Severity {
  ERROR,
  WARNING;

  /** The lower-case word printed in a diagnostic line: {@code error} or {@code warning}. */
  public String label() {
    return this == ERROR ? "error" : "warning";
  }
}
