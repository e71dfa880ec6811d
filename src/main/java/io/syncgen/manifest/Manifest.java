package io.syncgen.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syncgen.diagnostic.Location;
import io.syncgen.diagnostic.SourceFile;
import java.util.Map;
import java.util.Objects;
import org.yaml.snakeyaml.error.Mark;

/**
 * One Kubernetes object read from a file, with the position of every node in it so that findings
 * point at the offending key or value.
 *
 * <p>Positions are keyed by JSON pointer (RFC 6901) from the object's root: {@code
 * /spec/template/spec/containers/0/image}. Lines and columns are those of the whole file, so an
 * object in the third document of a stream reports its own lines.
 */
public final class Manifest {
  private final SourceFile source;
  private final KubernetesObject object;
  private final String base;
  private final Map<String, Mark> keys;
  private final Map<String, Mark> values;
  private final int firstLine;
  private final int lastLine;

  /**
   * Wraps an object read from a file.
   *
   * @param source the file
   * @param object the object as JSON
   * @param base the JSON pointer of the object inside its document ({@code ""}, or {@code /items/3}
   *     for an item of a {@code kind: List})
   * @param keys the position of each mapping key, by the pointer of its value, document-wide
   * @param values the position of each value node, by pointer, document-wide
   * @param firstLine the 1-based line the object starts on
   * @param lastLine the 1-based line it ends on (inclusive)
   */
  Manifest(
      SourceFile source,
      ObjectNode object,
      String base,
      Map<String, Mark> keys,
      Map<String, Mark> values,
      int firstLine,
      int lastLine) {
    this.source = Objects.requireNonNull(source);
    this.object = new KubernetesObject(object);
    this.base = Objects.requireNonNull(base);
    this.keys = keys;
    this.values = values;
    this.firstLine = firstLine;
    this.lastLine = lastLine;
  }

  /**
   * Whether a finding is about this object: same file, same {@code Kind/name}, and a line inside
   * the object's lines.
   */
  public boolean owns(Location location, String object) {
    int line = location.line();
    return location.file().equals(source.name())
        && object.equals(display())
        && line >= firstLine
        && line <= lastLine;
  }

  /** The file the object was read from. */
  public SourceFile source() {
    return source;
  }

  /** The JSON pointer of the object inside its document: {@code ""}, or {@code /items/3}. */
  public String base() {
    return base;
  }

  /** The object as a JSON tree; callers must not change it. */
  public ObjectNode object() {
    return object.tree();
  }

  /** The object, as every stage reads it (the same tree as {@link #object()}). */
  public KubernetesObject kubernetesObject() {
    return object;
  }

  /** {@code apiVersion}, or empty when absent or not a string. */
  public String apiVersion() {
    return object.apiVersion();
  }

  /** {@code kind}, or empty when absent or not a string. */
  public String kind() {
    return object.kind();
  }

  /** {@code metadata.name}, or empty. */
  public String name() {
    return object.name();
  }

  /** {@code metadata.generateName}, or empty. */
  public String generateName() {
    return object.generateName();
  }

  /** {@code metadata.namespace}, or empty. */
  public String namespace() {
    return object.namespace();
  }

  /**
   * How findings name the object: {@code Kind/name}; {@code Kind/generateName*} for a generated
   * name, {@code ?} for what is missing.
   */
  public String display() {
    String kind = kind().isEmpty() ? "?" : kind();
    String name = name();
    if (name.isEmpty()) {
      name = generateName().isEmpty() ? "?" : generateName() + "*";
    }
    return kind + "/" + name;
  }

  /**
   * The object's annotations as Argo CD sees them ({@link HookAnnotations#of}): none at all when
   * any value is not a string, which validate's metadata-value-type rule reports.
   */
  public Map<String, String> annotations() {
    return object.annotations();
  }

  /**
   * Where a node is: the key that names it when it is a mapping value, else the value itself; for a
   * pointer that does not exist, the nearest enclosing node that does.
   *
   * @param pointer a JSON pointer from the object's root; {@code ""} is the object itself
   * @return its location in the file
   */
  public Location at(String pointer) {
    return locate(pointer, true);
  }

  /**
   * Where a value is (rather than its key); falls back like {@link #at(String)}.
   *
   * @param pointer a JSON pointer from the object's root
   * @return the location of the value node
   */
  public Location valueAt(String pointer) {
    return locate(pointer, false);
  }

  private Location locate(String pointer, boolean preferKey) {
    String current = pointer;
    while (true) {
      String full = base + current;
      Mark mark = preferKey ? keys.get(full) : null;
      if (mark == null) {
        mark = values.get(full);
      }
      if (mark != null) {
        return source.at(mark);
      }
      if (current.isEmpty()) {
        return source.at(1, 1);
      }
      current = current.substring(0, current.lastIndexOf('/'));
    }
  }

  /** The text of a string node, or empty for anything else. */
  static String text(JsonNode node) {
    return node != null && node.isTextual() ? node.textValue() : "";
  }

  /**
   * Whether one object may refer to another by name, which never crosses namespaces: both name the
   * same namespace, or either names none (and so lands in the namespace it is applied to, which may
   * be the other's).
   *
   * @return false only when both name a namespace, and not the same
   */
  public static boolean sameNamespace(Manifest a, Manifest b) {
    return a.namespace().isEmpty()
        || b.namespace().isEmpty()
        || a.namespace().equals(b.namespace());
  }

  /** Escapes one JSON pointer segment: {@code ~} as {@code ~0}, {@code /} as {@code ~1}. */
  public static String segment(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }
}
