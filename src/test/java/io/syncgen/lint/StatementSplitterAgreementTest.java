package io.syncgen.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.syncgen.render.TestPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The splitter agrees with psql and PostgreSQL on every file of {@code
 * src/test/resources/lint/splitter}: psql runs each file ({@code psql -X -v ON_ERROR_STOP=0 -f
 * FILE}, in name order, all in one database, as a migration folder runs) against {@link
 * TestPostgres}'s server through a {@link QueryCapture}, which records the text of every Query
 * message the server receives, and that list is compared with the splitter's statements, its
 * meta-command lines left out (psql runs those itself and sends nothing).
 *
 * <p>Only what psql itself changes is normalised. On PostgreSQL's side: psql (15) sends the leading
 * block comments of a statement and its terminating {@code ;}, but not the whitespace and {@code
 * --} comments before its first token; so leading whitespace and comments and trailing whitespace
 * are removed, and a text left empty or {@code ;} (a lone {@code ;} or a statement of comments,
 * which the server answers with an empty-query response) is dropped. On the splitter's side, a
 * statement stands for the file's text from its first token through its {@code ;}: its text, then
 * only whitespace, then the {@code ;}. On both sides runs of LF become one: psql drops empty lines
 * outside quoted text. Files whose name holds {@code edge} may make the server report errors; the
 * others must run without one, which shows that each statement is whole SQL.
 */
class StatementSplitterAgreementTest {
  private static final Path CORPUS = Path.of("src/test/resources/lint/splitter");
  private static final Pattern VERSION = Pattern.compile("\\(PostgreSQL\\) (\\d+)");

  private static QueryCapture capture;
  private static String database;
  private static String scratch;
  private static String psql;

  @BeforeAll
  static void startServer() throws Exception {
    TestPostgres postgres = TestPostgres.get();
    database = postgres.createDatabase("lint_splitter");
    scratch = postgres.createDatabase("lint_corpus_split");
    psql = psqlBinary();
    capture = QueryCapture.start(postgres.port());
  }

  @AfterAll
  static void stopCapture() throws IOException {
    if (capture != null) {
      capture.close();
    }
  }

  static List<Path> corpus() throws IOException {
    try (Stream<Path> files = Files.list(CORPUS)) {
      return files
          .filter(f -> f.toString().endsWith(".sql"))
          .sorted(Comparator.comparing(Path::toString))
          .toList();
    }
  }

  @Test
  void theCorpusHoldsTenFilesAtLeast() throws IOException {
    assertThat(corpus()).hasSizeGreaterThanOrEqualTo(10);
  }

  @ParameterizedTest
  @MethodSource("corpus")
  void postgresReceivesTheStatementsTheSplitterFinds(Path file) throws Exception {
    agree(file, database, file.getFileName().toString().contains("edge"));
  }

  /**
   * The lint corpus's files (LintCorpusTest), whose tables mostly do not exist here: errors aside.
   */
  static List<Path> lintCorpus() throws IOException {
    try (Stream<Path> files = Files.walk(Path.of("src/test/resources/lint/corpus"))) {
      return files.filter(f -> f.toString().endsWith(".sql")).sorted().toList();
    }
  }

  @ParameterizedTest
  @MethodSource("lintCorpus")
  void theLintCorpusIsSplitAsPostgresReceivesIt(Path file) throws Exception {
    // A database of their own: their DDL must not change what the splitter corpus meets.
    agree(file, scratch, true);
  }

  /**
   * Runs {@code file} through psql and compares what the server received with the splitter's
   * statements; unless {@code errorsAllowed}, psql must report no error either.
   */
  private static void agree(Path file, String db, boolean errorsAllowed) throws Exception {
    String sql = Files.readString(file, StandardCharsets.UTF_8);
    capture.take();
    String output = psql(file, db);
    List<String> queries = capture.take();
    assertThat(queries).as("queries psql sent for %s:%n%s", file, output).isNotEmpty();
    List<String> received =
        queries.stream()
            .map(q -> lineFeeds(stripLeading(q).stripTrailing()))
            .filter(q -> !q.isEmpty() && !q.equals(";"))
            .toList();
    List<String> split =
        StatementSplitter.split(sql).stream()
            .filter(s -> !s.text().startsWith("\\"))
            .map(s -> lineFeeds(sent(sql, s)))
            .toList();
    assertThat(split)
        .as("%s: the splitter's statements (actual) against PostgreSQL's (expected)", file)
        .containsExactlyElementsOf(received);
    if (!errorsAllowed) {
      assertThat(output).as("psql's output for %s", file).doesNotContain("ERROR:", "error:");
    }
  }

  /** What psql sends for a statement: its source text through its {@code ;} when one ends it. */
  private static String sent(String sql, SqlStatement statement) {
    int i = statement.offset() + statement.text().length();
    while (i < sql.length() && " \t\n\r\f".indexOf(sql.charAt(i)) >= 0) {
      i++;
    }
    boolean semicolon = statement.terminated() && i < sql.length() && sql.charAt(i) == ';';
    return semicolon ? sql.substring(statement.offset(), i + 1) : statement.text();
  }

  /** The text without the whitespace, {@code --} and (nested) block comments it starts with. */
  static String stripLeading(String text) {
    int i = 0;
    while (i < text.length()) {
      if (" \t\n\r\f".indexOf(text.charAt(i)) >= 0) {
        i++;
      } else if (text.startsWith("--", i)) {
        while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
          i++;
        }
      } else if (text.startsWith("/*", i)) {
        int depth = 0;
        do {
          depth += text.startsWith("/*", i) ? 1 : text.startsWith("*/", i) ? -1 : 0;
          i += text.startsWith("/*", i) || text.startsWith("*/", i) ? 2 : 1;
        } while (depth > 0 && i < text.length());
      } else {
        break;
      }
    }
    return text.substring(i);
  }

  private static String lineFeeds(String text) {
    return text.replaceAll("\n{2,}", "\n");
  }

  /** Runs psql on a file through the capture; returns its output (results and messages). */
  private static String psql(Path file, String db) throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder(
            psql,
            "-X",
            "-v",
            "ON_ERROR_STOP=0",
            "-h",
            "127.0.0.1",
            "-p",
            String.valueOf(capture.port()),
            "-U",
            TestPostgres.USER,
            "-d",
            db,
            "-f",
            file.toString());
    Map<String, String> environment = builder.environment();
    environment.keySet().removeIf(name -> name.startsWith("PG"));
    environment.putAll(
        Map.of(
            "PGSSLMODE", "disable",
            "PGGSSENCMODE", "disable",
            "PGCLIENTENCODING", "UTF8",
            "PGPASSWORD", TestPostgres.PASSWORD));
    Process process = builder.redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("psql on %s ended", file).isTrue();
    assertThat(process.exitValue()).as("psql's exit code on %s:%n%s", file, output).isZero();
    return output;
  }

  /** psql of the newest PostgreSQL installed, 15 at least (intra-query comments are sent). */
  private static String psqlBinary() throws IOException, InterruptedException {
    Path root = Path.of("/usr/lib/postgresql");
    String psql = "psql";
    if (Files.isDirectory(root)) {
      try (Stream<Path> versions = Files.list(root)) {
        psql =
            versions
                .map(v -> v.resolve("bin/psql"))
                .filter(Files::isExecutable)
                .max(Comparator.comparing(p -> Integer.parseInt(p.getName(3).toString())))
                .map(Path::toString)
                .orElse(psql);
      }
    }
    Process version = new ProcessBuilder(psql, "--version").redirectErrorStream(true).start();
    String text = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    version.waitFor(30, TimeUnit.SECONDS);
    Matcher m = VERSION.matcher(text);
    assertThat(m.find() && Integer.parseInt(m.group(1)) >= 15).as("psql 15+: %s", text).isTrue();
    return psql;
  }
}
