package io.syncgen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.syncgen.descriptor.AppDescriptor;
import io.syncgen.descriptor.DescriptorLoader;
import io.syncgen.descriptor.DescriptorSchema;
import io.syncgen.descriptor.MigrationTool;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code syncgen init}: writes a commented starter whose first line points editors at the schema,
 * which renders and validates without findings for each tool and matches the schema; never
 * overwrites a file (exit 1, located, file untouched) and leaves nothing behind when it fails; a
 * name the descriptor would refuse, or an unknown tool, is a usage error (exit 2).
 */
class InitCommandTest {
  private static final String SCHEMA_LINE =
      "# yaml-language-server: $schema="
          + "https://raw.githubusercontent.com/syncgen/syncgen/main/schema/syncgen-v1.json";

  @TempDir Path tmp;

  @Test
  void writesTheStarterAndSaysSoOnStderr() throws IOException {
    Path file = tmp.resolve("app.yaml");
    Run run = Run.of("init", file.toString());
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .isEqualTo(
            "syncgen: wrote " + file + " (django); render it with: syncgen render " + file + "\n");
    String text = Files.readString(file, StandardCharsets.UTF_8);
    assertThat(text).contains("\n  name: myapp\n", "\n    tool: django\n").endsWith("\n");
    assertThat(files(tmp)).as("no temporary file left").containsExactly("app.yaml");
  }

  @Test
  void schemaLineIsFirstAndNamesTheCommittedSchema() throws IOException {
    Path file = tmp.resolve("app.yaml");
    assertThat(Run.of("init", file.toString()).exitCode()).isZero();
    String first = Files.readAllLines(file).get(0);
    assertThat(first).isEqualTo(SCHEMA_LINE);
    // The URL serves the committed file at that path of the main branch: the schema itself.
    Path served = Path.of(first.substring(first.indexOf("/main/") + "/main/".length()));
    assertThat(served).as("the file the URL serves").isRegularFile();
    assertThat(Files.readString(served)).isEqualTo(Run.of("schema").out());
  }

  @Test
  void fileDefaultsToAppYaml() {
    StringWriter sink = new StringWriter();
    PrintWriter writer = new PrintWriter(sink);
    var parsed = Main.commandLine(new SyncgenCommand(), writer, writer).parseArgs("init");
    InitCommand init = parsed.subcommand().commandSpec().commandLine().getCommand();
    assertThat(init.file).isEqualTo(Path.of("app.yaml"));
    assertThat(init.tool).isEqualTo(MigrationTool.DJANGO);
    assertThat(init.name).isEqualTo("myapp");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "django",
        "rails",
        "alembic",
        "flyway",
        "liquibase",
        "knex",
        "node-pg-migrate",
        "sequelize",
        "typeorm",
        "sqitch",
        "prisma",
        "golang-migrate",
        "command"
      })
  void eachToolRendersAndValidatesWithoutFindings(String tool) throws Exception {
    Path file = tmp.resolve(tool + ".yaml");
    assertThat(Run.of("init", "--tool", tool, file.toString()).exitCode()).isZero();

    AppDescriptor app = DescriptorLoader.load(file, file.toString()).app();
    assertThat(app.spec().migration().preset()).isEqualTo(MigrationTool.of(tool));
    // golang-migrate has no command that tells whether a migration is pending.
    assertThat(app.spec().checksMigrationStatus())
        .as("a status command is known")
        .isEqualTo(!tool.equals("golang-migrate"));
    if (tool.equals("command")) {
      assertThat(app.spec().migration().migrateCommand()).containsExactly("./bin/migrate", "up");
      assertThat(app.spec().migration().effectiveStatusCommand())
          .containsExactly("./bin/migrate", "status");
    }

    Run render = Run.of("render", file.toString());
    assertThat(render.exitCode()).as(render.err()).isZero();
    assertThat(render.err()).as("no warning of render's own validation").isEmpty();
    assertThat(render.out())
        .contains("name: myapp-db-migrate\n", "name: myapp-post-deploy-check\n");

    Run validate = Run.of("validate", file.toString());
    assertThat(validate.exitCode()).as(validate.out()).isZero();
    assertThat(validate.out()).isEqualTo("checked 4 objects: 0 errors, 0 warnings\n");

    var schema =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(
                SchemaLocation.of(DescriptorSchema.ID),
                new ObjectMapper().readTree(DescriptorSchema.json()));
    assertThat(schema.validate(new YAMLMapper().readTree(file.toFile()))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"django", "rails", "command"})
  void theCommentedWorkerRendersAndValidatesOnceUncommented(String tool) throws Exception {
    Path file = tmp.resolve(tool + ".yaml");
    assertThat(Run.of("init", "--tool", tool, "--name", "true", file.toString()).exitCode())
        .isZero();
    String text = Files.readString(file);
    assertThat(text).contains("  # processes:\n  #   worker:\n");
    Files.writeString(file, uncommentProcesses(text));

    AppDescriptor app = DescriptorLoader.load(file, file.toString()).app();
    assertThat(app.spec().processesOrEmpty()).containsOnlyKeys("worker");
    Run render = Run.of("render", file.toString());
    assertThat(render.exitCode()).as(render.err()).isZero();
    assertThat(render.err()).isEmpty();
    assertThat(render.out()).contains("kind: Deployment\nmetadata:\n  name: true-worker\n");
    Run validate = Run.of("validate", file.toString());
    assertThat(validate.exitCode()).as(validate.out()).isZero();
    assertThat(validate.out()).isEqualTo("checked 5 objects: 0 errors, 0 warnings\n");
  }

  /** Removes "# " from the commented {@code processes:} block, up to the next comment line. */
  private static String uncommentProcesses(String text) {
    StringBuilder out = new StringBuilder();
    boolean inBlock = false;
    for (String line : text.split("\n", -1)) {
      inBlock = line.equals("  # processes:") || (inBlock && line.startsWith("  #   "));
      out.append(inBlock ? "  " + line.substring(4) : line).append('\n');
    }
    return out.substring(0, out.length() - 1);
  }

  @Test
  void nameNamesTheAppItsNamespaceAndSecret() throws Exception {
    Path file = tmp.resolve("app.yaml");
    assertThat(Run.of("init", "--name", "shop", "--tool", "rails", file.toString()).exitCode())
        .isZero();
    AppDescriptor app = DescriptorLoader.load(file, file.toString()).app();
    assertThat(app.metadata().name()).isEqualTo("shop");
    assertThat(app.metadata().namespace()).isEqualTo("shop");
    assertThat(app.spec().database().urlFrom().secretKeyRef().name()).isEqualTo("shop-db");
    assertThat(Run.of("render", file.toString()).out()).contains("  name: shop\n");
  }

  @Test
  void aNameYamlWouldReadAsAnotherTypeIsQuoted() throws Exception {
    for (String name : List.of("null", "true", "yes", "off")) {
      Path file = tmp.resolve(name + ".yaml");
      assertThat(Run.of("init", "--name", name, file.toString()).exitCode()).isZero();
      assertThat(Files.readString(file)).contains("  name: \"" + name + "\"\n");
      assertThat(DescriptorLoader.load(file, file.toString()).app().metadata().name())
          .isEqualTo(name);
    }
  }

  @Test
  void refusesToOverwriteAnExistingFile() throws IOException {
    Path file = Files.writeString(tmp.resolve("app.yaml"), "mine\n");
    Run run = Run.of("init", "--tool", "rails", file.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .isEqualTo(
            file
                + ": error: already exists; syncgen init never overwrites a file: move it away or"
                + " name another FILE\n");
    assertThat(Files.readString(file)).isEqualTo("mine\n");
    assertThat(files(tmp)).containsExactly("app.yaml");
  }

  @Test
  void refusesASymlinkEvenOneThatPointsNowhere() throws IOException {
    Path link = Files.createSymbolicLink(tmp.resolve("app.yaml"), tmp.resolve("missing.yaml"));
    assertThat(Run.of("init", link.toString()).exitCode()).isEqualTo(1);
    assertThat(tmp.resolve("missing.yaml")).doesNotExist();
    assertThat(Files.isSymbolicLink(link)).isTrue();
  }

  @Test
  void aMissingDirectoryIsExitOneAndCreatesNothing() {
    Path file = tmp.resolve("no/such/app.yaml");
    Run run = Run.of("init", file.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEqualTo(file + ": error: cannot write: no such directory\n");
    assertThat(tmp.resolve("no")).doesNotExist();
  }

  @Test
  void anInvalidNameIsAUsageErrorAndWritesNothing() throws IOException {
    Path file = tmp.resolve("app.yaml");
    Run upper = Run.of("init", "--name", "My_App", file.toString());
    assertThat(upper.exitCode()).isEqualTo(2);
    assertThat(upper.err())
        .startsWith(
            "syncgen: Invalid value for option '--name': metadata.name must be a DNS-1123 label:")
        .contains("(got 'My_App')", "Try 'syncgen init --help'");

    Run digit = Run.of("init", "--name", "9lives", file.toString());
    assertThat(digit.exitCode()).isEqualTo(2);
    assertThat(digit.err()).contains("metadata.name must start with a letter");

    // 46 characters: a label, but the PostSync Job's name would have 46 + 18 = 64.
    String long46 = "a".repeat(46);
    Run tooLong = Run.of("init", "--name", long46, file.toString());
    assertThat(tooLong.exitCode()).isEqualTo(2);
    assertThat(tooLong.err())
        .contains("metadata.name is too long", "shorten the name to at most 45 characters");
    assertThat(Run.of("init", "--name", "a".repeat(45), file.toString()).exitCode()).isZero();
    Files.delete(file);

    assertThat(files(tmp)).isEmpty();
  }

  @Test
  void anUnknownToolIsAUsageError() throws IOException {
    Run run = Run.of("init", "--tool", "mongoose", tmp.resolve("app.yaml").toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .startsWith(
            "syncgen: Invalid value for option '--tool': 'mongoose' is not a migration tool; tools"
                + " are django, rails, alembic, flyway, liquibase, knex, node-pg-migrate, sequelize, typeorm, sqitch, prisma, golang-migrate, command\n");
    assertThat(files(tmp)).isEmpty();
  }

  @Test
  void helpNamesTheToolsAndTheDefaults() {
    Run run = Run.of("init", "--help");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains(
            "Usage: syncgen init",
            "Migration preset: django, rails, alembic, flyway,",
            "sqitch, prisma, golang-migrate, command (default:",
            "(default: myapp)",
            "(default: app.yaml)");
  }

  private static List<String> files(Path dir) throws IOException {
    try (Stream<Path> paths = Files.list(dir)) {
      return paths.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
