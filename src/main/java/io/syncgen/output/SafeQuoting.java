package io.syncgen.output;

import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Quotes every string that a YAML reader could take for something else. Jackson's own checker
 * leaves {@code 2026-11-21}, {@code <<}, {@code =} and {@code 0o17} plain; Kubernetes reads YAML
 * with go-yaml, where some of those are timestamps, merge keys or numbers, and an annotation that
 * is not a string makes Kubernetes drop every annotation of the object. So a string is quoted when
 * SnakeYAML's YAML 1.1 resolver, or the YAML 1.2 core schema, would not resolve it to a string.
 */
final class SafeQuoting extends StringQuotingChecker.Default {
  private static final long serialVersionUID = 1L;
  private static final Resolver YAML_1_1 = new Resolver();

  /** YAML 1.2 core schema forms that YAML 1.1 reads as strings: octal {@code 0o17}. */
  private static final Pattern YAML_1_2_ONLY = Pattern.compile("[-+]?0o[0-7]+");

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
        || YAML_1_2_ONLY.matcher(text).matches()
        || text.equals("=");
  }
}
