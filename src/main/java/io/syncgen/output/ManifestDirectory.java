package io.syncgen.output;

import io.syncgen.diagnostic.Diagnostic;
import io.syncgen.diagnostic.DiagnosticException;
import io.syncgen.diagnostic.IoProblem;
import io.syncgen.diagnostic.Location;
import io.syncgen.diagnostic.Severity;
import io.syncgen.diagnostic.TextInput;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A directory of rendered files ({@code render -o DIR}, or one app's folder of {@code render DIR -o
 * out/}). Each write replaces exactly the files the previous write listed in the directory's index
 * ({@value #INDEX}) and touches nothing else; {@link OutputRoot} makes it all or nothing.
 *
 * <p>What render refuses, before anything changes: a file to write that exists and is not listed in
 * the index (syncgen did not write it); a listed name that is now a symbolic link, a directory or
 * another special file (render writes only regular files, and would destroy it); and a symbolic
 * link or a file anywhere on the way from the output directory down to this one, so that nothing is
 * written outside the output directory. A listed name render no longer writes is deleted when it is
 * still a regular file; anything else there is left alone, with a warning, and leaves the index.
 */
public final class ManifestDirectory {
  /** The index of the files the last write produced, one name a line. */
  public static final String INDEX = ".syncgen-files";

  /** The largest index read, in bytes (16 MiB): far above a line for each object of an app. */
  static final int MAX_INDEX_BYTES = 16 << 20;

  /** Staging folders of syncgen before 0.2, one per write; removed when found. */
  static final String OLD_STAGING_PREFIX = ".syncgen-staging-";

  /** Letters, digits, '.', '_' and '-', not starting with '#': no separators, spaces or breaks. */
  private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9._][A-Za-z0-9._-]*");

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
   * One directory and the files to leave in it, for {@link OutputRoot#write}.
   *
   * @param directory the directory
   * @param files file name (no path separators) to UTF-8 content
   */
  public record Write(ManifestDirectory directory, SortedMap<String, String> files) {}

  /**
   * Replaces the directory's syncgen files with {@code files}, as the only folder of its own {@link
   * OutputRoot} (locked, waiting at most {@link OutputRoot#DEFAULT_WAIT}).
   *
   * @param files file name (no path separators) to UTF-8 content
   * @return warnings about index entries left alone
   * @throws DiagnosticException when the directory cannot be written or render refuses to; the
   *     directory is then as it was
   * @throws IllegalArgumentException for a name that is not a plain file name
   */
  public List<Diagnostic> write(SortedMap<String, String> files) throws DiagnosticException {
    files.keySet().forEach(ManifestDirectory::checkName);
    try (OutputRoot root = OutputRoot.open(dir, displayName, OutputRoot.DEFAULT_WAIT)) {
      return root.write(List.of(new Write(this, files)));
    }
  }

  /**
   * What a write of {@code files} does here, checked; changes nothing.
   *
   * @param root the output directory this one is in (or is)
   * @param number the folder's number in its write
   * @throws DiagnosticException with the refusal, located at this directory or a folder above it
   */
  Journal.Folder plan(
      Path root, int number, SortedMap<String, String> files, List<Diagnostic> warnings)
      throws DiagnosticException {
    files.keySet().forEach(ManifestDirectory::checkName);
    checkFolders(root);
    Set<String> previous = previousFiles();
    List<Journal.Step> steps = new ArrayList<>();
    for (String name : files.keySet()) {
      steps.add(new Journal.Step(name, existing(name, previous), true));
    }
    for (String name : previous) {
      Path target = dir.resolve(name);
      if (files.containsKey(name)
          || isReserved(name)
          || !Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
        continue;
      }
      if (Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
        steps.add(new Journal.Step(name, true, false));
      } else {
        warnings.add(
            new Diagnostic(
                Location.ofFile(displayName),
                Severity.WARNING,
                INDEX
                    + " lists "
                    + name
                    + ", which is now a "
                    + kind(target)
                    + ", not the file syncgen wrote; left it alone and removed it from the index"));
      }
    }
    steps.add(
        new Journal.Step(INDEX, Files.exists(dir.resolve(INDEX), LinkOption.NOFOLLOW_LINKS), true));
    String relative = root.relativize(dir).toString().replace('\\', '/');
    return new Journal.Folder(number, relative.isEmpty() ? "." : relative, steps);
  }

  /** Whether {@code name} exists and may be replaced; refuses one that must not be. */
  private boolean existing(String name, Set<String> previous) throws DiagnosticException {
    Path target = dir.resolve(name);
    if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    if (!previous.contains(name)) {
      throw error(
          name
              + " exists and was not written by syncgen ("
              + INDEX
              + " does not list it), so render refuses to replace it; move it away or choose"
              + " another -o directory");
    }
    if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
      throw error(
          name
              + " is a "
              + kind(target)
              + ", not the file syncgen wrote; render writes only regular files: remove it, or"
              + " choose another -o directory");
    }
    return true;
  }

  /** Refuses a symbolic link or a file on the way from {@code root} down to this directory. */
  private void checkFolders(Path root) throws DiagnosticException {
    if (!dir.toAbsolutePath().normalize().startsWith(root.toAbsolutePath().normalize())) {
      throw new IllegalArgumentException(dir + " is not in " + root);
    }
    Path folder = root;
    for (Path part : root.relativize(dir)) {
      folder = folder.resolve(part);
      if (Files.isSymbolicLink(folder)) {
        throw new DiagnosticException(
            Diagnostic.error(
                Location.ofFile(folder.toString()),
                "is a symbolic link; render writes only into real folders below "
                    + root
                    + ", so that nothing lands outside it: replace the link by a folder, or render"
                    + " into the folder it points to"));
      }
      if (Files.exists(folder) && !Files.isDirectory(folder)) {
        throw folder.equals(dir)
            ? error("exists and is not a directory")
            : error("cannot create the directory: " + folder + " is not a directory");
      }
    }
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

  /** The index listing {@code names}. */
  static String index(Set<String> names) {
    StringBuilder out = new StringBuilder(INDEX_HEADER);
    names.forEach(n -> out.append(n).append('\n'));
    return out.toString();
  }

  /** "symbolic link", "directory" or "special file": what stands where a regular file was. */
  private static String kind(Path path) {
    if (Files.isSymbolicLink(path)) {
      return "symbolic link";
    }
    return Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS) ? "directory" : "special file";
  }

  private static void checkName(String name) {
    if (!isPlainName(name) || isReserved(name)) {
      throw new IllegalArgumentException("not a plain file name: " + name);
    }
  }

  /** The index, the lock, the journal and staging: syncgen's own names, never a rendered file. */
  private static boolean isReserved(String name) {
    return name.equals(INDEX)
        || name.equals(OutputLock.NAME)
        || name.startsWith(Journal.NAME)
        || name.startsWith(Journal.STAGING);
  }

  /** A name the one-name-a-line index stores and reads back unchanged, inside the directory. */
  static boolean isPlainName(String name) {
    return PLAIN_NAME.matcher(name).matches() && !name.equals(".") && !name.equals("..");
  }

  private DiagnosticException error(String message) {
    return new DiagnosticException(Diagnostic.error(Location.ofFile(displayName), message));
  }
}
