package io.syncgen.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code syncgen migrations}: commands about the migrations themselves; {@code lint} for now. */
@Command(
    name = "migrations",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    subcommands = MigrationsLintCommand.class,
    description = "Checks migration SQL: see syncgen migrations lint --help.")
final class MigrationsCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "name a subcommand: lint");
  }
}
