package io.syncgen.descriptor;

import io.syncgen.diagnostic.Diagnostic;
import io.syncgen.diagnostic.DiagnosticException;
import io.syncgen.diagnostic.Location;
import io.syncgen.diagnostic.SourceFile;
import io.syncgen.diagnostic.Suggestions;
import io.syncgen.diagnostic.YamlInput;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * {@code --set PATH=VALUE}: one scalar field of the descriptor replaced, the value bound as the
 * field's type and format by the {@link Binder}, as if it were written in the file. Only scalars
 * outside lists and maps can be set; an unknown path gets the closest ones as suggestions.
 */
final class SetOverride {
  /** How many edits a path suggested for an unknown one may be away from it. */
  private static final int SUGGEST = 3;

  private SetOverride() {}

  /**
   * Applies one {@code PATH=VALUE}.
   *
   * @param origin what the user wrote, where problems are located ({@code --set PATH=VALUE})
   * @param fixed filled with the path set, mapped to the origin, so rules locate it there
   * @param problems filled with what is wrong with the path or the value
   * @return the descriptor with the field replaced, or {@code app} after a problem
   */
  static AppDescriptor apply(
      AppDescriptor app,
      String set,
      String origin,
      Map<String, Location> fixed,
      List<Diagnostic> problems) {
    int eq = set.indexOf('=');
    String path = set.substring(0, eq);
    String text = set.substring(eq + 1);
    Location where = Location.ofFile(origin);
    List<String> segments = List.of(path.split("\\.", -1));
    DescriptorModel.Property property = null;
    Class<?> record = AppDescriptor.class;
    String walked = "";
    for (String segment : segments) {
      if (record == null && property.type() instanceof Class<?>) {
        problems.add(
            Diagnostic.error(
                where, path + " is not a field of the descriptor: " + walked + " is a scalar"));
        return app;
      }
      if (record == null) {
        problems.add(Diagnostic.error(where, notScalar(walked, property.type())));
        return app;
      }
      property = find(record, segment);
      if (property == null) {
        problems.add(Diagnostic.error(where, unknownPath(path, walked, record)));
        return app;
      }
      walked = walked.isEmpty() ? segment : walked + "." + segment;
      record = DescriptorModel.record(property.type());
    }
    if (!(property.type() instanceof Class<?> scalar) || scalar.isRecord()) {
      problems.add(Diagnostic.error(where, notScalar(path, property.type())));
      return app;
    }
    Object value = bindValue(path, text, scalar, property.field(), where, problems);
    if (value == null) {
      return app;
    }
    try {
      AppDescriptor changed = (AppDescriptor) set(app, segments, value, "");
      fixed.put(path, where);
      return changed;
    } catch (AbsentBlock e) {
      problems.add(Diagnostic.error(where, e.getMessage()));
      return app;
    }
  }

  private static DescriptorModel.Property find(Class<?> record, String name) {
    return DescriptorModel.properties(record).stream()
        .filter(p -> p.name().equals(name))
        .findFirst()
        .orElse(null);
  }

  private static String notScalar(String path, java.lang.reflect.Type type) {
    String shape =
        DescriptorModel.listElement(type) != null
            ? "a list"
            : DescriptorModel.mapValue(type) != null ? "a map" : "a mapping";
    return path
        + " is "
        + shape
        + ", not a scalar; --set changes one string, number or boolean field"
        + (DescriptorModel.record(type) != null ? ", such as one inside it" : "");
  }

  /** The unknown path, with the scalar paths close to it, or the fields where it went wrong. */
  private static String unknownPath(String path, String walked, Class<?> record) {
    List<String> all = new ArrayList<>();
    scalarPaths(AppDescriptor.class, "", all);
    String last = path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    List<String> close =
        all.stream()
            .filter(
                p ->
                    distance(p, path) <= SUGGEST
                        || p.substring(p.lastIndexOf('.') + 1)
                            .toLowerCase(Locale.ROOT)
                            .equals(last))
            .sorted(Comparator.comparingInt((String p) -> distance(p, path)).thenComparing(p -> p))
            .limit(3)
            .toList();
    String message = path + " is not a field of the descriptor";
    if (!close.isEmpty()) {
      return message + "; did you mean " + String.join(" or ", close) + "?";
    }
    List<String> names =
        DescriptorModel.properties(record).stream().map(DescriptorModel.Property::name).toList();
    return message
        + "; the fields of "
        + (walked.isEmpty() ? "the descriptor" : walked)
        + " are "
        + String.join(", ", names);
  }

  private static int distance(String a, String b) {
    return Suggestions.distance(a, b, SUGGEST);
  }

  /** Every path {@code --set} accepts: scalar fields, not inside lists or maps. */
  private static void scalarPaths(Class<?> record, String prefix, List<String> out) {
    for (DescriptorModel.Property property : DescriptorModel.properties(record)) {
      String path = prefix + property.name();
      Class<?> nested = DescriptorModel.record(property.type());
      if (nested != null) {
        scalarPaths(nested, path + ".", out);
      } else if (property.type() instanceof Class<?>) {
        out.add(path);
      }
    }
  }

  /** The value as the field's type, checked by the {@link Binder}; null after a problem. */
  private static Object bindValue(
      String path,
      String text,
      Class<?> type,
      Field field,
      Location where,
      List<Diagnostic> problems) {
    SourceFile source = SourceFile.of(where.file(), text);
    List<Node> documents = new ArrayList<>();
    try {
      YamlInput.compose(source, text, new LoaderOptions(), documents::add);
    } catch (DiagnosticException e) {
      String why = e.diagnostics().get(0).message();
      problems.add(Diagnostic.error(where, path + " must be a single YAML scalar: " + why));
      return null;
    }
    if (documents.size() > 1) {
      problems.add(Diagnostic.error(where, path + " must be a single YAML scalar"));
      return null;
    }
    Node node = documents.isEmpty() ? null : documents.get(0);
    if (node == null || node.getTag().equals(Tag.NULL)) {
      problems.add(Diagnostic.error(where, path + " needs a value after '='"));
      return null;
    }
    if (type == String.class && node instanceof ScalarNode) {
      node.setTag(Tag.STR); // --set spec.image=... is always text, even when it looks like 1.0
    }
    Binder binder = new Binder(source);
    Object value = binder.bind(node, type, path, field);
    binder.errors().forEach(d -> problems.add(Diagnostic.error(where, d.message())));
    return binder.errors().isEmpty() ? value : null;
  }

  /**
   * A copy of {@code record} with the scalar at {@code segments} replaced.
   *
   * @throws AbsentBlock when a block on the way is not in the descriptor
   */
  private static Object set(Object record, List<String> segments, Object value, String walked)
      throws AbsentBlock {
    String name = segments.get(0);
    if (segments.size() == 1) {
      return with(record, name, value);
    }
    String path = walked.isEmpty() ? name : walked + "." + name;
    Object child = Records.get(record, name);
    if (child == null) {
      throw new AbsentBlock(
          path + " is not set in the descriptor; --set changes a field of a block that exists");
    }
    return with(record, name, set(child, segments.subList(1, segments.size()), value, path));
  }

  private static <T> T with(T record, String name, Object value) {
    return Records.with(record, name, value);
  }

  /** A {@code --set} path through a block the descriptor does not have: the user's mistake. */
  private static final class AbsentBlock extends Exception {
    private static final long serialVersionUID = 1L;

    AbsentBlock(String message) {
      super(message, null, false, false);
    }
  }
}
