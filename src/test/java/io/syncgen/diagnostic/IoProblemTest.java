package io.syncgen.diagnostic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import org.junit.jupiter.api.Test;

/**
 * The words of each kind of I/O failure, with the file it names: the JDK's exceptions as its Unix
 * file system raises them (a type per errno it knows, else the strerror text as the reason).
 */
class IoProblemTest {
  @Test
  void typedFailuresAreNamedInWords() {
    assertThat(IoProblem.describe(new AccessDeniedException("d/sub")))
        .isEqualTo("d/sub: permission denied");
    assertThat(IoProblem.describe(new NoSuchFileException("/proc/x")))
        .isEqualTo("/proc/x: no such file or directory");
    assertThat(IoProblem.describe(new NotDirectoryException("a.yaml/x")))
        .isEqualTo("a.yaml/x: not a directory");
    assertThat(IoProblem.describe(new FileSystemLoopException("d/loop")))
        .isEqualTo("d/loop: a symbolic link leads back to a directory that contains it");
  }

  @Test
  void otherFailuresUseTheSystemsReason() {
    assertThat(IoProblem.describe(new FileSystemException("out", null, "Read-only file system")))
        .isEqualTo("out: read-only file system");
    assertThat(IoProblem.describe(new FileSystemException("a", "b", "No space left on device")))
        .isEqualTo("a -> b: no space left on device");
    assertThat(IoProblem.describe(new IOException("Is a directory"))).isEqualTo("is a directory");
    assertThat(IoProblem.describe(new IOException())).isEqualTo("input/output error");
    assertThat(IoProblem.describe(new FileSystemException("x"))).isEqualTo("x: cannot be accessed");
  }

  @Test
  void wordsLeaveTheFileOutAndUncheckedFailuresAreUnwrapped() {
    UncheckedIOException wrapped = new UncheckedIOException(new AccessDeniedException("d/sub"));
    assertThat(IoProblem.describe(wrapped)).isEqualTo("d/sub: permission denied");
    assertThat(IoProblem.words(wrapped)).isEqualTo("permission denied");
    assertThat(IoProblem.words(new NoSuchFileException("x")))
        .isEqualTo("no such file or directory");
  }
}
