package io.syncgen.lint;

import io.syncgen.diagnostic.JunitXml;
import io.syncgen.diagnostic.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A lint report as JUnit XML ({@link JunitXml}): one {@code testcase} per file (classname {@code
 * syncgen migrations lint}, name the file); its errors are the case's {@code failure}, its warnings
 * its {@code system-out}; acknowledged findings are left out, as in the text format.
 */
final class LintJunit {
  private LintJunit() {}

  /** The report as JUnit XML, ending with a line break. */
  static String of(LintReport report) {
    Map<String, List<LintFinding>> byFile = new LinkedHashMap<>();
    report.files().forEach(f -> byFile.put(f, new ArrayList<>()));
    report.findings().stream()
        .filter(f -> !f.allowed())
        .forEach(f -> byFile.computeIfAbsent(f.location().file(), k -> new ArrayList<>()).add(f));
    List<JunitXml.Case> cases = new ArrayList<>();
    byFile.forEach(
        (file, findings) -> {
          List<LintFinding> errors =
              findings.stream().filter(f -> f.severity() == Severity.ERROR).toList();
          List<LintFinding> warnings =
              findings.stream().filter(f -> f.severity() != Severity.ERROR).toList();
          String first = errors.isEmpty() ? null : errors.get(0).rule().id();
          cases.add(
              new JunitXml.Case(
                  "syncgen migrations lint",
                  file,
                  first,
                  first == null
                      ? null
                      : errors.size()
                          + (errors.size() == 1 ? " error" : " errors")
                          + ", first: ["
                          + first
                          + "]",
                  lines(errors),
                  lines(warnings)));
        });
    return JunitXml.write("syncgen migrations lint", cases);
  }

  private static String lines(List<LintFinding> findings) {
    StringBuilder text = new StringBuilder();
    findings.forEach(f -> text.append(f.format()).append('\n'));
    return text.toString();
  }
}
