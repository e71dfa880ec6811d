package io.syncgen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code syncgen migrations lint}: the files it reads, its phases, formats and exit codes. */
class MigrationsLintCommandTest {
  @TempDir Path tmp;

  private Path write(String name, String text) throws Exception {
    Path file = tmp.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  @Test
  void aDropIsAnErrorInExpandAndAllowedInContract() throws Exception {
    Path file = write("V2__drop.sql", "ALTER TABLE accounts DROP COLUMN legacy;\n");
    Run expand = Run.of("migrations", "lint", file.toString());
    assertThat(expand.exitCode()).isEqualTo(1);
    assertThat(expand.out())
        .startsWith(file + ":1:1: error: [drop-column] column legacy of accounts: The old code")
        .endsWith("checked 1 file: 1 error, 0 warnings, 0 allowed\n");
    Run contract = Run.of("migrations", "lint", "--phase", "contract", file.toString());
    assertThat(contract.exitCode()).isZero();
    assertThat(contract.out()).isEqualTo("checked 1 file: 0 errors, 0 warnings, 0 allowed\n");
  }

  @Test
  void aDirectoryIsReadAsTheToolsApplyIt() throws Exception {
    write("migrations/000002_index.up.sql", "CREATE INDEX a_b ON a (b);\n");
    write("migrations/000002_index.down.sql", "DROP TABLE a;\n");
    write("migrations/000001_create.up.sql", "CREATE TABLE c (id int);\n");
    write("sqitch/sqitch.plan", "%project=x\n");
    write("sqitch/deploy/x.sql", "BEGIN;\nCREATE TABLE x (id int);\nCOMMIT;\n");
    write("sqitch/revert/x.sql", "DROP TABLE x;\n");
    write("sqitch/verify/x.sql", "DROP TABLE y;\n");
    Run run = Run.of("migrations", "lint", tmp.toString());
    assertThat(run.out())
        .isEqualTo(
            tmp.resolve("migrations/000002_index.up.sql")
                + ":1:1: error: [index-without-concurrently] index on a: CREATE INDEX blocks every"
                + " write to the table until the index is built; DROP INDEX takes ACCESS"
                + " EXCLUSIVE. Instead: CREATE INDEX CONCURRENTLY (DROP INDEX CONCURRENTLY),"
                + " outside a transaction block.\n"
                + "CREATE INDEX a_b ON a (b);\n"
                + "^\n"
                + "checked 3 files: 1 error, 0 warnings, 0 allowed\n");
  }

  @Test
  void gooseAndDbmateAreReadFromTheirUpSection() throws Exception {
    Path goose =
        write(
            "goose.sql",
            "-- +goose Up\nCREATE TABLE t (id int);\n-- +goose Down\nDROP TABLE accounts;\n");
    Path dbmate =
        write(
            "dbmate.sql",
            "-- migrate:up\nALTER TABLE a ADD COLUMN b int;\n\n-- migrate:down\n"
                + "ALTER TABLE a DROP COLUMN b;\n");
    Run run = Run.of("migrations", "lint", goose.toString(), dbmate.toString());
    assertThat(run.exitCode()).as(run.out()).isZero();
  }

  @Test
  void anAcknowledgementNeedsAReasonAndKeepsIt() throws Exception {
    Path file =
        write(
            "V3.sql",
            "-- syncgen:allow drop-column nothing has read it since 4.0\n"
                + "ALTER TABLE accounts DROP COLUMN legacy;\n"
                + "-- syncgen:allow drop-column\n"
                + "ALTER TABLE accounts DROP COLUMN other;\n");
    Run text = Run.of("migrations", "lint", file.toString());
    assertThat(text.out())
        .contains(file + ":3:1: error: [allow-without-reason] this acknowledgement names no reason")
        .contains(file + ":4:1: error: [drop-column] column other of accounts")
        .doesNotContain("column legacy")
        .endsWith("2 errors, 0 warnings, 1 allowed\n");
    JsonNode json =
        new ObjectMapper()
            .readTree(Run.of("migrations", "lint", "--format", "json", file.toString()).out());
    assertThat(json.at("/findings/0/rule").asText()).isEqualTo("drop-column");
    assertThat(json.at("/findings/0/allowedBecause").asText())
        .isEqualTo("nothing has read it since 4.0");
    assertThat(json.at("/findings/0/statement").asText())
        .isEqualTo("ALTER TABLE accounts DROP COLUMN legacy");
    assertThat(json.get("allowed").asInt()).isOne();
  }

  @Test
  void aStatementNotRecognisedIsAWarningAndAnErrorUnderStrict() throws Exception {
    Path file = write("V4.sql", "VACUUM FULL accounts;\n");
    Run run = Run.of("migrations", "lint", file.toString());
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("warning: [not-analysed]");
    assertThat(Run.of("migrations", "lint", "--strict", file.toString()).exitCode()).isOne();
  }

  @Test
  void usageErrorsExitTwo() throws Exception {
    Path file = write("V5.sql", "SELECT 1;\n");
    Run phase = Run.of("migrations", "lint", "--phase", "later", file.toString());
    assertThat(phase.exitCode()).isEqualTo(2);
    assertThat(phase.err()).contains("--phase must be expand or contract, not 'later'");
    Run missing = Run.of("migrations", "lint", tmp.resolve("nope.sql").toString());
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("no such file or directory");
    assertThat(Run.of("migrations").exitCode()).isEqualTo(2);
  }

  @Test
  void aFileThatIsNotUtf8IsALocatedError() throws Exception {
    Path file = tmp.resolve("latin1.sql");
    Files.write(file, new byte[] {'S', 'E', 'L', (byte) 0xe9, ';'});
    Run run = Run.of("migrations", "lint", file.toString());
    assertThat(run.exitCode()).isOne();
    assertThat(run.err()).contains(file + ": error: is not valid UTF-8 text");
  }

  @Test
  void sarifNamesEveryRuleAndSuppressesAcknowledgedFindings() throws Exception {
    Path file =
        write(
            "dir with space/V6.sql",
            "-- syncgen:allow drop-table replaced by archive_orders in 5.0\n"
                + "DROP TABLE orders;\n"
                + "CREATE INDEX o ON accounts (email);\n");
    Run run = Run.of("migrations", "lint", "--format", "sarif", file.toString());
    assertThat(run.exitCode()).isOne();
    JsonNode sarif = new ObjectMapper().readTree(run.out());
    assertThat(sarif.get("version").asText()).isEqualTo("2.1.0");
    JsonNode results = sarif.at("/runs/0/results");
    assertThat(results).hasSize(2);
    assertThat(results.get(0).get("ruleId").asText()).isEqualTo("drop-table");
    assertThat(results.get(0).at("/suppressions/0/justification").asText())
        .isEqualTo("replaced by archive_orders in 5.0");
    JsonNode location = results.get(1).at("/locations/0/physicalLocation");
    assertThat(location.at("/artifactLocation/uri").asText()).endsWith("dir%20with%20space/V6.sql");
    assertThat(location.at("/region/startLine").asInt()).isEqualTo(3);
    JsonNode rule =
        sarif.at("/runs/0/tool/driver/rules").get(results.get(1).get("ruleIndex").asInt());
    assertThat(rule.get("id").asText()).isEqualTo("index-without-concurrently");
  }

  private void git(String... args) throws Exception {
    java.util.List<String> argv =
        new java.util.ArrayList<>(java.util.List.of("git", "-C", tmp.toString()));
    argv.addAll(java.util.List.of(args));
    Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor()).as(out).isZero();
  }

  @Test
  void sinceLintsOnlyTheMigrationsOfThisRelease() throws Exception {
    git("init", "-q");
    git("config", "user.email", "t@example.com");
    git("config", "user.name", "t");
    write("db/V1__old.sql", "ALTER TABLE a DROP COLUMN b;\n");
    git("add", ".");
    git("commit", "-q", "-m", "release 1");
    git("tag", "v1");
    write("db/V2__committed.sql", "ALTER TABLE a DROP COLUMN c;\n");
    git("add", ".");
    git("commit", "-q", "-m", "release 2");
    write("db/V3__untracked.sql", "ALTER TABLE a DROP COLUMN d;\n");
    Run run = Run.of("migrations", "lint", "--since", "v1", tmp.resolve("db").toString());
    assertThat(run.out())
        .contains("column c of a", "column d of a")
        .doesNotContain("column b of a")
        .endsWith("checked 2 files: 2 errors, 0 warnings, 0 allowed\n");
    Run unknown = Run.of("migrations", "lint", "--since", "v9", tmp.resolve("db").toString());
    assertThat(unknown.exitCode()).isOne();
    assertThat(unknown.err()).contains("--since v9: fatal:");
  }

  @Test
  void aDescriptorLintsItsPreSyncSqlAsExpandAndItsPostDeploySqlAsContract() throws Exception {
    write(
        "db/pre/V7__expand.sql",
        "ALTER TABLE a ADD COLUMN c text;\nALTER TABLE a DROP COLUMN b;\n");
    write("db/post/V8__contract.sql", "ALTER TABLE a DROP COLUMN b;\n");
    Path app =
        write(
            "app.yaml",
            """
            apiVersion: syncgen/v1
            kind: App
            metadata: {name: shop}
            spec:
              image: shop/app:1.0
              database: {urlFrom: {secretKeyRef: {name: db, key: url}}}
              migration:
                tool: rails
                sql: {paths: [db/pre]}
                postDeploy:
                  command: [bin/rails, db:migrate]
                  sql: {paths: [db/post/V8__contract.sql]}
            """);
    Run run = Run.of("migrations", "lint", "--phase", "contract", app.toString());
    assertThat(run.out())
        .isEqualTo(
            tmp.resolve("db/pre/V7__expand.sql")
                + ":2:1: error: [drop-column] column b of a: The old code still selects and inserts"
                + " the column while the new one rolls out. Instead: Stop reading and writing the"
                + " column in one release; drop it in a contract migration (postDeploy, or the"
                + " next release).\n"
                + "ALTER TABLE a DROP COLUMN b;\n"
                + "^\n"
                + "checked 2 files: 1 error, 0 warnings, 0 allowed\n");
    Path none =
        write(
            "none.yaml",
            Files.readString(app)
                .replace("    sql: {paths: [db/pre]}\n", "")
                .replace("      sql: {paths: [db/post/V8__contract.sql]}\n", ""));
    Run empty = Run.of("migrations", "lint", none.toString());
    assertThat(empty.exitCode()).isOne();
    assertThat(empty.err()).contains("names no SQL to lint: set spec.migration.sql.paths");
  }

  @Test
  void withoutARenderedLockTimeoutTheFileMustSetOne() throws Exception {
    Path bare = write("V9.sql", "ALTER TABLE a ADD COLUMN c text;\nALTER TABLE a DROP COLUMN b;\n");
    Path set = write("V10.sql", "SET lock_timeout = '2s';\nALTER TABLE a DROP COLUMN b;\n");
    Run run =
        Run.of(
            "migrations",
            "lint",
            "--phase",
            "contract",
            "--no-lock-timeout",
            bare.toString(),
            set.toString());
    assertThat(run.out())
        .isEqualTo(
            bare
                + ":2:1: error: [missing-lock-timeout] no lock_timeout before this statement:"
                + " Queued behind a long transaction, the statement holds every query of the app"
                + " behind its own lock until that transaction ends. Instead: SET lock_timeout ="
                + " '5s' at the top of the file (and retry on failure), or let syncgen's Job set"
                + " it: migration.lockTimeout.\n"
                + "ALTER TABLE a DROP COLUMN b;\n"
                + "^\n"
                + "checked 2 files: 1 error, 0 warnings, 0 allowed\n");
    assertThat(Run.of("migrations", "lint", "--phase", "contract", bare.toString()).exitCode())
        .as("syncgen's Jobs set one")
        .isZero();
  }

  @Test
  void junitHasACasePerFileFailingOnErrorsOnly() throws Exception {
    Path bad = write("junit/V1__bad.sql", "ALTER TABLE a DROP COLUMN b;\nVACUUM a;\n");
    Path warn = write("junit/V2__warn.sql", "VACUUM a;\n");
    Path clean = write("junit/V3__clean.sql", "CREATE TABLE c (id int);\n");
    Run run = Run.of("migrations", "lint", "--format", "junit", tmp.resolve("junit").toString());
    assertThat(run.exitCode()).isOne();
    var document =
        javax.xml.parsers.DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new org.xml.sax.InputSource(new java.io.StringReader(run.out())));
    var suite = (org.w3c.dom.Element) document.getElementsByTagName("testsuite").item(0);
    assertThat(suite.getAttribute("tests")).isEqualTo("3");
    assertThat(suite.getAttribute("failures")).isEqualTo("1");
    var cases = suite.getElementsByTagName("testcase");
    assertThat(((org.w3c.dom.Element) cases.item(0)).getAttribute("name"))
        .isEqualTo(bad.toString());
    assertThat(
            ((org.w3c.dom.Element) cases.item(0))
                .getElementsByTagName("failure")
                .item(0)
                .getTextContent())
        .contains("[drop-column]");
    assertThat(((org.w3c.dom.Element) cases.item(1)).getAttribute("name"))
        .isEqualTo(warn.toString());
    assertThat(((org.w3c.dom.Element) cases.item(1)).getElementsByTagName("failure").getLength())
        .isZero();
    assertThat(
            ((org.w3c.dom.Element) cases.item(1))
                .getElementsByTagName("system-out")
                .item(0)
                .getTextContent())
        .contains("[not-analysed]");
    assertThat(((org.w3c.dom.Element) cases.item(2)).getAttribute("name"))
        .isEqualTo(clean.toString());
    assertThat(((org.w3c.dom.Element) cases.item(2)).getChildNodes().getLength()).isZero();
  }

  @Test
  void aDescriptorsFormatSaysWhichFilesTheToolApplies() throws Exception {
    write("fw/V1__add.sql", "ALTER TABLE a DROP COLUMN v;\n");
    write("fw/R__views.sql", "ALTER TABLE a DROP COLUMN r;\n");
    write("fw/U1__undo.sql", "ALTER TABLE a DROP COLUMN u;\n");
    write("fw/seed.sql", "ALTER TABLE a DROP COLUMN s;\n");
    Path app =
        write(
            "fw.yaml",
            """
            apiVersion: syncgen/v1
            kind: App
            metadata: {name: shop}
            spec:
              image: shop/app:1.0
              database: {urlFrom: {secretKeyRef: {name: db, key: url}}}
              migration: {tool: flyway, sql: {paths: [fw], format: flyway}}
            """);
    Run run = Run.of("migrations", "lint", app.toString());
    assertThat(run.out())
        .contains("column v of a", "column r of a")
        .doesNotContain("column u of a", "column s of a")
        .endsWith("checked 2 files: 2 errors, 0 warnings, 0 allowed\n");
    Run wrong =
        Run.of(
            "migrations",
            "lint",
            write("bad.yaml", Files.readString(app).replace("format: flyway", "format: liquibase"))
                .toString());
    assertThat(wrong.exitCode()).isOne();
    assertThat(wrong.err())
        .contains("spec.migration.sql.format must be one of flyway, golang-migrate");
  }
}
