package io.syncgen;

import io.syncgen.descriptor.DescriptorLoader;
import io.syncgen.descriptor.Migration;
import io.syncgen.descriptor.MigrationSql;
import io.syncgen.diagnostic.Diagnostic;
import io.syncgen.diagnostic.DiagnosticException;
import io.syncgen.diagnostic.IoProblem;
import io.syncgen.diagnostic.Location;
import io.syncgen.diagnostic.TextInput;
import io.syncgen.lint.LintFinding;
import io.syncgen.lint.LintReport;
import io.syncgen.lint.MigrationLinter;
import io.syncgen.lint.Phase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The migration SQL files under the paths a user names, in the order a tool applies them: each file
 * named is read as it is; a directory gives its {@code *.sql} files, sorted by path (Flyway's
 * {@code V<n>__} names and golang-migrate's numbered ones sort as the tools order them), without
 * golang-migrate's {@code *.down.sql} and, in a Sqitch project (a folder with {@code sqitch.plan}),
 * without its {@code revert/} and {@code verify/} scripts: what a deploy never runs. An app
 * descriptor ({@code *.yaml}, {@code *.yml}) gives its {@code migration.sql} paths, in the expand
 * phase, and its {@code migration.postDeploy.sql} paths, in the contract phase.
 *
 * @param files each file's name as the user would write it, and its text
 */
public record MigrationInputs(List<SqlFile> files) {
  /** The largest migration file read, in bytes (16 MiB). */
  static final int MAX_BYTES = 16 << 20;

  /**
   * A migration file.
   *
   * @param name the path as given, or the directory as given joined with the file's relative path
   * @param text its text
   * @param phase the phase a descriptor says it runs in, or null for the command's
   * @param lockTimeoutRendered whether the descriptor's Job sets a lock timeout, or null for the
   *     command's assumption
   */
  public record SqlFile(String name, String text, Phase phase, Boolean lockTimeoutRendered) {}

  /**
   * Only the files git says were added since {@code revision}: the migrations of this release.
   *
   * @throws DiagnosticException when git is missing, a file is outside a repository, or the
   *     revision is unknown
   */
  public MigrationInputs addedSince(String revision) throws DiagnosticException {
    GitAdded git = new GitAdded(revision);
    List<SqlFile> kept = new ArrayList<>();
    for (SqlFile file : files) {
      if (git.added(Path.of(file.name()))) {
        kept.add(file);
      }
    }
    return new MigrationInputs(kept);
  }

  /**
   * Lints every file, in the phase its descriptor gives or else in {@code phase} (see {@link
   * Syncgen#lintMigrations}).
   */
  LintReport lint(Phase phase, boolean lockTimeoutRendered) {
    List<LintFinding> findings = new ArrayList<>();
    for (SqlFile file : files) {
      Phase filePhase = file.phase() == null ? phase : file.phase();
      boolean rendered =
          file.lockTimeoutRendered() == null ? lockTimeoutRendered : file.lockTimeoutRendered();
      findings.addAll(MigrationLinter.lint(file.name(), file.text(), filePhase, rendered));
    }
    return new LintReport(files.stream().map(SqlFile::name).toList(), findings);
  }

  /** Copies the list. */
  public MigrationInputs {
    files = List.copyOf(files);
  }

  /**
   * Reads the files.
   *
   * @throws DiagnosticException when a path cannot be read, a file is not UTF-8 or exceeds {@link
   *     #MAX_BYTES}
   */
  public static MigrationInputs read(List<Path> paths) throws DiagnosticException {
    List<SqlFile> files = new ArrayList<>();
    for (Path path : paths) {
      String name = path.getFileName() == null ? "" : path.getFileName().toString();
      if (!Files.isDirectory(path) && (name.endsWith(".yaml") || name.endsWith(".yml"))) {
        descriptor(path, files);
      } else {
        read(path, new Placed(null, null, null), files);
      }
    }
    return new MigrationInputs(files);
  }

  private static void read(Path path, Placed placed, List<SqlFile> files)
      throws DiagnosticException {
    for (Path file : Files.isDirectory(path) ? sqlFiles(path, placed.sql()) : List.of(path)) {
      String name = file.toString();
      String text = TextInput.read(file, name, "migration", MAX_BYTES);
      files.add(new SqlFile(name, text, placed.phase(), placed.lockTimeoutRendered()));
    }
  }

  /** The SQL a descriptor names, each path in the phase its migration runs in. */
  private static void descriptor(Path path, List<SqlFile> files) throws DiagnosticException {
    Migration migration = DescriptorLoader.load(path, path.toString()).app().spec().migration();
    Path folder = path.toAbsolutePath().getParent();
    int before = files.size();
    boolean rendered = !migration.sessionOptions().isEmpty();
    readAll(folder, path, new Placed(Phase.EXPAND, rendered, migration.sql()), files);
    if (migration.postDeploy() != null) {
      MigrationSql post = migration.postDeploy().sql();
      readAll(folder, path, new Placed(Phase.CONTRACT, rendered, post), files);
    }
    if (files.size() == before && migration.sql() == null) {
      throw new DiagnosticException(
          Diagnostic.error(
              Location.ofFile(path.toString()),
              "names no SQL to lint: set spec.migration.sql.paths (and"
                  + " spec.migration.postDeploy.sql.paths)"));
    }
  }

  /**
   * Where SQL runs: the phase and whether its Job sets a lock timeout (null: the command's), and
   * the descriptor's {@code sql} (null for paths named on the command line).
   */
  private record Placed(Phase phase, Boolean lockTimeoutRendered, MigrationSql sql) {}

  private static void readAll(Path folder, Path descriptor, Placed placed, List<SqlFile> files)
      throws DiagnosticException {
    MigrationSql sql = placed.sql();
    if (sql == null || sql.paths() == null) {
      return;
    }
    for (String relative : sql.paths()) {
      Path path = descriptor.resolveSibling(relative);
      if (!Files.exists(folder.resolve(relative))) {
        throw new DiagnosticException(
            Diagnostic.error(
                Location.ofFile(descriptor.toString()),
                "spec.migration"
                    + (placed.phase() == Phase.CONTRACT ? ".postDeploy" : "")
                    + ".sql.paths names "
                    + relative
                    + ", which does not exist"));
      }
      read(path, placed, files);
    }
  }

  private static List<Path> sqlFiles(Path dir, MigrationSql sql) throws DiagnosticException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).filter(p -> applies(p, sql)).sorted().toList();
    } catch (IOException e) {
      throw new DiagnosticException(
          Diagnostic.error(Location.ofFile(dir.toString()), "cannot list: " + IoProblem.words(e)));
    }
  }

  /** Whether the tool applies {@code file}: by the descriptor's format, else by its name. */
  private static boolean applies(Path file, MigrationSql sql) {
    String name = file.getFileName().toString();
    Path folder = file.getParent();
    Boolean byFormat =
        sql == null ? null : sql.applies(name, folder == null ? "" : folder.getFileName() + "");
    if (byFormat != null) {
      return byFormat;
    }
    return name.endsWith(".sql") && !name.endsWith(".down.sql") && !sqitchNonDeploy(file);
  }

  /** Whether a file is a Sqitch revert or verify script: its folder's parent has sqitch.plan. */
  private static boolean sqitchNonDeploy(Path file) {
    Path folder = file.getParent();
    if (folder == null || folder.getParent() == null) {
      return false;
    }
    String name = folder.getFileName().toString();
    return (name.equals("revert") || name.equals("verify"))
        && Files.exists(folder.getParent().resolve("sqitch.plan"));
  }
}
