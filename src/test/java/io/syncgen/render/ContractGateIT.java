package io.syncgen.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.syncgen.manifest.KubernetesObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract gate's init container as rendered, run for real: its script with dash and the real
 * psql, against the test PostgreSQL, connected as a role that is neither superuser nor a member of
 * {@code pg_read_all_stats}, while a role of the app holds sessions named as the releases name them
 * (pgjdbc's {@code ApplicationName}, as a JDBC app would have to set it itself). What that role
 * sees of the app's sessions is written to {@code target/contract-gate.md}.
 */
class ContractGateIT {
  private static final String DATABASE = "contract_gate";
  private static final String GATE = "contract_gate";
  private static final String APP = "contract_app";
  private static final List<String> RECORD = new ArrayList<>();

  private static TestPostgres postgres;

  @TempDir Path tmp;

  private final List<Connection> sessions = new ArrayList<>();
  private Connection retired;
  private Connection deployed;
  private Connection elsewhere;

  @BeforeAll
  static void roles() throws Exception {
    ShellScript.require("psql");
    postgres = TestPostgres.get();
    postgres.createDatabase(DATABASE);
    try (Connection c = postgres.connect("postgres");
        Statement s = c.createStatement()) {
      for (String role : List.of(GATE, APP)) {
        s.execute("DROP ROLE IF EXISTS " + role);
        s.execute("CREATE ROLE " + role + " LOGIN");
      }
      ResultSet rs =
          s.executeQuery(
              "SELECT rolsuper, pg_has_role(oid, 'pg_read_all_stats', 'MEMBER') FROM pg_roles"
                  + " WHERE rolname = '%s'".formatted(GATE));
      rs.next();
      assertThat(rs.getBoolean(1)).as("the gate's role is a superuser").isFalse();
      assertThat(rs.getBoolean(2)).as("the gate's role has pg_read_all_stats").isFalse();
      RECORD.add("# Contract gate, PostgreSQL " + postgres.majorVersion());
      RECORD.add("");
      RECORD.add("- role " + GATE + ": LOGIN, not superuser, not a member of pg_read_all_stats");
    }
  }

  /** Sessions of the app: 1.4.1 (retired), 1.4.2 (deployed) and 1.4.1 in another database. */
  @BeforeEach
  void openSessions() throws SQLException {
    retired = session(DATABASE, "shop@1.4.1");
    deployed = session(DATABASE, "shop@1.4.2");
    elsewhere = session("postgres", "shop@1.4.1");
  }

  @AfterEach
  void closeSessions() throws SQLException {
    for (Connection c : sessions) {
      c.close();
    }
  }

  @AfterAll
  static void writeRecord() throws IOException {
    Path target = Path.of(System.getProperty("syncgen.jar", "target/syncgen.jar")).getParent();
    Files.write(target.resolve("contract-gate.md"), RECORD, StandardCharsets.UTF_8);
  }

  private Connection session(String database, String applicationName) throws SQLException {
    Connection c = connect(APP, database, applicationName);
    sessions.add(c);
    return c;
  }

  /** A JDBC session as {@code user}, named as pgjdbc names it: its ApplicationName property. */
  private static Connection connect(String user, String database, String applicationName)
      throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", user);
    properties.setProperty("password", TestPostgres.PASSWORD);
    properties.setProperty("ApplicationName", applicationName);
    return DriverManager.getConnection(
        "jdbc:postgresql://127.0.0.1:" + postgres.port() + "/" + database, properties);
  }

  private static int pid(Connection c) throws SQLException {
    try (ResultSet rs = c.createStatement().executeQuery("SELECT pg_backend_pid()")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private static String url(String user, int port) {
    return "postgres://%s:%s@127.0.0.1:%d/%s"
        .formatted(user, TestPostgres.PASSWORD, port, DATABASE);
  }

  /**
   * The rendered wait-for-retired of a descriptor that deploys 1.4.2 and retires 1.4.1 and 1.4.0,
   * with its Secret holding {@code url}, run with dash: the container's variables as Kubernetes
   * would give them, Secret and {@code $(VAR)} expansion included.
   */
  private ShellScript.Result gate(String url, int timeoutSeconds, Map<String, String> more)
      throws Exception {
    String descriptor =
        ShellScript.app(
                "",
                "migration: {tool: rails, contract: {retires: [1.4.1, 1.4.0], timeoutSeconds: "
                    + timeoutSeconds
                    + "}}\n")
            .replace("shop/app:1.0", "shop/app:1.4.2");
    List<KubernetesObject> objects = ShellScript.render(descriptor, RenderOptions.DEFAULTS);
    ShellScript script = ShellScript.of(objects, "shop-db-migrate", "wait-for-retired");
    Map<String, String> env =
        new LinkedHashMap<>(
            LocalContainer.of(objects, "shop-db-migrate", "wait-for-retired", Map.of("db/url", url))
                .env());
    env.putAll(more);
    return script.run(tmp, null, env, Duration.ofSeconds(timeoutSeconds + 30));
  }

  @Test
  void itWaitsThenFailsListingTheRetiredReleasesSession() throws Exception {
    ShellScript.Result result = gate(url(GATE, postgres.port()), 3, Map.of());
    assertThat(result.exitCode()).as(result.log()).isOne();
    assertThat(result.elapsed()).isBetween(Duration.ofSeconds(3), Duration.ofSeconds(15));
    assertThat(result.out())
        .contains("wait-for-retired: 1 session(s) of shop@1.4.1 shop@1.4.0 still connected");
    // Neither the deployed release's session nor the retired one's in another database.
    assertThat(result.err())
        .contains(
            "wait-for-retired: sessions of retired releases still connected after 3s; not"
                + " migrating\n"
                + "application_name|pid|client_addr|backend_start\n"
                + "shop@1.4.1|"
                + pid(retired)
                + "|not visible|not visible\n")
        .doesNotContain("|" + pid(deployed) + "|")
        .doesNotContain("|" + pid(elsewhere) + "|");
    RECORD.add(
        "- the gate as " + GATE + ", a retired session open: exit 1 after " + seconds(result));
    RECORD.add("  - it listed: `" + lastLine(result.err()) + "`");
    ShellScript.Result superuser = gate(url(TestPostgres.USER, postgres.port()), 3, Map.of());
    assertThat(superuser.err())
        .containsPattern("shop@1\\.4\\.1\\|" + pid(retired) + "\\|127\\.0\\.0\\.1\\|20\\d\\d-");
    RECORD.add("  - as the superuser it lists: `" + lastLine(superuser.err()) + "`");
  }

  @Test
  void itPassesOnceTheRetiredReleasesSessionCloses() throws Exception {
    CompletableFuture<ShellScript.Result> running =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return gate(url(GATE, postgres.port()), 60, Map.of());
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    Thread.sleep(2000);
    retired.close();
    ShellScript.Result result = running.get();
    assertThat(result.exitCode()).as(result.log()).isZero();
    assertThat(result.elapsed()).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(20));
    assertThat(result.out())
        .contains("1 session(s) of shop@1.4.1 shop@1.4.0 still connected")
        .endsWith("wait-for-retired: no session of shop@1.4.1 shop@1.4.0 is connected\n");
    assertThat(deployed.isValid(1)).as("the deployed release's session, open all along").isTrue();
    assertThat(elsewhere.isValid(1)).as("1.4.1 in another database, open all along").isTrue();
    RECORD.add(
        "- the retired session closed after 2 s: exit 0 after "
            + seconds(result)
            + " (shop@1.4.2, and shop@1.4.1 in database postgres, still open)");
  }

  @Test
  void whatTheGatesRoleSeesOfTheAppsSession() throws SQLException {
    try (Connection c = connect(GATE, DATABASE, "visibility");
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT datname, usename, application_name, client_addr, backend_start, state,"
                        + " query FROM pg_stat_activity WHERE pid = "
                        + pid(retired))) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString("datname")).isEqualTo(DATABASE);
      assertThat(rs.getString("usename")).isEqualTo(APP);
      assertThat(rs.getString("application_name")).isEqualTo("shop@1.4.1");
      assertThat(rs.getString("client_addr")).isNull();
      assertThat(rs.getString("backend_start")).isNull();
      assertThat(rs.getString("state")).isNull();
      assertThat(rs.getString("query")).isEqualTo("<insufficient privilege>");
      RECORD.add(
          "- "
              + GATE
              + " sees of "
              + APP
              + "'s session: datname, usename, application_name and"
              + " pid; client_addr, backend_start and state are null; query is"
              + " `<insufficient privilege>`");
    }
  }

  @Test
  void aDatabaseItCannotReachIsRetriedAndItsUrlNeverShown() throws Exception {
    int closed;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    ShellScript.Result down = gate(url(GATE, closed), 3, Map.of());
    assertThat(down.exitCode()).as(down.log()).isOne();
    assertThat(down.err().split("cannot reach the database", -1)).hasSizeGreaterThan(2);
    assertThat(down.err())
        .contains("the database could not be reached within 3s; not migrating")
        .doesNotContain(TestPostgres.PASSWORD);
    String malformed = "postgres://" + GATE + ":" + TestPostgres.PASSWORD + "@[::1/" + DATABASE;
    ShellScript.Result broken = gate(malformed, 1, Map.of());
    assertThat(broken.exitCode()).as(broken.log()).isOne();
    assertThat(broken.err()).contains("(the database URL)").doesNotContain(TestPostgres.PASSWORD);
    RECORD.add("- a closed port: retried, exit 1 after " + seconds(down));
  }

  @Test
  void aRetiredNameIsAValueNeverSql() throws Exception {
    try (Connection c = postgres.connect(DATABASE)) {
      c.createStatement().execute("CREATE TABLE IF NOT EXISTS canary (id int)");
    }
    String hostile = "x'); DROP TABLE canary; --\nshop@1.4.1' OR true --";
    ShellScript.Result result =
        gate(url(TestPostgres.USER, postgres.port()), 3, Map.of("SYNCGEN_RETIRED", hostile));
    assertThat(result.exitCode()).as(result.log()).isZero();
    try (Connection c = postgres.connect(DATABASE);
        ResultSet rs = c.createStatement().executeQuery("SELECT to_regclass('canary')")) {
      rs.next();
      assertThat(rs.getString(1)).isEqualTo("canary");
    }
  }

  private static String seconds(ShellScript.Result result) {
    return String.format(java.util.Locale.ROOT, "%.1f s", result.elapsed().toMillis() / 1000.0);
  }

  private static String lastLine(String text) {
    String[] lines = text.strip().split("\n");
    return lines[lines.length - 1];
  }
}
