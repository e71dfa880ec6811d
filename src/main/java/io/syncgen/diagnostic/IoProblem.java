package io.syncgen.diagnostic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;
import java.util.Locale;
import java.util.Map;

/**
 * What a failed file operation means, in the words of the system's own messages ({@code strerror}),
 * for the user: {@code d/sub: permission denied}, never a Java class name such as {@code
 * java.nio.file.AccessDeniedException}.
 */
public final class IoProblem {
  /** The words of the failures the JDK gives a type of their own (its UnixException). */
  private static final Map<Class<? extends IOException>, String> WORDS =
      Map.of(
          NoSuchFileException.class, "no such file or directory",
          AccessDeniedException.class, "permission denied",
          NotDirectoryException.class, "not a directory",
          DirectoryNotEmptyException.class, "directory not empty",
          FileAlreadyExistsException.class, "already exists",
          NotLinkException.class, "not a symbolic link",
          FileSystemLoopException.class,
              "a symbolic link leads back to a directory that contains it",
          AtomicMoveNotSupportedException.class,
              "cannot be renamed there in one step (another file system?)");

  private IoProblem() {}

  /**
   * Describes a failure.
   *
   * @param e an {@link IOException}, or an {@link UncheckedIOException} wrapping one
   * @return {@code FILE: what happened} when the failure names a file, else {@code what happened};
   *     one line, lower case first
   */
  public static String describe(Exception e) {
    Throwable cause = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : e;
    String words = phrase(cause);
    if (cause instanceof FileSystemException fs && fs.getFile() != null) {
      String other = fs.getOtherFile() == null ? "" : " -> " + fs.getOtherFile();
      return fs.getFile() + other + ": " + words;
    }
    return words;
  }

  /**
   * What happened, without the file: for a message that already names it.
   *
   * @param e an {@link IOException}, or an {@link UncheckedIOException} wrapping one
   * @return the words, one line, lower case first
   */
  public static String words(Exception e) {
    return phrase(e instanceof UncheckedIOException unchecked ? unchecked.getCause() : e);
  }

  private static String phrase(Throwable e) {
    for (Map.Entry<Class<? extends IOException>, String> known : WORDS.entrySet()) {
      if (known.getKey().isInstance(e)) {
        return known.getValue();
      }
    }
    String reason = e instanceof FileSystemException fs ? fs.getReason() : e.getMessage();
    if (reason == null || reason.isBlank()) {
      return e instanceof FileSystemException ? "cannot be accessed" : "input/output error";
    }
    return lowerFirst(reason.strip());
  }

  private static String lowerFirst(String text) {
    return text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
  }
}
