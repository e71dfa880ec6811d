package io.syncgen.cli;

import io.syncgen.descriptor.Overrides;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code --env NAME} and {@code --set PATH=VALUE}: what {@code render}, {@code validate} and {@code
 * plan} change in an app descriptor for one run (see {@link Overrides}).
 */
final class OverrideOptions {
  @Option(
      names = "--env",
      paramLabel = "NAME",
      description = {
        "Apply the environment NAME of spec.environments (such as staging or prod).",
        "An unknown NAME is an error (exit 1) listing the environments that exist."
      })
  String environment;

  @Option(
      names = "--set",
      paramLabel = "PATH=VALUE",
      description = {
        "Override one scalar field for this run, after --env (repeatable),",
        "such as --set spec.replicas=5; checked like the file."
      })
  List<String> sets = new ArrayList<>();

  /**
   * The overrides.
   *
   * @throws ParameterException (exit 2) for a {@code --set} without {@code PATH=}
   */
  Overrides overrides(CommandLine commandLine) {
    for (String set : sets) {
      if (set.indexOf('=') <= 0) {
        throw new ParameterException(
            commandLine, "--set needs PATH=VALUE, such as spec.replicas=5 (got '" + set + "')");
      }
    }
    return new Overrides(environment, sets);
  }
}
