package io.syncgen.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.syncgen.cli.Run;
import io.syncgen.diagnostic.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code syncgen validate} on the rule corpus in {@code src/test/resources/validate/corpus}:
 * each file of {@code bad/} must produce exactly the findings its {@code # expect: RULE Kind/name
 * LINE:COL} comment lines name (no more, no fewer, in that file) with the exit code their
 * severities imply, each file of {@code clean/} none; together the bad files exercise every {@link
 * Rule}, and {@code --format json} reports the same findings as the text format.
 */
class CorpusTest {
  static final Path CORPUS = Path.of("src", "test", "resources", "validate", "corpus");
  static final Path BAD = CORPUS.resolve("bad");
  static final Path CLEAN = CORPUS.resolve("clean");

  /** {@code FILE:LINE:COL: error|warning: [rule-id] Kind/name: message}; the object is optional. */
  private static final Pattern FINDING =
      Pattern.compile(
          "(?<file>.+?):(?<line>\\d+):(?<column>\\d+): (?<severity>error|warning):"
              + " \\[(?<rule>[a-z0-9-]+)\\] (?:(?<object>[^\\s:]+/[^\\s:]*): )?(?<message>.+)");

  private static final Pattern SUMMARY =
      Pattern.compile(
          "checked (?<objects>\\d+) objects?: (?<errors>\\d+) errors?, (?<warnings>\\d+) warnings?");

  private static final Pattern EXPECT =
      Pattern.compile(
          "# expect: (?<rule>[a-z0-9-]+) (?<object>\\S+) (?<line>\\d+):(?<column>\\d+)");

  /**
   * One finding as the corpus names it.
   *
   * @param rule the rule id
   * @param object {@code Kind/name}, or {@code -} for none
   * @param position {@code LINE:COL}
   * @param file the file part of the finding
   */
  record Expected(String rule, String object, String position, String file)
      implements Comparable<Expected> {
    private static final Comparator<Expected> ORDER =
        Comparator.comparing(Expected::file)
            .thenComparing(Expected::position)
            .thenComparing(Expected::rule)
            .thenComparing(Expected::object);

    @Override
    public int compareTo(Expected other) {
      return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
      return file + ":" + position + " [" + rule + "] " + object;
    }
  }

  /**
   * What a corpus file's header says.
   *
   * @param file the manifest file
   * @param findings the expected findings, sorted
   * @param args extra command line arguments
   * @param bug why the case is skipped, or null
   */
  record Case(Path file, List<Expected> findings, List<String> args, String bug) {
    /** The command line: {@code validate ARGS... FILE}. */
    String[] commandLine(String... extra) {
      List<String> line = new ArrayList<>(List.of("validate"));
      line.addAll(args);
      line.addAll(List.of(extra));
      line.add(file.toString());
      return line.toArray(String[]::new);
    }

    String name() {
      return CORPUS.relativize(file).toString();
    }
  }

  /** What one text run printed, parsed. */
  record Output(int exitCode, List<Expected> findings, long errors, long warnings) {}

  static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(
              p -> {
                String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
              })
          .sorted()
          .toList();
    }
  }

  static List<Path> corpus() throws IOException {
    List<Path> all = new ArrayList<>(files(BAD));
    all.addAll(files(CLEAN));
    return all;
  }

  /**
   * Reads a file's header: its leading {@code #} lines hold {@code # expect:} lines ({@code -} as
   * the object of a finding about no object), an optional {@code # args:} line (extra command line
   * arguments) and, for a case that shows a product bug, {@code # bug: <what is wrong>}, which
   * skips it until the bug is fixed. A JSON file, which cannot hold comments, keeps these lines in
   * {@code <file>.expect} beside it.
   */
  static Case parse(Path file) throws IOException {
    Path header = file;
    if (file.getFileName().toString().endsWith(".json")) {
      header = file.resolveSibling(file.getFileName() + ".expect");
      if (!Files.exists(header)) {
        return new Case(file, List.of(), List.of(), null);
      }
    }
    List<Expected> findings = new ArrayList<>();
    List<String> args = new ArrayList<>();
    String bug = null;
    for (String line : Files.readAllLines(header, StandardCharsets.UTF_8)) {
      if (!line.startsWith("#")) {
        break;
      }
      if (line.startsWith("# expect")) {
        Matcher m = EXPECT.matcher(line);
        if (!m.matches()) {
          fail(header + ": malformed expectation: " + line);
        }
        if (Rule.byId(m.group("rule")).isEmpty()) {
          fail(header + ": no rule has the id " + m.group("rule") + ": " + line);
        }
        findings.add(
            new Expected(
                m.group("rule"),
                m.group("object"),
                m.group("line") + ":" + m.group("column"),
                file.toString()));
      } else if (line.startsWith("# args:")) {
        args.addAll(Arrays.asList(line.substring("# args:".length()).strip().split("\\s+")));
      } else if (line.startsWith("# bug:")) {
        bug = line.substring("# bug:".length()).strip();
      }
    }
    findings.sort(Comparator.naturalOrder());
    return new Case(file, List.copyOf(findings), List.copyOf(args), bug);
  }

  /** Runs the text format and parses every line of stdout; fails on a line it cannot read. */
  static Output runText(Case c) {
    Run run = Run.of(c.commandLine());
    List<Expected> findings = new ArrayList<>();
    Matcher summary = null;
    for (String line : run.out().split("\n", -1)) {
      if (line.isEmpty()) {
        continue;
      }
      Matcher m = FINDING.matcher(line);
      if (m.matches()) {
        assertThat(summary).as("a finding after the summary: %s", line).isNull();
        Rule rule = Rule.byId(m.group("rule")).orElseThrow();
        assertThat(m.group("severity"))
            .as("severity of %s", line)
            .isEqualTo(rule.severity().label());
        findings.add(
            new Expected(
                m.group("rule"),
                m.group("object") == null ? "-" : m.group("object"),
                m.group("line") + ":" + m.group("column"),
                m.group("file")));
        continue;
      }
      Matcher s = SUMMARY.matcher(line);
      if (s.matches() && summary == null) {
        summary = s;
        continue;
      }
      fail(c.name() + ": unexpected stdout line: " + line + "\nstdout:\n" + run.out());
    }
    assertThat(summary).as("summary line of %s; stdout:%n%s", c.name(), run.out()).isNotNull();
    long errors =
        findings.stream()
            .filter(f -> Rule.byId(f.rule()).orElseThrow().severity() == Severity.ERROR)
            .count();
    long warnings = findings.size() - errors;
    assertThat(Long.parseLong(summary.group("errors"))).as("errors in summary").isEqualTo(errors);
    assertThat(Long.parseLong(summary.group("warnings")))
        .as("warnings in summary")
        .isEqualTo(warnings);
    assertThat(run.err()).as("stderr of %s", c.name()).isEmpty();
    findings.sort(Comparator.naturalOrder());
    return new Output(run.exitCode(), findings, errors, warnings);
  }

  @TestFactory
  Stream<DynamicTest> badFilesProduceExactlyTheExpectedFindings() throws IOException {
    return files(BAD).stream()
        .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> checkBad(file)));
  }

  private static void checkBad(Path file) throws IOException {
    Case c = parse(file);
    assertThat(c.findings()).as("%s names no # expect: finding", c.name()).isNotEmpty();
    Assumptions.assumeTrue(c.bug() == null, () -> "BUG: " + c.bug());
    Output out = runText(c);
    assertThat(out.findings())
        .as("findings of syncgen %s", String.join(" ", c.commandLine()))
        .containsExactlyElementsOf(c.findings());
    boolean anyError =
        c.findings().stream()
            .anyMatch(f -> Rule.byId(f.rule()).orElseThrow().severity() == Severity.ERROR);
    assertThat(out.exitCode())
        .as("exit code of %s (%s)", c.name(), anyError ? "errors expected" : "warnings only")
        .isEqualTo(anyError ? 1 : 0);
    for (Expected finding : out.findings()) {
      assertThat(finding.file()).as("file part of %s", finding).isEqualTo(file.toString());
    }
  }

  @TestFactory
  Stream<DynamicTest> cleanFilesProduceNoFindings() throws IOException {
    return files(CLEAN).stream()
        .map(
            file ->
                DynamicTest.dynamicTest(
                    file.getFileName().toString(),
                    () -> {
                      Case c = parse(file);
                      assertThat(c.findings()).as("a clean file expects nothing").isEmpty();
                      Output out = runText(c);
                      assertThat(out.findings()).as("findings of %s", c.name()).isEmpty();
                      assertThat(out.exitCode()).as("exit code of %s", c.name()).isZero();
                    }));
  }

  @Test
  void theBadFilesCoverEveryRule() throws IOException {
    List<Path> bad = files(BAD);
    assertThat(bad).hasSizeGreaterThanOrEqualTo(45);
    assertThat(files(CLEAN)).hasSizeGreaterThanOrEqualTo(6);
    Set<String> covered = new TreeSet<>();
    for (Path file : bad) {
      Case c = parse(file);
      if (c.bug() == null) {
        c.findings().forEach(f -> covered.add(f.rule()));
      }
    }
    Set<String> all = new TreeSet<>();
    for (Rule rule : Rule.values()) {
      all.add(rule.id());
    }
    assertThat(covered)
        .as(
            "rule ids expected by bad/ files that are not marked # bug: (add a case for a new rule)")
        .containsExactlyElementsOf(all);
  }

  @Test
  void badFilesAreNamedAfterARuleTheyExpect() throws IOException {
    Pattern name = Pattern.compile("(?<rule>[a-z0-9-]+)-\\d+\\.(yaml|yml|json)");
    for (Path file : files(BAD)) {
      Matcher m = name.matcher(file.getFileName().toString());
      assertThat(m.matches()).as("%s is named <rule-id>-<n>.yaml", file).isTrue();
      assertThat(parse(file).findings())
          .as("%s expects a finding of the rule it is named after", file)
          .extracting(Expected::rule)
          .contains(m.group("rule"));
    }
  }

  @TestFactory
  Stream<DynamicTest> jsonFormatReportsTheSameFindings() throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    return corpus().stream()
        .map(
            file ->
                DynamicTest.dynamicTest(
                    CORPUS.relativize(file).toString(),
                    () -> {
                      Case c = parse(file);
                      Output text = runText(c);
                      Run run = Run.of(c.commandLine("--format", "json"));
                      JsonNode root = mapper.readTree(run.out());
                      JsonNode findings = root.path("findings");
                      assertThat(findings.isArray()).as("findings array").isTrue();
                      assertThat(findings.size())
                          .as("number of findings of %s in json and text", c.name())
                          .isEqualTo(text.findings().size());
                      List<Expected> json = new ArrayList<>();
                      for (JsonNode f : findings) {
                        String object = f.path("object").asText();
                        json.add(
                            new Expected(
                                f.path("rule").asText(),
                                object.isEmpty() ? "-" : object,
                                f.path("line").asInt() + ":" + f.path("column").asInt(),
                                f.path("file").asText()));
                      }
                      json.sort(Comparator.naturalOrder());
                      assertThat(json).containsExactlyElementsOf(text.findings());
                      assertThat(root.at("/summary/errors").asLong()).isEqualTo(text.errors());
                      assertThat(root.at("/summary/warnings").asLong()).isEqualTo(text.warnings());
                      assertThat(root.at("/summary/passed").asBoolean())
                          .isEqualTo(text.errors() == 0);
                      assertThat(run.exitCode()).isEqualTo(text.exitCode());
                    }));
  }

  /**
   * The clean cases are not vacuous: without the annotation, or at the default level, or with the
   * Secret in the Sync phase, the same objects do produce findings.
   */
  @Test
  void cleanCasesAreCleanForTheReasonTheyShow(@TempDir Path tmp) throws IOException {
    Path ignore = tmp.resolve("ignore-annotation.yaml");
    String text = Files.readString(CLEAN.resolve("ignore-annotation.yaml"));
    Files.writeString(ignore, text.replaceAll("(?m)^ +syncgen\\.io/ignore: .*\\n", ""));
    assertThat(rules(Run.of("validate", ignore.toString())))
        .containsExactly("container-resources", "image-tag");

    assertThat(
            rules(
                Run.of(
                    "validate", CLEAN.resolve("restricted-only-under-baseline.yaml").toString())))
        .containsExactly(
            "pss-capabilities-restricted",
            "pss-privilege-escalation",
            "pss-run-as-non-root",
            "pss-run-as-user",
            "pss-seccomp-restricted",
            "pss-volume-types");

    Path presync = tmp.resolve("presync-secret-lower-wave.yaml");
    String secretHook = "kind: Secret\nmetadata:\n  name: api-db\n  annotations:\n";
    String original = Files.readString(CLEAN.resolve("presync-secret-lower-wave.yaml"));
    assertThat(original).contains(secretHook + "    argocd.argoproj.io/hook: PreSync\n");
    Files.writeString(
        presync,
        original.replace(secretHook + "    argocd.argoproj.io/hook: PreSync\n", secretHook));
    assertThat(rules(Run.of("validate", presync.toString()))).contains("presync-reads-sync-object");
  }

  /**
   * The clean cases of the rules that compare objects are not vacuous either: with the Secret at
   * the Sync hook's later wave, the streaming server in the migration's repository, the shared
   * claim ReadWriteOnce or the autoscaler allowed a second replica, the same objects do produce
   * findings.
   */
  @Test
  void crossObjectCleanCasesAreCleanForTheReasonTheyShow(@TempDir Path tmp) throws IOException {
    assertThat(
            rulesWith(
                tmp,
                "sync-hook-reads-earlier-waves.yaml",
                "argocd.argoproj.io/sync-wave: \"-2\"",
                "argocd.argoproj.io/sync-wave: \"0\""))
        .containsExactly("presync-reads-sync-object");
    assertThat(
            rulesWith(
                tmp,
                "migration-image-processes.yaml",
                "ghcr.io/mastodon/mastodon-streaming@",
                "ghcr.io/mastodon/mastodon@"))
        .containsExactly("migration-image-mismatch");
    assertThat(
            rulesWith(
                tmp,
                "pvc-one-replica-or-shared-storage.yaml",
                "[ReadWriteMany]",
                "[ReadWriteOnce]"))
        .containsExactly("pvc-shared-by-replicas");
    assertThat(
            rulesWith(
                tmp,
                "pvc-one-replica-or-shared-storage.yaml",
                "maxReplicas: 1\n",
                "maxReplicas: 2\n"))
        .containsExactly("pvc-shared-by-replicas");
  }

  /** The rules found in a clean case once a text it holds exactly once is replaced. */
  private static Set<String> rulesWith(Path tmp, String clean, String text, String replacement)
      throws IOException {
    String original = Files.readString(CLEAN.resolve(clean));
    assertThat(original.split(Pattern.quote(text), -1))
        .as("%s holds %s once", clean, text)
        .hasSize(2);
    Path changed = tmp.resolve(clean);
    Files.writeString(changed, original.replace(text, replacement));
    return rules(Run.of("validate", changed.toString()));
  }

  private static Set<String> rules(Run run) {
    Set<String> rules = new TreeSet<>();
    for (String line : run.out().split("\n")) {
      Matcher m = FINDING.matcher(line);
      if (m.matches()) {
        rules.add(m.group("rule"));
      }
    }
    return rules;
  }
}
