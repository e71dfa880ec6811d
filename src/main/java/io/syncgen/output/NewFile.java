package io.syncgen.output;

import io.syncgen.diagnostic.Diagnostic;
import io.syncgen.diagnostic.DiagnosticException;
import io.syncgen.diagnostic.IoProblem;
import io.syncgen.diagnostic.Location;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A file that must not exist yet, written whole or not at all: a temporary file in the same
 * directory, then a rename that does not replace. An existing file (a symbolic link too, even one
 * that points nowhere) is never touched.
 */
public final class NewFile {
  private NewFile() {}

  /**
   * Creates {@code file} with {@code text} (UTF-8).
   *
   * @param what how messages name the refusal's reason, such as {@code syncgen init never
   *     overwrites a file: move it away or name another FILE}
   * @throws DiagnosticException located at the file: it exists (with {@code what}), its directory
   *     does not, or it cannot be written (in words)
   */
  public static void create(Path file, String text, String what) throws DiagnosticException {
    if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      throw problem(file, "already exists; " + what);
    }
    Path temp =
        file.toAbsolutePath()
            .getParent()
            .resolve(
                "."
                    + file.getFileName()
                    + "."
                    + Long.toHexString(ThreadLocalRandom.current().nextLong())
                    + ".tmp");
    try {
      Files.writeString(
          temp,
          text,
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE);
      Files.move(temp, file);
    } catch (FileAlreadyExistsException e) {
      throw Files.exists(file, LinkOption.NOFOLLOW_LINKS)
          ? problem(file, "already exists; " + what)
          : cannotWrite(file, e);
    } catch (IOException e) {
      throw cannotWrite(file, e);
    } finally {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException e) {
        // Left behind; the error that matters has been reported.
      }
    }
  }

  private static DiagnosticException cannotWrite(Path file, IOException e) {
    // The file is new, so a missing file is a missing directory.
    return problem(
        file,
        "cannot write: "
            + (e instanceof NoSuchFileException ? "no such directory" : IoProblem.words(e)));
  }

  private static DiagnosticException problem(Path file, String message) {
    return new DiagnosticException(Diagnostic.error(Location.ofFile(file.toString()), message));
  }
}
