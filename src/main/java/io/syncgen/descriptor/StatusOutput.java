package io.syncgen.descriptor;

import java.util.List;

/**
 * How to read what a migration status command printed (stdout and stderr together), as the PostSync
 * status step does: most tools exit 1 both for unapplied migrations and for a database they cannot
 * reach, and many exit 0 with migrations pending (../shared/docs/migration-tools.md). Each sign is
 * a POSIX shell pattern, as in a {@code case} item ({@code *} any text, {@code ?} one character,
 * {@code [...]} a set), matched against every whole line of the output.
 *
 * <p>When {@code upToDate} is empty, exit 0 means every migration is applied. Otherwise exit 0
 * means so only when a line shows {@code upToDate} and none shows {@code unreachable} or {@code
 * pending}; an output with neither is reported as such. A non-zero exit is read in this order:
 * unreachable, pending, failed; with none of them found, {@code otherwise} is the meaning.
 *
 * @param upToDate lines that show every migration is applied; empty to trust exit 0
 * @param pending lines that show migrations are unapplied
 * @param unreachable lines that show the database could not be reached (a connection error)
 * @param failed lines that show the command failed for another reason
 * @param otherwise what a non-zero exit means when the output holds none of these signs
 */
public record StatusOutput(
    List<String> upToDate,
    List<String> pending,
    List<String> unreachable,
    List<String> failed,
    String otherwise) {
  /** Copies the lists. */
  public StatusOutput {
    upToDate = List.copyOf(upToDate);
    pending = List.copyOf(pending);
    unreachable = List.copyOf(unreachable);
    failed = List.copyOf(failed);
  }

  /** A command syncgen knows nothing of: exit 0 means applied, any other exit either. */
  static final StatusOutput UNKNOWN = exitCode("unapplied migrations or the check failed");

  /**
   * A check by exit code, with no signs yet.
   *
   * @param otherwise what a non-zero exit means when no sign is found
   */
  static StatusOutput exitCode(String otherwise) {
    return new StatusOutput(List.of(), List.of(), List.of(), List.of(), otherwise);
  }

  /** This check, with {@code patterns} as its {@link #upToDate()} signs. */
  StatusOutput withUpToDate(List<String> patterns) {
    return new StatusOutput(patterns, pending, unreachable, failed, otherwise);
  }

  /** This check, with {@code patterns} as its {@link #pending()} signs. */
  StatusOutput withPending(List<String> patterns) {
    return new StatusOutput(upToDate, patterns, unreachable, failed, otherwise);
  }

  /** This check, with {@code patterns} as its {@link #unreachable()} signs. */
  StatusOutput withUnreachable(List<String> patterns) {
    return new StatusOutput(upToDate, pending, patterns, failed, otherwise);
  }

  /** This check, with {@code patterns} as its {@link #failed()} signs. */
  StatusOutput withFailed(List<String> patterns) {
    return new StatusOutput(upToDate, pending, unreachable, patterns, otherwise);
  }

  /** Whether exit 0 alone means every migration is applied. */
  public boolean byExitCode() {
    return upToDate.isEmpty();
  }
}
