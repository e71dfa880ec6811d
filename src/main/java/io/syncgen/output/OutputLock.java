package io.syncgen.output;

import io.syncgen.diagnostic.Diagnostic;
import io.syncgen.diagnostic.DiagnosticException;
import io.syncgen.diagnostic.IoProblem;
import io.syncgen.diagnostic.Location;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Set;

/**
 * A lock on an output directory: the file {@value #NAME} in it, locked with {@link
 * FileChannel#tryLock} (an {@code fcntl} record lock on Linux, released by the kernel when the
 * process ends, however it ends). Renders take it exclusively, {@code --check} shared.
 *
 * <p>The file stays in the directory: a lock file that is deleted after use lets a waiter lock the
 * deleted file while a newcomer locks a new one. The one exception is a directory the failed run
 * itself created, which it removes again: it first writes one byte into the lock file, and a run
 * that then locks a file holding a byte knows it was removed, and tries again.
 */
public final class OutputLock implements AutoCloseable {
  /** The lock file's name in the output directory. */
  public static final String NAME = ".syncgen-lock";

  private static final long POLL_MILLIS = 50;

  private final Path file;
  private final FileChannel channel;

  private OutputLock(Path file, FileChannel channel) {
    this.file = file;
    this.channel = channel;
  }

  /**
   * Takes the lock of {@code dir}, waiting at most {@code wait} for another run to release it.
   *
   * @param dir an existing directory; the lock file is created in it for an exclusive lock
   * @param displayName how messages name the directory
   * @param shared true for a reader's lock (the lock file must exist; it is opened read-only)
   * @throws DiagnosticException when the wait is over, or the lock file cannot be opened
   */
  public static OutputLock acquire(Path dir, String displayName, Duration wait, boolean shared)
      throws DiagnosticException {
    Path file = dir.resolve(NAME);
    long deadline = System.nanoTime() + wait.toNanos();
    try {
      while (true) {
        OutputLock lock = tryOnce(file, shared);
        if (lock != null) {
          return lock;
        }
        if (System.nanoTime() - deadline >= 0) {
          throw error(
              displayName,
              "another syncgen run is writing here (it holds "
                  + file
                  + "); waited "
                  + wait.toSeconds()
                  + " s for it: run again when it has finished (SYNCGEN_LOCK_WAIT sets the wait,"
                  + " in seconds)");
        }
        Thread.sleep(POLL_MILLIS);
      }
    } catch (IOException e) {
      throw error(displayName, "cannot lock " + file + ": " + IoProblem.describe(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw error(displayName, "interrupted while waiting for the lock " + file);
    }
  }

  /** The lock, or null when another run holds it or the file was removed under us. */
  private static OutputLock tryOnce(Path file, boolean shared) throws IOException {
    Set<OpenOption> options =
        shared
            ? Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)
            : Set.of(
                StandardOpenOption.CREATE,
                StandardOpenOption.READ,
                StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS);
    FileChannel channel;
    try {
      channel = FileChannel.open(file, options);
    } catch (NoSuchFileException e) {
      // The directory was removed by a failed first run that created it: make it again.
      Files.createDirectories(file.getParent());
      return null;
    }
    FileLock lock = null;
    try {
      lock = channel.tryLock(0, Long.MAX_VALUE, shared);
    } catch (OverlappingFileLockException e) {
      // Held by this JVM: wait as for another process.
    }
    if (lock != null && channel.size() == 0) {
      return new OutputLock(file, channel);
    }
    if (lock != null && !shared && isMarked(file)) {
      // Marked by a run that was killed before it removed the file: nobody uses it.
      Files.deleteIfExists(file);
    }
    channel.close();
    return null;
  }

  private static boolean isMarked(Path file) throws IOException {
    return Files.exists(file, LinkOption.NOFOLLOW_LINKS) && Files.size(file) > 0;
  }

  /** Releases the lock; the lock file stays. */
  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException e) {
      // Closing releases the lock whatever happens; the kernel does when the process ends.
    }
  }

  /**
   * Removes the lock file and releases the lock, before the directory is removed: the file is
   * marked first, so a run that was waiting for it knows to try again.
   */
  void closeAndRemove() {
    try {
      channel.write(ByteBuffer.wrap(new byte[] {'x'}), 0);
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // Left in place, the file only keeps its directory; the next run reuses it.
    } finally {
      close();
    }
  }

  private static DiagnosticException error(String displayName, String message) {
    return new DiagnosticException(Diagnostic.error(Location.ofFile(displayName), message));
  }
}
