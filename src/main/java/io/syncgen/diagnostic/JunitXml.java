package io.syncgen.diagnostic;

import java.io.StringWriter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML as CI systems read test reports (the Ant/Surefire schema Jenkins, GitLab and GitHub
 * actions read): {@code testsuites} holding one {@code testsuite} of the given cases, each with an
 * optional {@code failure} and {@code system-out}. The one writer of {@code validate} and {@code
 * migrations lint}; names and texts have the characters XML 1.0 cannot hold escaped ({@link
 * VisibleText}), so the document is always well-formed.
 */
public final class JunitXml {
  /**
   * One test case.
   *
   * @param classname its {@code classname} attribute
   * @param name its {@code name} attribute
   * @param failureType the {@code failure}'s {@code type}, or null when the case passes
   * @param failureMessage the {@code failure}'s {@code message}, or null when the case passes
   * @param failureText the {@code failure}'s text (one finding a line), or empty
   * @param output the {@code system-out} text, or empty for none
   */
  public record Case(
      String classname,
      String name,
      String failureType,
      String failureMessage,
      String failureText,
      String output) {
    boolean fails() {
      return failureType != null;
    }
  }

  private JunitXml() {}

  /**
   * The document.
   *
   * @param suite the name of the suite (and of {@code testsuites})
   * @param cases the cases, in order
   * @return the XML, ending with a line break
   */
  public static String write(String suite, List<Case> cases) {
    String tests = String.valueOf(cases.size());
    String failures = String.valueOf(cases.stream().filter(Case::fails).count());
    StringWriter out = new StringWriter();
    try {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeCharacters("\n");
      xml.writeStartElement("testsuites");
      counts(xml, suite, tests, failures);
      xml.writeCharacters("\n  ");
      xml.writeStartElement("testsuite");
      counts(xml, suite, tests, failures);
      xml.writeAttribute("skipped", "0");
      for (Case c : cases) {
        testcase(xml, c);
      }
      xml.writeCharacters("\n  ");
      xml.writeEndElement();
      xml.writeCharacters("\n");
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
    return out + "\n";
  }

  private static void counts(XMLStreamWriter xml, String suite, String tests, String failures)
      throws XMLStreamException {
    xml.writeAttribute("name", suite);
    xml.writeAttribute("tests", tests);
    xml.writeAttribute("failures", failures);
    xml.writeAttribute("errors", "0");
  }

  private static void testcase(XMLStreamWriter xml, Case c) throws XMLStreamException {
    xml.writeCharacters("\n    ");
    xml.writeStartElement("testcase");
    xml.writeAttribute("classname", VisibleText.of(c.classname()));
    xml.writeAttribute("name", VisibleText.of(c.name()));
    if (c.fails()) {
      xml.writeCharacters("\n      ");
      xml.writeStartElement("failure");
      xml.writeAttribute("message", VisibleText.of(c.failureMessage()));
      xml.writeAttribute("type", c.failureType());
      xml.writeCharacters(c.failureText());
      xml.writeEndElement();
    }
    if (!c.output().isEmpty()) {
      xml.writeCharacters("\n      ");
      xml.writeStartElement("system-out");
      xml.writeCharacters(c.output());
      xml.writeEndElement();
    }
    if (c.fails() || !c.output().isEmpty()) {
      xml.writeCharacters("\n    ");
    }
    xml.writeEndElement();
  }
}
