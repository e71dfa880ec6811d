package io.syncgen.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.syncgen.render.TestPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A migration captured from a scratch database's log ({@code log_statement}), the tool-agnostic way
 * to lint what Rails or any ORM really runs (../shared/docs/migration-safety.md): the test
 * PostgreSQL logs a migration's statements as a tool's driver sends them (pgjdbc: {@code LOG:
 * execute <unnamed>: ...}; a multi-line statement goes on over tab-indented lines), and the linter
 * reads that log as it is, finding each statement at the log line that shows it.
 */
class CapturedLogIT {
  @Test
  void aServerLogIsLintedAtTheLinesItLoggedTheStatementsOn() throws Exception {
    TestPostgres postgres = TestPostgres.get();
    String marker = "syncgen-" + UUID.randomUUID();
    try (Connection c = postgres.connect(postgres.createDatabase("lint_log"));
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE accounts (id bigint PRIMARY KEY, email text, legacy text)");
      s.execute("SET log_statement = 'all'");
      s.execute("SELECT '" + marker + "'");
      s.execute("ALTER TABLE accounts\n  DROP COLUMN legacy");
      s.execute("CREATE INDEX accounts_email ON accounts (email)");
      s.execute("ALTER TABLE accounts ADD COLUMN note text");
      s.execute("RESET log_statement");
    }
    String log = Files.readString(postgres.logFile(), StandardCharsets.UTF_8);
    String captured = log.substring(log.lastIndexOf('\n', log.indexOf(marker)) + 1);
    List<String> lines = captured.lines().toList();
    int drop = index(lines, "ALTER TABLE accounts") + 1;
    int index = index(lines, "CREATE INDEX accounts_email") + 1;
    assertThat(lines.get(drop)).as("the statement's second line follows a tab").startsWith("\t");

    List<LintFinding> findings = MigrationLinter.lint("postgresql.log", captured, Phase.EXPAND);

    assertThat(findings)
        .extracting(f -> f.rule().id() + " " + f.location().line() + " " + f.statement())
        .containsExactly(
            "drop-column " + drop + " ALTER TABLE accounts",
            "index-without-concurrently "
                + index
                + " CREATE INDEX accounts_email ON accounts (email)");
    int column = lines.get(drop - 1).indexOf("ALTER TABLE") + 1;
    assertThat(findings.get(0).location().column()).isEqualTo(column);
  }

  private static int index(List<String> lines, String text) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(text) && lines.get(i).contains("LOG:")) {
        return i;
      }
    }
    throw new AssertionError("not logged: " + text + "\n" + String.join("\n", lines));
  }
}
