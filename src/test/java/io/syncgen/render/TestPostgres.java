package io.syncgen.render;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A private PostgreSQL server for the tests that need a real one: a cluster made with the Debian
 * package's {@code initdb} in a temporary folder, listening on 127.0.0.1 on a free port, with trust
 * authentication (any password is accepted, so URLs carry one as a user's would), stopped when the
 * JVM exits. As root (CI containers), the server runs as the {@code postgres} user the package
 * creates, through {@code runuser}: PostgreSQL refuses to run as root.
 *
 * <p>Without PostgreSQL's server binaries the test is skipped locally and fails under {@code
 * CI=true} ({@code .ci/run} installs the {@code postgresql} package).
 */
public final class TestPostgres {
  /** The superuser of the cluster. */
  public static final String USER = "postgres";

  /** The password the URLs carry; trust authentication does not check it. */
  public static final String PASSWORD = "s3cret";

  private static TestPostgres shared;

  private final Path data;
  private final Path bin;
  private final int port;

  private TestPostgres(Path bin, Path data, int port) {
    this.bin = bin;
    this.data = data;
    this.port = port;
  }

  /** The server of this JVM, started on first use. */
  public static synchronized TestPostgres get() throws IOException, InterruptedException {
    if (shared == null) {
      shared = start(binaries());
      Runtime.getRuntime().addShutdownHook(new Thread(shared::stop));
    }
    return shared;
  }

  /** The server's log (stderr, the default log_line_prefix), for tests that read what it logged. */
  public Path logFile() {
    return data.getParent().resolve("server.log");
  }

  /** The TCP port it listens on, on 127.0.0.1. */
  public int port() {
    return port;
  }

  /** The server's major version, as {@code server_version_num} gives it (15 for 15.18). */
  public int majorVersion() throws SQLException {
    try (Connection c = connect("postgres");
        var rs = c.createStatement().executeQuery("SHOW server_version_num")) {
      rs.next();
      return Integer.parseInt(rs.getString(1)) / 10000;
    }
  }

  /** Creates an empty database (dropping one of that name first) and returns its name. */
  public String createDatabase(String name) throws SQLException {
    try (Connection c = connect("postgres");
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
      s.execute("CREATE DATABASE \"" + name + "\"");
    }
    return name;
  }

  /** A JDBC connection to {@code database} (autocommit on). */
  public Connection connect(String database) throws SQLException {
    return DriverManager.getConnection(
        "jdbc:postgresql://127.0.0.1:" + port + "/" + database, USER, PASSWORD);
  }

  private static Path binaries() {
    Path root = Path.of("/usr/lib/postgresql");
    if (Files.isDirectory(root)) {
      try (Stream<Path> versions = Files.list(root)) {
        var found =
            versions
                .map(v -> v.resolve("bin"))
                .filter(b -> Files.isExecutable(b.resolve("initdb")))
                .max(Comparator.comparing(b -> Integer.parseInt(b.getParent().getFileName() + "")));
        if (found.isPresent()) {
          return found.get();
        }
      } catch (IOException | NumberFormatException e) {
        // Reported below as not installed.
      }
    }
    String problem =
        "PostgreSQL's server is not installed (apt-get install postgresql): no"
            + " /usr/lib/postgresql/*/bin/initdb";
    if ("true".equals(System.getenv("CI"))) {
      Assertions.fail(problem + "; CI=true: this test must run");
    }
    Assumptions.abort(problem);
    throw new AssertionError("unreachable");
  }

  private static TestPostgres start(Path bin) throws IOException, InterruptedException {
    Path home = Files.createTempDirectory("syncgen-postgres");
    Path data = home.resolve("data");
    if (asRoot()) {
      run(List.of("chown", USER, home.toString()), false);
    }
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    run(
        List.of(
            bin.resolve("initdb").toString(),
            "-D",
            data.toString(),
            "-A",
            "trust",
            "-U",
            USER,
            "-E",
            "UTF8",
            "--locale=C",
            "--no-sync"),
        true);
    String options = "-p " + port + " -k " + home + " -c listen_addresses=127.0.0.1 -c fsync=off";
    run(
        List.of(
            bin.resolve("pg_ctl").toString(),
            "-D",
            data.toString(),
            "-o",
            options,
            "-l",
            home.resolve("server.log").toString(),
            "-w",
            "start"),
        true);
    return new TestPostgres(bin, data, port);
  }

  private void stop() {
    try {
      run(
          List.of(
              bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "stop"),
          true);
      try (Stream<Path> files = Files.walk(data.getParent())) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    } catch (IOException | InterruptedException e) {
      // The JVM is exiting; the temporary folder is left behind.
    }
  }

  private static boolean asRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  /** Runs a command to its end, as the postgres user when asked and running as root. */
  private static void run(List<String> command, boolean asPostgres)
      throws IOException, InterruptedException {
    List<String> argv = new ArrayList<>();
    if (asPostgres && asRoot()) {
      argv.addAll(List.of("runuser", "-u", USER, "--"));
    }
    argv.addAll(command);
    Process process = new ProcessBuilder(argv).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IOException(String.join(" ", argv) + " failed:\n" + output);
    }
  }
}
