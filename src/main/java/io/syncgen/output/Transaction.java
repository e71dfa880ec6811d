package io.syncgen.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One write of the folders of an output directory (the root), in the order that lets {@link
 * Journal#rollback} undo it from any point: the journal; the new folders; the new files, staged; a
 * saved version of every file to be replaced or deleted; then each file renamed into place or
 * deleted; then the journal deleted, which commits. Every step on a target is one rename or one
 * unlink, so each file is at any instant either its old or its new version.
 */
final class Transaction {
  private final Path root;
  private final Journal journal;
  private final List<Map<String, String>> contents;

  /**
   * @param root the output directory
   * @param journal what the write does
   * @param contents for each folder of the journal, in order: file name to its new content
   */
  Transaction(Path root, Journal journal, List<Map<String, String>> contents) {
    this.root = root;
    this.journal = journal;
    this.contents = List.copyOf(contents);
  }

  /** Runs the write; after an IOException the root is partly changed until {@link #undo}. */
  void run() throws IOException {
    journal.write(root);
    for (String folder : journal.created()) {
      Files.createDirectory(root.resolve(folder));
    }
    Path staging = Files.createDirectory(root.resolve(Journal.STAGING));
    for (Journal.Folder folder : journal.folders()) {
      Files.createDirectory(staging.resolve(Integer.toString(folder.number())));
    }
    forEachStep(
        (folder, step, target) -> {
          if (step.writes()) {
            String content = contents.get(folder.number()).get(step.name());
            Path staged = Journal.staged(root, folder.number(), step.name());
            Files.writeString(staged, content, StandardCharsets.UTF_8);
          }
        });
    forEachStep(
        (folder, step, target) -> {
          if (step.existed()) {
            save(target, Journal.saved(root, folder.number(), step.name()));
          }
        });
    forEachStep(
        (folder, step, target) -> {
          if (step.writes()) {
            Path staged = Journal.staged(root, folder.number(), step.name());
            Files.move(
                staged,
                target,
                StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
          } else {
            Files.delete(target);
          }
        });
    Files.delete(root.resolve(Journal.NAME));
  }

  /** What one pass does to one file: {@code target} is its place in its folder. */
  @FunctionalInterface
  private interface StepAction {
    void apply(Journal.Folder folder, Journal.Step step, Path target) throws IOException;
  }

  /** One pass over every file of every folder, in the journal's order. */
  private void forEachStep(StepAction action) throws IOException {
    for (Journal.Folder folder : journal.folders()) {
      for (Journal.Step step : folder.steps()) {
        action.apply(folder, step, folder.path(root).resolve(step.name()));
      }
    }
  }

  /** Puts the root back as it was and drops the journal; throws when it cannot. */
  void undo() throws IOException {
    journal.rollback(root);
    Files.deleteIfExists(root.resolve(Journal.NAME));
    Files.deleteIfExists(root.resolve(Journal.PARTIAL));
    deleteTree(root.resolve(Journal.STAGING));
  }

  /** Removes the staging folder after the commit; what is left, the next run removes. */
  void cleanUp() {
    try {
      deleteTree(root.resolve(Journal.STAGING));
    } catch (IOException e) {
      // Hidden, and holding no .yaml name: harmless until the next run removes it.
    }
  }

  /** Keeps the current version of {@code target}: a hard link, or a copy where links fail. */
  private static void save(Path target, Path saved) throws IOException {
    try {
      Files.createLink(saved, target);
    } catch (UnsupportedOperationException | IOException e) {
      Files.copy(target, saved, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
    }
  }

  /** Deletes {@code root} and everything in it, links not followed; nothing when it is missing. */
  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
