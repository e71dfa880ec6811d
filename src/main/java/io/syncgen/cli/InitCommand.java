package io.syncgen.cli;

import io.syncgen.descriptor.DescriptorLoader;
import io.syncgen.descriptor.DescriptorSchema;
import io.syncgen.descriptor.Field;
import io.syncgen.descriptor.Format;
import io.syncgen.descriptor.Metadata;
import io.syncgen.descriptor.MigrationTool;
import io.syncgen.diagnostic.Diagnostic;
import io.syncgen.diagnostic.DiagnosticException;
import io.syncgen.diagnostic.Location;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;
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
 * Schema ({@link DescriptorSchema#URL}). The file is written atomically (a temporary file in the
 * same directory, then a rename) and never replaces an existing file: that is an error (exit 1)
 * naming the file. A {@code --name} the descriptor would refuse is a usage error (exit 2).
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
  /** The first line of every starter: the YAML language server's schema association. */
  static final String SCHEMA_LINE = "# yaml-language-server: $schema=" + DescriptorSchema.URL;

  /**
   * The descriptor after {@link #SCHEMA_LINE}; {@code {app}} is the quoted-if-needed name, {@code
   * {name}} the bare name, {@code {migration}} the tool's lines.
   */
  private static final String TEMPLATE =
      """
      # A syncgen app descriptor. `syncgen render` turns it into the Argo CD manifests that
      # migrate the database in a PreSync hook Job before the app rolls out, then check the
      # rollout in a PostSync hook Job. Your editor shows what each field does and its default
      # (from the schema named on the first line; `syncgen schema` prints it).
      apiVersion: syncgen/v1
      kind: App
      metadata:
        # The Deployment and Service take this name; the Jobs add -db-migrate,
        # -post-deploy-check and -sync-fail-alert.
        name: {app}
        # Remove it to use the namespace of the Argo CD Application's destination.
        namespace: {app}
      spec:
        # The app's image. The migration and its status check run this very reference; pin a tag.
        image: registry.example.com/{name}:1.0.0
        replicas: 2
        # The TCP port the app listens on; the Service exposes the same port.
        port: 8080
        # Answers 2xx when the app is ready (readiness probe and PostSync check); remove it for
        # a TCP probe.
        healthPath: /healthz
        resources:
          requests: {cpu: 100m, memory: 256Mi}
          limits: {memory: 512Mi}
        database:
          # The Secret key holding the database URL, set as DATABASE_URL. The Secret must exist
          # before the sync: the migration runs before anything else of the app is applied.
          urlFrom:
            secretKeyRef: {name: {name}-db, key: url}
          # Wait until the database accepts connections before migrating; remove it not to wait.
          waitFor: {host: postgres.{name}.svc, port: 5432}
        migration:
      {migration}
          # Retries of a failed migration: 0, so a half-applied migration is not retried blindly.
          backoffLimit: 0
          activeDeadlineSeconds: 300
          resources:
            requests: {cpu: 100m, memory: 256Mi}
            limits: {memory: 512Mi}
        # Uncomment to POST an alert to a webhook (its URL in a Secret) when a sync fails.
        # syncFail:
        #   webhook:
        #     urlFrom:
        #       secretKeyRef: {name: alerts, key: webhook-url}
      """;

  /** The migration lines of {@code --tool command}: placeholders that render as they are. */
  private static final String COMMAND_MIGRATION =
      """
      tool: command
      # Placeholders to replace: the argv that applies migrations, run in the app's image
      # without a shell,
      command: [./bin/migrate, up]
      # and the argv that exits non-zero while migrations are unapplied (the PostSync check
      # runs it; remove it to skip that check).
      statusCommand: [./bin/migrate, status]
      """;

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
    String text = starter(tool, name);
    checkStarter(text);
    write(text);
    spec.commandLine()
        .getErr()
        .printf(
            "syncgen: wrote %s (%s); render it with: syncgen render %s%n", file, tool.id(), file);
    return ExitCode.OK;
  }

  /**
   * The starter descriptor for {@code tool} and {@code name}, first line {@link #SCHEMA_LINE}.
   *
   * @param name a name that passes the descriptor's format for {@code metadata.name}
   */
  static String starter(MigrationTool tool, String name) {
    String migration =
        tool == MigrationTool.COMMAND
            ? COMMAND_MIGRATION
            : "# Migrates with `"
                + String.join(" ", tool.migrateCommand())
                + "`; the PostSync check runs\n# `"
                + String.join(" ", tool.statusCommand())
                + "`.\ntool: "
                + tool.id();
    migration = migration.lines().map(line -> "    " + line).collect(Collectors.joining("\n"));
    return SCHEMA_LINE
        + "\n"
        + TEMPLATE
            .replace("{migration}", migration)
            .replace("{app}", scalar(name))
            .replace("{name}", name);
  }

  /**
   * A plain scalar when YAML 1.1 reads it as that string, else a quoted one ({@code "true"}). The
   * resolver is made here, not at class load: every syncgen run loads this class.
   */
  private static String scalar(String text) {
    return new Resolver().resolve(NodeId.scalar, text, true).equals(Tag.STR)
        ? text
        : '"' + text + '"';
  }

  /**
   * Checks {@code --name} against the format the parser holds {@code metadata.name} to, read from
   * the descriptor model's annotation so the two cannot differ.
   *
   * @throws ParameterException when the name does not have that format
   */
  private void checkName() {
    Format format =
        Arrays.stream(Metadata.class.getRecordComponents())
            .filter(c -> c.getName().equals("name"))
            .map(c -> c.getAnnotation(Field.class))
            .findFirst()
            .map(Field::format)
            .orElseThrow(() -> new IllegalStateException("Metadata has no name"));
    Optional<String> problem = format.problem(name);
    if (problem.isPresent()) {
      throw badName("metadata.name " + problem.get() + " (got '" + name + "')");
    }
  }

  /**
   * Parses the starter as {@code render} will; what is wrong with the name beyond its format (its
   * length with the Jobs' suffixes) is a usage error, anything else a defect.
   */
  private void checkStarter(String text) {
    try {
      DescriptorLoader.parse(file.toString(), text);
    } catch (DiagnosticException e) {
      List<String> messages = e.diagnostics().stream().map(Diagnostic::message).toList();
      if (messages.stream().allMatch(m -> m.startsWith("metadata.name "))) {
        throw badName(String.join("; ", messages));
      }
      throw new IllegalStateException("the starter descriptor is invalid: " + messages, e);
    }
  }

  private ParameterException badName(String problem) {
    return new ParameterException(
        spec.commandLine(), "Invalid value for option '--name': " + problem);
  }

  /**
   * Writes a temporary file next to {@code file}, then renames it: the file appears whole or not at
   * all. The rename does not replace a file, so one created meanwhile is refused too.
   */
  private void write(String text) throws DiagnosticException {
    if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      throw exists();
    }
    Path dir = file.toAbsolutePath().getParent();
    Path temp =
        dir.resolve(
            "."
                + file.getFileName()
                + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong())
                + ".tmp");
    try {
      Files.writeString(
          temp,
          text,
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE);
      Files.move(temp, file);
    } catch (FileAlreadyExistsException e) {
      throw Files.exists(file, LinkOption.NOFOLLOW_LINKS) ? exists() : error(e);
    } catch (IOException e) {
      throw error(e);
    } finally {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException e) {
        // Left behind; the error that matters has been reported.
      }
    }
  }

  private DiagnosticException exists() {
    return new DiagnosticException(
        Diagnostic.error(
            Location.ofFile(file.toString()),
            "already exists; syncgen init never overwrites a file: move it away or name another"
                + " FILE"));
  }

  private DiagnosticException error(IOException e) {
    String reason =
        e instanceof NoSuchFileException
            ? "no such directory"
            : e instanceof AccessDeniedException
                ? "permission denied"
                : Optional.ofNullable(e.getMessage()).orElse(e.getClass().getSimpleName());
    return new DiagnosticException(
        Diagnostic.error(Location.ofFile(file.toString()), "cannot write: " + reason));
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
