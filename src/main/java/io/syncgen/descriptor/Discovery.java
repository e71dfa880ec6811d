package io.syncgen.descriptor;

import io.syncgen.diagnostic.Diagnostic;
import io.syncgen.diagnostic.DiagnosticException;
import io.syncgen.diagnostic.Location;
import io.syncgen.diagnostic.SourceFile;
import io.syncgen.diagnostic.TextInput;
import io.syncgen.diagnostic.YamlInput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Finds the app descriptor of an Argo CD source directory: a {@code *.yaml} or {@code *.yml} file
 * at its top level whose document has {@code apiVersion: syncgen/v1} and {@code kind: App}. Any
 * other YAML, an {@code app.yaml} of another tool included, does not count. A file that is not
 * valid YAML (or larger than a descriptor may be) counts when a line of it reads {@code apiVersion:
 * syncgen/...}, so that its errors are reported rather than the file skipped.
 *
 * <p>Of each file, at most {@link #SNIFF_BYTES} + 1 bytes are read, whatever its size.
 */
public final class Discovery {
  /** The start of every descriptor apiVersion, of this version or not. */
  private static final String API_GROUP = "syncgen/";

  /** A line {@code apiVersion: syncgen/...}, quoted or not, in a file that is not valid YAML. */
  private static final Pattern SYNCGEN_LINE = Pattern.compile("(?m)^apiVersion:\\s*[\"']?syncgen/");

  /**
   * The most bytes read of a file to tell whether it is a descriptor: the largest descriptor
   * accepted, so a larger file (a 3 GiB manifest, a device) is never read whole.
   */
  static final int SNIFF_BYTES = DescriptorLoader.MAX_BYTES;

  private Discovery() {}

  /**
   * The descriptors in a directory, sorted by file name.
   *
   * @param dir the directory
   * @return their paths; empty when there is none or the directory cannot be listed
   */
  public static List<Path> descriptors(Path dir) {
    return candidates(dir).stream().map(Candidate::file).toList();
  }

  /** The descriptors of a directory as read, sorted by file name; empty when none or unlisted. */
  private static List<Candidate> candidates(Path dir) {
    List<Candidate> found = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.sorted().toList()) {
        if (Files.isRegularFile(file) && isYamlName(file)) {
          Sniffed sniffed = sniff(file);
          if (isDescriptor(sniffed)) {
            found.add(new Candidate(file, sniffed.text(), sniffed.document()));
          }
        }
      }
    } catch (IOException e) {
      return List.of();
    }
    return found;
  }

  /**
   * The descriptors anywhere under a directory ({@code render DIR}), sorted by path: {@code *.yaml}
   * and {@code *.yml} files outside dot-folders (such as {@code .git}) with a document of {@code
   * apiVersion: syncgen/...}, so that a descriptor of a wrong version is found and reported; and
   * broken descriptors, as in {@link #descriptors}.
   *
   * @param root the directory
   * @return them as read, each path {@code root} resolved against the path inside it
   * @throws IOException when the directory cannot be walked
   */
  public static List<Candidate> descriptorsUnder(Path root) throws IOException {
    List<Candidate> found = new ArrayList<>();
    for (Path file : filesUnder(root, Discovery::isYamlName)) {
      Sniffed sniffed = sniff(file);
      boolean syncgen =
          sniffed.heads().stream().anyMatch(h -> h.apiVersion().startsWith(API_GROUP));
      if (syncgen || sniffed.brokenDescriptor()) {
        found.add(new Candidate(file, sniffed.text(), sniffed.document()));
      }
    }
    return found;
  }

  /**
   * The regular files under a directory whose name {@code accept}s, outside dot-folders and without
   * dot-files, sorted by path.
   *
   * @param root the directory
   * @param accept which files to keep
   * @return their paths, each {@code root} resolved against the path inside it
   * @throws IOException when the directory cannot be walked
   */
  public static List<Path> filesUnder(Path root, Predicate<Path> accept) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile)
          .filter(accept)
          .filter(p -> !hidden(root.relativize(p)))
          .sorted(Comparator.comparing(Path::toString))
          .toList();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static boolean isDescriptor(Sniffed sniffed) {
    for (Head h : sniffed.heads()) {
      if (h.apiVersion().equals(AppDescriptor.API_VERSION) && h.kind().equals(AppDescriptor.KIND)) {
        return true;
      }
    }
    return sniffed.brokenDescriptor();
  }

  private static boolean isYamlName(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".yaml") || name.endsWith(".yml");
  }

  /**
   * What a file's first bytes say.
   *
   * @param heads the {@code apiVersion} and {@code kind} of each document read, when the file is no
   *     larger than a descriptor may be
   * @param brokenDescriptor whether the file is too large, not UTF-8 or not valid YAML, and a line
   *     of its first bytes reads {@code apiVersion: syncgen/...}: a descriptor to report, not skip
   */
  private record Sniffed(List<Head> heads, boolean brokenDescriptor, String text, Node document) {
    Sniffed(List<Head> heads, boolean brokenDescriptor) {
      this(heads, brokenDescriptor, null, null);
    }
  }

  /**
   * A descriptor found, as far as discovery read it, so that it is parsed once.
   *
   * @param file the file
   * @param text its text, when it was read whole and is one YAML document; else null
   * @param document that document, composed with the descriptor's limits; null with {@code text}
   */
  public record Candidate(Path file, String text, Node document) {}

  /** A document's {@code apiVersion} and {@code kind}, empty when it has none. */
  private record Head(String apiVersion, String kind) {}

  /**
   * Reads at most {@link #SNIFF_BYTES} + 1 bytes of a file, whatever its size (a 3 GiB file, a
   * device), and the {@code apiVersion} and {@code kind} of the documents in them: composed with
   * the guarded reader and a descriptor's limits, never bound, so the file is parsed in full only
   * once, by whoever reads it next.
   */
  private static Sniffed sniff(Path file) {
    byte[] bytes;
    try {
      bytes = TextInput.head(file, SNIFF_BYTES + 1);
    } catch (IOException e) {
      return new Sniffed(List.of(), false);
    }
    boolean mentionsSyncgen =
        SYNCGEN_LINE.matcher(new String(bytes, StandardCharsets.ISO_8859_1)).find();
    if (bytes.length > SNIFF_BYTES) {
      return new Sniffed(List.of(), mentionsSyncgen);
    }
    List<Head> heads = new ArrayList<>();
    List<Node> documents = new ArrayList<>();
    String text;
    try {
      text = TextInput.text(bytes);
      YamlInput.compose(
          SourceFile.of(file.toString(), text),
          text,
          DescriptorLoader.options(),
          n -> {
            heads.add(head(n));
            documents.add(n);
          });
    } catch (CharacterCodingException | DiagnosticException e) {
      return new Sniffed(heads, mentionsSyncgen);
    }
    return documents.size() == 1
        ? new Sniffed(heads, false, text, documents.get(0))
        : new Sniffed(heads, false);
  }

  /** The top-level {@code apiVersion} and {@code kind} scalars of a document. */
  private static Head head(Node document) {
    String apiVersion = "";
    String kind = "";
    if (document instanceof MappingNode mapping) {
      for (NodeTuple tuple : mapping.getValue()) {
        if (tuple.getKeyNode() instanceof ScalarNode key
            && tuple.getValueNode() instanceof ScalarNode value) {
          if (key.getValue().equals("apiVersion")) {
            apiVersion = value.getValue();
          } else if (key.getValue().equals("kind")) {
            kind = value.getValue();
          }
        }
      }
    }
    return new Head(apiVersion, kind);
  }

  /** Whether a path inside a directory has a dot-folder or dot-file in it (.git, .github). */
  private static boolean hidden(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  /**
   * The one descriptor of a directory.
   *
   * @param dir the directory
   * @return it, as read
   * @throws DiagnosticException when there is none, or more than one
   */
  public static Candidate descriptor(Path dir) throws DiagnosticException {
    List<Candidate> candidates = candidates(dir);
    if (candidates.size() == 1) {
      return candidates.get(0);
    }
    List<Path> found = candidates.stream().map(Candidate::file).toList();
    String where = dir.toString().isEmpty() ? "." : dir.toString();
    throw new DiagnosticException(
        Diagnostic.error(
            Location.ofFile(where),
            found.isEmpty()
                ? "holds no app descriptor (a YAML file with apiVersion: syncgen/v1, kind: App)"
                : "holds "
                    + found.size()
                    + " app descriptors ("
                    + String.join(
                        ", ", found.stream().map(p -> p.getFileName().toString()).toList())
                    + "); an Argo CD source directory renders one app"));
  }
}
