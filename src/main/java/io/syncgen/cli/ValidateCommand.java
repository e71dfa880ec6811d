package io.syncgen.cli;

import io.syncgen.Syncgen;
import io.syncgen.diagnostic.DiagnosticException;
import io.syncgen.manifest.KubernetesObject;
import io.syncgen.render.RenderOptions;
import io.syncgen.validate.Finding;
import io.syncgen.validate.Manifest;
import io.syncgen.validate.ManifestReader;
import io.syncgen.validate.ReportFormat;
import io.syncgen.validate.Rule;
import io.syncgen.validate.SchemaCatalog;
import io.syncgen.validate.Validator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
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
    SchemaCatalog catalog = new SchemaCatalog();
    List<Manifest> manifests = new ArrayList<>();
    List<Finding> readFindings = new ArrayList<>();
    for (Path file : files()) {
      ManifestReader.Result read = ManifestReader.read(file, file.toString());
      readFindings.addAll(read.findings());
      for (Manifest manifest : read.manifests()) {
        if (manifest.apiVersion().startsWith("syncgen/")) {
          List<KubernetesObject> objects =
              Syncgen.render(file, file.toString(), RenderOptions.DEFAULTS);
          ManifestReader.Result rendered =
              ManifestReader.parse(file + " (rendered)", Syncgen.toYaml(objects));
          manifests.addAll(rendered.manifests());
          readFindings.addAll(rendered.findings());
        } else {
          manifests.add(manifest);
        }
      }
    }
    Validator.Report report = new Validator(catalog, options).validate(manifests, readFindings);
    PrintWriter out = spec.commandLine().getOut();
    out.print(reportFormat.write(report, strict));
    out.flush();
    return ReportFormat.passed(report, strict) ? ExitCode.OK : ExitCode.FINDINGS;
  }

  /** The files to read: each named file, and each manifest file under each directory, sorted. */
  private List<Path> files() {
    List<Path> files = new ArrayList<>();
    for (Path path : paths) {
      if (Files.isDirectory(path)) {
        try (Stream<Path> walk = Files.walk(path)) {
          walk.filter(Files::isRegularFile)
              .filter(p -> isManifestName(p.getFileName().toString()))
              .filter(p -> !hidden(path.relativize(p)))
              .sorted(Comparator.comparing(Path::toString))
              .forEach(files::add);
        } catch (IOException | UncheckedIOException e) {
          throw new ParameterException(
              spec.commandLine(), "cannot read directory " + path + ": " + e.getMessage());
        }
      } else if (Files.exists(path)) {
        files.add(path);
      } else {
        throw new ParameterException(spec.commandLine(), "no such file or directory: " + path);
      }
    }
    return files;
  }

  private static boolean isManifestName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".yaml") || lower.endsWith(".yml") || lower.endsWith(".json");
  }

  /** Whether a path inside a directory has a dot-folder or dot-file in it (.git, .github). */
  private static boolean hidden(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
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
