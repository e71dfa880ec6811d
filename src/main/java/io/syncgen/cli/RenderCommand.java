package io.syncgen.cli;

import io.syncgen.SelfCheck;
import io.syncgen.Syncgen;
import io.syncgen.descriptor.Overrides;
import io.syncgen.diagnostic.Diagnostic;
import io.syncgen.diagnostic.DiagnosticException;
import io.syncgen.manifest.KubernetesObject;
import io.syncgen.output.DriftCheck;
import io.syncgen.output.ManifestDirectory;
import io.syncgen.output.OutputRoot;
import io.syncgen.output.YamlStream;
import io.syncgen.render.AppSet;
import io.syncgen.render.RenderOptions;
import java.io.Console;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code syncgen render app.yaml|DIR [--env NAME] [--set PATH=VALUE]... [-o DIR [--check]]}: flags
 * only; the work is in {@link Syncgen}, {@link AppSet}, {@link OutputRoot}, {@link
 * ManifestDirectory} and {@link DriftCheck}.
 */
@Command(
    name = "render",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Renders the Argo CD manifests of an app descriptor, in sync order.",
      "Without -o, writes one YAML stream to stdout; nothing else goes to stdout."
    })
final class RenderCommand implements Callable<Integer> {
  /** Characters a POSIX shell takes literally, so a word made of them needs no quotes. */
  private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

  @Spec CommandSpec spec;

  @picocli.CommandLine.Mixin OverrideOptions overrideOptions = new OverrideOptions();

  /** Whether stdout is a terminal, for colour; tests replace it. */
  BooleanSupplier stdoutIsTerminal = RenderCommand::consoleIsTerminal;

  /** Reads an environment variable (null when unset): NO_COLOR and TERM; tests replace it. */
  UnaryOperator<String> environment = System::getenv;

  @Parameters(
      index = "0",
      paramLabel = "DESCRIPTOR",
      description = {
        "The app descriptor, such as app.yaml; or a directory: every descriptor under it,",
        "each written to DIR/<namespace>/<name>/ (_ for no namespace) with -o, all or nothing."
      })
  Path descriptor;

  @Option(
      names = {"-o", "--output-dir"},
      paramLabel = "DIR",
      description = {
        "Write one file per object, <kind>-<name>.yaml, into DIR instead of stdout.",
        "Replaces exactly the files an earlier render wrote there, all or nothing."
      })
  Path outputDir;

  @Option(
      names = "--no-validate",
      description = {
        "Skip the checks of `syncgen validate` on the rendered objects.",
        "By default render refuses (exit 1, nothing written) output with errors."
      })
  boolean noValidate;

  @Option(
      names = "--check",
      description = {
        "With -o: write nothing; compare DIR with what render would write there.",
        "Exit 0 when it is up to date; exit 1 and print a unified diff when it is not."
      })
  boolean checkOnly;

  @Override
  public Integer call() throws DiagnosticException {
    boolean many = Files.isDirectory(descriptor);
    checkUsage(many);
    SelfCheck check = noValidate ? null : SelfCheck.start();
    Overrides overrides = overrideOptions.overrides(spec.commandLine());
    List<AppSet.App> apps =
        many ? Syncgen.renderAll(descriptor, overrides) : List.of(single(overrides));
    StringBuilder stream = new StringBuilder();
    boolean valid = true;
    for (AppSet.App app : apps) {
      String objects = YamlStream.write(app.objects());
      valid &=
          check == null
              || Printing.passes(
                  check, objects, app.descriptor() + " (rendered)", spec.commandLine().getErr());
      stream.append(objects);
    }
    if (!valid) {
      return ExitCode.FINDINGS;
    }
    if (outputDir == null) {
      PrintWriter out = spec.commandLine().getOut();
      out.print(stream);
      out.flush();
      return ExitCode.OK;
    }
    return toDirectory(apps, many);
  }

  private void checkUsage(boolean many) {
    if (outputDir != null && outputDir.toString().isEmpty()) {
      throw new ParameterException(
          spec.commandLine(), "-o needs a directory name; write -o . for the current directory");
    }
    if (checkOnly && outputDir == null) {
      throw new ParameterException(
          spec.commandLine(), "--check needs -o DIR: the directory to compare with the render");
    }
    if (many && !overrideOptions.sets.isEmpty()) {
      throw new ParameterException(
          spec.commandLine(),
          "--set changes one app, so it takes a descriptor file, not a directory; use --env, or"
              + " render that descriptor on its own");
    }
  }

  /**
   * {@code -o DIR [--check]}, holding the directory's lock ({@link OutputRoot}): writes every app,
   * or compares them; prints what opening the directory found and the warnings of the write.
   */
  private int toDirectory(List<AppSet.App> apps, boolean many) throws DiagnosticException {
    PrintWriter err = spec.commandLine().getErr();
    Consumer<Diagnostic> notes = note -> err.print(note.format());
    if (checkOnly) {
      return printDrift(Syncgen.check(outputDir, apps, many, lockWait(), notes));
    }
    int count = Syncgen.write(outputDir, apps, many, lockWait(), notes);
    err.printf(
        !many
            ? "syncgen: wrote %d objects to %3$s%n"
            : apps.size() == 1
                ? "syncgen: wrote %d objects of %d app to %s%n"
                : "syncgen: wrote %d objects of %d apps to %s%n",
        count,
        apps.size(),
        outputDir);
    return ExitCode.OK;
  }

  /** {@code SYNCGEN_LOCK_WAIT}: seconds to wait for another run's lock on the output directory. */
  private Duration lockWait() {
    String value = environment.apply("SYNCGEN_LOCK_WAIT");
    if (value == null) {
      return OutputRoot.DEFAULT_WAIT;
    }
    if (!value.matches("[0-9]{1,6}")) {
      throw new ParameterException(
          spec.commandLine(),
          "SYNCGEN_LOCK_WAIT must be a whole number of seconds (got \"" + value + "\")");
    }
    return Duration.ofSeconds(Long.parseLong(value));
  }

  /** The descriptor file's one app; its namespace and name are not needed. */
  private AppSet.App single(Overrides overrides) throws DiagnosticException {
    List<KubernetesObject> objects =
        Syncgen.render(descriptor, descriptor.toString(), overrides, RenderOptions.DEFAULTS);
    return new AppSet.App(descriptor, "", "", objects);
  }

  /**
   * {@code --check}: the diffs of every directory on stdout, a one-line summary on stderr; writes
   * nothing. Every directory render would refuse to write is reported, after the diffs.
   */
  private int printDrift(Syncgen.Drift drift) throws DiagnosticException {
    List<DriftCheck.Report> reports = drift.reports();
    PrintWriter out = spec.commandLine().getOut();
    boolean colour = colour(stdoutIsTerminal.getAsBoolean(), environment);
    reports.forEach(report -> out.print(report.diff(colour)));
    out.flush();
    if (!drift.refusals().isEmpty()) {
      throw new DiagnosticException(drift.refusals());
    }
    String dir = outputDir.toString();
    String shown = dir.endsWith("/") || dir.endsWith("\\") ? dir : dir + "/";
    PrintWriter err = spec.commandLine().getErr();
    boolean upToDate = reports.stream().allMatch(DriftCheck.Report::upToDate);
    if (upToDate) {
      err.printf("syncgen: %s is up to date%n", shown);
    } else {
      err.printf(
          "syncgen: %s differs: %d changed, %d missing, %d extra; run syncgen render %s -o %s to"
              + " update%n",
          shown,
          count(reports, DriftCheck.Kind.CHANGED),
          count(reports, DriftCheck.Kind.MISSING),
          count(reports, DriftCheck.Kind.EXTRA),
          shellWord(descriptor.toString()),
          shellWord(shown));
    }
    err.flush();
    return upToDate ? ExitCode.OK : ExitCode.FINDINGS;
  }

  private static int count(List<DriftCheck.Report> reports, DriftCheck.Kind kind) {
    return reports.stream().mapToInt(r -> r.files(kind).size()).sum();
  }

  /**
   * Whether to colour the diff: only on a terminal, never when {@code NO_COLOR} is set, whatever
   * its value (https://no-color.org), and never on a terminal that declares it has no colour
   * ({@code TERM=dumb}, as git does).
   */
  static boolean colour(boolean terminal, UnaryOperator<String> environment) {
    return terminal
        && environment.apply("NO_COLOR") == null
        && !"dumb".equals(environment.apply("TERM"));
  }

  /**
   * True when the JVM has a console, that is stdin and stdout are a terminal. From Java 22 {@code
   * System.console()} may return a console for redirected streams too; {@code isTerminal()} then
   * tells them apart.
   */
  private static boolean consoleIsTerminal() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      Method isTerminal = Console.class.getMethod("isTerminal");
      return Boolean.TRUE.equals(isTerminal.invoke(console));
    } catch (NoSuchMethodException e) {
      return true; // Java 17 to 21: a console exists only on a terminal.
    } catch (ReflectiveOperationException | RuntimeException e) {
      return false;
    }
  }

  /** {@code word} as a shell reads it back: unchanged when plain, else in single quotes. */
  private static String shellWord(String word) {
    return SHELL_SAFE.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
  }
}
