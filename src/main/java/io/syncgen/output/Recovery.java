package io.syncgen.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.stream.Stream;

/** What an interrupted write leaves in an output directory, found and undone by the next run. */
final class Recovery {
  private Recovery() {}

  /** Whether a write into {@code root} was interrupted: a journal or a staging folder is there. */
  static boolean interrupted(Path root) {
    return Stream.of(Journal.NAME, Journal.PARTIAL, Journal.STAGING)
        .anyMatch(name -> Files.exists(root.resolve(name), LinkOption.NOFOLLOW_LINKS));
  }

  /**
   * Rolls back the write a journal in {@code root} describes, then removes the journal and the
   * staging folder (which, without a journal, only holds what a committed write did not clean up).
   *
   * @return whether there was a write to roll back
   */
  static boolean recover(Path root) throws IOException {
    Files.deleteIfExists(root.resolve(Journal.PARTIAL));
    Journal journal = Journal.read(root);
    if (journal != null) {
      journal.rollback(root);
      Files.delete(root.resolve(Journal.NAME));
    }
    Transaction.deleteTree(root.resolve(Journal.STAGING));
    return journal != null;
  }

  /** Removes the staging folders syncgen before 0.2 left in {@code folder} when it was killed. */
  static void removeOldStaging(Path folder) {
    if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> entries = Files.list(folder)) {
      for (Path entry : entries.toList()) {
        if (entry.getFileName().toString().startsWith(ManifestDirectory.OLD_STAGING_PREFIX)
            && Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
          Transaction.deleteTree(entry);
        }
      }
    } catch (IOException e) {
      // Hidden and ignored by every later write; the next one tries again.
    }
  }
}
