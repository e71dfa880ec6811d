package io.syncgen.cli;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The top-level {@code syncgen} command: options shared by every subcommand. */
@Command(
    name = "syncgen",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Renders Argo CD manifests that migrate a database safely before the app rolls out.",
    subcommands = {
      RenderCommand.class,
      ValidateCommand.class,
      PlanCommand.class,
      CmpCommand.class,
      InitCommand.class,
      SchemaCommand.class,
      SyncgenCommand.HiddenGenerateCompletion.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "1:invalid input, failed validation or drift",
      "2:usage error",
      "3:internal error (a defect in syncgen)"
    })
final class SyncgenCommand implements Runnable {
  @Spec CommandSpec spec;

  @Option(
      names = "--stacktrace",
      scope = ScopeType.INHERIT,
      description = "On an internal error, print the Java stack trace.")
  boolean stacktrace;

  /**
   * picocli's {@code generate-completion}, which prints the bash/zsh completion script, hidden from
   * the help: users install the committed {@code cli/completion/} scripts instead.
   */
  @Command(name = "generate-completion", hidden = true, versionProvider = VersionProvider.class)
  static final class HiddenGenerateCompletion extends AutoComplete.GenerateCompletion {}

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(), "missing command: name one, such as 'syncgen render app.yaml'");
  }
}
