package io.syncgen.descriptor;

import io.syncgen.diagnostic.Location;
import io.syncgen.diagnostic.SourceFile;
import java.util.HashMap;
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
  private final Map<String, String> aliases;
  private final Map<String, Location> fixed;

  SourceMap(SourceFile file, Map<String, Node> values, Map<String, Node> keys) {
    this(file, values, keys, Map.of(), Map.of());
  }

  private SourceMap(
      SourceFile file,
      Map<String, Node> values,
      Map<String, Node> keys,
      Map<String, String> aliases,
      Map<String, Location> fixed) {
    this.file = file;
    this.values = Map.copyOf(values);
    this.keys = Map.copyOf(keys);
    this.aliases = Map.copyOf(aliases);
    this.fixed = Map.copyOf(fixed);
  }

  /**
   * The map of a descriptor after overrides: a path in {@code aliases} (and everything under it)
   * stands where its override was written in the file ({@code spec.replicas} at {@code
   * spec.environments.prod.replicas}); a path in {@code fixed} stands at a location outside the
   * file (a {@code --set} argument). Later overlays win.
   */
  SourceMap overlay(Map<String, String> newAliases, Map<String, Location> newFixed) {
    Map<String, String> allAliases = new HashMap<>(aliases);
    allAliases.putAll(newAliases);
    Map<String, Location> allFixed = new HashMap<>(fixed);
    allFixed.putAll(newFixed);
    newAliases.keySet().forEach(allFixed::remove);
    newFixed.keySet().forEach(allAliases::remove);
    return new SourceMap(file, values, keys, allAliases, allFixed);
  }

  /** The file the descriptor was read from. */
  public SourceFile file() {
    return file;
  }

  /** Whether the field at {@code path} was written in the file (not defaulted). */
  public boolean isPresent(String path) {
    return overlaid(path, false) != null || values.containsKey(path);
  }

  /** The location of the value at {@code path}, or of its nearest present parent. */
  public Location value(String path) {
    Location over = overlaid(path, false);
    return over != null ? over : written(path);
  }

  private Location written(String path) {
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
    Location over = overlaid(path, true);
    return over != null ? over : writtenKey(path);
  }

  private Location writtenKey(String path) {
    Node node = keys.get(path);
    return node != null ? file.at(node.getStartMark()) : written(path);
  }

  /** Where an overridden path stands, or null when no override covers it. */
  private Location overlaid(String path, boolean key) {
    for (String p = path; !p.isEmpty(); p = parent(p)) {
      Location at = fixed.get(p);
      if (at != null) {
        return at;
      }
      String alias = aliases.get(p);
      if (alias != null) {
        String target = alias + path.substring(p.length());
        return key ? writtenKey(target) : written(target);
      }
    }
    return null;
  }

  /** {@code spec.env[0].name} to {@code spec.env[0]} to {@code spec.env} to {@code spec} to "". */
  static String parent(String path) {
    int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
    return cut < 0 ? "" : path.substring(0, cut);
  }
}
