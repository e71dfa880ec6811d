package io.syncgen.cli;

import io.syncgen.Syncgen;
import io.syncgen.diagnostic.DiagnosticException;
import io.syncgen.manifest.KubernetesObject;
import io.syncgen.output.ManifestDirectory;
import io.syncgen.output.YamlStream;
import io.syncgen.render.RenderOptions;
import io.syncgen.validate.SchemaCatalog;
import io.syncgen.validate.Validator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
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
    // Start-up matters (Argo CD runs this on every refresh): compile the schemas of the kinds
    // render emits on the second core while the first reads and renders the descriptor.
    FutureTask<SchemaCatalog> schemas = new FutureTask<>(RenderCommand::renderSchemas);
    if (!noValidate) {
      Thread warm = new Thread(schemas, "syncgen-schemas");
      warm.setDaemon(true);
      warm.start();
    }
    List<KubernetesObject> objects =
        Syncgen.render(descriptor, descriptor.toString(), RenderOptions.DEFAULTS);
    if (objects.isEmpty()) {
      // Argo CD takes an empty stream as "no objects" and may prune the whole app.
      throw new IllegalStateException("rendered no objects");
    }
    String stream = YamlStream.write(objects);
    if (!noValidate) {
      Validator.Report report =
          Syncgen.validate(
              stream, descriptor + " (rendered)", join(schemas), Validator.Options.defaults());
      if (!report.findings().isEmpty()) {
        PrintWriter err = spec.commandLine().getErr();
        report.findings().forEach(f -> err.println(f.format()));
        err.flush();
      }
      if (report.errors() > 0) {
        spec.commandLine()
            .getErr()
            .printf(
                "syncgen: the rendered manifests are invalid (%s); nothing was written. This is a"
                    + " bug in syncgen: please report it with the descriptor.%n",
                report.summary());
        return ExitCode.FINDINGS;
      }
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

  /** The catalog with the schemas of every kind render emits already compiled. */
  private static SchemaCatalog renderSchemas() {
    SchemaCatalog catalog = new SchemaCatalog();
    catalog.lookup("batch/v1", "Job");
    catalog.lookup("apps/v1", "Deployment");
    catalog.lookup("v1", "Service");
    return catalog;
  }

  private static SchemaCatalog join(FutureTask<SchemaCatalog> schemas) {
    try {
      return schemas.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while loading schemas", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot load the bundled schemas", e.getCause());
    }
  }
}
