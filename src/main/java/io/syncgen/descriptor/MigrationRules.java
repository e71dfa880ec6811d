package io.syncgen.descriptor;

import io.syncgen.descriptor.Preset.SessionOptions;
import io.syncgen.diagnostic.Diagnostic;
import java.util.List;

/**
 * Checks of {@code spec.migration} that span several fields: a preset or a command, the status
 * command and the patterns that read it, the post-deployment migrations, the wait for the database
 * and the session options (lock and statement timeouts) the preset's tool can take.
 */
final class MigrationRules {
  /** The variable libpq reads session options from; syncgen sets it from the timeouts. */
  static final String PGOPTIONS = "PGOPTIONS";

  private final SourceMap source;
  private final List<Diagnostic> problems;

  private MigrationRules(SourceMap source, List<Diagnostic> problems) {
    this.source = source;
    this.problems = problems;
  }

  static void check(AppSpec spec, SourceMap source, List<Diagnostic> problems) {
    MigrationRules rules = new MigrationRules(source, problems);
    rules.command(spec.migration());
    rules.status(spec.migration());
    rules.waitFor(spec);
    rules.sessionOptions(spec);
  }

  private void command(Migration m) {
    boolean commandTool = m.tool() == null || m.preset() == MigrationTool.COMMAND;
    if (m.tool() == null && m.command() == null && m.args() == null) {
      error(
          "spec.migration",
          "spec.migration needs a tool (" + MigrationTool.names() + "), a command or args");
    } else if (commandTool && m.command() == null && m.args() == null) {
      error(
          "spec.migration.tool",
          "spec.migration.tool command needs spec.migration.command, the argv that applies migrations");
    } else if (!commandTool && m.command() != null) {
      error(
          "spec.migration.command",
          "spec.migration.command replaces the " + m.tool() + " preset; remove tool or command");
    }
    PostDeployMigration post = m.postDeploy();
    if (post != null && post.command() == null && post.args() == null) {
      error(
          "spec.migration.postDeploy",
          "spec.migration.postDeploy needs command or args: the argv that applies the"
              + " post-deployment migrations");
    }
    notEmpty("spec.migration.command", m.command());
  }

  private void status(Migration m) {
    notEmpty("spec.migration.statusCommand", m.statusCommand());
    StatusPatterns patterns = m.statusOutput();
    if (patterns == null) {
      return;
    }
    if (m.statusCommand() == null) {
      error(
          "spec.migration.statusOutput",
          "spec.migration.statusOutput reads the output of spec.migration.statusCommand; set"
              + " statusCommand too (a preset's own check has its patterns built in)");
    } else if (patterns.upToDate() == null && patterns.pending() == null) {
      error(
          "spec.migration.statusOutput",
          "spec.migration.statusOutput needs upToDate or pending, a shell pattern such as"
              + " \"*is up to date*\"");
    }
    blank("spec.migration.statusOutput.upToDate", patterns.upToDate());
    blank("spec.migration.statusOutput.pending", patterns.pending());
  }

  private void waitFor(AppSpec spec) {
    WaitFor wait = spec.database().waitFor();
    int deadline = spec.migration().activeDeadlineSeconds();
    if (wait != null && wait.timeoutSeconds() != null && wait.timeoutSeconds() >= deadline) {
      error(
          "spec.database.waitFor.timeoutSeconds",
          "spec.database.waitFor.timeoutSeconds must be less than spec.migration.activeDeadlineSeconds ("
              + deadline
              + "), or the Job's deadline ends the wait first (got "
              + wait.timeoutSeconds()
              + ")");
    }
  }

  /**
   * The timeouts must reach the tool: Prisma's engine reads no {@code PGOPTIONS} and syncgen cannot
   * edit a URL held in a Secret, so it says so; where syncgen sets {@code PGOPTIONS}, the
   * descriptor may not set it too.
   */
  private void sessionOptions(AppSpec spec) {
    Migration m = spec.migration();
    if (m.sessionOptions().isEmpty()) {
      return;
    }
    Preset preset = m.preset().preset();
    if (preset.sessionOptions() == SessionOptions.URL) {
      error(
          "spec.migration.lockTimeout",
          "spec.migration.lockTimeout and statementTimeout cannot reach "
              + preset.id()
              + " (it reads no PGOPTIONS, and syncgen does not edit a URL held in a Secret); set"
              + " them on the migration's database role (ALTER ROLE ... SET lock_timeout ="
              + " '5s') and write lockTimeout: 0 here (the default is 5s)");
      return;
    }
    if (preset.sessionOptions() == SessionOptions.JDBC_OPTIONS) {
      jdbcArgs("spec.migration.args", m.command() == null ? m.args() : null, preset);
      if (m.postDeploy() != null && m.postDeploy().command() == null) {
        jdbcArgs("spec.migration.postDeploy.args", m.postDeploy().args(), preset);
      }
      return;
    }
    pgoptions("spec.env", spec.env());
    pgoptions("spec.migration.env", m.env());
    if (m.postDeploy() != null) {
      pgoptions("spec.migration.postDeploy.env", m.postDeploy().env());
    }
  }

  /** A JDBC tool takes the timeouts through a wrapper of its command, which args alone lack. */
  private void jdbcArgs(String path, List<String> args, Preset preset) {
    if (args != null) {
      error(
          path,
          path
              + " keeps the image's ENTRYPOINT, so syncgen cannot add the lock and statement"
              + " timeouts to "
              + preset.connection().variable()
              + " (the JDBC driver ignores PGOPTIONS); give the command, or put"
              + " options=-c%20lock_timeout%3D5s in the URL and set spec.migration.lockTimeout: 0");
    }
  }

  private void pgoptions(String at, List<EnvVar> env) {
    for (int i = 0; env != null && i < env.size(); i++) {
      if (env.get(i).name().equals(PGOPTIONS)) {
        String path = at + "[" + i + "].name";
        error(
            path,
            path
                + " PGOPTIONS is set in the migration Jobs from spec.migration.lockTimeout and"
                + " statementTimeout; remove it here, or set both to 0 to give your own");
      }
    }
  }

  private void notEmpty(String path, List<String> argv) {
    if (argv != null && argv.isEmpty()) {
      error(path, path + " must not be empty: it is the argv to run");
    }
  }

  private void blank(String path, String pattern) {
    if (pattern != null && pattern.isBlank()) {
      error(path, path + " must not be blank: it is a shell pattern such as \"*up to date*\"");
    }
  }

  private void error(String path, String message) {
    problems.add(Diagnostic.error(source.value(path), message));
  }
}
