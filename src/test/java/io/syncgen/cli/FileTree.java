package io.syncgen.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** A directory as tests compare it: every entry below it, links not followed. */
final class FileTree {
  private FileTree() {}

  /**
   * Every entry under {@code root} by its path relative to it ('/' separated): a file's text, "/"
   * for a directory, "-> target" for a symbolic link; empty when {@code root} does not exist.
   */
  static Map<String, String> of(Path root) {
    Map<String, String> all = new TreeMap<>();
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return all;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(p -> !p.equals(root)).toList()) {
        String key = root.relativize(p).toString().replace('\\', '/');
        if (Files.isSymbolicLink(p)) {
          all.put(key, "-> " + Files.readSymbolicLink(p));
        } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
          all.put(key, "/");
        } else {
          all.put(key, Files.readString(p, StandardCharsets.UTF_8));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return all;
  }

  /** Makes {@code root} hold exactly {@code tree} (as {@link #of} reads it, without links). */
  static void restore(Path root, Map<String, String> tree) {
    try {
      delete(root);
      Files.createDirectories(root);
      for (var entry : tree.entrySet()) {
        Path p = root.resolve(entry.getKey());
        if (entry.getValue().equals("/")) {
          Files.createDirectories(p);
        } else {
          Files.createDirectories(p.getParent());
          Files.writeString(p, entry.getValue(), StandardCharsets.UTF_8);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes {@code root} and everything under it, not following links. */
  static void delete(Path root) throws IOException {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
