package io.syncgen.cli;

import io.syncgen.ManifestInputs;
import io.syncgen.Syncgen;
import io.syncgen.diagnostic.DiagnosticException;
import io.syncgen.validate.ReportFormat;
import io.syncgen.validate.Rule;
import io.syncgen.validate.Validator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code syncgen validate FILE|DIR...}: checks manifests (or renders and checks a descriptor)
 * against the Kubernetes schemas, Argo CD's hook rules and the Pod Security Standards.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Checks Kubernetes manifests for Argo CD: strict schemas, hook and wave rules, pod"
          + " security.",
      "Reads YAML streams and JSON; directories recursively (*.yaml, *.yml, *.json). An app"
          + " descriptor (apiVersion: syncgen/v1) is rendered and its output checked.",
      "Exit 0 without errors, 1 with errors (or warnings under --strict), 2 on usage errors."
    })
final class ValidateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @picocli.CommandLine.Mixin OverrideOptions overrideOptions = new OverrideOptions();

  @Parameters(
      arity = "1..*",
      paramLabel = "FILE|DIR",
      description = "Manifest files, directories, or an app descriptor.")
  List<Path> paths;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "text (default), json or junit.")
  String format;

  @Option(names = "--strict", description = "Fail (exit 1) on warnings too.")
  boolean strict;

  @Option(
      names = "--skip",
      paramLabel = "RULE[,RULE]",
      split = ",",
      description = "Rules not to run, by id (see the README's rule table).")
  List<String> skip = new ArrayList<>();

  @Option(
      names = "--pod-security",
      paramLabel = "LEVEL",
      defaultValue = "restricted",
      description = "Pod Security Standards profile: baseline or restricted (default).")
  String podSecurity;

  @Option(
      names = "--ignore-missing-schemas",
      description = "Let kinds without a bundled schema (custom resources) pass the schema check.")
  boolean ignoreMissingSchemas;

  @Override
  public Integer call() throws DiagnosticException {
    ReportFormat reportFormat = parseFormat();
    Validator.Options options =
        new Validator.Options(parseSkip(), parsePodSecurity(), ignoreMissingSchemas);
    ManifestInputs inputs =
        ManifestInputs.read(
            PathArguments.requireExisting(spec.commandLine(), paths),
            overrideOptions.overrides(spec.commandLine()));
    Validator.Report report = Syncgen.validate(inputs, options);
    PrintWriter out = spec.commandLine().getOut();
    out.print(reportFormat.write(report, strict));
    out.flush();
    return ReportFormat.passed(report, strict) ? ExitCode.OK : ExitCode.FINDINGS;
  }

  private ReportFormat parseFormat() {
    try {
      return ReportFormat.valueOf(format.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(
          spec.commandLine(), "--format must be text, json or junit, not '" + format + "'");
    }
  }

  private Validator.PodSecurity parsePodSecurity() {
    return switch (podSecurity) {
      case "baseline" -> Validator.PodSecurity.BASELINE;
      case "restricted" -> Validator.PodSecurity.RESTRICTED;
      default ->
          throw new ParameterException(
              spec.commandLine(),
              "--pod-security must be baseline or restricted, not '" + podSecurity + "'");
    };
  }

  private Set<Rule> parseSkip() {
    Set<Rule> rules = EnumSet.noneOf(Rule.class);
    for (String id : skip) {
      String trimmed = id.strip();
      rules.add(
          Rule.byId(trimmed)
              .orElseThrow(
                  () ->
                      new ParameterException(
                          spec.commandLine(),
                          "--skip: unknown rule '"
                              + trimmed
                              + "'; rules are: "
                              + String.join(
                                  ", ", Arrays.stream(Rule.values()).map(Rule::id).toList()))));
    }
    return rules;
  }
}
