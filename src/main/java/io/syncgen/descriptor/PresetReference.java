package io.syncgen.descriptor;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The README's preset table, generated from {@link MigrationTool} so that the documentation cannot
 * drift from what syncgen renders: one row per preset, then the notes of those that have one.
 */
public final class PresetReference {
  /** Where the facts of the presets run here are measured. */
  static final String SUITE = "src/test/java/io/syncgen/render/PresetSuiteIT.java";

  private PresetReference() {}

  /** The table as Markdown, ending with a line break. */
  public static String markdown() {
    StringBuilder out = new StringBuilder("\n");
    out.append("| preset | migrate | status check | connection | two runs at once | timeouts |");
    out.append(" proven |\n");
    out.append("| --- | --- | --- | --- | --- | --- | --- |\n");
    StringBuilder notes = new StringBuilder();
    for (MigrationTool tool : MigrationTool.values()) {
      if (tool == MigrationTool.COMMAND) {
        continue;
      }
      Preset p = tool.preset();
      out.append("| `")
          .append(p.id())
          .append("` | ")
          .append(code(String.join(" ", p.migrate())))
          .append(" | ")
          .append(status(p))
          .append(" | `")
          .append(p.connection().variable())
          .append("`: ")
          .append(code(p.connection().url()))
          .append(" | ")
          .append(cell(p.concurrency().how()))
          .append(" | ")
          .append(timeouts(p.sessionOptions()))
          .append(" | ")
          .append(p.runHere() ? "[preset suite](" + SUITE + ")" : "not run here")
          .append(" |\n");
      if (!p.note().isEmpty()) {
        notes.append("- `").append(p.id()).append("`: ").append(p.note()).append('\n');
      }
    }
    return out.append('\n').append(notes).append('\n').toString();
  }

  private static String status(Preset p) {
    if (p.status().isEmpty()) {
      return "none: give `statusCommand`";
    }
    String command = code(String.join(" ", p.status()));
    StatusOutput output = p.statusOutput();
    if (output.byExitCode()) {
      return command + ", by its exit code";
    }
    return command
        + " exits 0 with pending ones; the output tells: up to date "
        + patterns(output.upToDate())
        + (output.pending().isEmpty() ? "" : ", pending " + patterns(output.pending()));
  }

  private static String timeouts(Preset.SessionOptions options) {
    return switch (options) {
      case PGOPTIONS -> "`PGOPTIONS`";
      case JDBC_OPTIONS -> "the JDBC URL's `options`";
      case URL -> "not passed: set them on the role";
    };
  }

  private static String patterns(List<String> patterns) {
    return patterns.stream().map(PresetReference::code).collect(Collectors.joining(" or "));
  }

  /** Inline code; a backtick-free text, with the table's pipe escaped. */
  private static String code(String text) {
    return "`" + cell(text) + "`";
  }

  private static String cell(String text) {
    return text.replace("|", "\\|");
  }
}
