package io.syncgen.cli;

import io.syncgen.diagnostic.Diagnostic;
import io.syncgen.diagnostic.DiagnosticException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * The entry point. {@link #run} is what tests call; only {@link #main} exits the JVM. Output is
 * UTF-8 whatever the platform's default, so the bytes do not depend on the locale.
 */
public final class Main {
  private Main() {}

  /** Runs syncgen and exits with its exit code. */
  public static void main(String... args) {
    PrintWriter out =
        new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), false);
    PrintWriter err =
        new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    int code = run(out, err, args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /**
   * Runs syncgen.
   *
   * @param out where manifests go
   * @param err where every message goes
   * @param args the command line, without the program name
   * @return the exit code: 0 success, 1 findings, 2 usage error, 3 internal error
   */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    return commandLine(new SyncgenCommand(), out, err, invoked(args)).execute(args);
  }

  /**
   * The subcommand a command line invokes when only that one needs registering: the first argument
   * that is not an option, if it names a subcommand other than generate-completion (which describes
   * the whole tree); null otherwise (no command, a typo: register all).
   */
  private static String invoked(String[] args) {
    for (String arg : args) {
      if (!arg.startsWith("-")) {
        return SyncgenCommand.SUBCOMMANDS.containsKey(arg) && !arg.equals("generate-completion")
            ? arg
            : null;
      }
    }
    return null;
  }

  /** The configured picocli command line around {@code root}, with every subcommand. */
  static CommandLine commandLine(SyncgenCommand root, PrintWriter out, PrintWriter err) {
    return commandLine(root, out, err, null);
  }

  /**
   * The configured picocli command line around {@code root}.
   *
   * @param only the one subcommand to register, or null for all of them
   */
  private static CommandLine commandLine(
      SyncgenCommand root, PrintWriter out, PrintWriter err, String only) {
    CommandLine cli = new CommandLine(root);
    SyncgenCommand.SUBCOMMANDS.forEach(
        (name, command) -> {
          if (only == null || only.equals(name)) {
            cli.addSubcommand(name, command.get());
          }
        });
    cli.setOut(out);
    cli.setErr(err);
    cli.setParameterExceptionHandler(Main::usageError);
    cli.setExecutionExceptionHandler(
        (e, command, parseResult) -> failure(e, command, root.stacktrace));
    return cli;
  }

  private static int usageError(ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    PrintWriter err = command.getErr();
    err.println("syncgen: " + e.getMessage());
    err.print(command.getHelp().synopsis(0));
    err.println(
        "Try '" + command.getCommandSpec().qualifiedName() + " --help' for more information.");
    return ExitCode.USAGE;
  }

  private static int failure(Exception e, CommandLine command, boolean stacktrace) {
    PrintWriter err = command.getErr();
    if (e instanceof DiagnosticException findings) {
      findings.diagnostics().stream().map(Diagnostic::format).forEach(err::print);
      err.flush();
      return ExitCode.FINDINGS;
    }
    err.println("syncgen: internal error: " + e);
    if (stacktrace) {
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      err.print(trace);
    } else {
      err.println(
          "This is a defect in syncgen; run again with --stacktrace and report the output.");
    }
    err.flush();
    return ExitCode.INTERNAL;
  }
}
