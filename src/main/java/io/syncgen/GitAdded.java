package io.syncgen;

import io.syncgen.diagnostic.Diagnostic;
import io.syncgen.diagnostic.DiagnosticException;
import io.syncgen.diagnostic.IoProblem;
import io.syncgen.diagnostic.Location;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Which files git says were added since a revision ({@code migrations lint --since}): committed
 * since then ({@code git diff --name-only --diff-filter=A REV}, which also sees what is staged or
 * changed in the work tree) or not yet tracked ({@code git ls-files --others --exclude-standard}).
 * Runs the {@code git} program found on the PATH, once per repository.
 */
final class GitAdded {
  private final String revision;
  private final Map<Path, Set<Path>> addedByRepository = new HashMap<>();

  GitAdded(String revision) {
    this.revision = revision;
  }

  /**
   * Whether {@code file} was added since the revision.
   *
   * @throws DiagnosticException when git is missing, the file is not in a repository, or the
   *     repository does not know the revision
   */
  boolean added(Path file) throws DiagnosticException {
    Path real;
    try {
      real = file.toRealPath();
    } catch (IOException e) {
      throw problem(file.toString(), "cannot be read: " + IoProblem.words(e));
    }
    Path top = Path.of(git(real.getParent(), "rev-parse", "--show-toplevel").strip());
    Set<Path> added = addedByRepository.get(top);
    if (added == null) {
      added = new HashSet<>();
      String diff = git(top, "diff", "--name-only", "--diff-filter=A", revision, "--");
      String untracked = git(top, "ls-files", "--others", "--exclude-standard");
      for (String line : (diff + untracked).split("\n")) {
        if (!line.isEmpty()) {
          added.add(top.resolve(line));
        }
      }
      addedByRepository.put(top, added);
    }
    return added.contains(real);
  }

  private String git(Path dir, String... args) throws DiagnosticException {
    List<String> argv = new ArrayList<>(List.of("git", "-C", dir.toString()));
    argv.addAll(List.of(args));
    try {
      Process git = new ProcessBuilder(argv).redirectErrorStream(true).start();
      String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!git.waitFor(60, TimeUnit.SECONDS) || git.exitValue() != 0) {
        String first = out.lines().findFirst().orElse("git failed");
        throw problem(dir.toString(), "--since " + revision + ": " + first);
      }
      return out;
    } catch (IOException e) {
      throw problem(dir.toString(), "--since needs git on the PATH: " + IoProblem.words(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw problem(dir.toString(), "--since: interrupted");
    }
  }

  private static DiagnosticException problem(String where, String message) {
    return new DiagnosticException(Diagnostic.error(Location.ofFile(where), message));
  }
}
