package io.syncgen.descriptor;

import io.syncgen.diagnostic.Location;
import io.syncgen.diagnostic.SourceFile;
import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Where each field of a parsed descriptor stands in its file, by path ({@code spec.env[0].name}). A
 * path that is absent (a defaulted field) resolves to its nearest present parent.
 */
public final class SourceMap {
  private final SourceFile file;
  private final Map<String, Node> values;
  private final Map<String, Node> keys;

  SourceMap(SourceFile file, Map<String, Node> values, Map<String, Node> keys) {
    this.file = file;
    this.values = Map.copyOf(values);
    this.keys = Map.copyOf(keys);
  }

  /** The file the descriptor was read from. */
  public SourceFile file() {
    return file;
  }

  /** Whether the field at {@code path} was written in the file (not defaulted). */
  public boolean isPresent(String path) {
    return values.containsKey(path);
  }

  /** The location of the value at {@code path}, or of its nearest present parent. */
  public Location value(String path) {
    for (String p = path; ; p = parent(p)) {
      Node node = values.get(p);
      if (node != null) {
        return file.at(node.getStartMark());
      }
      if (p.isEmpty()) {
        return file.at(1, 1);
      }
    }
  }

  /** The location of the key of {@code path}, or of its value when the key is unknown. */
  public Location key(String path) {
    Node node = keys.get(path);
    return node != null ? file.at(node.getStartMark()) : value(path);
  }

  /** {@code spec.env[0].name} to {@code spec.env[0]} to {@code spec.env} to {@code spec} to "". */
  static String parent(String path) {
    int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
    return cut < 0 ? "" : path.substring(0, cut);
  }
}
