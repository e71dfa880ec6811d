package io.syncgen.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.syncgen.diagnostic.Diagnostic;
import io.syncgen.diagnostic.DiagnosticException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code render -o DIR}: replaces exactly its own files, all or nothing. */
class ManifestDirectoryTest {
  @TempDir Path tmp;

  // ---- first and second write ----

  @Test
  void firstWriteCreatesTheDirectoryTheFilesAndTheIndex() throws Exception {
    Path dir = tmp.resolve("out");

    directory(dir).write(files("a.yaml", "kind: A\n", "b.yaml", "kind: B\n"));

    assertThat(dir).isDirectory();
    assertThat(dir.resolve("a.yaml")).hasContent("kind: A\n");
    assertThat(dir.resolve("b.yaml")).hasContent("kind: B\n");
    assertThat(indexed(dir)).containsExactly("a.yaml", "b.yaml");
    assertThat(names(dir))
        .containsExactly(ManifestDirectory.INDEX, OutputLock.NAME, "a.yaml", "b.yaml");
  }

  @Test
  void missingParentDirectoriesAreCreated() throws Exception {
    Path dir = tmp.resolve("a/b/c/out");

    directory(dir).write(files("a.yaml", "x\n"));

    assertThat(dir.resolve("a.yaml")).hasContent("x\n");
    assertThat(indexed(dir)).containsExactly("a.yaml");
  }

  @Test
  void writingIntoAnExistingDirectoryKeepsItsOtherFiles() throws Exception {
    Path dir = Files.createDirectory(tmp.resolve("out"));
    Files.writeString(dir.resolve("README.md"), "mine\n");

    directory(dir).write(files("a.yaml", "x\n"));

    assertThat(dir.resolve("README.md")).hasContent("mine\n");
    assertThat(indexed(dir)).containsExactly("a.yaml");
  }

  @Test
  void secondWriteReplacesChangedFilesDeletesDroppedOnesAndKeepsUserFiles() throws Exception {
    Path dir = tmp.resolve("out");
    ManifestDirectory out = directory(dir);
    out.write(files("a.yaml", "a1\n", "b.yaml", "b1\n", "c.yaml", "c1\n"));
    Files.writeString(dir.resolve("README.md"), "# my notes\n");
    Files.writeString(dir.resolve("kustomization.yaml"), "resources: []\n");
    Files.createDirectory(dir.resolve("overlays"));
    Files.writeString(dir.resolve("overlays/prod.yaml"), "prod\n");

    out.write(files("a.yaml", "a2\n", "b.yaml", "b1\n", "d.yaml", "d2\n"));

    assertThat(dir.resolve("a.yaml")).hasContent("a2\n");
    assertThat(dir.resolve("b.yaml")).hasContent("b1\n");
    assertThat(dir.resolve("c.yaml")).doesNotExist();
    assertThat(dir.resolve("d.yaml")).hasContent("d2\n");
    assertThat(dir.resolve("README.md")).hasContent("# my notes\n");
    assertThat(dir.resolve("kustomization.yaml")).hasContent("resources: []\n");
    assertThat(dir.resolve("overlays/prod.yaml")).hasContent("prod\n");
    assertThat(indexed(dir)).containsExactly("a.yaml", "b.yaml", "d.yaml");
    assertThat(names(dir))
        .containsExactly(
            ManifestDirectory.INDEX,
            OutputLock.NAME,
            "README.md",
            "a.yaml",
            "b.yaml",
            "d.yaml",
            "kustomization.yaml",
            "overlays");
  }

  @Test
  void writingNothingRemovesEveryIndexedFileButKeepsUserFiles() throws Exception {
    Path dir = tmp.resolve("out");
    ManifestDirectory out = directory(dir);
    out.write(files("a.yaml", "a\n", "b.yaml", "b\n"));
    Files.writeString(dir.resolve("README.md"), "mine\n");

    out.write(new TreeMap<>());

    assertThat(names(dir)).containsExactly(ManifestDirectory.INDEX, OutputLock.NAME, "README.md");
    assertThat(indexed(dir)).isEmpty();
  }

  @Test
  void aFileListedInTheIndexButDeletedByTheUserIsSimplyWrittenAgain() throws Exception {
    Path dir = tmp.resolve("out");
    ManifestDirectory out = directory(dir);
    out.write(files("a.yaml", "a\n", "b.yaml", "b\n"));
    Files.delete(dir.resolve("a.yaml"));

    out.write(files("a.yaml", "a2\n"));

    assertThat(dir.resolve("a.yaml")).hasContent("a2\n");
    assertThat(dir.resolve("b.yaml")).doesNotExist();
  }

  @Test
  void contentIsWrittenAsUtf8() throws Exception {
    Path dir = tmp.resolve("out");

    directory(dir).write(files("a.yaml", "name: ünïcødé 🚀\n"));

    assertThat(Files.readAllBytes(dir.resolve("a.yaml")))
        .isEqualTo("name: ünïcødé 🚀\n".getBytes(StandardCharsets.UTF_8));
  }

  // ---- refusals ----

  @Test
  void refusesToOverwriteAFileItDidNotWriteAndChangesNothing() throws Exception {
    Path dir = tmp.resolve("out");
    ManifestDirectory out = directory(dir);
    out.write(files("a.yaml", "a\n", "b.yaml", "b\n"));
    Files.writeString(dir.resolve("c.yaml"), "user's own c\n");
    Files.writeString(dir.resolve("README.md"), "mine\n");
    SortedMap<String, String> before = snapshot(dir);

    assertThatThrownBy(() -> out.write(files("a.yaml", "a2\n", "c.yaml", "c\n")))
        .isInstanceOf(DiagnosticException.class)
        .hasMessageContaining("c.yaml");

    assertThat(snapshot(dir)).isEqualTo(before);
  }

  @Test
  void refusesToOverwriteAForeignFileInADirectoryWithoutAnIndex() throws Exception {
    Path dir = Files.createDirectory(tmp.resolve("out"));
    Files.writeString(dir.resolve("deployment-app.yaml"), "hand written\n");
    SortedMap<String, String> before = snapshot(dir);

    assertThatThrownBy(
            () ->
                directory(dir).write(files("a.yaml", "a\n", "deployment-app.yaml", "generated\n")))
        .isInstanceOf(DiagnosticException.class)
        .hasMessageContaining("deployment-app.yaml");

    assertThat(snapshot(dir)).isEqualTo(before);
  }

  @Test
  void refusesToReplaceAForeignDirectoryOfTheSameName() throws Exception {
    Path dir = Files.createDirectory(tmp.resolve("out"));
    Files.createDirectory(dir.resolve("a.yaml"));
    Files.writeString(dir.resolve("a.yaml/inside"), "keep\n");
    SortedMap<String, String> before = snapshot(dir);

    assertThatThrownBy(() -> directory(dir).write(files("a.yaml", "a\n")))
        .isInstanceOf(DiagnosticException.class);

    assertThat(snapshot(dir)).isEqualTo(before);
  }

  @Test
  void targetThatIsARegularFileIsAnErrorAndNothingIsCreated() throws Exception {
    Path file = Files.writeString(tmp.resolve("out"), "not a directory\n");
    SortedMap<String, String> before = snapshot(tmp);

    assertThatThrownBy(() -> directory(file).write(files("a.yaml", "a\n")))
        .isInstanceOf(DiagnosticException.class)
        .hasMessageContaining("not a directory");

    assertThat(snapshot(tmp)).isEqualTo(before);
  }

  @Test
  void anIndexNamingAPathOutsideTheDirectoryIsAnError() throws Exception {
    Path dir = Files.createDirectory(tmp.resolve("out"));
    Files.writeString(tmp.resolve("victim.txt"), "keep\n");
    Files.writeString(dir.resolve(ManifestDirectory.INDEX), "../victim.txt\n");
    SortedMap<String, String> before = snapshot(tmp);

    assertThatThrownBy(() -> directory(dir).write(files("a.yaml", "a\n")))
        .isInstanceOf(DiagnosticException.class)
        .hasMessageContaining("../victim.txt");

    assertThat(snapshot(tmp)).isEqualTo(before);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a/b.yaml",
        "/etc/passwd",
        "../a.yaml",
        "..",
        ".",
        "a\\b.yaml",
        "",
        ManifestDirectory.INDEX,
        ".syncgen-staging-123"
      })
  void namesThatAreNotPlainFileNamesAreRejected(String name) throws Exception {
    Path dir = tmp.resolve("out");

    assertThatThrownBy(() -> directory(dir).write(files(name, "x\n", "ok.yaml", "ok\n")))
        .isInstanceOf(IllegalArgumentException.class);

    assertThat(dir).doesNotExist();
    assertThat(snapshot(tmp)).isEmpty();
  }

  // ---- failures half-way ----

  @Test
  void aDirectoryWhereTheIndexListsAFileToWriteIsRefusedBeforeAnythingChanges() throws Exception {
    Path dir = tmp.resolve("out");
    ManifestDirectory out = directory(dir);
    out.write(files("a.yaml", "a1\n", "b.yaml", "b1\n", "c.yaml", "c1\n", "z.yaml", "z1\n"));
    // The user turned an indexed name into a non-empty directory: writing z.yaml would need to
    // delete it.
    Files.delete(dir.resolve("z.yaml"));
    Files.createDirectory(dir.resolve("z.yaml"));
    Files.writeString(dir.resolve("z.yaml/keep.txt"), "keep\n");
    Files.writeString(dir.resolve("README.md"), "mine\n");
    SortedMap<String, String> before = snapshot(dir);

    assertThatThrownBy(
            () ->
                out.write(
                    files("a.yaml", "a2\n", "c.yaml", "c2\n", "d.yaml", "d2\n", "z.yaml", "z2\n")))
        .isInstanceOf(DiagnosticException.class)
        .hasMessage(
            "out: error: z.yaml is a directory, not the file syncgen wrote; render writes only"
                + " regular files: remove it, or choose another -o directory");

    assertThat(snapshot(dir)).isEqualTo(before);
    assertNoStagingLeft(dir);
  }

  @Test
  void aDirectoryWhereTheIndexListsAFileToDeleteIsLeftAloneWithAWarning() throws Exception {
    Path dir = tmp.resolve("out");
    ManifestDirectory out = directory(dir);
    out.write(files("a.yaml", "a1\n", "b.yaml", "b1\n", "m.yaml", "m1\n"));
    // m.yaml is to be removed, but it is now the user's non-empty directory.
    Files.delete(dir.resolve("m.yaml"));
    Files.createDirectory(dir.resolve("m.yaml"));
    Files.writeString(dir.resolve("m.yaml/keep.txt"), "keep\n");

    List<Diagnostic> warnings =
        out.write(files("a.yaml", "a2\n", "b.yaml", "b2\n", "c.yaml", "c\n"));

    assertThat(warnings)
        .extracting(Diagnostic::format)
        .containsExactly(
            "out: warning: .syncgen-files lists m.yaml, which is now a directory, not the file"
                + " syncgen wrote; left it alone and removed it from the index\n");
    assertThat(dir.resolve("m.yaml/keep.txt")).hasContent("keep\n");
    assertThat(indexed(dir)).containsExactly("a.yaml", "b.yaml", "c.yaml");
    assertThat(dir.resolve("a.yaml")).hasContent("a2\n");
    assertNoStagingLeft(dir);
  }

  @Test
  void failedStagingLeavesAnExistingDirectoryAsBefore() throws Exception {
    Path dir = tmp.resolve("out");
    ManifestDirectory out = directory(dir);
    out.write(files("a.yaml", "a1\n"));
    Files.writeString(dir.resolve("README.md"), "mine\n");
    SortedMap<String, String> before = snapshot(dir);

    // A name longer than the file system allows (255 bytes): staging it fails.
    assertThatThrownBy(() -> out.write(files("a.yaml", "a2\n", tooLong(), "x\n")))
        .isInstanceOf(DiagnosticException.class);

    assertThat(snapshot(dir)).isEqualTo(before);
    assertNoStagingLeft(dir);
  }

  @Test
  void readOnlyDirectoryIsAnErrorAndChangesNothing() throws Exception {
    Path dir = tmp.resolve("out");
    ManifestDirectory out = directory(dir);
    out.write(files("a.yaml", "a1\n", "b.yaml", "b1\n"));
    SortedMap<String, String> before = snapshot(dir);
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      assumeThat(Files.isWritable(dir))
          .as("permissions are not enforced (running as root)")
          .isFalse();

      assertThatThrownBy(() -> out.write(files("a.yaml", "a2\n", "c.yaml", "c\n")))
          .isInstanceOf(DiagnosticException.class);

      assertThat(snapshot(dir)).isEqualTo(before);
      assertNoStagingLeft(dir);
    } finally {
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  @Test
  void aDirectoryCreatedByAFailedWriteIsRemovedAgain() throws Exception {
    Path dir = tmp.resolve("out");

    assertThatThrownBy(() -> directory(dir).write(files("a.yaml", "a\n", tooLong(), "x\n")))
        .isInstanceOf(DiagnosticException.class)
        .hasMessageContaining("nothing was written");

    assertThat(dir).doesNotExist();
    assertThat(snapshot(tmp)).isEmpty();
  }

  @Test
  void parentDirectoriesCreatedByAFailedWriteAreRemovedAgain() throws Exception {
    Path dir = tmp.resolve("new-parent/out");

    assertThatThrownBy(() -> directory(dir).write(files("a.yaml", "a\n", tooLong(), "x\n")))
        .isInstanceOf(DiagnosticException.class);

    assertThat(snapshot(tmp)).isEmpty();
  }

  // ---- names the index cannot hold ----

  @Test
  void aNameWithALineBreakCannotMakeALaterWriteDeleteAUserFile() throws Exception {
    Path dir = Files.createDirectory(tmp.resolve("out"));
    Files.writeString(dir.resolve("README.md"), "mine\n");
    ManifestDirectory out = directory(dir);
    try {
      out.write(files("a.yaml\nREADME.md", "x\n"));
    } catch (IllegalArgumentException rejected) {
      // Rejecting such a name up front is fine too.
    }

    out.write(files("b.yaml", "b\n"));

    assertThat(dir.resolve("README.md")).hasContent("mine\n");
  }

  @Test
  void aNameWithSurroundingSpacesCannotMakeALaterWriteDeleteAUserFile() throws Exception {
    Path dir = Files.createDirectory(tmp.resolve("out"));
    Files.writeString(dir.resolve("a.yaml"), "mine\n");
    ManifestDirectory out = directory(dir);
    try {
      out.write(files(" a.yaml", "x\n"));
    } catch (IllegalArgumentException rejected) {
      // Rejecting such a name up front is fine too.
    }

    out.write(files("b.yaml", "b\n"));

    assertThat(dir.resolve("a.yaml")).hasContent("mine\n");
  }

  @Test
  void aNameStartingWithAHashIsRefusedAndNothingIsWritten() {
    // The index treats a line starting with '#' as a comment, so such a file could never be
    // listed, and a later render could not tell it from the user's.
    Path dir = tmp.resolve("out");
    ManifestDirectory out = directory(dir);
    assertThatThrownBy(() -> out.write(files("#a.yaml", "x\n")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("#a.yaml");
    assertThat(dir).doesNotExist();
  }

  // ---- helpers ----

  private static ManifestDirectory directory(Path dir) {
    return new ManifestDirectory(dir, dir.getFileName().toString());
  }

  private static SortedMap<String, String> files(String... nameThenContent) {
    SortedMap<String, String> files = new TreeMap<>();
    for (int i = 0; i < nameThenContent.length; i += 2) {
      files.put(nameThenContent[i], nameThenContent[i + 1]);
    }
    return files;
  }

  private static String tooLong() {
    return "x".repeat(300) + ".yaml";
  }

  /** The names the index lists, in file order, without its comments. */
  private static List<String> indexed(Path dir) throws IOException {
    return Files.readAllLines(dir.resolve(ManifestDirectory.INDEX), StandardCharsets.UTF_8).stream()
        .filter(line -> !line.isBlank() && !line.startsWith("#"))
        .toList();
  }

  /** The names directly in {@code dir}, sorted. */
  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> list = Files.list(dir)) {
      return list.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  /** Every path under {@code root} (hidden ones too) with its content, or "/" for a directory. */
  private static SortedMap<String, String> snapshot(Path root) throws IOException {
    SortedMap<String, String> all = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(root)) {
      paths
          .filter(p -> !p.equals(root))
          .forEach(
              p -> {
                String name = root.relativize(p).toString();
                try {
                  all.put(
                      name,
                      Files.isDirectory(p)
                          ? "/"
                          : Base64.getEncoder().encodeToString(Files.readAllBytes(p)));
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
    return all;
  }

  private static void assertNoStagingLeft(Path dir) throws IOException {
    assertThat(names(dir)).noneMatch(n -> n.startsWith(".syncgen-staging"));
    assertThat(names(dir)).doesNotContain(".syncgen-journal");
  }
}
