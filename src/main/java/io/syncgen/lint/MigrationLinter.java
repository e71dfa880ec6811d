package io.syncgen.lint;

import io.syncgen.diagnostic.Location;
import io.syncgen.diagnostic.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lints one migration file's SQL against the phase it runs in: splits it as PostgreSQL does ({@link
 * StatementSplitter}), recognises each statement ({@link StatementForms}), and turns what it does
 * into findings by the rules' severities in that phase. A {@code -- syncgen:allow <rule> <reason>}
 * comment on the line before a statement turns that rule's finding off, keeping the reason. A pure
 * function of its input.
 */
public final class MigrationLinter {
  private static final Pattern ALLOW =
      Pattern.compile("^\\s*--\\s*syncgen:allow\\b[ \\t]*(\\S*)[ \\t]*(.*?)\\s*$");

  private MigrationLinter() {}

  /**
   * The findings of one file, in file order, with a lock timeout set by the runner (syncgen's
   * migration Jobs set {@code migration.lockTimeout}, 5 s by default).
   *
   * @param file the file as the user named it
   * @param sql its text (for goose and dbmate files, only the up section is read: see {@link
   *     MigrationSections})
   * @param phase the phase the file runs in
   */
  public static List<LintFinding> lint(String file, String sql, Phase phase) {
    return lint(file, sql, phase, true);
  }

  /**
   * The findings of one file, in file order.
   *
   * @param lockTimeoutRendered whether the runner sets a lock timeout; without one, a statement
   *     that takes ACCESS EXCLUSIVE needs {@code SET lock_timeout} before it in the file
   */
  public static List<LintFinding> lint(
      String file, String sql, Phase phase, boolean lockTimeoutRendered) {
    String text = MigrationSections.upOnly(sql);
    String[] lines = text.split("\r?\n", -1);
    FileState state = new FileState();
    List<LintFinding> findings = new ArrayList<>();
    state.lockTimeoutReported = lockTimeoutRendered;
    List<SqlStatement> statements = StatementSplitter.split(text);
    for (int i = 0; i < statements.size(); i++) {
      SqlStatement statement = statements.get(i);
      List<Hit> hits = hits(statement, state, i == statements.size() - 1);
      Location at = location(file, lines, statement.line(), statement.column());
      Allowance allow = allowance(file, lines, statement.line(), findings);
      for (Hit hit : hits) {
        Optional<Severity> severity = hit.rule().severity(phase);
        if (severity.isPresent()) {
          String reason = allow != null && allow.rule.equals(hit.rule().id()) ? allow.reason : null;
          findings.add(
              new LintFinding(
                  at, severity.get(), hit.rule(), hit.subject(), firstLine(statement), reason));
        }
      }
    }
    return findings;
  }

  /**
   * What a statement does (psql meta-commands do nothing to the database), and what it means for
   * the file: a nested transaction block, a block the last statement leaves open, the first
   * statement that takes ACCESS EXCLUSIVE with no lock timeout set.
   */
  private static List<Hit> hits(SqlStatement statement, FileState state, boolean last) {
    if (statement.text().startsWith("\\")) {
      return List.of();
    }
    List<Hit> recognised = StatementForms.recognise(statement.text(), state);
    List<Hit> hits = new ArrayList<>();
    hits.addAll(
        recognised == null
            ? List.of(new Hit(LintRule.NOT_ANALYSED, "statement not recognised"))
            : recognised);
    if (state.nested) {
      hits.add(new Hit(LintRule.TRANSACTION_NESTING, "a transaction block inside another"));
      state.nested = false;
    }
    if (state.inTransaction && last) {
      hits.add(new Hit(LintRule.UNCOMMITTED_TRANSACTION, "the file ends inside BEGIN"));
    }
    if (!state.lockTimeoutReported && !state.lockTimeoutSet && locksAll(hits)) {
      hits.add(new Hit(LintRule.MISSING_LOCK_TIMEOUT, "no lock_timeout before this statement"));
      state.lockTimeoutReported = true;
    }
    return hits;
  }

  /** Whether one of the hits takes ACCESS EXCLUSIVE on an existing table. */
  private static boolean locksAll(List<Hit> hits) {
    return hits.stream().anyMatch(h -> Claim.ACCESS_EXCLUSIVE.equals(h.rule().claim().lock()));
  }

  /** An acknowledgement: the rule it names and why. */
  private record Allowance(String rule, String reason) {}

  /**
   * The acknowledgement on the line before {@code line}, if any; one without a rule or reason is
   * itself a finding.
   */
  private static Allowance allowance(
      String file, String[] lines, int line, List<LintFinding> findings) {
    if (line < 2) {
      return null;
    }
    Matcher m = ALLOW.matcher(lines[line - 2]);
    if (!m.matches()) {
      return null;
    }
    if (m.group(1).isEmpty() || m.group(2).isEmpty() || LintRule.byId(m.group(1)).isEmpty()) {
      Location at = location(file, lines, line - 1, lines[line - 2].indexOf("--") + 1);
      findings.add(
          new LintFinding(
              at,
              Severity.ERROR,
              LintRule.ALLOW_WITHOUT_REASON,
              m.group(1).isEmpty() || LintRule.byId(m.group(1)).isPresent()
                  ? "this acknowledgement names no reason"
                  : "this acknowledgement names no rule of syncgen (" + m.group(1) + ")",
              lines[line - 2].strip(),
              null));
      return null;
    }
    return new Allowance(m.group(1), m.group(2));
  }

  private static Location location(String file, String[] lines, int line, int column) {
    return new Location(file, line, column, line <= lines.length ? lines[line - 1] : "");
  }

  private static String firstLine(SqlStatement statement) {
    String text = statement.text();
    int end = text.indexOf('\n');
    return (end < 0 ? text : text.substring(0, end)).strip();
  }
}
