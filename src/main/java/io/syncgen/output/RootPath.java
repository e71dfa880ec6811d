package io.syncgen.output;

import io.syncgen.diagnostic.DiagnosticException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/** The path {@code -o} names: checked before anything is created, and what a run created. */
final class RootPath {
  private RootPath() {}

  /**
   * Refuses a root that is a file, a dangling symbolic link (creating the folder would replace or
   * write through the user's link), or below a file. A link to a folder is used as the folder.
   */
  static void check(Path dir, String displayName) throws DiagnosticException {
    if (Files.isSymbolicLink(dir) && !Files.exists(dir)) {
      String target;
      try {
        target = Files.readSymbolicLink(dir).toString();
      } catch (IOException e) {
        target = "a missing folder";
      }
      throw OutputRoot.error(
          displayName,
          "is a symbolic link to "
              + target
              + ", which does not exist; create that folder, or choose another -o directory");
    }
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw OutputRoot.error(displayName, "exists and is not a directory");
    }
    for (Path p = dir.getParent(); p != null && !Files.isDirectory(p); p = p.getParent()) {
      if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
        throw OutputRoot.error(
            displayName, "cannot create the directory: " + p + " is not a directory");
      }
    }
  }

  /** The outermost missing folder on the way to {@code path}, or null when it exists. */
  static Path firstMissing(Path path) {
    Path missing = null;
    for (Path p = path;
        p != null && !Files.exists(p, LinkOption.NOFOLLOW_LINKS);
        p = p.getParent()) {
      missing = p;
    }
    return missing;
  }

  /** Removes the empty folders from {@code dir} up to {@code created}, which this run made. */
  static void removeCreated(Path dir, Path created) {
    if (created == null) {
      return;
    }
    for (Path p = dir; p != null; p = p.getParent()) {
      try {
        Journal.deleteIfEmpty(p);
      } catch (IOException e) {
        return;
      }
      if (p.equals(created)) {
        return;
      }
    }
  }
}
