package io.syncgen.lint;

import io.syncgen.diagnostic.Severity;
import io.syncgen.diagnostic.VisibleText;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A lint report as JUnit XML, as CI systems read test reports: one {@code testsuite}, one {@code
 * testcase} per file (classname {@code syncgen migrations lint}, name the file); its errors are the
 * case's {@code failure}, its warnings its {@code system-out}; acknowledged findings are left out,
 * as in the text format. Names and messages have the characters XML 1.0 cannot hold escaped ({@link
 * VisibleText}).
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
    long failures =
        byFile.values().stream()
            .filter(list -> list.stream().anyMatch(f -> f.severity() == Severity.ERROR))
            .count();
    StringWriter out = new StringWriter();
    try {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeCharacters("\n");
      xml.writeStartElement("testsuite");
      xml.writeAttribute("name", "syncgen migrations lint");
      xml.writeAttribute("tests", String.valueOf(byFile.size()));
      xml.writeAttribute("failures", String.valueOf(failures));
      xml.writeAttribute("errors", "0");
      for (Map.Entry<String, List<LintFinding>> file : byFile.entrySet()) {
        testcase(xml, file.getKey(), file.getValue());
      }
      xml.writeCharacters("\n");
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
    return out + "\n";
  }

  private static void testcase(XMLStreamWriter xml, String file, List<LintFinding> findings)
      throws XMLStreamException {
    xml.writeCharacters("\n  ");
    xml.writeStartElement("testcase");
    xml.writeAttribute("classname", "syncgen migrations lint");
    xml.writeAttribute("name", VisibleText.of(file));
    List<LintFinding> errors =
        findings.stream().filter(f -> f.severity() == Severity.ERROR).toList();
    List<LintFinding> warnings =
        findings.stream().filter(f -> f.severity() != Severity.ERROR).toList();
    if (!errors.isEmpty()) {
      xml.writeCharacters("\n    ");
      xml.writeStartElement("failure");
      xml.writeAttribute("type", errors.get(0).rule().id());
      xml.writeAttribute(
          "message",
          errors.size()
              + (errors.size() == 1 ? " error" : " errors")
              + ", first: ["
              + errors.get(0).rule().id()
              + "]");
      xml.writeCharacters(lines(errors));
      xml.writeEndElement();
    }
    if (!warnings.isEmpty()) {
      xml.writeCharacters("\n    ");
      xml.writeStartElement("system-out");
      xml.writeCharacters(lines(warnings));
      xml.writeEndElement();
    }
    if (!findings.isEmpty()) {
      xml.writeCharacters("\n  ");
    }
    xml.writeEndElement();
  }

  private static String lines(List<LintFinding> findings) {
    StringBuilder text = new StringBuilder();
    findings.forEach(f -> text.append(f.format()).append('\n'));
    return text.toString();
  }
}
