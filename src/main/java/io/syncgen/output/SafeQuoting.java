package io.syncgen.output;

import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Quotes every string that a YAML reader could take for something else. Jackson's own checker
 * leaves {@code 2026-11-21}, {@code <<}, {@code =} and {@code 0O17} plain; Kubernetes reads YAML
 * with go-yaml, where some of those are timestamps, merge keys or numbers, and an annotation that
 * is not a string makes Kubernetes drop every annotation of the object. So a string is quoted when
 * SnakeYAML's YAML 1.1 resolver, or Go's integer syntax, would not read it as a string.
 */
final class SafeQuoting extends StringQuotingChecker.Default {
  private static final long serialVersionUID = 1L;
  private static final Resolver YAML_1_1 = new Resolver();

  /**
   * Integers go-yaml reads with Go's {@code strconv.ParseInt(s, 0, 64)} that SnakeYAML's resolver
   * does not: base prefixes in either case ({@code 0O17}, {@code 0X1F}, {@code 0B11}).
   */
  private static final Pattern GO_INTEGER = Pattern.compile("[-+]?0[xXoObB][0-9a-fA-F_]+");

  /** Line breaks that SnakeYAML would fold in a plain scalar: NEL, LINE and PARAGRAPH SEPARATOR. */
  private static final Pattern UNICODE_BREAK = Pattern.compile("[\u0085\u2028\u2029]");

  @Override
  public boolean needToQuoteName(String name) {
    return super.needToQuoteName(name) || ambiguous(name);
  }

  @Override
  public boolean needToQuoteValue(String value) {
    return super.needToQuoteValue(value) || ambiguous(value);
  }

  private static boolean ambiguous(String text) {
    return !YAML_1_1.resolve(NodeId.scalar, text, true).equals(Tag.STR)
        || GO_INTEGER.matcher(text).matches()
        || UNICODE_BREAK.matcher(text).find()
        || text.equals("=");
  }
}
