package io.syncgen.output;

import io.syncgen.diagnostic.TextInput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The undo journal of a write in progress, {@value #NAME} in the output directory (the root). It is
 * written, whole and by one atomic rename, before anything else changes, and deleted once every
 * file is in place: that deletion is the commit. A journal found by the next run means the write
 * was interrupted, and {@link #rollback} puts the root back as it was.
 *
 * <p>Rolling back needs nothing but the journal and the staging folder ({@value #STAGING}): a file
 * the write replaced or deleted has its old version in the staging folder ({@code NAME.old}), made
 * before the first file was touched; a file the write created is deleted; a file without a saved
 * version that existed before was not touched yet. Each step can be repeated, so a run killed while
 * rolling back is rolled back again by the next.
 *
 * <p>Text, one entry a line: {@code mkdir REL} for a folder the write creates (outermost first),
 * {@code folder N REL} for a folder it writes ({@code .} for the root), {@code
 * create|replace|delete N NAME} for a file in folder N. Names are plain file names ({@link
 * ManifestDirectory}) and REL a relative path with '/', so a line break cannot occur in either.
 *
 * @param created the folders the write creates, relative to the root, outermost first
 * @param folders the folders it writes, numbered in order
 */
record Journal(List<String> created, List<Folder> folders) {
  /** The largest journal read, in bytes (64 MiB): a few lines for each file of every app. */
  static final int MAX_BYTES = 64 << 20;

  /** The journal's name in the root. */
  static final String NAME = ".syncgen-journal";

  /** The journal before its atomic rename; incomplete when found. */
  static final String PARTIAL = NAME + ".tmp";

  /**
   * The staging folder in the root: {@code N/NAME.new} new files, {@code N/NAME.old} saved ones. No
   * name in it ends in .yaml, .yml or .json, so {@code kubectl apply -R} (which reads only those,
   * in every folder, hidden ones too: cli-runtime's {@code ExpandPathsToFileVisitors}) never takes
   * a staged file for a manifest.
   */
  static final String STAGING = ".syncgen-staging";

  private static final String HEADER =
      "# A syncgen render in progress. If no render is running, the next one puts back what this"
          + " one changed.\n";

  /** Copies the lists. */
  Journal {
    created = List.copyOf(created);
    folders = List.copyOf(folders);
  }

  /**
   * One folder the write changes.
   *
   * @param number its staging subfolder
   * @param relative its path from the root, '/'-separated; "." for the root
   * @param steps what happens to each file
   */
  record Folder(int number, String relative, List<Step> steps) {
    /** Copies the list. */
    Folder {
      steps = List.copyOf(steps);
    }

    Path path(Path root) {
      return relative.equals(".") ? root : root.resolve(relative);
    }
  }

  /**
   * One file of a folder.
   *
   * @param name its plain file name
   * @param existed whether a file of that name was there (it is then saved first)
   * @param writes true when the new content replaces or creates it, false when it is deleted
   */
  record Step(String name, boolean existed, boolean writes) {}

  static Path staged(Path root, int folder, String name) {
    return root.resolve(STAGING).resolve(Integer.toString(folder)).resolve(name + ".new");
  }

  static Path saved(Path root, int folder, String name) {
    return root.resolve(STAGING).resolve(Integer.toString(folder)).resolve(name + ".old");
  }

  /** Writes the journal into {@code root}: all of it, or (after a kill) only a partial file. */
  void write(Path root) throws IOException {
    Path partial = root.resolve(PARTIAL);
    Files.writeString(partial, text(), StandardCharsets.UTF_8);
    Files.move(partial, root.resolve(NAME), StandardCopyOption.ATOMIC_MOVE);
  }

  /** The journal in {@code root}, or null when there is none. */
  static Journal read(Path root) throws IOException {
    byte[] bytes;
    try {
      bytes = TextInput.head(root.resolve(NAME), MAX_BYTES + 1);
    } catch (NoSuchFileException e) {
      return null;
    }
    if (bytes.length > MAX_BYTES) {
      throw new IOException(
          NAME + " is larger than " + MAX_BYTES + " bytes; syncgen writes none so large");
    }
    List<String> lines = TextInput.text(bytes).lines().toList();
    List<String> created = new ArrayList<>();
    List<String[]> heads = new ArrayList<>();
    List<List<Step>> steps = new ArrayList<>();
    for (String line : lines) {
      String[] words = line.split(" ", 3);
      if (line.startsWith("#")) {
        continue;
      } else if (words.length == 2 && words[0].equals("mkdir") && isBelow(words[1])) {
        created.add(words[1]);
      } else if (words.length == 3
          && words[0].equals("folder")
          && words[1].matches("\\d{1,6}")
          && (words[2].equals(".") || isBelow(words[2]))) {
        heads.add(words);
        steps.add(new ArrayList<>());
      } else if (words.length == 3
          && !steps.isEmpty()
          && isStep(words[0])
          && ManifestDirectory.isPlainName(words[2])) {
        Step step = new Step(words[2], !words[0].equals("create"), !words[0].equals("delete"));
        steps.get(steps.size() - 1).add(step);
      } else {
        throw new IOException(root.resolve(NAME) + ": not a syncgen journal line: " + line);
      }
    }
    List<Folder> folders = new ArrayList<>();
    for (int i = 0; i < heads.size(); i++) {
      folders.add(new Folder(Integer.parseInt(heads.get(i)[1]), heads.get(i)[2], steps.get(i)));
    }
    return new Journal(created, folders);
  }

  /**
   * Whether {@code relative} names a folder below the root: plain names joined by '/', no "." or
   * "..". A journal comes from the output directory, which may come from anyone's commit: it must
   * not make the roll-back write anywhere else.
   */
  private static boolean isBelow(String relative) {
    for (String part : relative.split("/", -1)) {
      if (!ManifestDirectory.isPlainName(part)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isStep(String word) {
    return word.equals("create") || word.equals("replace") || word.equals("delete");
  }

  private String text() {
    StringBuilder out = new StringBuilder(HEADER);
    created.forEach(rel -> out.append("mkdir ").append(rel).append('\n'));
    for (Folder folder : folders) {
      out.append("folder ").append(folder.number).append(' ').append(folder.relative).append('\n');
      for (Step step : folder.steps) {
        String op = !step.writes ? "delete" : step.existed ? "replace" : "create";
        out.append(op).append(' ').append(folder.number).append(' ').append(step.name);
        out.append('\n');
      }
    }
    return out.toString();
  }

  /** Puts every file and folder the write touched back as it was; can be repeated. */
  void rollback(Path root) throws IOException {
    if (Files.isSymbolicLink(root.resolve(STAGING))) {
      throw new IOException(root.resolve(STAGING) + " is a symbolic link, not syncgen's folder");
    }
    for (Folder folder : folders) {
      Path dir = folder.path(root);
      Path on = root;
      for (Path part : root.relativize(dir)) {
        on = on.resolve(part);
        if (Files.isSymbolicLink(on)) {
          // Replaced by a link since: putting files back would write through it.
          throw new IOException(on + " is now a symbolic link; make it a folder again");
        }
      }
      for (Step step : folder.steps) {
        Path target = dir.resolve(step.name);
        Path saved = saved(root, folder.number, step.name);
        if (Files.exists(saved, LinkOption.NOFOLLOW_LINKS)) {
          Files.move(
              saved, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } else if (!step.existed && Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
          Files.delete(target);
        }
      }
    }
    for (int i = created.size() - 1; i >= 0; i--) {
      deleteIfEmpty(root.resolve(created.get(i)));
    }
  }

  /** Deletes an empty folder; leaves one that holds anything, or that is gone. */
  static void deleteIfEmpty(Path dir) throws IOException {
    try {
      Files.deleteIfExists(dir);
    } catch (DirectoryNotEmptyException e) {
      // Something was put there: it stays.
    }
  }
}
