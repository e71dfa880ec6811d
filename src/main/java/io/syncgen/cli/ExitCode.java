package io.syncgen.cli;

/** The exit codes of every syncgen command. */
final class ExitCode {
  /** Success. */
  static final int OK = 0;

  /** Invalid input, failed validation or drift: the findings are on stderr. */
  static final int FINDINGS = 1;

  /** The command line itself is wrong (unknown option, missing argument). */
  static final int USAGE = 2;

  /** A defect in syncgen; the message asks for a report, --stacktrace shows the trace. */
  static final int INTERNAL = 3;

  private ExitCode() {}
}
