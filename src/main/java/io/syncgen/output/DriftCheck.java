package io.syncgen.output;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import io.syncgen.diagnostic.Diagnostic;
import io.syncgen.diagnostic.DiagnosticException;
import io.syncgen.diagnostic.IoProblem;
import io.syncgen.diagnostic.Location;
import io.syncgen.diagnostic.TextInput;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The drift check of {@code render -o DIR --check}: compares DIR with what {@link
 * ManifestDirectory#write} would leave there, and writes nothing.
 *
 * <p>It follows the writer's rules, from the writer's own plan ({@link ManifestDirectory}). A file
 * render writes is <em>missing</em> when DIR lacks it and <em>changed</em> when its bytes differ. A
 * file listed in the directory's index ({@value ManifestDirectory#INDEX}) that render no longer
 * writes is <em>extra</em>: render would delete it. Files the index does not list are not syncgen's
 * and are never extra, nor is a listed name that is no longer a regular file (render leaves it
 * alone); the index itself is bookkeeping and is not compared. Where render would refuse to write
 * (DIR is a file, the index is corrupt, a file to write exists but the index does not list it, a
 * symbolic link on the way), the check fails the same way.
 *
 * <p>{@link Report#diff} describes the drift as git does: {@code a/} is DIR as it is, {@code b/} is
 * DIR as render would leave it, so missing files are new files and extra files are deleted files.
 * The diff itself is computed by java-diff-utils.
 */
public final class DriftCheck {
  /** The largest file compared, in bytes (64 MiB): far above any object render writes. */
  static final int MAX_BYTES = 64 << 20;

  /** Lines of context around each change, as in {@code git diff}. */
  private static final int CONTEXT = 3;

  /** The old file's first line in a hunk header, "@@ -14,7 ...". */
  private static final Pattern HUNK_START = Pattern.compile("@@ -(\\d+)");

  private static final String RED = "\033[31m";
  private static final String GREEN = "\033[32m";
  private static final String CYAN = "\033[36m";
  private static final String RESET = "\033[m";

  private final Path dir;
  private final String displayName;

  /**
   * @param dir the directory render would write ({@code -o DIR}); it need not exist
   * @param displayName how messages and the diff name it (as the user gave it)
   */
  public DriftCheck(Path dir, String displayName) {
    this.dir = dir;
    this.displayName = displayName;
  }

  /** How a file in DIR differs from what render would leave there. */
  public enum Kind {
    /** Render writes the file, and DIR holds other bytes under its name. */
    CHANGED,
    /** Render writes the file, and DIR lacks it: render would create it. */
    MISSING,
    /** The index lists the file, and render no longer writes it: render would delete it. */
    EXTRA
  }

  /**
   * Compares DIR with {@code files}, reading only.
   *
   * @param root the output directory DIR is in (or is): render refuses symbolic links below it
   * @param files what render would write: file name (no path separators) to UTF-8 content
   * @return the files that differ
   * @throws DiagnosticException when DIR cannot be read, or when render would refuse to write there
   */
  public Report compare(Path root, SortedMap<String, String> files) throws DiagnosticException {
    Journal.Folder plan =
        new ManifestDirectory(dir, displayName).plan(root, 0, files, new ArrayList<>());
    Map<String, Drift> drifts = new TreeMap<>();
    for (Journal.Step step : plan.steps()) {
      String name = step.name();
      if (name.equals(ManifestDirectory.INDEX)) {
        continue;
      }
      if (!step.writes()) {
        drifts.put(name, new Drift(name, Kind.EXTRA, read(name), new byte[0]));
        continue;
      }
      byte[] rendered = bytes(files.get(name));
      if (!step.existed()) {
        drifts.put(name, new Drift(name, Kind.MISSING, new byte[0], rendered));
        continue;
      }
      byte[] current = read(name);
      if (!Arrays.equals(current, rendered)) {
        drifts.put(name, new Drift(name, Kind.CHANGED, current, rendered));
      }
    }
    return new Report(gitPath(displayName), List.copyOf(drifts.values()));
  }

  /** The outcome of {@link #compare}: the files that differ, in file name order. */
  public static final class Report {
    private final String prefix;
    private final List<Drift> drifts;

    private Report(String prefix, List<Drift> drifts) {
      this.prefix = prefix;
      this.drifts = drifts;
    }

    /** True when DIR holds exactly what render would write there. */
    public boolean upToDate() {
      return drifts.isEmpty();
    }

    /** The names of the files that differ in this way, in name order. */
    public List<String> files(Kind kind) {
      return drifts.stream().filter(d -> d.kind == kind).map(d -> d.name).toList();
    }

    /**
     * A unified diff per file that differs, with git's headers ({@code diff --git}, {@code new file
     * mode}, {@code deleted file mode}, {@code ---}, {@code +++}) and hunks with three lines of
     * context; empty when DIR is up to date. Paths are DIR as the user named it (without a leading
     * {@code /} or {@code ./}, as git prints them) plus the file name.
     *
     * @param colour whether to colour removed lines red, added lines green and hunk headers cyan
     *     with ANSI escapes, as {@code git diff} does on a terminal
     */
    public String diff(boolean colour) {
      StringBuilder out = new StringBuilder();
      for (Drift drift : drifts) {
        appendDiff(out, drift, colour);
      }
      return out.toString();
    }

    private void appendDiff(StringBuilder out, Drift drift, boolean colour) {
      String path = prefix + drift.name;
      String from = drift.kind == Kind.MISSING ? "/dev/null" : "a/" + path;
      String to = drift.kind == Kind.EXTRA ? "/dev/null" : "b/" + path;
      out.append("diff --git a/").append(path).append(" b/").append(path).append('\n');
      if (drift.kind == Kind.MISSING) {
        out.append("new file mode 100644\n");
      } else if (drift.kind == Kind.EXTRA) {
        out.append("deleted file mode 100644\n");
      }
      List<String> before;
      List<String> after;
      try {
        before = lines(drift.current);
        after = lines(drift.rendered);
      } catch (CharacterCodingException e) {
        out.append("Binary files ").append(from).append(" and ").append(to).append(" differ\n");
        return;
      }
      Patch<String> patch = DiffUtils.diff(before, after);
      if (patch.getDeltas().isEmpty()) {
        return; // An empty file created or deleted: git prints no hunk either.
      }
      out.append("--- ").append(from).append('\n');
      out.append("+++ ").append(to).append('\n');
      List<String> unified = UnifiedDiffUtils.generateUnifiedDiff(from, to, before, patch, CONTEXT);
      // The first two lines are the ---/+++ headers, written above.
      for (String line : unified.subList(2, unified.size())) {
        if (line.startsWith("@@")) {
          // git omits a count of 1: "@@ -14 +14 @@", not "@@ -14,1 +14,1 @@".
          String header = line.replace(",1 ", " ");
          paint(out, CYAN, header, colour, section(before, header));
          continue;
        }
        // Each line carries its own line break, so a last line without one differs from the same
        // line with one, and is marked as git marks it.
        boolean terminated = line.endsWith("\n");
        String text = terminated ? line.substring(0, line.length() - 1) : line;
        char op = text.charAt(0);
        paint(out, op == '-' ? RED : op == '+' ? GREEN : null, text, colour, "");
        if (!terminated) {
          out.append("\\ No newline at end of file\n");
        }
      }
    }
  }

  /** One file that differs; {@code current} is empty when missing, {@code rendered} when extra. */
  private static final class Drift {
    final String name;
    final Kind kind;
    final byte[] current;
    final byte[] rendered;

    Drift(String name, Kind kind, byte[] current, byte[] rendered) {
      this.name = name;
      this.kind = kind;
      this.current = current;
      this.rendered = rendered;
    }
  }

  private static void paint(
      StringBuilder out, String colour, String line, boolean enabled, String suffix) {
    if (enabled && colour != null) {
      out.append(colour).append(line).append(RESET);
    } else {
      out.append(line);
    }
    out.append(suffix).append('\n');
  }

  /**
   * What git's default function-name rule prints after a hunk header: the last line before the hunk
   * that starts with an ASCII letter, '_' or '$' (for YAML, the top-level key the hunk is in), cut
   * to 80 characters, after one space; or nothing.
   */
  private static String section(List<String> before, String header) {
    Matcher start = HUNK_START.matcher(header);
    if (!start.lookingAt()) {
      return "";
    }
    int first = Integer.parseInt(start.group(1)) - 1; // 0-based index of the hunk's first line
    for (int i = Math.min(first, before.size()) - 1; i >= 0; i--) {
      String line = before.get(i);
      char c = line.isEmpty() ? ' ' : line.charAt(0);
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || c == '$') {
        String name = line.substring(0, Math.min(line.length(), 80)).stripTrailing();
        return " " + name;
      }
    }
    return "";
  }

  /** The lines of UTF-8 text, each with its line break ("\n") when it has one. */
  private static List<String> lines(byte[] bytes) throws CharacterCodingException {
    String text = io.syncgen.diagnostic.TextInput.strictUtf8(bytes);
    List<String> lines = new ArrayList<>();
    int start = 0;
    while (start < text.length()) {
      int end = text.indexOf('\n', start);
      end = end < 0 ? text.length() : end + 1;
      lines.add(text.substring(start, end));
      start = end;
    }
    return lines;
  }

  /** {@code DIR/} as git prints paths: forward slashes, no leading "/" or "./"; "" for ".". */
  static String gitPath(String displayName) {
    String path = displayName.replace('\\', '/');
    while (path.startsWith("./")) {
      path = path.substring(2);
    }
    path = path.replaceAll("^/+", "").replaceAll("/+$", "");
    return path.isEmpty() || path.equals(".") ? "" : path + "/";
  }

  private byte[] read(String name) throws DiagnosticException {
    try {
      byte[] bytes = TextInput.head(dir.resolve(name), MAX_BYTES + 1);
      if (bytes.length > MAX_BYTES) {
        throw error(name + " is larger than " + MAX_BYTES + " bytes, far more than render writes");
      }
      return bytes;
    } catch (IOException e) {
      throw error("cannot read " + name + ": " + IoProblem.words(e));
    }
  }

  private static byte[] bytes(String content) {
    return content.getBytes(StandardCharsets.UTF_8);
  }

  private DiagnosticException error(String message) {
    return new DiagnosticException(Diagnostic.error(Location.ofFile(displayName), message));
  }
}
