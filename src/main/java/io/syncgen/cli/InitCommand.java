package io.syncgen.cli;

import io.syncgen.descriptor.DescriptorLoader;
import io.syncgen.descriptor.DescriptorSchema;
import io.syncgen.descriptor.Field;
import io.syncgen.descriptor.Format;
import io.syncgen.descriptor.Metadata;
import io.syncgen.descriptor.MigrationTool;
import io.syncgen.descriptor.ObjectNames;
import io.syncgen.descriptor.StarterDescriptor;
import io.syncgen.diagnostic.Diagnostic;
import io.syncgen.diagnostic.DiagnosticException;
import io.syncgen.output.NewFile;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code syncgen init [--tool TOOL] [--name NAME] [FILE]}: writes a commented starter descriptor
 * that renders and validates as written. Its first line points editors at the descriptor's JSON
 * Schema ({@link DescriptorSchema#URL}); the text is {@link StarterDescriptor}'s. The file is
 * written atomically ({@link NewFile}: a temporary file in the same directory, then a rename) and
 * never replaces an existing file: that is an error (exit 1) naming the file. A {@code --name} the
 * descriptor would refuse is a usage error (exit 2).
 */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Writes a commented starter app descriptor, ready for syncgen render.",
      "Its first line tells editors (VS Code and others with the YAML language server) where"
          + " the descriptor's JSON Schema is, for completion and hover docs.",
      "Never overwrites a file: an existing FILE is an error (exit 1) and stays as it was."
    })
final class InitCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--tool",
      paramLabel = "TOOL",
      defaultValue = "django",
      converter = ToolConverter.class,
      completionCandidates = ToolNames.class,
      description = {
        "Migration preset: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
        "command writes command and statusCommand placeholders to replace."
      })
  MigrationTool tool;

  @Option(
      names = "--name",
      paramLabel = "NAME",
      defaultValue = "myapp",
      description =
          "The app name, metadata.name (default: ${DEFAULT-VALUE}): lower-case letters, digits"
              + " and '-', starting with a letter.")
  String name;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "FILE",
      defaultValue = "app.yaml",
      description = "Where to write the descriptor (default: ${DEFAULT-VALUE}).")
  Path file;

  @Override
  public Integer call() throws DiagnosticException {
    checkName();
    String text = StarterDescriptor.text(tool, name);
    checkStarter(text);
    NewFile.create(
        file, text, "syncgen init never overwrites a file: move it away or name another FILE");
    spec.commandLine()
        .getErr()
        .printf(
            "syncgen: wrote %s (%s); render it with: syncgen render %s%n", file, tool.id(), file);
    return ExitCode.OK;
  }

  /**
   * Checks {@code --name} against the format the parser holds {@code metadata.name} to, read from
   * the descriptor model's annotation so the two cannot differ, and against the length its Jobs'
   * names allow (the starter renders the PostSync check, not the SyncFail alert).
   *
   * @throws ParameterException when the name does not have that format or length
   */
  private void checkName() {
    Format format =
        Arrays.stream(Metadata.class.getRecordComponents())
            .filter(c -> c.getName().equals("name"))
            .map(c -> c.getAnnotation(Field.class))
            .findFirst()
            .map(Field::format)
            .orElseThrow(() -> new IllegalStateException("Metadata has no name"));
    Optional<String> problem =
        format
            .problem(name)
            .map(p -> "metadata.name " + p + " (got '" + name + "')")
            .or(() -> new ObjectNames(name).lengthProblem(true, false, false));
    if (problem.isPresent()) {
      throw badName(problem.get());
    }
  }

  /**
   * Parses the starter as {@code render} will: with a name that passed {@link #checkName}, any
   * problem is a defect.
   */
  private void checkStarter(String text) {
    try {
      DescriptorLoader.parse(file.toString(), text);
    } catch (DiagnosticException e) {
      List<String> messages = e.diagnostics().stream().map(Diagnostic::message).toList();
      throw new IllegalStateException("the starter descriptor is invalid: " + messages, e);
    }
  }

  private ParameterException badName(String problem) {
    return new ParameterException(
        spec.commandLine(), "Invalid value for option '--name': " + problem);
  }

  /** Reads {@code --tool} by the names the descriptor uses. */
  static final class ToolConverter implements ITypeConverter<MigrationTool> {
    @Override
    public MigrationTool convert(String value) {
      try {
        return MigrationTool.of(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(
            "'" + value + "' is not a migration tool; tools are " + MigrationTool.names());
      }
    }
  }

  /** The tool names, for help and shell completion. */
  static final class ToolNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Arrays.stream(MigrationTool.values()).map(MigrationTool::id).iterator();
    }
  }
}
