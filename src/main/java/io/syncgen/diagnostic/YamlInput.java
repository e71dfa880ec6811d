package io.syncgen.diagnostic;

import java.io.StringReader;
import java.util.Locale;
import java.util.function.Consumer;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Composes the YAML of a user's file into SnakeYAML node graphs, the one way every reader does
 * (descriptor, manifests, {@code --set} values): SnakeYAML's own limits from the caller's {@link
 * LoaderOptions}, plus a refusal of recursive aliases and of lone surrogates, and every error
 * located where it is.
 *
 * <p>A node graph composed here is a tree with shared subtrees (aliases): no node contains itself,
 * so a walk over it ends.
 */
public final class YamlInput {
  private YamlInput() {}

  /**
   * Composes every document of {@code text}, handing each to {@code each} as soon as it is read;
   * documents before an error have been handed over when the error is thrown.
   *
   * @param file the file, for locations
   * @param text its text, as {@link SourceFile#of} was given it
   * @param options SnakeYAML's limits (aliases, nesting, code points, duplicate keys)
   * @param each receives each document's root node, in order
   * @throws DiagnosticException at the first problem, located: a syntax error, a character YAML
   *     does not allow, a recursive alias, a lone surrogate, a limit reached
   */
  public static void compose(
      SourceFile file, String text, LoaderOptions options, Consumer<Node> each)
      throws DiagnosticException {
    GuardedParser parser =
        new GuardedParser(new ParserImpl(new StreamReader(new StringReader(text)), options), file);
    Composer composer = new Composer(parser, new Resolver(), options);
    try {
      while (composer.checkNode()) {
        each.accept(composer.getNode());
      }
    } catch (GuardedParser.Refused e) {
      throw new DiagnosticException(e.diagnostic());
    } catch (MarkedYAMLException e) {
      throw new DiagnosticException(TextInput.yamlSyntax(file, e));
    } catch (ReaderException e) {
      throw new DiagnosticException(
          Diagnostic.error(file.atIndex(e.getPosition()), notAllowed(e.getCodePoint())));
    } catch (YAMLException e) {
      // A limit (aliases, nesting, size) raises a plain YAMLException, at the event being read.
      Location where = parser.lastMark() == null ? file.at(1, 1) : file.at(parser.lastMark());
      throw new DiagnosticException(Diagnostic.error(where, "YAML refused: " + e.getMessage()));
    }
  }

  /** Why a character SnakeYAML's reader refuses (YAML 1.1 section 5.1, "c-printable") is wrong. */
  private static String notAllowed(int codePoint) {
    String escape =
        codePoint <= 0xFF
            ? String.format(Locale.ROOT, "\\x%02x", codePoint)
            : String.format(Locale.ROOT, "\\u%04x", codePoint);
    return String.format(
        Locale.ROOT,
        "YAML does not allow the character U+%04X here (a control character); remove it, or write"
            + " it as %s inside a double-quoted string",
        codePoint,
        escape);
  }
}
