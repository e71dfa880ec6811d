package io.syncgen.cli;

import io.syncgen.diagnostic.Diagnostic;
import io.syncgen.diagnostic.DiagnosticException;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/**
 * The entry point. {@link #run} is what tests call; only {@link #main} exits the JVM. Output is
 * UTF-8 whatever the platform's default, so the bytes do not depend on the locale.
 */
public final class Main {
  private Main() {}

  /**
   * Runs syncgen and exits with its exit code. stdout and stderr are written through their file
   * descriptors, not {@link System#out}: a {@link java.io.PrintStream} swallows write errors, and a
   * full disk, a closed pipe or a closed descriptor must not pass for a complete output.
   */
  public static void main(String... args) {
    PrintWriter out = writer(FileDescriptor.out, false);
    PrintWriter err = writer(FileDescriptor.err, true);
    System.exit(run(out, err, args));
  }

  private static PrintWriter writer(FileDescriptor fd, boolean autoFlush) {
    return new PrintWriter(
        new OutputStreamWriter(new FileOutputStream(fd), StandardCharsets.UTF_8), autoFlush);
  }

  /**
   * Runs syncgen, then flushes both writers. A JVM {@link Error} (a stack overflow, memory
   * exhausted) is reported in one line with exit code 3, its stack trace only under {@code
   * --stacktrace}.
   *
   * @param out where manifests go
   * @param err where every message goes
   * @param args the command line, without the program name
   * @return the exit code: 0 success, 1 findings, 2 usage error, 3 internal error; at least 1 when
   *     {@code out} or {@code err} reports a failed write ({@link PrintWriter#checkError()}), so an
   *     output cut short is never taken for a whole one
   */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    SyncgenCommand root = new SyncgenCommand();
    return execute(commandLine(root, out, err, invoked(args)), root, args);
  }

  /** Runs a configured command line: what {@link #run} does, for tests with extra commands. */
  static int execute(CommandLine cli, SyncgenCommand root, String... args) {
    int code;
    try {
      code = cli.execute(args);
    } catch (Error e) {
      code = failure(e, cli.getErr(), root.stacktrace);
    }
    return Math.max(code, outputFailure(cli.getOut(), cli.getErr()));
  }

  /**
   * 1 when a write to stdout or stderr failed (the writer flushes and reports it), after saying so
   * on stderr, which may itself be what failed; 0 when both were written whole.
   */
  private static int outputFailure(PrintWriter out, PrintWriter err) {
    boolean outFailed = out.checkError();
    if (outFailed) {
      err.println(
          "syncgen: error: standard output could not be written (a full disk, a closed pipe or a"
              + " closed descriptor): the output is incomplete");
    }
    return err.checkError() || outFailed ? ExitCode.FINDINGS : ExitCode.OK;
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
    cli.registerConverter(Path.class, Main::path);
    cli.setOut(out);
    cli.setErr(err);
    cli.setParameterExceptionHandler(Main::usageError);
    cli.setExecutionExceptionHandler(
        (e, command, parseResult) -> failure(e, command, root.stacktrace));
    return cli;
  }

  /**
   * A path argument. Java decodes arguments with the locale's character set: under an ASCII locale
   * (LC_ALL=C) a non-ASCII name arrives undecodable, and the message says which locale to use.
   */
  private static Path path(String value) {
    try {
      return Path.of(value);
    } catch (InvalidPathException e) {
      throw new TypeConversionException(
          value.indexOf('\0') >= 0
              ? "a path cannot contain a NUL character"
              : "'"
                  + value
                  + "' is not a path this locale's character set ("
                  + System.getProperty("sun.jnu.encoding")
                  + ") can name; run syncgen under a UTF-8 locale, such as LC_ALL=C.UTF-8 (the"
                  + " cli/syncgen launcher does)");
    }
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
    return failure(e, err, stacktrace);
  }

  /** An internal error: one line, then the stack trace or the advice to ask for it; exit 3. */
  private static int failure(Throwable e, PrintWriter err, boolean stacktrace) {
    err.println("syncgen: internal error: " + e);
    if (stacktrace) {
      e.printStackTrace(err); // asked for with --stacktrace only
    } else {
      err.println(
          "This is a defect in syncgen; run again with --stacktrace and report the output.");
    }
    err.flush();
    return ExitCode.INTERNAL;
  }
}
