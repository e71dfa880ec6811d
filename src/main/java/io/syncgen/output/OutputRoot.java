package io.syncgen.output;

import io.syncgen.diagnostic.Diagnostic;
import io.syncgen.diagnostic.DiagnosticException;
import io.syncgen.diagnostic.IoProblem;
import io.syncgen.diagnostic.Location;
import io.syncgen.diagnostic.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The output directory of {@code render -o DIR}, held for one run: locked ({@link OutputLock}),
 * with an interrupted earlier write rolled back ({@link Journal}) before anything is read, and
 * written by one {@link Transaction} covering every folder in it.
 *
 * <p>Whatever stops a write (an error, a full disk, kill -9 at any instant), the next run sees the
 * directory exactly as it was before the write or exactly as the write left it: the journal is
 * written before the first change and deleted after the last, and a journal found when the
 * directory is opened is rolled back. Nothing is synced to the disk, so a power cut can lose what
 * the kernel had not written yet. A folder the run created for nothing (it failed) is removed
 * again.
 */
public final class OutputRoot implements AutoCloseable {
  /** How long a run waits for another to release the directory when nothing else is said. */
  public static final Duration DEFAULT_WAIT = Duration.ofSeconds(30);

  private final Path dir;
  private final String displayName;
  private final OutputLock lock;
  private final Path created;
  private final boolean lockCreated;
  private final List<Diagnostic> notes = new ArrayList<>();
  private boolean written;

  private OutputRoot(
      Path dir, String displayName, OutputLock lock, Path created, boolean lockCreated) {
    this.dir = dir;
    this.displayName = displayName;
    this.lock = lock;
    this.created = created;
    this.lockCreated = lockCreated;
  }

  private static OutputRoot unlocked(Path dir, String displayName) {
    return new OutputRoot(dir, displayName, null, null, false);
  }

  /**
   * Opens {@code dir} to write it: creates it (and missing parents) when missing, takes its lock
   * exclusively, and rolls back an interrupted write.
   *
   * @param displayName how messages name it (as the user gave it)
   * @param wait how long to wait for another run's lock
   * @throws DiagnosticException when it is a file or a dangling symbolic link, cannot be created or
   *     locked within {@code wait}, or an interrupted write cannot be rolled back
   */
  public static OutputRoot open(Path dir, String displayName, Duration wait)
      throws DiagnosticException {
    RootPath.check(dir, displayName);
    Path created = RootPath.firstMissing(dir);
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      RootPath.removeCreated(dir, created);
      throw error(displayName, "cannot create the directory: " + IoProblem.describe(e));
    }
    boolean lockCreated = !Files.exists(dir.resolve(OutputLock.NAME), LinkOption.NOFOLLOW_LINKS);
    OutputLock lock;
    try {
      lock = OutputLock.acquire(dir, displayName, wait, false);
    } catch (DiagnosticException e) {
      RootPath.removeCreated(dir, created);
      throw e;
    }
    OutputRoot root = new OutputRoot(dir, displayName, lock, created, lockCreated);
    try {
      root.recover();
    } catch (DiagnosticException e) {
      root.close();
      throw e;
    }
    return root;
  }

  /**
   * Opens {@code dir} to compare it ({@code --check}), writing nothing: a missing directory is read
   * as empty; a directory a render has locked before is locked shared, so no render changes it
   * while it is read. An interrupted write is the exception: it is rolled back first, as by {@link
   * #open}, which writes.
   *
   * @throws DiagnosticException as {@link #open}
   */
  public static OutputRoot openForCheck(Path dir, String displayName, Duration wait)
      throws DiagnosticException {
    RootPath.check(dir, displayName);
    if (!Files.isDirectory(dir)) {
      return unlocked(dir, displayName);
    }
    if (Recovery.interrupted(dir)) {
      return open(dir, displayName, wait);
    }
    if (!Files.exists(dir.resolve(OutputLock.NAME), LinkOption.NOFOLLOW_LINKS)) {
      // No render of this version wrote here yet: there is no lock to take without writing.
      return unlocked(dir, displayName);
    }
    OutputLock shared = OutputLock.acquire(dir, displayName, wait, true);
    if (Recovery.interrupted(dir)) {
      shared.close();
      return open(dir, displayName, wait);
    }
    return new OutputRoot(dir, displayName, shared, null, false);
  }

  /** The directory. */
  public Path dir() {
    return dir;
  }

  /** What opening it did that the user should know (an interrupted write rolled back). */
  public List<Diagnostic> notes() {
    return List.copyOf(notes);
  }

  /**
   * Replaces the syncgen files of every folder of {@code writes} as one transaction: every folder
   * is checked first ({@link ManifestDirectory}), and nothing changes when any is refused.
   *
   * @param writes folders in this directory (or the directory itself), each at most once
   * @return warnings about index entries left alone
   * @throws DiagnosticException with every refusal; or when the write fails, after putting every
   *     folder back as it was
   */
  public List<Diagnostic> write(List<ManifestDirectory.Write> writes) throws DiagnosticException {
    List<Diagnostic> warnings = new ArrayList<>();
    Journal journal = plan(writes, warnings);
    List<Map<String, String>> contents = new ArrayList<>();
    for (ManifestDirectory.Write write : writes) {
      Map<String, String> content = new TreeMap<>(write.files());
      content.put(ManifestDirectory.INDEX, ManifestDirectory.index(write.files().keySet()));
      contents.add(content);
      Recovery.removeOldStaging(write.directory().dir());
    }
    Transaction transaction = new Transaction(dir, journal, contents);
    try {
      transaction.run();
    } catch (IOException e) {
      undo(transaction, e);
    }
    written = true;
    transaction.cleanUp();
    return warnings;
  }

  private void undo(Transaction transaction, IOException cause) throws DiagnosticException {
    try {
      transaction.undo();
    } catch (IOException e) {
      throw error(
          displayName,
          "the write failed ("
              + IoProblem.describe(cause)
              + "), and putting the old files back failed too ("
              + IoProblem.describe(e)
              + "); the next syncgen run puts them back");
    }
    throw error(displayName, "nothing was written: " + IoProblem.describe(cause));
  }

  /**
   * The checked journal of {@code writes}: refuses what {@link ManifestDirectory} refuses, and adds
   * its warnings to {@code warnings}.
   */
  private Journal plan(List<ManifestDirectory.Write> writes, List<Diagnostic> warnings)
      throws DiagnosticException {
    List<Diagnostic> refusals = new ArrayList<>();
    List<Journal.Folder> folders = new ArrayList<>();
    Set<String> created = new LinkedHashSet<>();
    Set<Path> seen = new HashSet<>();
    for (ManifestDirectory.Write write : writes) {
      ManifestDirectory folder = write.directory();
      if (!seen.add(folder.dir().toAbsolutePath().normalize())) {
        throw new IllegalArgumentException("written twice: " + folder.displayName());
      }
      try {
        folders.add(folder.plan(dir, folders.size(), write.files(), warnings));
        created.addAll(missingFolders(folder.dir()));
      } catch (DiagnosticException e) {
        refusals.addAll(e.diagnostics());
      }
    }
    if (!refusals.isEmpty()) {
      throw new DiagnosticException(refusals);
    }
    return new Journal(List.copyOf(created), folders);
  }

  /** The folders from this directory down to {@code folder} that do not exist, outermost first. */
  private List<String> missingFolders(Path folder) {
    List<String> missing = new ArrayList<>();
    Path path = dir;
    for (Path part : dir.relativize(folder)) {
      path = path.resolve(part);
      if (!part.toString().isEmpty() && !Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
        missing.add(dir.relativize(path).toString().replace('\\', '/'));
      }
    }
    return missing;
  }

  /**
   * The folders two levels down ({@code <namespace>/<name>}) that hold an index: the app folders an
   * earlier {@code render DIR -o} wrote. Links are not followed.
   *
   * @throws DiagnosticException when the directory cannot be listed
   */
  public List<Path> appFolders() throws DiagnosticException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> indexes =
        Files.find(
            dir,
            3,
            (path, attributes) ->
                attributes.isRegularFile()
                    && path.getFileName().toString().equals(ManifestDirectory.INDEX)
                    && dir.relativize(path).getNameCount() == 3)) {
      return indexes.map(Path::getParent).sorted().toList();
    } catch (IOException e) {
      throw error(displayName, "cannot list the app folders: " + IoProblem.describe(e));
    }
  }

  /**
   * Releases the lock. When this run wrote nothing, what it created goes again: the lock file, and
   * the directory itself.
   */
  @Override
  public void close() {
    if (lock == null) {
      return;
    }
    if (!written && (lockCreated || created != null)) {
      lock.closeAndRemove();
      RootPath.removeCreated(dir, created);
    } else {
      lock.close();
    }
  }

  /** Rolls back an interrupted write and removes its staging folder. */
  private void recover() throws DiagnosticException {
    try {
      if (Recovery.recover(dir)) {
        notes.add(
            new Diagnostic(
                Location.ofFile(displayName),
                Severity.WARNING,
                "an earlier render into it was interrupted; put back the files it had changed"));
      }
    } catch (IOException e) {
      throw error(
          displayName,
          "an earlier render into it was interrupted, and putting back its files failed: "
              + IoProblem.describe(e)
              + "; fix that and run render again");
    }
  }

  static DiagnosticException error(String displayName, String message) {
    return new DiagnosticException(Diagnostic.error(Location.ofFile(displayName), message));
  }
}
