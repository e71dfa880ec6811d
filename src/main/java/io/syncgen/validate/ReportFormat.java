package io.syncgen.validate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syncgen.diagnostic.JunitXml;
import io.syncgen.diagnostic.Severity;
import io.syncgen.diagnostic.VisibleText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The output formats of {@code syncgen validate --format}: text, json and junit. In every format,
 * file names, object names and messages have the characters a terminal would act on or XML 1.0
 * cannot hold escaped as {@code \}{@code uXXXX} ({@link VisibleText}), so a report reads the same
 * in all three and the JUnit XML is well-formed.
 */
public enum ReportFormat {
  /**
   * One line per finding, {@code FILE:LINE:COL: error: [rule] Kind/name: message}, then a summary.
   */
  TEXT {
    @Override
    public String write(Validator.Report report, boolean strict) {
      StringBuilder out = new StringBuilder();
      for (Finding finding : report.findings()) {
        out.append(finding.format()).append('\n');
      }
      return out.append(report.summary()).append('\n').toString();
    }
  },
  /**
   * A JSON document: {@code {"summary": {"objects", "errors", "warnings", "passed"}, "findings":
   * [{"file", "line", "column", "severity", "rule", "object", "message"}]}}.
   */
  JSON {
    @Override
    public String write(Validator.Report report, boolean strict) {
      ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
      ObjectNode root = mapper.createObjectNode();
      ObjectNode summary = root.putObject("summary");
      summary.put("objects", report.objects().size());
      summary.put("errors", report.errors());
      summary.put("warnings", report.warnings());
      summary.put("passed", passed(report, strict));
      ArrayNode findings = root.putArray("findings");
      for (Finding f : report.findings()) {
        findings
            .addObject()
            .put("file", VisibleText.of(f.location().file()))
            .put("line", f.location().line())
            .put("column", f.location().column())
            .put("severity", f.severity().label())
            .put("rule", f.rule().id())
            .put("object", VisibleText.of(f.object()))
            .put("message", VisibleText.of(f.message()));
      }
      try {
        return mapper.writeValueAsString(root).replace("\r\n", "\n") + "\n";
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }
  },
  /**
   * JUnit XML as CI systems read it: one {@code testsuite}, one {@code testcase} per object
   * (classname the file, name {@code Kind/name}) plus one per file that could not be read; errors
   * (and warnings under {@code --strict}) are the case's {@code failure}, other warnings its {@code
   * system-out}.
   */
  JUNIT {
    @Override
    public String write(Validator.Report report, boolean strict) {
      Map<String, List<Finding>> byCase = new LinkedHashMap<>();
      for (Validator.Checked checked : report.objects()) {
        byCase.putIfAbsent(caseKey(checked.file(), checked.object()), new ArrayList<>());
      }
      for (Finding f : report.findings()) {
        byCase
            .computeIfAbsent(caseKey(f.location().file(), f.object()), k -> new ArrayList<>())
            .add(f);
      }
      List<JunitXml.Case> cases = new ArrayList<>();
      for (Map.Entry<String, List<Finding>> entry : byCase.entrySet()) {
        String[] key = entry.getKey().split("\u0000", 2);
        List<Finding> failing = entry.getValue().stream().filter(f -> fails(f, strict)).toList();
        List<Finding> passing = entry.getValue().stream().filter(f -> !fails(f, strict)).toList();
        Finding first = failing.isEmpty() ? null : failing.get(0);
        cases.add(
            new JunitXml.Case(
                key[0],
                key[1].isEmpty() ? "(file)" : key[1],
                first == null ? null : first.rule().id(),
                first == null
                    ? null
                    : "["
                        + first.rule().id()
                        + "] "
                        + first.message()
                        + (failing.size() > 1 ? " (and " + (failing.size() - 1) + " more)" : ""),
                lines(failing),
                lines(passing)));
      }
      return JunitXml.write("syncgen validate", cases);
    }
  };

  /**
   * Writes a report.
   *
   * @param report the report
   * @param strict whether warnings fail, as under {@code --strict}
   * @return the text to print on stdout, ending with a line break
   */
  public abstract String write(Validator.Report report, boolean strict);

  /** Whether the report passes: no errors, and under {@code strict} no warnings either. */
  public static boolean passed(Validator.Report report, boolean strict) {
    return report.errors() == 0 && (!strict || report.warnings() == 0);
  }

  private static boolean fails(Finding finding, boolean strict) {
    return finding.severity() == Severity.ERROR || strict;
  }

  private static String caseKey(String file, String object) {
    return file + "\u0000" + object;
  }

  private static String lines(List<Finding> findings) {
    StringBuilder text = new StringBuilder();
    for (Finding f : findings) {
      text.append(f.format()).append('\n');
    }
    return text.toString();
  }
}
