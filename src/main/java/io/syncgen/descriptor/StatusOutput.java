package io.syncgen.descriptor;

import java.util.List;

/**
 * How to read a migration status command that exited non-zero, from what it printed (stdout and
 * stderr together): most tools exit 1 both for unapplied migrations and for a database they cannot
 * reach (../shared/docs/migration-tools.md). The PostSync status step checks the signs in this
 * order: unreachable, pending, failed; with none of them found, {@code otherwise} is the meaning.
 *
 * @param unreachable text that shows the database could not be reached (a connection error)
 * @param pending text that shows migrations are unapplied
 * @param failed text that shows the command failed for another reason
 * @param otherwise what a non-zero exit means when the output holds none of these signs
 */
public record StatusOutput(
    List<String> unreachable, List<String> pending, List<String> failed, String otherwise) {
  /** Copies the lists. */
  public StatusOutput {
    unreachable = List.copyOf(unreachable);
    pending = List.copyOf(pending);
    failed = List.copyOf(failed);
  }

  /** A command syncgen knows nothing of: every non-zero exit means either. */
  static final StatusOutput UNKNOWN =
      new StatusOutput(List.of(), List.of(), List.of(), "unapplied migrations or the check failed");
}
