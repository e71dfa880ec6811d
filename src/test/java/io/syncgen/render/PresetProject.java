package io.syncgen.render;

import io.syncgen.descriptor.MigrationTool;
import io.syncgen.diagnostic.DiagnosticException;
import io.syncgen.manifest.KubernetesObject;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * One preset's tiny project ({@code src/test/resources/presets/<tool>}), copied into a temporary
 * folder with its own database: migration 1 in {@code project/}, migration 2 in {@code pending/},
 * added by {@link #addPending()}. Its migrate and status commands are the ones syncgen renders for
 * the preset, run here with the real tool (see {@link LocalContainer}); the image's {@code PATH} is
 * stood in for by Debian's programs, the npm packages and the Flyway and Liquibase command lines
 * that {@code src/test/tools/install} puts in place.
 */
final class PresetProject {
  private static final Path FIXTURES = Path.of("src", "test", "resources", "presets");
  private static final Path TOOLS = Path.of("src", "test", "tools").toAbsolutePath();
  private static final Path NODE_MODULES = TOOLS.resolve("node/node_modules");

  /** The Secret the rendered Jobs read the URL from, as in {@link ShellScript#app}. */
  private static final String SECRET = "db/url";

  private final MigrationTool tool;
  private final Path dir;
  private final Path bin;
  private final TestPostgres postgres;
  private final String database;

  private PresetProject(MigrationTool tool, Path dir, Path bin, TestPostgres pg, String database) {
    this.tool = tool;
    this.dir = dir;
    this.bin = bin;
    this.postgres = pg;
    this.database = database;
  }

  /**
   * The project of {@code tool} in {@code tmp}, with a fresh database named after it and {@code
   * test}; skips (or fails under {@code CI=true}) when the tool is not installed.
   */
  static PresetProject create(MigrationTool tool, String test, Path tmp) throws Exception {
    requireTool(tool);
    TestPostgres pg = TestPostgres.get();
    Path dir = Files.createDirectories(tmp.resolve("project"));
    copy(FIXTURES.resolve(tool.id()).resolve("project"), dir);
    Path bin = shims(Files.createDirectories(tmp.resolve("bin")));
    String database = pg.createDatabase((tool.id() + "_" + test).replace('-', '_'));
    return new PresetProject(tool, dir, bin, pg, database);
  }

  /** Copies migration 2 into the project. */
  void addPending() throws IOException {
    copy(FIXTURES.resolve(tool.id()).resolve("pending"), dir);
  }

  /** The database's name. */
  String database() {
    return database;
  }

  /** The server. */
  TestPostgres postgres() {
    return postgres;
  }

  /** The preset's URL form for {@code database} on {@code port}. */
  String url(int port, String database) {
    return tool.preset()
        .connection()
        .url()
        .replace("USER", TestPostgres.USER)
        .replace("PASSWORD", TestPostgres.PASSWORD)
        .replace("HOST", "127.0.0.1")
        .replace("PORT", String.valueOf(port))
        .replace("DATABASE", database);
  }

  /** The objects syncgen renders for this preset, with {@code more} inside {@code migration}. */
  List<KubernetesObject> render(String more) throws DiagnosticException {
    String migration = "migration: {tool: " + tool.id() + (more.isEmpty() ? "" : ", " + more) + "}";
    return ShellScript.render(ShellScript.app("", migration + "\n"), RenderOptions.DEFAULTS);
  }

  /** The migrate container of the PreSync Job, reading this project's database. */
  LocalContainer migrate(String more) throws DiagnosticException {
    return LocalContainer.of(
        render(more), "shop-db-migrate", "migrate", Map.of(SECRET, url(postgres.port(), database)));
  }

  /** The status step of the PostSync Job (the preset's check in syncgen's wrapper). */
  LocalContainer status() throws DiagnosticException {
    return LocalContainer.of(
        render(""),
        "shop-post-deploy-check",
        "migration-status",
        Map.of(SECRET, url(postgres.port(), database)));
  }

  /** Runs a container of this project to its end (at most two minutes). */
  LocalContainer.Result run(LocalContainer container) throws IOException, InterruptedException {
    return container.run(dir, environment(), Duration.ofMinutes(2));
  }

  /** Starts a container of this project. */
  LocalContainer.Started start(LocalContainer container) throws IOException {
    return container.start(dir, environment());
  }

  /**
   * What the image would provide: {@code PATH} with the shims first, then the npm packages'
   * programs and Debian's; {@code NODE_PATH}, since the copied project has no node_modules of its
   * own (a user's image has).
   */
  private Map<String, String> environment() {
    String path =
        String.join(
            File.pathSeparator,
            bin.toString(),
            NODE_MODULES.resolve(".bin").toString(),
            "/usr/local/bin",
            "/usr/bin",
            "/bin");
    return Map.of("PATH", path, "NODE_PATH", NODE_MODULES.toString());
  }

  /**
   * {@code python} as Debian's python3 (the image's python), and {@code flyway} and {@code
   * liquibase} as their command lines' main classes, run by this JVM's java.
   */
  private static Path shims(Path bin) throws IOException {
    // A script rather than a link: JUnit warns about links that lead out of a temporary folder.
    Files.writeString(bin.resolve("python"), "#!/bin/sh\nexec /usr/bin/python3 \"$@\"\n");
    Files.setPosixFilePermissions(
        bin.resolve("python"), PosixFilePermissions.fromString("rwxr-xr-x"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    script(
        bin.resolve("flyway"),
        java,
        TOOLS.resolve("flyway/target/lib"),
        "org.flywaydb.commandline.Main");
    script(
        bin.resolve("liquibase"),
        java,
        TOOLS.resolve("liquibase/target/lib"),
        "liquibase.integration.commandline.LiquibaseCommandLine");
    return bin;
  }

  private static void script(Path file, String java, Path lib, String main) throws IOException {
    Files.writeString(
        file,
        "#!/bin/sh\nexec '" + java + "' -Xshare:auto -cp '" + lib + "/*' " + main + " \"$@\"\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  /** Skips the test when the tool is missing, or fails it under {@code CI=true}. */
  static void requireTool(MigrationTool tool) throws IOException, InterruptedException {
    String install = "src/test/tools/install";
    String missing =
        switch (tool) {
          case DJANGO ->
              probe(
                  "apt-get install python3-django python3-psycopg2",
                  "/usr/bin/python3",
                  "-c",
                  "import django, psycopg2");
          case ALEMBIC ->
              probe("apt-get install alembic python3-psycopg2", "/usr/bin/alembic", "--version");
          case RAILS ->
              probe(
                  "apt-get install ruby-rails ruby-pg",
                  "ruby",
                  "-e",
                  "require 'rails'; require 'pg'");
          case SQITCH ->
              probe(
                  "apt-get install sqitch libdbd-pg-perl postgresql-client",
                  "sh",
                  "-c",
                  "sqitch --version && psql --version && perl -MDBD::Pg -e 1");
          case KNEX, NODE_PG_MIGRATE, SEQUELIZE, TYPEORM ->
              Files.isDirectory(NODE_MODULES) ? null : install;
          case FLYWAY, LIQUIBASE ->
              Files.isDirectory(TOOLS.resolve(tool.id() + "/target/lib")) ? null : install;
          default -> "the suite has no project for " + tool.id();
        };
    if (missing == null) {
      return;
    }
    String problem = tool.id() + " is not installed here: run " + missing;
    if ("true".equals(System.getenv("CI"))) {
      Assertions.fail(problem + "; CI=true: the preset suite must run");
    }
    Assumptions.abort(problem);
  }

  /** Null when the command exits 0, else what installs it. */
  private static String probe(String install, String... command)
      throws IOException, InterruptedException {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0 ? null : install;
    } catch (IOException notFound) {
      return install;
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
          if (Files.isExecutable(file)) {
            target.toFile().setExecutable(true);
          }
        }
      }
    }
  }
}
