package io.syncgen.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syncgen.descriptor.AppSpec;
import io.syncgen.descriptor.Patch;
import io.syncgen.descriptor.SourceMap;
import io.syncgen.diagnostic.Diagnostic;
import io.syncgen.diagnostic.DiagnosticException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The last step of a render: refuses extra objects that collide with another object, then applies
 * {@code spec.patches} in order (RFC 6902, through {@link JsonPatches}). Every problem is located
 * in the descriptor.
 */
final class Patches {
  private Patches() {}

  /**
   * Checks and patches the rendered objects.
   *
   * @param trees the rendered objects, syncgen's first, then {@code extraObjects} in order
   * @param spec the descriptor's spec
   * @param source where its fields stand
   * @param ownCount how many of {@code trees} syncgen rendered itself
   * @return the objects, patched, in the same order
   * @throws DiagnosticException for colliding extra objects, patch targets that match nothing, and
   *     failing operations, all of them
   */
  static List<ObjectNode> apply(
      List<ObjectNode> trees, AppSpec spec, SourceMap source, int ownCount)
      throws DiagnosticException {
    List<Diagnostic> problems = new ArrayList<>();
    collisions(trees, ownCount, source, problems);
    List<ObjectNode> objects = new ArrayList<>(trees);
    List<Patch> patches = spec.patches() == null ? List.of() : spec.patches();
    for (int i = 0; i < patches.size(); i++) {
      patch(objects, patches.get(i), "spec.patches[" + i + "]", source, problems);
    }
    if (!problems.isEmpty()) {
      throw new DiagnosticException(problems);
    }
    return objects;
  }

  private static void collisions(
      List<ObjectNode> trees, int ownCount, SourceMap source, List<Diagnostic> problems) {
    Set<String> seen = new LinkedHashSet<>();
    for (int i = 0; i < trees.size(); i++) {
      String id = id(trees.get(i));
      if (!seen.add(id) && i >= ownCount) {
        String path = "spec.extraObjects[" + (i - ownCount) + "].object";
        problems.add(
            Diagnostic.error(
                source.value(path + ".metadata.name"),
                path + " is " + id + ", which is already rendered; give it another name"));
      }
    }
  }

  private static void patch(
      List<ObjectNode> objects,
      Patch patch,
      String path,
      SourceMap source,
      List<Diagnostic> problems) {
    int index = -1;
    for (int i = 0; i < objects.size() && index < 0; i++) {
      ObjectNode o = objects.get(i);
      if (o.path("kind").asText().equals(patch.target().kind())
          && name(o).equals(patch.target().name())) {
        index = i;
      }
    }
    if (index < 0) {
      problems.add(
          Diagnostic.error(
              source.value(path + ".target"),
              path
                  + ".target "
                  + patch.target().kind()
                  + "/"
                  + patch.target().name()
                  + " matches no rendered object; rendered: "
                  + String.join(", ", ids(objects))));
      return;
    }
    ArrayNode operations = JsonNodeFactory.instance.arrayNode();
    patch.patch().forEach(operations::add);
    JsonPatches.Result result = JsonPatches.apply(objects.get(index), operations);
    if (result.failure() != null) {
      int op = result.failure().operation();
      problems.add(
          Diagnostic.error(
              source.value(path + ".patch[" + op + "]"),
              path
                  + ".patch["
                  + op
                  + "] failed on "
                  + ids(objects.subList(index, index + 1)).get(0)
                  + ": "
                  + result.failure().message()));
    } else if (!(result.patched() instanceof ObjectNode patched)) {
      problems.add(
          Diagnostic.error(
              source.value(path + ".patch"), path + ".patch must leave an object (a mapping)"));
    } else {
      objects.set(index, patched);
    }
  }

  private static List<String> ids(List<ObjectNode> objects) {
    return objects.stream().map(Patches::id).toList();
  }

  /** An object as {@code Kind/name}. */
  static String id(JsonNode object) {
    return object.path("kind").asText() + "/" + name(object);
  }

  private static String name(JsonNode object) {
    return object.path("metadata").path("name").asText("");
  }
}
