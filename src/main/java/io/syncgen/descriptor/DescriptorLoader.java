package io.syncgen.descriptor;

import io.syncgen.diagnostic.Diagnostic;
import io.syncgen.diagnostic.DiagnosticException;
import io.syncgen.diagnostic.SourceFile;
import io.syncgen.diagnostic.TextInput;
import io.syncgen.diagnostic.YamlInput;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads an app descriptor: loads the YAML safely (no custom types, bounded aliases, nesting and
 * size), binds it to {@link AppDescriptor} and runs the {@link DescriptorRules}.
 */
public final class DescriptorLoader {
  /** The largest descriptor accepted, in bytes (1 MiB): a descriptor is a page, not a data set. */
  public static final int MAX_BYTES = 1 << 20;

  /** Aliases to mappings or lists allowed in one file; blocks "billion laughs" expansions. */
  static final int MAX_ALIASES = 20;

  /** The deepest nesting of mappings and lists allowed. */
  static final int MAX_DEPTH = 32;

  private DescriptorLoader() {}

  /**
   * Reads and checks a descriptor file.
   *
   * @param path the file
   * @param displayName the name to print in findings (the path as the user gave it)
   * @return the descriptor with defaults applied
   * @throws DiagnosticException listing every problem: unreadable file, YAML syntax, wrong types,
   *     unknown or missing fields, bad formats, inconsistent fields
   */
  public static LoadedDescriptor load(Path path, String displayName) throws DiagnosticException {
    return parse(displayName, read(path, displayName));
  }

  /**
   * Parses and checks descriptor text.
   *
   * @param displayName the file name to print in findings
   * @param text the descriptor's YAML
   * @return the descriptor with defaults applied
   * @throws DiagnosticException listing every problem found
   */
  public static LoadedDescriptor parse(String displayName, String text) throws DiagnosticException {
    SourceFile file = SourceFile.of(displayName, text);
    return bind(file, compose(file, text));
  }

  /**
   * Reads and checks a descriptor {@link Discovery} found, binding the document it composed rather
   * than parsing the file again; a file it could not compose is read and parsed, to report why.
   *
   * @param found the descriptor as discovery read it
   * @param displayName the name to print in findings
   * @return the descriptor with defaults applied
   * @throws DiagnosticException listing every problem, as {@link #load(Path, String)}
   */
  public static LoadedDescriptor load(Discovery.Candidate found, String displayName)
      throws DiagnosticException {
    if (found.document() == null) {
      return load(found.file(), displayName);
    }
    return bind(SourceFile.of(displayName, found.text()), found.document());
  }

  private static LoadedDescriptor bind(SourceFile file, Node root) throws DiagnosticException {
    Binder binder = new Binder(file);
    AppDescriptor app = (AppDescriptor) binder.bind(root, AppDescriptor.class, "", null);
    List<Diagnostic> problems = new ArrayList<>(binder.errors());
    SourceMap source = binder.sourceMap();
    if (app != null) {
      problems.addAll(DescriptorRules.check(app, source));
    }
    if (!problems.isEmpty()) {
      throw new DiagnosticException(problems);
    }
    return new LoadedDescriptor(app, source);
  }

  private static String read(Path path, String displayName) throws DiagnosticException {
    return TextInput.read(path, displayName, "descriptor", MAX_BYTES);
  }

  /** SnakeYAML's limits for a descriptor: aliases, nesting and size as the README states them. */
  static LoaderOptions options() {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(true); // the binder reports duplicates, all of them, located
    options.setMaxAliasesForCollections(MAX_ALIASES);
    options.setNestingDepthLimit(MAX_DEPTH);
    options.setCodePointLimit(MAX_BYTES);
    options.setAllowRecursiveKeys(false);
    return options;
  }

  private static Node compose(SourceFile file, String text) throws DiagnosticException {
    List<Node> documents = new ArrayList<>();
    YamlInput.compose(file, text, options(), documents::add);
    if (documents.isEmpty()) {
      throw new DiagnosticException(
          Diagnostic.error(
              file.at(1, 1),
              "the descriptor is empty; it needs apiVersion: syncgen/v1, kind: App, metadata and spec"));
    }
    if (documents.size() > 1) {
      throw new DiagnosticException(
          Diagnostic.error(
              file.at(documents.get(1).getStartMark()),
              "a descriptor holds one YAML document; found " + documents.size()));
    }
    return documents.get(0);
  }
}
