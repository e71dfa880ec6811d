package io.syncgen.output;

import io.syncgen.diagnostic.Diagnostic;
import io.syncgen.diagnostic.DiagnosticException;
import io.syncgen.diagnostic.IoProblem;
import io.syncgen.diagnostic.Location;
import io.syncgen.diagnostic.TextInput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A directory of rendered files ({@code render -o DIR}). Each write replaces exactly the files the
 * previous write listed in the directory's index ({@value #INDEX}) and touches nothing else. It is
 * all or nothing: new files are staged inside the directory, each target is replaced by an atomic
 * rename, and on any failure every replaced or removed file is put back. Files syncgen did not
 * write are never overwritten.
 */
public final class ManifestDirectory {
  /** The index of the files the last write produced, one name a line. */
  public static final String INDEX = ".syncgen-files";

  /** The largest index read, in bytes (16 MiB): far above a line for each object of an app. */
  static final int MAX_INDEX_BYTES = 16 << 20;

  private static final String STAGING_PREFIX = ".syncgen-staging-";

  /** Letters, digits, '.', '_' and '-', not starting with '#': no separators, spaces or breaks. */
  private static final java.util.regex.Pattern PLAIN_NAME =
      java.util.regex.Pattern.compile("[A-Za-z0-9._][A-Za-z0-9._-]*");

  private static final String INDEX_HEADER =
      "# Files written by syncgen render; the next render replaces exactly these.\n";

  private final Path dir;
  private final String displayName;

  /**
   * @param dir the directory; created when missing
   * @param displayName how messages name it (as the user gave it)
   */
  public ManifestDirectory(Path dir, String displayName) {
    this.dir = dir;
    this.displayName = displayName;
  }

  /** The directory. */
  public Path dir() {
    return dir;
  }

  /** How messages name the directory. */
  public String displayName() {
    return displayName;
  }

  /**
   * Replaces the directory's syncgen files with {@code files}.
   *
   * @param files file name (no path separators) to UTF-8 content
   * @throws DiagnosticException when the directory cannot be written, or when a file to write
   *     exists but was not written by syncgen; the directory is then as it was
   */
  public void write(SortedMap<String, String> files) throws DiagnosticException {
    writeAll(List.of(new Write(this, files)));
  }

  /**
   * One directory and the files to leave in it, for {@link #writeAll}.
   *
   * @param directory the directory
   * @param files file name (no path separators) to UTF-8 content
   */
  public record Write(ManifestDirectory directory, SortedMap<String, String> files) {}

  /**
   * Replaces the syncgen files of several directories as one transaction ({@code render DIR -o
   * out/}): every directory is checked first, then every new file is staged in its directory, then
   * the targets are replaced; on any failure every directory is put back as it was, folders this
   * call created are removed, and no directory changes.
   *
   * @param writes the directories, each at most once, and their files
   * @throws DiagnosticException naming the directory that cannot be written, or that holds a file
   *     to write which syncgen did not write; every directory is then as it was
   */
  public static void writeAll(List<Write> writes) throws DiagnosticException {
    Set<Path> seen = new java.util.HashSet<>();
    List<Pending> pending = new ArrayList<>();
    for (Write write : writes) {
      if (!seen.add(write.directory().dir.toAbsolutePath().normalize())) {
        throw new IllegalArgumentException("written twice: " + write.directory().displayName);
      }
      pending.add(write.directory().prepare(write.files()));
    }
    List<Path> created = new ArrayList<>();
    Deque<Runnable> undo = new ArrayDeque<>();
    boolean done = false;
    ManifestDirectory current = null;
    try {
      for (Pending p : pending) {
        current = p.directory;
        Path missing = firstMissing(current.dir.toAbsolutePath());
        if (missing != null) {
          created.add(missing);
        }
        try {
          Files.createDirectories(current.dir);
        } catch (IOException e) {
          throw current.error("cannot create the directory: " + IoProblem.describe(e));
        }
        p.stage();
      }
      for (Pending p : pending) {
        current = p.directory;
        p.replace(undo);
      }
      done = true;
    } catch (IOException | UncheckedIOException e) {
      throw current.error("nothing was written: " + IoProblem.describe(e));
    } finally {
      if (!done) {
        for (Runnable step : undo) {
          try {
            step.run();
          } catch (UncheckedIOException e) {
            // Keep restoring the others; the caller reports the original failure.
          }
        }
      }
      pending.forEach(Pending::unstage);
      if (!done) {
        for (int i = created.size() - 1; i >= 0; i--) {
          deleteTree(created.get(i));
        }
      }
    }
  }

  /** Checks that this directory can take {@code files}; changes nothing. */
  private Pending prepare(SortedMap<String, String> files) throws DiagnosticException {
    files.keySet().forEach(ManifestDirectory::checkName);
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw error("exists and is not a directory");
    }
    for (Path p = dir.getParent(); p != null && !Files.isDirectory(p); p = p.getParent()) {
      if (Files.exists(p)) {
        throw error("cannot create the directory: " + p + " is not a directory");
      }
    }
    Set<String> previous = previousFiles();
    for (String name : files.keySet()) {
      if (!previous.contains(name) && Files.exists(dir.resolve(name))) {
        throw error(
            name
                + " exists and was not written by syncgen; move it away or choose another -o directory");
      }
    }
    return new Pending(this, files, previous);
  }

  /** A checked write of one directory: staged, then applied, then its staging folder removed. */
  private static final class Pending {
    final ManifestDirectory directory;
    final SortedMap<String, String> files;
    final Set<String> previous;
    Path staging;

    Pending(ManifestDirectory directory, SortedMap<String, String> files, Set<String> previous) {
      this.directory = directory;
      this.files = files;
      this.previous = previous;
    }

    /** Writes the new files and index into a hidden staging folder inside the directory. */
    void stage() throws IOException {
      staging = Files.createTempDirectory(directory.dir, STAGING_PREFIX);
      Files.createDirectory(staging.resolve("backup"));
      for (var file : files.entrySet()) {
        Files.writeString(staging.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
      }
      Files.writeString(staging.resolve(INDEX), index(files.keySet()), StandardCharsets.UTF_8);
    }

    /** Moves the staged files into place, pushing onto {@code undo} how to put each one back. */
    void replace(Deque<Runnable> undo) throws IOException {
      Path backup = staging.resolve("backup");
      Set<String> touched = new LinkedHashSet<>(previous);
      touched.addAll(files.keySet());
      touched.add(INDEX);
      for (String name : touched) {
        Path target = directory.dir.resolve(name);
        if (Files.exists(target)) {
          Path saved = backup.resolve(name);
          Files.copy(target, saved, StandardCopyOption.COPY_ATTRIBUTES);
          undo.push(() -> move(saved, target));
        } else {
          undo.push(() -> delete(target));
        }
        if (files.containsKey(name) || name.equals(INDEX)) {
          move(staging.resolve(name), target);
        } else {
          delete(target);
        }
      }
    }

    void unstage() {
      if (staging != null) {
        deleteTree(staging);
      }
    }
  }

  /** The outermost missing folder on the way to {@code path}, or null when it exists. */
  private static Path firstMissing(Path path) {
    Path missing = null;
    for (Path p = path; p != null && !Files.exists(p); p = p.getParent()) {
      missing = p;
    }
    return missing;
  }

  /**
   * The files the last write listed in the directory's index ({@value #INDEX}).
   *
   * @return their names, sorted; empty when there is no index
   * @throws DiagnosticException when the index cannot be read, is larger than {@link
   *     #MAX_INDEX_BYTES} or not UTF-8, or lists something that is not a plain file name
   */
  public Set<String> previousFiles() throws DiagnosticException {
    Set<String> names = new TreeSet<>();
    for (String line : indexText().lines().toList()) {
      String name = line.strip();
      if (!name.isEmpty() && !name.startsWith("#")) {
        if (!isPlainName(name)) {
          throw error(
              INDEX
                  + " lists "
                  + name
                  + ", which is not a file name; delete the index to start afresh");
        }
        names.add(name);
      }
    }
    return names;
  }

  /** The index's text, read as a stream of at most {@link #MAX_INDEX_BYTES}; empty when absent. */
  private String indexText() throws DiagnosticException {
    try {
      byte[] bytes = TextInput.head(dir.resolve(INDEX), MAX_INDEX_BYTES + 1);
      if (bytes.length > MAX_INDEX_BYTES) {
        throw error(
            INDEX
                + " is larger than "
                + MAX_INDEX_BYTES
                + " bytes, far more than render writes; delete the index to start afresh");
      }
      return TextInput.text(bytes);
    } catch (NoSuchFileException e) {
      return "";
    } catch (CharacterCodingException e) {
      throw error(INDEX + " is not valid UTF-8 text; delete the index to start afresh");
    } catch (IOException e) {
      throw error("cannot read " + INDEX + ": " + IoProblem.words(e));
    }
  }

  private static String index(Set<String> names) {
    StringBuilder out = new StringBuilder(INDEX_HEADER);
    names.forEach(n -> out.append(n).append('\n'));
    return out.toString();
  }

  private static void checkName(String name) {
    if (!isPlainName(name) || name.equals(INDEX) || name.startsWith(STAGING_PREFIX)) {
      throw new IllegalArgumentException("not a plain file name: " + name);
    }
  }

  /** A name the one-name-a-line index stores and reads back unchanged, inside the directory. */
  private static boolean isPlainName(String name) {
    return PLAIN_NAME.matcher(name).matches() && !name.equals(".") && !name.equals("..");
  }

  private static void move(Path from, Path to) {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      List<Path> all = paths.sorted(Comparator.reverseOrder()).toList();
      for (Path p : all) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // Best effort: a leftover staging folder is hidden and ignored by the next write.
    }
  }

  private DiagnosticException error(String message) {
    return new DiagnosticException(Diagnostic.error(Location.ofFile(displayName), message));
  }
}
