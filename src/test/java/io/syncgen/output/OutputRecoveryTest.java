package io.syncgen.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.syncgen.diagnostic.Diagnostic;
import io.syncgen.diagnostic.DiagnosticException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the next run finds after a write that stopped part-way, and how it puts the output back: a
 * journal (rolled back), a partial journal or a staging folder alone (removed), a marked lock file
 * (taken over), a staging folder of syncgen before 0.2 (removed). The states are made by running a
 * real {@link Transaction} that fails at a chosen step and is not undone, as a kill would leave it;
 * {@code OutputCrashIT} kills real processes at every step.
 */
class OutputRecoveryTest {
  private static final Duration WAIT = Duration.ofSeconds(2);

  @TempDir Path tmp;

  private Path out;
  private Map<String, String> before;

  @BeforeEach
  void oldState() throws Exception {
    out = tmp.resolve("out");
    new ManifestDirectory(out, "out")
        .write(files("a.yaml", "a1\n", "b.yaml", "b1\n", "c.yaml", "c1\n"));
    Files.writeString(out.resolve("README.md"), "mine\n");
    before = tree();
  }

  @Test
  void aWriteStoppedHalfWayIsRolledBackByTheNextRun() throws Exception {
    // a.yaml replaced, b.yaml deleted, c.yaml replaced, d.yaml created: the move onto d.yaml
    // fails (a directory appeared there after the checks), after a.yaml and c.yaml were replaced.
    Transaction write = transaction(files("a.yaml", "a2\n", "c.yaml", "c2\n", "d.yaml", "d2\n"));
    Files.createDirectories(out.resolve("d.yaml/in-the-way"));
    assertThatThrownBy(write::run).isInstanceOf(IOException.class);
    Files.delete(out.resolve("d.yaml/in-the-way"));
    Files.delete(out.resolve("d.yaml"));
    assertThat(out.resolve("a.yaml")).as("the state a kill would leave").hasContent("a2\n");
    assertThat(out.resolve(Journal.NAME)).exists();

    List<Diagnostic> notes;
    try (OutputRoot root = OutputRoot.open(out, "out", WAIT)) {
      notes = root.notes();
    }

    assertThat(notes)
        .extracting(Diagnostic::format)
        .containsExactly(
            "out: warning: an earlier render into it was interrupted; put back the files it had"
                + " changed\n");
    assertThat(tree()).isEqualTo(before);
  }

  @Test
  void aWriteStoppedWhileStagingIsRolledBackAndTheNewFoldersGo() throws Exception {
    Path app = out.resolve("ns/app");
    ManifestDirectory folder = new ManifestDirectory(app, "out/ns/app");
    Journal.Folder plan = folder.plan(out, 0, files("x.yaml", "x\n"), new ArrayList<>());
    Journal journal = new Journal(List.of("ns", "ns/app"), List.of(plan));
    journal.write(out);
    Files.createDirectories(app);
    Files.createDirectories(Journal.staged(out, 0, "x").getParent());
    Files.writeString(Journal.staged(out, 0, "x.yaml"), "x\n");

    try (OutputRoot root = OutputRoot.open(out, "out", WAIT)) {
      assertThat(root.notes()).hasSize(1);
    }

    assertThat(tree()).isEqualTo(before);
  }

  @Test
  void aCommittedWriteKeepsItsFilesAndLosesItsStaging() throws Exception {
    Transaction write = transaction(files("a.yaml", "a2\n"));
    write.run(); // committed; killed before the staging folder went
    Map<String, String> after = tree();
    assertThat(after).containsKey(Journal.STAGING + "/0/a.yaml.old");

    try (OutputRoot root = OutputRoot.open(out, "out", WAIT)) {
      assertThat(root.notes()).isEmpty();
    }

    Map<String, String> expected = new TreeMap<>(after);
    expected.keySet().removeIf(name -> name.startsWith(Journal.STAGING));
    assertThat(tree()).isEqualTo(expected);
    assertThat(out.resolve("a.yaml")).hasContent("a2\n");
  }

  @Test
  void aPartialJournalMeansNothingChangedAndGoes() throws Exception {
    Files.writeString(out.resolve(Journal.PARTIAL), "# A syncgen render in progress\nmkdir x\n");

    try (OutputRoot root = OutputRoot.open(out, "out", WAIT)) {
      assertThat(root.notes()).isEmpty();
    }

    assertThat(tree()).isEqualTo(before);
  }

  @Test
  void aJournalThatIsNotOneIsAnErrorAndIsKept() throws Exception {
    Files.writeString(out.resolve(Journal.NAME), "rm -rf /\n");

    assertThatThrownBy(() -> OutputRoot.open(out, "out", WAIT))
        .isInstanceOf(DiagnosticException.class)
        .hasMessage(
            "out: error: an earlier render into it was interrupted, and putting back its files"
                + " failed: "
                + out.resolve(Journal.NAME)
                + ": not a syncgen journal line: rm -rf /; fix that and run render again");
    assertThat(out.resolve(Journal.NAME)).hasContent("rm -rf /");
  }

  @Test
  void aJournalNamingAFolderOutsideTheOutputIsRefusedAndNothingMoves() throws Exception {
    Path victim = Files.createDirectories(tmp.resolve("victim"));
    Files.writeString(victim.resolve("keys"), "mine\n");
    Files.writeString(out.resolve(Journal.NAME), "folder 0 ../victim\nreplace 0 keys\n");
    Files.createDirectories(out.resolve(Journal.STAGING + "/0"));
    Files.writeString(out.resolve(Journal.STAGING + "/0/keys.old"), "attacker's\n");

    assertThatThrownBy(() -> OutputRoot.open(out, "out", WAIT))
        .isInstanceOf(DiagnosticException.class)
        .hasMessageContaining("not a syncgen journal line: folder 0 ../victim");
    assertThat(victim.resolve("keys")).hasContent("mine\n");
  }

  @Test
  void aStagingFolderThatIsALinkIsNotRolledBackFrom() throws Exception {
    Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere/0"));
    Files.writeString(elsewhere.resolve("a.yaml.old"), "secret\n");
    Files.writeString(out.resolve(Journal.NAME), "folder 0 .\nreplace 0 a.yaml\n");
    Files.createSymbolicLink(out.resolve(Journal.STAGING), elsewhere.getParent());

    assertThatThrownBy(() -> OutputRoot.open(out, "out", WAIT))
        .isInstanceOf(DiagnosticException.class)
        .hasMessageContaining("is a symbolic link, not syncgen's folder");
    assertThat(elsewhere.resolve("a.yaml.old")).hasContent("secret\n");
    assertThat(out.resolve("a.yaml")).hasContent("a1\n");
  }

  @Test
  void aLockFileMarkedByAKilledRunIsTakenOver() throws Exception {
    Files.writeString(out.resolve(OutputLock.NAME), "x");

    new ManifestDirectory(out, "out").write(files("a.yaml", "a2\n"));

    assertThat(out.resolve("a.yaml")).hasContent("a2\n");
    assertThat(out.resolve(OutputLock.NAME)).isEmptyFile();
  }

  @Test
  void aLockHeldElsewhereInThisJvmIsWaitedForThenRefused() throws Exception {
    try (OutputLock held = OutputLock.acquire(out, "out", WAIT, false)) {
      assertThat(held).as("this thread holds the lock").isNotNull();
      long start = System.nanoTime();
      assertThatThrownBy(() -> OutputLock.acquire(out, "out", Duration.ofMillis(300), false))
          .isInstanceOf(DiagnosticException.class)
          .hasMessageContaining("out: error: another syncgen run is writing here");
      assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(300_000_000L);
    }
  }

  @Test
  void stagingFoldersOfOlderVersionsGoWithTheNextWrite() throws Exception {
    Path old = Files.createDirectories(out.resolve(".syncgen-staging-123/backup"));
    Files.writeString(old.resolve("a.yaml"), "a0\n");

    new ManifestDirectory(out, "out")
        .write(files("a.yaml", "a1\n", "b.yaml", "b1\n", "c.yaml", "c1\n"));

    assertThat(tree()).isEqualTo(before);
  }

  /** A transaction that replaces {@code files} in out/, planned as {@link OutputRoot} plans it. */
  private Transaction transaction(SortedMap<String, String> files) throws Exception {
    Journal.Folder plan = new ManifestDirectory(out, "out").plan(out, 0, files, new ArrayList<>());
    Map<String, String> content = new TreeMap<>(files);
    content.put(ManifestDirectory.INDEX, ManifestDirectory.index(files.keySet()));
    return new Transaction(out, new Journal(List.of(), List.of(plan)), List.of(content));
  }

  private static SortedMap<String, String> files(String... nameThenContent) {
    SortedMap<String, String> files = new TreeMap<>();
    for (int i = 0; i < nameThenContent.length; i += 2) {
      files.put(nameThenContent[i], nameThenContent[i + 1]);
    }
    return files;
  }

  /** Every file and folder under out/, by relative path: text, or "/" for a folder. */
  private Map<String, String> tree() throws IOException {
    Map<String, String> all = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(out)) {
      for (Path p : walk.filter(p -> !p.equals(out)).toList()) {
        String key = out.relativize(p).toString();
        all.put(key, Files.isDirectory(p) ? "/" : Files.readString(p, StandardCharsets.UTF_8));
      }
    }
    return all;
  }
}
