package io.syncgen.descriptor;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncgen.diagnostic.Diagnostic;
import io.syncgen.diagnostic.SourceFile;
import io.syncgen.diagnostic.Suggestions;
import java.io.StringReader;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Binds a composed YAML node graph to the descriptor records, driven by their {@link Field}
 * annotations. Reports every problem (unknown fields with a suggestion, wrong types, missing
 * required fields, bad formats, duplicate keys) instead of stopping at the first.
 */
final class Binder {
  private final SourceFile file;
  private final List<Diagnostic> errors = new ArrayList<>();
  private final Map<String, Node> values = new HashMap<>();
  private final Map<String, Node> keys = new HashMap<>();
  private final KubernetesValues kubernetesValues = new KubernetesValues(this);

  Binder(SourceFile file) {
    this.file = file;
  }

  List<Diagnostic> errors() {
    return errors;
  }

  int errorCount() {
    return errors.size();
  }

  void recordValue(String path, Node node) {
    values.put(path, node);
  }

  void recordKey(String path, Node node) {
    keys.put(path, node);
  }

  SourceMap sourceMap() {
    return new SourceMap(file, values, keys);
  }

  /** Binds {@code node} as {@code type}; returns null when it had errors (already recorded). */
  Object bind(Node node, Type type, String path, Field field) {
    values.put(path, node);
    if (type == JsonNode.class) {
      return kubernetesValues.bind(node, path, field);
    }
    if (type instanceof Class<?> c && c.isRecord()) {
      return bindRecord(node, c, path);
    }
    if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
      return bindList(node, p.getActualTypeArguments()[0], path, field);
    }
    if (type instanceof ParameterizedType p && p.getRawType() == Map.class) {
      return bindMap(node, p.getActualTypeArguments()[1], path, field);
    }
    return bindScalar(node, (Class<?>) type, path, field);
  }

  private Object bindRecord(Node node, Class<?> type, String path) {
    if (!(node instanceof MappingNode mapping)) {
      return wrongType(node, path, "a mapping");
    }
    int before = errors.size();
    Map<String, NodeTuple> present = entries(mapping, path);
    RecordComponent[] components = type.getRecordComponents();
    List<String> names = Arrays.stream(components).map(RecordComponent::getName).toList();
    for (String key : present.keySet()) {
      if (!names.contains(key)) {
        Node keyNode = present.get(key).getKeyNode();
        error(keyNode, join(path, key) + " is not a known field" + suggestion(key, names));
      }
    }
    Object[] args = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      RecordComponent component = components[i];
      Field field = component.getAnnotation(Field.class);
      String childPath = join(path, component.getName());
      NodeTuple tuple = present.get(component.getName());
      if (tuple != null && !isNull(tuple.getValueNode())) {
        keys.put(childPath, tuple.getKeyNode());
        args[i] = bind(tuple.getValueNode(), component.getGenericType(), childPath, field);
      } else if (field.required()) {
        // Point at the null value, else at the key that opens this mapping ("spec:").
        Node where = tuple != null ? tuple.getValueNode() : keys.getOrDefault(path, node);
        String got = tuple != null ? " (got null)" : " (missing from " + orRoot(path) + ")";
        error(where, childPath + " is required" + got);
      } else if (!field.defaultValue().isEmpty()) {
        args[i] = bindDefault(component, childPath, field);
      }
    }
    if (errors.size() > before) {
      return null;
    }
    return construct(type, components, args);
  }

  Map<String, NodeTuple> entries(MappingNode mapping, String path) {
    Map<String, NodeTuple> present = new LinkedHashMap<>();
    for (NodeTuple tuple : mapping.getValue()) {
      Node key = tuple.getKeyNode();
      if (key.getTag().equals(Tag.MERGE)) {
        error(key, orRoot(path) + " uses a merge key (<<), which syncgen does not support");
        continue;
      }
      if (!(key instanceof ScalarNode scalar) || !key.getTag().equals(Tag.STR)) {
        error(key, orRoot(path) + " has a key that is not a string");
        continue;
      }
      NodeTuple first = present.putIfAbsent(scalar.getValue(), tuple);
      if (first != null) {
        int line = file.line(first.getKeyNode().getStartMark());
        error(
            key,
            join(path, scalar.getValue()) + " is a duplicate key (first set on line " + line + ")");
      }
    }
    return present;
  }

  private Object bindList(Node node, Type element, String path, Field field) {
    if (!(node instanceof SequenceNode sequence)) {
      return wrongType(node, path, "a list");
    }
    int before = errors.size();
    List<Object> list = new ArrayList<>();
    List<Node> items = sequence.getValue();
    for (int i = 0; i < items.size(); i++) {
      String itemPath = path + "[" + i + "]";
      if (isNull(items.get(i))) {
        error(items.get(i), itemPath + " must not be null");
      } else {
        list.add(bind(items.get(i), element, itemPath, field));
      }
    }
    return errors.size() > before ? null : List.copyOf(list);
  }

  private Object bindMap(Node node, Type value, String path, Field field) {
    if (!(node instanceof MappingNode mapping)) {
      return wrongType(node, path, "a mapping");
    }
    int before = errors.size();
    Map<String, Object> map = new LinkedHashMap<>();
    for (Map.Entry<String, NodeTuple> entry : entries(mapping, path).entrySet()) {
      String entryPath = path + "." + entry.getKey();
      keys.put(entryPath, entry.getValue().getKeyNode());
      Optional<String> keyProblem = field.keyFormat().problem(entry.getKey());
      keyProblem.ifPresent(
          p ->
              error(
                  entry.getValue().getKeyNode(),
                  "key " + ScalarWords.quote(entry.getKey()) + " of " + path + " " + p));
      Node valueNode = entry.getValue().getValueNode();
      if (isNull(valueNode)) {
        error(valueNode, entryPath + " must not be null");
      } else {
        map.put(entry.getKey(), bind(valueNode, value, entryPath, field));
      }
    }
    return errors.size() > before ? null : java.util.Collections.unmodifiableMap(map);
  }

  private Object bindScalar(Node node, Class<?> type, String path, Field field) {
    String expected = expectation(type);
    if (!(node instanceof ScalarNode scalar)) {
      return wrongType(node, path, expected);
    }
    Tag tag = node.getTag();
    String text = scalar.getValue();
    Object value = null;
    if (type == String.class
        && (tag.equals(Tag.STR)
            || (field.format().acceptsNumbers()
                && (tag.equals(Tag.INT) || tag.equals(Tag.FLOAT))))) {
      value = text;
    } else if ((type == Integer.class || type == Long.class) && tag.equals(Tag.INT)) {
      Optional<String> leadingZero = DecimalInteger.leadingZero(path, scalar);
      if (leadingZero.isPresent()) {
        error(node, leadingZero.get());
        return null;
      }
      value = DecimalInteger.parse(text, type);
    } else if (type == Boolean.class && tag.equals(Tag.BOOL)) {
      value = bool(text);
    }
    if (value == null) {
      return wrongType(node, path, expected);
    }
    Optional<String> problem = field.format().problem(value);
    if (problem.isPresent()) {
      error(node, path + " " + problem.get() + " (got " + ScalarWords.describe(scalar) + ")");
      return null;
    }
    return value;
  }

  private static Boolean bool(String text) {
    return switch (text) {
      case "true", "True", "TRUE" -> Boolean.TRUE;
      case "false", "False", "FALSE" -> Boolean.FALSE;
      default -> null; // yes/no/on/off: YAML 1.1 booleans, too easy to misread
    };
  }

  private Object bindDefault(RecordComponent component, String path, Field field) {
    LoaderOptions options = new LoaderOptions();
    Node node =
        new Yaml(new SafeConstructor(options)).compose(new StringReader(field.defaultValue()));
    Binder defaults = new Binder(file);
    Object value = defaults.bind(node, component.getGenericType(), path, field);
    if (!defaults.errors.isEmpty()) {
      throw new IllegalStateException("bad default for " + path + ": " + defaults.errors);
    }
    return value;
  }

  static Object construct(Class<?> type, RecordComponent[] components, Object[] args) {
    Class<?>[] types =
        Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
    try {
      Constructor<?> constructor = type.getDeclaredConstructor(types);
      return constructor.newInstance(args);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException("cannot build " + type.getSimpleName(), e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot build " + type.getSimpleName(), e);
    }
  }

  private Object wrongType(Node node, String path, String expected) {
    String got =
        node instanceof ScalarNode s
            ? ScalarWords.describe(s)
            : node instanceof MappingNode ? "a mapping" : "a list";
    String hint =
        node instanceof ScalarNode s && expected.equals("a string")
            ? "; quote it: \"" + s.getValue() + "\""
            : "";
    error(node, orRoot(path) + " must be " + expected + " (got " + got + ")" + hint);
    return null;
  }

  private static String expectation(Class<?> type) {
    if (type == Integer.class || type == Long.class) {
      return "a decimal integer";
    }
    return type == Boolean.class ? "true or false" : "a string";
  }

  private static String suggestion(String key, List<String> names) {
    return Suggestions.nearest(key, names, 2).stream()
        .findFirst()
        .map(n -> "; did you mean " + n + "?")
        .orElse("; known fields: " + String.join(", ", names));
  }

  private static boolean isNull(Node node) {
    return node.getTag().equals(Tag.NULL);
  }

  private static String join(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  private static String orRoot(String path) {
    return path.isEmpty() ? "the descriptor" : path;
  }

  void error(Node node, String message) {
    errors.add(Diagnostic.error(file.at(node.getStartMark()), message));
  }
}
