package io.syncgen.cli;

import io.syncgen.descriptor.DescriptorSchema;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code syncgen schema}: prints the descriptor's JSON Schema; the work is in DescriptorSchema. */
@Command(
    name = "schema",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Prints the JSON Schema (draft 2020-12) of the app descriptor to stdout.",
      "Editors use it for completion, hover docs and checks as you type; the descriptors that"
          + " syncgen init writes point to it. It is generated from the model the parser reads."
    })
final class SchemaCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    out.print(DescriptorSchema.json());
    out.flush();
    return ExitCode.OK;
  }
}
