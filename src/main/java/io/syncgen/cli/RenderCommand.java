package io.syncgen.cli;

import io.syncgen.Syncgen;
import io.syncgen.diagnostic.DiagnosticException;
import io.syncgen.manifest.KubernetesObject;
import io.syncgen.output.ManifestDirectory;
import io.syncgen.output.YamlStream;
import io.syncgen.render.RenderOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code syncgen render app.yaml [-o DIR]}: flags only; the work is in {@link Syncgen}. */
@Command(
    name = "render",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Renders the Argo CD manifests of an app descriptor, in sync order.",
      "Without -o, writes one YAML stream to stdout; nothing else goes to stdout."
    })
final class RenderCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "DESCRIPTOR",
      description = "The app descriptor, such as app.yaml.")
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

  @Override
  public Integer call() throws DiagnosticException {
    SelfCheck check = noValidate ? null : SelfCheck.start();
    List<KubernetesObject> objects =
        Syncgen.render(descriptor, descriptor.toString(), RenderOptions.DEFAULTS);
    if (objects.isEmpty()) {
      // Argo CD takes an empty stream as "no objects" and may prune the whole app.
      throw new IllegalStateException("rendered no objects");
    }
    String stream = YamlStream.write(objects);
    if (check != null
        && !check.passes(stream, descriptor + " (rendered)", spec.commandLine().getErr())) {
      return ExitCode.FINDINGS;
    }
    if (outputDir == null) {
      PrintWriter out = spec.commandLine().getOut();
      out.print(stream);
      out.flush();
      return ExitCode.OK;
    }
    SortedMap<String, String> files = new TreeMap<>();
    objects.forEach(o -> files.put(o.fileStem() + ".yaml", YamlStream.write(o)));
    new ManifestDirectory(outputDir, outputDir.toString()).write(files);
    spec.commandLine()
        .getErr()
        .printf("syncgen: wrote %d objects to %s%n", files.size(), outputDir);
    return ExitCode.OK;
  }
}
