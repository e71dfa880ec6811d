package io.syncgen.cli;

import io.syncgen.diagnostic.DiagnosticException;
import io.syncgen.manifest.KubernetesObject;
import io.syncgen.manifest.SchemaCatalog;
import io.syncgen.plan.PlanFormat;
import io.syncgen.plan.SyncPlan;
import io.syncgen.validate.Finding;
import io.syncgen.validate.Manifest;
import io.syncgen.validate.Rule;
import io.syncgen.validate.Validator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
            spec.commandLine(), paths, overrideOptions.overrides(spec.commandLine()));
    List<KubernetesObject> objects = new ArrayList<>();
    Map<KubernetesObject, Manifest> sources = new IdentityHashMap<>();
    for (Manifest manifest : inputs.manifests()) {
      if (!manifest.kind().isEmpty()) {
        KubernetesObject object = new KubernetesObject(manifest.object());
        objects.add(object);
        sources.put(object, manifest);
      }
    }
    Set<Rule> notArgoCd = EnumSet.noneOf(Rule.class);
    Arrays.stream(Rule.values())
        .filter(r -> r.group() != Rule.Group.ARGOCD)
        .forEach(notArgoCd::add);
    Validator.Report report =
        new Validator(
                new SchemaCatalog(),
                new Validator.Options(notArgoCd, Validator.PodSecurity.RESTRICTED, true))
            .validate(inputs.manifests(), List.of());
    SyncPlan plan = SyncPlan.of(objects);
    PrintWriter out = spec.commandLine().getOut();
    out.print(planFormat.write(plan, object -> notes(sources.get(object), report.findings())));
    out.flush();
    if (!inputs.findings().isEmpty()) {
      PrintWriter err = spec.commandLine().getErr();
      inputs.findings().forEach(f -> err.println(f.format()));
      err.flush();
      return ExitCode.FINDINGS;
    }
    return ExitCode.OK;
  }

  private static List<String> notes(Manifest manifest, List<Finding> findings) {
    List<String> notes = new ArrayList<>();
    if (manifest != null) {
      for (Finding f : findings) {
        if (manifest.owns(f)) {
          notes.add(f.severity().label() + " [" + f.rule().id() + "] " + f.message());
        }
      }
    }
    return notes;
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
