package io.syncgen.validate;

/**
 * The README's rule reference, generated from {@link Rule} so that the documentation cannot drift
 * from the rules {@code validate} runs: one table per {@link Rule.Group}, one row per rule.
 */
public final class RuleReference {
  private RuleReference() {}

  /** The reference as Markdown, ending with a line break. */
  public static String markdown() {
    StringBuilder out = new StringBuilder();
    for (Rule.Group group : Rule.Group.values()) {
      out.append("\n#### ").append(group.title()).append("\n\n");
      out.append("| rule | severity | catches | why | fix |\n");
      out.append("| --- | --- | --- | --- | --- |\n");
      for (Rule rule : Rule.values()) {
        if (rule.group() == group) {
          out.append("| `")
              .append(rule.id())
              .append("` | ")
              .append(rule.severity().label())
              .append(" | ")
              .append(cell(rule.catches()))
              .append(" | ")
              .append(cell(rule.why()))
              .append(" | ")
              .append(cell(rule.fix()))
              .append(" |\n");
        }
      }
    }
    return out.append('\n').toString();
  }

  private static String cell(String text) {
    return text.replace("|", "\\|");
  }
}
