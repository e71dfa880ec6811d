package io.syncgen.cli;

import io.syncgen.SelfCheck;
import io.syncgen.descriptor.AppDescriptor;
import io.syncgen.descriptor.DescriptorLoader;
import io.syncgen.descriptor.Discovery;
import io.syncgen.descriptor.LoadedDescriptor;
import io.syncgen.diagnostic.DiagnosticException;
import io.syncgen.manifest.KubernetesObject;
import io.syncgen.output.YamlStream;
import io.syncgen.plugin.ParameterAnnouncements;
import io.syncgen.plugin.PluginEnvironment;
import io.syncgen.plugin.Rendering;
import io.syncgen.render.Renderer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code syncgen cmp ...}: the commands the Argo CD Config Management Plugin runs (see
 * cli/plugin.yaml). They work on the current directory, the fresh copy of the app's source that the
 * repo server gives the plugin, and read the environment it sets.
 */
@Command(
    name = "cmp",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Commands run by the Argo CD Config Management Plugin (cli/plugin.yaml).",
    subcommands = {
      CmpCommand.Generate.class,
      CmpCommand.Parameters.class,
      CmpCommand.Discover.class
    })
final class CmpCommand implements Runnable {
  /** The environment; tests replace it. */
  static Supplier<Map<String, String>> environment = System::getenv;

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }

  /** Shared option: the source directory. */
  static final class Directory {
    @Option(
        names = "--dir",
        paramLabel = "DIR",
        defaultValue = ".",
        description = "The app's source directory (default: the current directory).")
    Path dir;
  }

  /** {@code syncgen cmp generate}: the manifests, on stdout, as the repo server expects. */
  @Command(
      name = "generate",
      mixinStandardHelpOptions = true,
      versionProvider = VersionProvider.class,
      description = {
        "Renders the directory's app descriptor with the Application's overrides.",
        "stdout holds only the YAML stream; on any error nothing goes to stdout and the exit code"
            + " is not 0."
      })
  static final class Generate implements Callable<Integer> {
    @Spec CommandSpec spec;

    @picocli.CommandLine.Mixin Directory directory = new Directory();

    @Override
    public Integer call() throws DiagnosticException {
      SelfCheck check = SelfCheck.start();
      PluginEnvironment env = PluginEnvironment.read(environment.get());
      Discovery.Candidate descriptor = Discovery.descriptor(directory.dir);
      String name = descriptor.file().getFileName().toString();
      LoadedDescriptor loaded = DescriptorLoader.load(descriptor, name);
      Rendering rendering = env.prepare(loaded);
      List<KubernetesObject> objects =
          Renderer.render(rendering.app(), loaded.source(), rendering.options());
      String stream = YamlStream.write(objects);
      if (!Printing.passes(check, stream, name + " (rendered)", spec.commandLine().getErr())) {
        return ExitCode.FINDINGS;
      }
      PrintWriter out = spec.commandLine().getOut();
      out.print(stream);
      out.flush();
      return ExitCode.OK;
    }
  }

  /**
   * {@code syncgen cmp parameters}: the JSON array of parameter announcements Argo CD shows, with
   * the descriptor's current values as defaults.
   */
  @Command(
      name = "parameters",
      mixinStandardHelpOptions = true,
      versionProvider = VersionProvider.class,
      description =
          "Prints the plugin's parameter announcements (JSON), for plugin.yaml's dynamic.")
  static final class Parameters implements Callable<Integer> {
    @Spec CommandSpec spec;

    @picocli.CommandLine.Mixin Directory directory = new Directory();

    @Override
    public Integer call() throws Exception {
      Discovery.Candidate descriptor = Discovery.descriptor(directory.dir);
      AppDescriptor app =
          DescriptorLoader.load(descriptor, descriptor.file().getFileName().toString()).app();
      PrintWriter out = spec.commandLine().getOut();
      out.println(ParameterAnnouncements.json(app));
      out.flush();
      return ExitCode.OK;
    }
  }

  /**
   * {@code syncgen cmp discover}: prints the descriptor's file name when the directory holds
   * exactly one, nothing otherwise (Argo CD's {@code discover.find.command}: output means match).
   */
  @Command(
      name = "discover",
      mixinStandardHelpOptions = true,
      versionProvider = VersionProvider.class,
      description = "Prints the app descriptor's name if the directory holds one; else nothing.")
  static final class Discover implements Callable<Integer> {
    @Spec CommandSpec spec;

    @picocli.CommandLine.Mixin Directory directory = new Directory();

    @Override
    public Integer call() {
      List<Path> found = Discovery.descriptors(directory.dir);
      if (found.size() == 1) {
        PrintWriter out = spec.commandLine().getOut();
        out.println(found.get(0).getFileName());
        out.flush();
      }
      return ExitCode.OK;
    }
  }
}
