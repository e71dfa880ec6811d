package io.syncgen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One render at a time in an output directory: {@code render -o out/} takes an exclusive lock on
 * {@code out/.syncgen-lock} ({@code FileChannel.lock}, an fcntl record lock on Linux), waits for it
 * at most {@code SYNCGEN_LOCK_WAIT} seconds, and then fails. The lock is held by this JVM, another
 * process than the packaged jar under test; and two real renders race into one directory.
 */
class OutputLockIT {
  private static final String LOCK = ".syncgen-lock";

  @TempDir Path tmp;

  private Path out;
  private Path v1;
  private Path v2;

  @BeforeEach
  void twoVersions() throws Exception {
    out = tmp.resolve("out");
    v1 = Files.copy(Path.of("golden/example/app.yaml"), tmp.resolve("v1.yaml"));
    String text = Files.readString(v1, StandardCharsets.UTF_8);
    v2 =
        Files.writeString(
            tmp.resolve("v2.yaml"),
            text.substring(0, text.indexOf("  syncFail:\n")).replace("replicas: 3", "replicas: 4"));
  }

  @Test
  void aRenderWaitsForTheLockAtMostTheGivenTimeThenFailsAndChangesNothing() throws Exception {
    assertThat(Run.of("render", v1.toString(), "-o", out.toString()).exitCode()).isZero();
    Map<String, String> before = FileTree.of(out);

    SyncgenProcess.Result run;
    long start = System.nanoTime();
    try (FileChannel channel = lockChannel();
        FileLock held = channel.lock()) {
      assertThat(held.isValid()).as("the test holds the lock").isTrue();
      run = render(Map.of("SYNCGEN_LOCK_WAIT", "1"), v2).finish(60);
    }
    long millis = (System.nanoTime() - start) / 1_000_000;

    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .isEqualTo(
            out
                + ": error: another syncgen run is writing here (it holds "
                + out.resolve(LOCK)
                + "); waited 1 s for it: run again when it has finished (SYNCGEN_LOCK_WAIT sets"
                + " the wait, in seconds)\n");
    assertThat(millis).as("waited about a second").isGreaterThanOrEqualTo(1000);
    assertThat(FileTree.of(out)).isEqualTo(before);
  }

  @Test
  void aRenderWaitingForTheLockWritesOnceItIsReleased() throws Exception {
    assertThat(Run.of("render", v1.toString(), "-o", out.toString()).exitCode()).isZero();
    Map<String, String> before = FileTree.of(out);

    SyncgenProcess waiting;
    try (FileChannel channel = lockChannel();
        FileLock held = channel.lock()) {
      assertThat(held.isValid()).as("the test holds the lock").isTrue();
      waiting = render(Map.of("SYNCGEN_LOCK_WAIT", "60"), v2);
      Thread.sleep(3000);
      assertThat(waiting.isAlive()).as("still waiting for the lock").isTrue();
      assertThat(FileTree.of(out)).as("nothing written while the lock is held").isEqualTo(before);
    }
    SyncgenProcess.Result run = waiting.finish(60);

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(Run.of("render", v2.toString(), "-o", out.toString(), "--check").exitCode())
        .isZero();
    assertThat(out.resolve(LOCK)).as("the lock file stays, empty").isEmptyFile();
  }

  @Test
  void rendersStartedTogetherRunOneAfterTheOther() throws Exception {
    assertThat(Run.of("render", v1.toString(), "-o", out.toString()).exitCode()).isZero();
    Map<String, String> old = FileTree.of(out);
    Path other = tmp.resolve("other");
    assertThat(Run.of("render", v2.toString(), "-o", other.toString()).exitCode()).isZero();
    Map<String, String> fresh = FileTree.of(other);

    for (int round = 0; round < 4; round++) {
      List<SyncgenProcess> renders =
          List.of(
              render(Map.of(), round % 2 == 0 ? v1 : v2),
              render(Map.of(), v2),
              render(Map.of(), v1));
      for (SyncgenProcess render : renders) {
        SyncgenProcess.Result run = render.finish(120);
        assertThat(run.exitCode()).as(run.err()).isZero();
      }
      assertThat(FileTree.of(out)).as("round %d", round).isIn(old, fresh);
    }
  }

  private FileChannel lockChannel() throws Exception {
    return FileChannel.open(
        out.resolve(LOCK),
        StandardOpenOption.CREATE,
        StandardOpenOption.READ,
        StandardOpenOption.WRITE);
  }

  private SyncgenProcess render(Map<String, String> env, Path descriptor) throws Exception {
    return SyncgenProcess.start(
        List.of(), env, "render", descriptor.toString(), "-o", out.toString(), "--no-validate");
  }
}
