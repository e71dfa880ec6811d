package io.syncgen.cli;

import io.syncgen.ManifestInputs;
import io.syncgen.Syncgen;
import io.syncgen.diagnostic.DiagnosticException;
import io.syncgen.plan.PlanFormat;
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
 * {@code syncgen plan FILE|DIR...}: prints the sync as Argo CD will run it, with the Argo CD
 * findings of {@code validate} next to the objects they concern.
 */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Prints the sync as Argo CD will run it: phases, waves, objects in Argo CD's order, what"
          + " each step waits for and what a failure does.",
      "Reads app descriptors (rendered first) and manifests, like validate."
    })
final class PlanCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @picocli.CommandLine.Mixin OverrideOptions overrideOptions = new OverrideOptions();

  @Parameters(
      arity = "1..*",
      paramLabel = "FILE|DIR",
      description = "An app descriptor, manifest files or directories.")
  List<Path> paths;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "text (default), json, mermaid or dot.")
  String format;

  @Override
  public Integer call() throws DiagnosticException {
    PlanFormat planFormat = parseFormat();
    ManifestInputs inputs =
        ManifestInputs.read(
            PathArguments.requireExisting(spec.commandLine(), paths),
            overrideOptions.overrides(spec.commandLine()));
    Syncgen.Plan plan = Syncgen.plan(inputs);
    PrintWriter out = spec.commandLine().getOut();
    out.print(planFormat.write(plan.plan(), plan.notes()));
    out.flush();
    if (!inputs.findings().isEmpty()) {
      PrintWriter err = spec.commandLine().getErr();
      inputs.findings().forEach(f -> err.println(f.format()));
      err.flush();
      return ExitCode.FINDINGS;
    }
    return ExitCode.OK;
  }

  private PlanFormat parseFormat() {
    try {
      return PlanFormat.valueOf(format.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(
          spec.commandLine(), "--format must be text, json, mermaid or dot, not '" + format + "'");
    }
  }
}
