package io.syncgen.cli;

import io.syncgen.MigrationInputs;
import io.syncgen.Syncgen;
import io.syncgen.diagnostic.DiagnosticException;
import io.syncgen.lint.LintFormat;
import io.syncgen.lint.LintReport;
import io.syncgen.lint.Phase;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code syncgen migrations lint PATH...}: checks migration SQL against the release phase it runs
 * in; the work is in {@link Syncgen#lintMigrations}.
 */
@Command(
    name = "lint",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Checks migration SQL against the phase it runs in: expand (before the new code, the"
          + " PreSync migration) or contract (once no old code runs).",
      "Reads SQL files, or directories of them (Flyway V*__*.sql, golang-migrate *.up.sql,"
          + " goose and dbmate up sections, Sqitch deploy/); a captured SQL file (Django's"
          + " sqlmigrate output) too.",
      "-- syncgen:allow <rule> <reason> on the line before a statement turns one finding off.",
      "Exit 0 without errors, 1 with errors (or warnings under --strict), 2 on usage errors."
    })
final class MigrationsLintCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "SQL files or directories.")
  List<Path> paths;

  @Option(
      names = "--phase",
      paramLabel = "PHASE",
      defaultValue = "expand",
      completionCandidates = PhaseNames.class,
      description = "expand (default) or contract.")
  String phase;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      completionCandidates = FormatNames.class,
      description = "text (default), json, sarif (GitHub code scanning) or junit.")
  String format;

  @Option(
      names = "--since",
      paramLabel = "GIT_REF",
      description =
          "Lint only the files git says were added since this revision (committed since, staged"
              + " or untracked): the migrations of this release.")
  String since;

  @Option(
      names = "--no-lock-timeout",
      description =
          "The files' runner sets no lock timeout (syncgen's Jobs set migration.lockTimeout,"
              + " 5s by default): a statement that takes ACCESS EXCLUSIVE then needs SET"
              + " lock_timeout before it in the file.")
  boolean noLockTimeout;

  @Option(
      names = "--strict",
      description = "Fail (exit 1) on warnings too, such as statements not analysed.")
  boolean strict;

  /** The phases, for shell completion. */
  static final class PhaseNames extends java.util.ArrayList<String> {
    private static final long serialVersionUID = 1L;

    PhaseNames() {
      super(List.of("expand", "contract"));
    }
  }

  /** The formats, for shell completion. */
  static final class FormatNames extends java.util.ArrayList<String> {
    private static final long serialVersionUID = 1L;

    FormatNames() {
      super(List.of("text", "json", "sarif", "junit"));
    }
  }

  @Override
  public Integer call() throws DiagnosticException {
    Phase linted = choice(Phase.class, "--phase", phase, "expand or contract");
    LintFormat lintFormat =
        choice(LintFormat.class, "--format", format, "text, json, sarif or junit");
    MigrationInputs inputs =
        MigrationInputs.read(PathArguments.requireExisting(spec.commandLine(), paths));
    if (since != null) {
      inputs = inputs.addedSince(since);
    }
    LintReport report = Syncgen.lintMigrations(inputs, linted, !noLockTimeout);
    PrintWriter out = spec.commandLine().getOut();
    out.print(lintFormat.write(report));
    out.flush();
    return report.passed(strict) ? ExitCode.OK : ExitCode.FINDINGS;
  }

  private <E extends Enum<E>> E choice(Class<E> type, String option, String value, String words) {
    try {
      return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(
          spec.commandLine(), option + " must be " + words + ", not '" + value + "'");
    }
  }
}
