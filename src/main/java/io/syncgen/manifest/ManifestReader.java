package io.syncgen.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syncgen.diagnostic.Diagnostic;
import io.syncgen.diagnostic.DiagnosticException;
import io.syncgen.diagnostic.Location;
import io.syncgen.diagnostic.SourceFile;
import io.syncgen.diagnostic.TextInput;
import io.syncgen.diagnostic.YamlInput;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads Kubernetes manifests: a YAML stream of any number of documents, or JSON, into {@link
 * Manifest}s with the position of every node.
 *
 * <p>Scalars get the types Kubernetes gives them. kubectl and Argo CD read YAML with go-yaml v2
 * (YAML 1.1 resolution) and convert it to JSON, so {@code yes} is {@code true}, {@code 010} is the
 * octal 8, {@code 1_000} is 1000, and timestamps stay strings. An object of a {@code kind: List}
 * (or any {@code *List} with {@code items}) is unwrapped into its items, as kubectl does.
 */
public final class ManifestReader {
  /** The largest file read, in bytes (64 MiB): far above any rendered chart. */
  public static final int MAX_BYTES = 64 << 20;

  /**
   * Most nodes one document may expand to through aliases (a "billion laughs" document defines few
   * aliases that expand exponentially).
   */
  static final int MAX_NODES = 1_000_000;

  /**
   * What was read from one file.
   *
   * @param manifests the objects, in file order
   * @param problems problems met while reading, each an error
   */
  public record Result(List<Manifest> manifests, List<Problem> problems) {}

  /** What kind of reading problem: validate reports each under a rule of its own. */
  public enum Kind {
    /** Not YAML or JSON, too large, a limit reached, not an object. */
    PARSE_ERROR,
    /** A key written twice in one mapping. */
    DUPLICATE_KEY
  }

  /**
   * One problem met while reading.
   *
   * @param kind what kind
   * @param location where
   * @param object the object it concerns, {@code Kind/name}, or empty
   * @param message what is wrong, one line
   */
  public record Problem(Kind kind, Location location, String object, String message) {}

  private ManifestReader() {}

  /**
   * Reads a file.
   *
   * @param path the file
   * @param displayName the name printed in findings
   * @return the objects and the reading problems; never throws for bad input
   */
  public static Result read(Path path, String displayName) {
    String text;
    try {
      text = TextInput.read(path, displayName, "manifest", MAX_BYTES);
    } catch (DiagnosticException e) {
      List<Problem> findings = new ArrayList<>();
      for (Diagnostic d : e.diagnostics()) {
        findings.add(parseError(d.location(), d.message()));
      }
      return new Result(List.of(), findings);
    }
    return parse(displayName, text);
  }

  /**
   * Reads manifest text.
   *
   * @param displayName the name printed in findings
   * @param text YAML (one or more documents) or JSON
   * @return the objects and the reading problems
   */
  public static Result parse(String displayName, String text) {
    SourceFile source = SourceFile.of(displayName, text);
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(true); // reported as findings, with both positions
    options.setMaxAliasesForCollections(50);
    options.setNestingDepthLimit(200);
    options.setCodePointLimit(MAX_BYTES);
    options.setAllowRecursiveKeys(false);
    List<Manifest> manifests = new ArrayList<>();
    List<Problem> findings = new ArrayList<>();
    try {
      YamlInput.compose(
          source, text, options, document -> readDocument(source, document, manifests, findings));
    } catch (DiagnosticException e) {
      for (Diagnostic d : e.diagnostics()) {
        findings.add(parseError(d.location(), d.message()));
      }
    }
    return new Result(manifests, findings);
  }

  private static void readDocument(
      SourceFile source, Node document, List<Manifest> manifests, List<Problem> findings) {
    if (document == null
        || (document instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL))) {
      return; // an empty document, or comments only
    }
    YamlToJson converter = new YamlToJson(source, MAX_NODES);
    JsonNode root;
    try {
      root = converter.convert(document, "");
    } catch (YamlToJson.TooLarge e) {
      findings.add(
          parseError(
              source.at(document.getStartMark()),
              "the document expands to more than "
                  + MAX_NODES
                  + " nodes through YAML aliases; refused"));
      return;
    }
    if (!root.isObject()) {
      findings.add(
          parseError(
              source.at(document.getStartMark()),
              "a document must be a mapping (one Kubernetes object), not a " + describe(root)));
      return;
    }
    List<Manifest> objects = new ArrayList<>();
    addObjects(source, document, (ObjectNode) root, "", converter, objects, findings);
    manifests.addAll(objects);
    for (YamlToJson.Duplicate duplicate : converter.duplicates) {
      String owner = "";
      for (Manifest m : objects) {
        if (objects.size() == 1 || duplicate.pointer().startsWith(m.base() + "/")) {
          owner = m.display();
        }
      }
      findings.add(
          new Problem(
              Kind.DUPLICATE_KEY,
              source.at(duplicate.mark()),
              owner,
              "key \""
                  + duplicate.key()
                  + "\" appears twice in one mapping (first on line "
                  + duplicate.firstLine()
                  + "); delete one of them"));
    }
  }

  /**
   * Adds an object, or the items of a {@code kind: List} (or any {@code *List} with {@code items}),
   * recursively as kubectl flattens nested lists.
   */
  private static void addObjects(
      SourceFile source,
      Node node,
      ObjectNode object,
      String base,
      YamlToJson converter,
      List<Manifest> objects,
      List<Problem> findings) {
    JsonNode items = object.get("items");
    String kind = Manifest.text(object.get("kind"));
    if (!kind.endsWith("List") || items == null || !items.isArray()) {
      objects.add(
          new Manifest(
              source,
              object,
              base,
              converter.keys,
              converter.values,
              source.line(node.getStartMark()),
              source.line(node.getEndMark())));
      return;
    }
    List<Node> itemNodes = itemNodes(node);
    for (int i = 0; i < items.size(); i++) {
      Node itemNode = i < itemNodes.size() ? itemNodes.get(i) : node;
      if (items.get(i).isObject()) {
        addObjects(
            source,
            itemNode,
            (ObjectNode) items.get(i),
            base + "/items/" + i,
            converter,
            objects,
            findings);
      } else {
        findings.add(
            parseError(
                source.at(itemNode.getStartMark()),
                "item "
                    + i
                    + " of the "
                    + kind
                    + " must be a mapping (one Kubernetes object), not a "
                    + describe(items.get(i))));
      }
    }
  }

  /** The nodes of a List document's {@code items}, for their positions. */
  private static List<Node> itemNodes(Node document) {
    List<Node> nodes = List.of();
    if (document instanceof MappingNode mapping) {
      for (NodeTuple tuple : mapping.getValue()) {
        if (tuple.getKeyNode() instanceof ScalarNode key
            && key.getValue().equals("items")
            && tuple.getValueNode() instanceof SequenceNode sequence) {
          nodes = sequence.getValue();
        }
      }
    }
    return nodes;
  }

  private static Problem parseError(Location location, String message) {
    return new Problem(Kind.PARSE_ERROR, location, "", message);
  }

  private static String describe(JsonNode node) {
    if (node.isArray()) {
      return "list";
    }
    return node.isTextual() ? "string" : node.getNodeType().name().toLowerCase(Locale.ROOT);
  }
}
