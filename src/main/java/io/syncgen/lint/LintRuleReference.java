package io.syncgen.lint;

import io.syncgen.diagnostic.Severity;

/**
 * The README's table of {@code migrations lint} rules, generated from {@link LintRule} so that the
 * documentation cannot drift from the checks: one row per rule, with its severity in each phase and
 * what PostgreSQL was seen to do ({@link Claim}).
 */
public final class LintRuleReference {
  private LintRuleReference() {}

  /** The table as Markdown, ending with a line break. */
  public static String markdown() {
    StringBuilder out = new StringBuilder("\n");
    out.append("| rule | expand | contract | PostgreSQL, checked | catches | why | instead |\n");
    out.append("| --- | --- | --- | --- | --- | --- | --- |\n");
    for (LintRule rule : LintRule.values()) {
      out.append("| `")
          .append(rule.id())
          .append("` | ")
          .append(severity(rule, Phase.EXPAND))
          .append(" | ")
          .append(severity(rule, Phase.CONTRACT))
          .append(" | ")
          .append(claim(rule.claim()))
          .append(" | ")
          .append(cell(rule.catches()))
          .append(" | ")
          .append(cell(rule.why()))
          .append(" | ")
          .append(cell(rule.fix()))
          .append(" |\n");
    }
    return out.append('\n').toString();
  }

  private static String severity(LintRule rule, Phase phase) {
    return rule.severity(phase).map(Severity::label).orElse("allowed");
  }

  private static String claim(Claim claim) {
    if (claim.refusedInTransaction()) {
      return "refused in a transaction block";
    }
    if (claim.lock() == null) {
      return "";
    }
    return claim.lock()
        + (claim.rewrite() ? ", rewrites the table" : "")
        + (claim.validates() ? ", validates every row" : "");
  }

  private static String cell(String text) {
    return text.replace("|", "\\|");
  }
}
