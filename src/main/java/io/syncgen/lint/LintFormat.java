package io.syncgen.lint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syncgen.diagnostic.Severity;
import java.io.UncheckedIOException;

/** The report formats of {@code syncgen migrations lint}. */
public enum LintFormat {
  /**
   * Each finding ({@code FILE:LINE:COL: error: [rule] ...}, then the statement's line and a caret),
   * acknowledged ones left out, then a summary line.
   */
  TEXT,
  /** A JSON object: {@code files}, counts, and every finding with its statement and reason. */
  JSON,
  /** SARIF 2.1.0, for GitHub code scanning (see {@link LintSarif}). */
  SARIF,
  /** JUnit XML, a test case per file (see {@link LintJunit}). */
  JUNIT;

  private static final ObjectMapper JSON_MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** The report in this format, ending with a line break. */
  public String write(LintReport report) {
    return switch (this) {
      case TEXT -> text(report);
      case JSON -> json(report);
      case SARIF -> write(LintSarif.of(report));
      case JUNIT -> LintJunit.of(report);
    };
  }

  private static String text(LintReport report) {
    StringBuilder out = new StringBuilder();
    report.findings().stream().filter(f -> !f.allowed()).forEach(f -> out.append(f.text()));
    out.append("checked ")
        .append(report.files().size())
        .append(report.files().size() == 1 ? " file: " : " files: ")
        .append(plural(report.count(Severity.ERROR), "error"))
        .append(", ")
        .append(plural(report.count(Severity.WARNING), "warning"))
        .append(", ")
        .append(report.allowed())
        .append(" allowed\n");
    return out.toString();
  }

  private static String json(LintReport report) {
    ObjectNode root = JSON_MAPPER.createObjectNode();
    root.put("files", report.files().size());
    root.put("errors", report.count(Severity.ERROR));
    root.put("warnings", report.count(Severity.WARNING));
    root.put("allowed", report.allowed());
    ArrayNode findings = root.putArray("findings");
    for (LintFinding f : report.findings()) {
      ObjectNode node = findings.addObject();
      node.put("file", f.location().file());
      node.put("line", f.location().line());
      node.put("column", f.location().column());
      node.put("severity", f.severity().label());
      node.put("rule", f.rule().id());
      node.put("statement", f.statement());
      node.put("message", f.message());
      if (f.allowed()) {
        node.put("allowedBecause", f.allowedBecause());
      }
    }
    return write(root);
  }

  private static String write(ObjectNode root) {
    try {
      return JSON_MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String plural(long n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }
}
