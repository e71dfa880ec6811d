package io.syncgen.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.syncgen.diagnostic.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs {@link MigrationLinter} on the corpus of real-world-style migrations in {@code
 * src/test/resources/lint/corpus} (issue 13): Django {@code sqlmigrate} output, Rails statements
 * and structure.sql, Flyway, golang-migrate, goose, dbmate and Sqitch files. Each file's header
 * (its leading comment lines) names every finding it must produce, {@code -- expect: RULE
 * LINE:COL}, no more and no fewer; acknowledged findings are compared only in a file that names
 * them with {@code -- expect-allowed: RULE LINE:COL}; {@code -- phase: contract} lints it as a
 * contract migration (expand otherwise). Files of {@code bad/} expect findings, files of {@code
 * clean/} none; together the bad files show every rule in each phase it flags. Files of {@code
 * lexical/} (first line {@code -- needs: splitter}) hold ';' inside dollar quotes, strings or
 * comments, and meta-commands: only a splitter that follows PostgreSQL's lexical rules reads them
 * right (a naive split at every ';' failed them all). {@code -- lock-timeout: none} lints a file as
 * run without a lock timeout. What the recognisers still get wrong is in {@code known-gaps.md}, not
 * asserted here.
 */
class LintCorpusTest {
  static final Path CORPUS = Path.of("src", "test", "resources", "lint", "corpus");
  static final Path BAD = CORPUS.resolve("bad");
  static final Path CLEAN = CORPUS.resolve("clean");
  static final Path PENDING = CORPUS.resolve("lexical");

  private static final String NEEDS_SPLITTER = "-- needs: splitter";

  /** Any header line, to find one that is malformed or comes after a statement. */
  private static final Pattern HEADER =
      Pattern.compile("\\s*-- ?(expect|expect-allowed|phase|needs|lock-timeout)\\b.*");

  private static final Pattern FINDING =
      Pattern.compile(
          "-- (?<kind>expect|expect-allowed): (?<rule>[a-z0-9-]+) (?<line>\\d+):(?<column>\\d+)");

  private static final Pattern PHASE = Pattern.compile("-- phase: (?<phase>expand|contract)");

  /**
   * A finding as the corpus names it.
   *
   * @param rule the rule id
   * @param line the line of the statement's first token (or of the acknowledgement)
   * @param column its column
   */
  record Position(String rule, int line, int column) implements Comparable<Position> {
    private static final Comparator<Position> ORDER =
        Comparator.comparingInt(Position::line)
            .thenComparingInt(Position::column)
            .thenComparing(Position::rule);

    static Position of(LintFinding f) {
      return new Position(f.rule().id(), f.location().line(), f.location().column());
    }

    @Override
    public int compareTo(Position other) {
      return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
      return rule + " " + line + ":" + column;
    }
  }

  /**
   * What a corpus file's header says.
   *
   * @param file the file
   * @param phase the phase it is linted in
   * @param expected the findings it must produce, sorted
   * @param allowed the acknowledged findings it must produce, sorted
   * @param checksAllowed whether it names its acknowledged findings (else they are not compared)
   * @param needsSplitter whether its first line is {@code -- needs: splitter}
   * @param lockTimeoutRendered false when its header says {@code -- lock-timeout: none} (its runner
   *     sets none)
   */
  record Case(
      Path file,
      Phase phase,
      List<Position> expected,
      List<Position> allowed,
      boolean checksAllowed,
      boolean needsSplitter,
      boolean lockTimeoutRendered) {
    String name() {
      return CORPUS.relativize(file).toString().replace('\\', '/');
    }

    String text() throws IOException {
      return Files.readString(file, StandardCharsets.UTF_8);
    }

    List<LintFinding> lint() throws IOException {
      return MigrationLinter.lint(name(), text(), phase, lockTimeoutRendered);
    }
  }

  static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(p -> p.getFileName().toString().endsWith(".sql")).sorted().toList();
    }
  }

  /**
   * Reads a file's header: the comment and blank lines before its first statement. A header-like
   * line that does not parse, names no rule of syncgen, or comes after the first statement fails.
   */
  static Case parse(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    Phase phase = Phase.EXPAND;
    List<Position> expected = new ArrayList<>();
    List<Position> allowed = new ArrayList<>();
    boolean checksAllowed = false;
    boolean lockTimeoutRendered = true;
    boolean inHeader = true;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      inHeader = inHeader && (line.isBlank() || line.stripLeading().startsWith("--"));
      if (!HEADER.matcher(line).matches()) {
        continue;
      }
      String where = file + ":" + (i + 1) + ": ";
      if (!inHeader) {
        fail(where + "a header line after the first statement: " + line);
      }
      Matcher finding = FINDING.matcher(line);
      Matcher phaseLine = PHASE.matcher(line);
      if (finding.matches()) {
        String rule = finding.group("rule");
        if (LintRule.byId(rule).isEmpty()) {
          fail(where + "no rule has the id " + rule);
        }
        Position at =
            new Position(
                rule,
                Integer.parseInt(finding.group("line")),
                Integer.parseInt(finding.group("column")));
        if (finding.group("kind").equals("expect")) {
          expected.add(at);
        } else {
          allowed.add(at);
          checksAllowed = true;
        }
      } else if (phaseLine.matches()) {
        phase = Phase.valueOf(phaseLine.group("phase").toUpperCase(Locale.ROOT));
      } else if (line.equals("-- lock-timeout: none")) {
        lockTimeoutRendered = false;
      } else if (!(line.equals(NEEDS_SPLITTER) && i == 0)) {
        fail(where + "malformed header line: " + line);
      }
    }
    expected.sort(Comparator.naturalOrder());
    allowed.sort(Comparator.naturalOrder());
    boolean needsSplitter = !lines.isEmpty() && lines.get(0).equals(NEEDS_SPLITTER);
    return new Case(
        file,
        phase,
        List.copyOf(expected),
        List.copyOf(allowed),
        checksAllowed,
        needsSplitter,
        lockTimeoutRendered);
  }

  /** Lints the file and compares its findings with the header's, exactly. */
  private static void check(Case c) throws IOException {
    List<LintFinding> findings = c.lint();
    String note =
        c.needsSplitter()
            ? " [-- needs: splitter: it splits right only with the real StatementSplitter, not the"
                + " placeholder]"
            : "";
    String report =
        findings.stream()
            .map(
                f ->
                    "  "
                        + f.format()
                        + (f.allowed() ? " (allowed: " + f.allowedBecause() + ")" : ""))
            .collect(Collectors.joining("\n"));
    assertThat(sorted(findings.stream().filter(f -> !f.allowed()).map(Position::of)))
        .as("findings of %s in %s%s; the linter reported:%n%s", c.name(), c.phase(), note, report)
        .containsExactlyElementsOf(c.expected());
    if (c.checksAllowed()) {
      assertThat(sorted(findings.stream().filter(LintFinding::allowed).map(Position::of)))
          .as("acknowledged findings of %s%s; the linter reported:%n%s", c.name(), note, report)
          .containsExactlyElementsOf(c.allowed());
    }
    for (LintFinding f : findings) {
      assertThat(f.location().file()).as("file of %s", f.format()).isEqualTo(c.name());
    }
  }

  private static List<Position> sorted(Stream<Position> positions) {
    return positions.sorted().toList();
  }

  @TestFactory
  Stream<DynamicTest> badFilesProduceExactlyTheExpectedFindings() throws IOException {
    return each(
        BAD,
        c -> {
          assertThat(c.expected()).as("%s names no -- expect: finding", c.name()).isNotEmpty();
          assertThat(c.needsSplitter()).as("%s needs the splitter", c.name()).isFalse();
        });
  }

  @TestFactory
  Stream<DynamicTest> cleanFilesProduceNoFinding() throws IOException {
    return each(
        CLEAN,
        c -> {
          assertThat(c.expected()).as("%s is clean but expects findings", c.name()).isEmpty();
          assertThat(c.needsSplitter()).as("%s needs the splitter", c.name()).isFalse();
        });
  }

  /** Files only a splitter that follows PostgreSQL's lexical rules reads right. */
  @TestFactory
  Stream<DynamicTest> lexicalFilesProduceExactlyTheExpectedFindings() throws IOException {
    return each(
        PENDING,
        c ->
            assertThat(c.needsSplitter())
                .as("%s starts with %s", c.name(), NEEDS_SPLITTER)
                .isTrue());
  }

  /** One test per file of {@code dir}: its header checked by {@code header}, then its findings. */
  private static Stream<DynamicTest> each(Path dir, java.util.function.Consumer<Case> header)
      throws IOException {
    return files(dir).stream()
        .map(
            file ->
                DynamicTest.dynamicTest(
                    CORPUS.relativize(file).toString(),
                    () -> {
                      Case c = parse(file);
                      header.accept(c);
                      check(c);
                    }));
  }

  /**
   * Every rule has a bad example in each phase it flags a statement in; allow-without-reason, about
   * the file and not a statement, needs one in either phase. Acknowledgements are exercised too.
   */
  @Test
  void theBadFilesShowEveryRuleInEveryPhaseItFlags() throws IOException {
    List<Path> bad = files(BAD);
    assertThat(bad).hasSizeGreaterThanOrEqualTo(20);
    assertThat(files(CLEAN)).hasSizeGreaterThanOrEqualTo(20);
    Set<String> covered = new TreeSet<>();
    for (Path file : bad) {
      Case c = parse(file);
      c.expected().forEach(p -> covered.add(p.rule() + " in " + c.phase()));
    }
    Set<String> needed = new TreeSet<>();
    for (LintRule rule : LintRule.values()) {
      if (rule == LintRule.ALLOW_WITHOUT_REASON) {
        continue;
      }
      for (Phase phase : Phase.values()) {
        rule.severity(phase).ifPresent(s -> needed.add(rule.id() + " in " + phase));
      }
    }
    assertThat(covered).as("rules and phases the bad files expect").containsAll(needed);
    String allow = LintRule.ALLOW_WITHOUT_REASON.id();
    assertThat(covered).as("a bad file expects %s", allow).anyMatch(s -> s.startsWith(allow + " "));

    Set<String> acknowledged = new TreeSet<>();
    for (Path file : files(CLEAN)) {
      parse(file).allowed().forEach(p -> acknowledged.add(p.rule()));
    }
    assertThat(acknowledged)
        .as("rules acknowledged with a reason in clean files")
        .hasSizeGreaterThan(3);
  }

  /**
   * The clean contract files are clean for the reason they show: linted as expand migrations, they
   * break every rule that only the expand phase enforces (drops, renames, required columns).
   */
  @Test
  void cleanContractFilesHoldWhatOnlyExpandForbids() throws IOException {
    Set<LintRule> found = EnumSet.noneOf(LintRule.class);
    for (Path file : files(CLEAN)) {
      Case c = parse(file);
      if (c.phase() == Phase.CONTRACT) {
        MigrationLinter.lint(c.name(), c.text(), Phase.EXPAND).stream()
            .filter(f -> !f.allowed() && f.severity() == Severity.ERROR)
            .forEach(f -> found.add(f.rule()));
      }
    }
    Set<LintRule> expandOnly = EnumSet.noneOf(LintRule.class);
    for (LintRule rule : LintRule.values()) {
      if (rule.severity(Phase.EXPAND).isPresent() && rule.severity(Phase.CONTRACT).isEmpty()) {
        expandOnly.add(rule);
      }
    }
    assertThat(expandOnly).isNotEmpty();
    assertThat(found)
        .as("errors of the clean contract files linted as expand")
        .containsAll(expandOnly);
  }

  /** At least 150 statements, as StatementSplitter splits the part of each file a deploy runs. */
  @Test
  void theCorpusHoldsAtLeast150Statements() throws IOException {
    int statements = 0;
    for (Path file : files(CORPUS)) {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      statements += StatementSplitter.split(MigrationSections.upOnly(text)).size();
    }
    assertThat(statements).isGreaterThanOrEqualTo(150);
  }

  /** Every .sql file of the corpus is in one of its three folders. */
  @Test
  void everyFileIsBadCleanOrPending() throws IOException {
    for (Path file : files(CORPUS)) {
      assertThat(file.startsWith(BAD) || file.startsWith(CLEAN) || file.startsWith(PENDING))
          .as("%s is under bad/, clean/ or lexical/", file)
          .isTrue();
    }
  }
}
