package io.syncgen.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
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
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "1:invalid input, failed validation or drift",
      "2:usage error",
      "3:internal error (a defect in syncgen)"
    })
final class SyncgenCommand implements Runnable {
  /**
   * The subcommands by name, in help order. {@link Main} registers them itself rather than through
   * {@code @Command(subcommands)}: picocli builds the model of every registered command at
   * start-up, so a run registers only the one it invokes (start-up is paid on every Argo CD
   * refresh), and all of them when it needs the whole tree (help, completion, a typo).
   */
  static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();

  private static Map<String, Supplier<Object>> subcommands() {
    Map<String, Supplier<Object>> commands = new LinkedHashMap<>();
    commands.put("render", RenderCommand::new);
    commands.put("validate", ValidateCommand::new);
    commands.put("plan", PlanCommand::new);
    commands.put("migrations", MigrationsCommand::new);
    commands.put("cmp", CmpCommand::new);
    commands.put("init", InitCommand::new);
    commands.put("schema", SchemaCommand::new);
    commands.put("generate-completion", HiddenGenerateCompletion::new);
    return java.util.Collections.unmodifiableMap(commands);
  }

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
