package io.syncgen.lint;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syncgen.diagnostic.Severity;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * A lint report as SARIF 2.1.0 (OASIS "Static Analysis Results Interchange Format"), the format
 * GitHub code scanning uploads read: one run, every rule in {@code tool.driver.rules}, one result
 * per finding at its file, line and column; an acknowledged finding carries an in-source
 * suppression with its reason, so code scanning shows it as dismissed.
 */
final class LintSarif {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private LintSarif() {}

  /** The SARIF log as a JSON tree. */
  static ObjectNode of(LintReport report) {
    ObjectNode log = NODES.objectNode();
    log.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    log.put("version", "2.1.0");
    ObjectNode run = log.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "syncgen migrations lint");
    ArrayNode rules = driver.putArray("rules");
    for (LintRule rule : LintRule.values()) {
      ObjectNode r = rules.addObject();
      r.put("id", rule.id());
      r.putObject("shortDescription").put("text", rule.catches());
      r.putObject("fullDescription").put("text", rule.why());
      r.putObject("help").put("text", rule.fix());
    }
    ArrayNode results = run.putArray("results");
    for (LintFinding f : report.findings()) {
      ObjectNode result = results.addObject();
      result.put("ruleId", f.rule().id());
      result.put("ruleIndex", f.rule().ordinal());
      result.put("level", f.severity() == Severity.ERROR ? "error" : "warning");
      result.putObject("message").put("text", f.message());
      ObjectNode physical = result.putArray("locations").addObject().putObject("physicalLocation");
      physical.putObject("artifactLocation").put("uri", uri(f.location().file()));
      physical
          .putObject("region")
          .put("startLine", f.location().line())
          .put("startColumn", Math.max(1, f.location().column()));
      if (f.allowed()) {
        result
            .putArray("suppressions")
            .addObject()
            .put("kind", "inSource")
            .put("justification", f.allowedBecause());
      }
    }
    return log;
  }

  /** A file name as a relative URI reference: forward slashes, special characters escaped. */
  private static String uri(String file) {
    try {
      return new URI(null, null, file.replace('\\', '/'), null).toASCIIString();
    } catch (URISyntaxException e) {
      return file;
    }
  }
}
