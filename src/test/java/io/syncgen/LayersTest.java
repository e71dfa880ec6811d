package io.syncgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layers of the code, as the README's map draws them: {@code diagnostic/} at the bottom, then
 * {@code manifest/}, then the stages, then {@code Syncgen} and {@code cli/}. Each package imports
 * only the layers below it (read from the import lines of {@code src/main/java}); only {@code cli/}
 * knows picocli. An import that climbs fails here.
 */
class LayersTest {
  private static final Path MAIN = Path.of("src/main/java/io/syncgen");
  private static final Pattern IMPORT =
      Pattern.compile(
          "^import (?:static )?(io\\.syncgen\\.([a-z]+)|picocli)\\b", Pattern.MULTILINE);

  /** What each package may import of syncgen; "" is the root package (the Syncgen facade). */
  private static final Map<String, Set<String>> ALLOWED =
      Map.of(
          "diagnostic", Set.of(),
          "manifest", Set.of("diagnostic"),
          "descriptor", Set.of("diagnostic", "manifest"),
          "plan", Set.of("diagnostic", "manifest"),
          "lint", Set.of("diagnostic"),
          "validate", Set.of("diagnostic", "manifest"),
          "output", Set.of("diagnostic", "manifest"),
          "render", Set.of("diagnostic", "manifest", "descriptor", "plan"),
          "plugin", Set.of("diagnostic", "manifest", "descriptor", "render", "validate"),
          "",
              Set.of(
                  "diagnostic",
                  "manifest",
                  "descriptor",
                  "plan",
                  "validate",
                  "lint",
                  "output",
                  "render"));

  @Test
  void everyPackageImportsOnlyTheLayersBelowIt() throws IOException {
    Map<String, Set<String>> climbing = new TreeMap<>();
    for (Path file : sources()) {
      String pkg = packageOf(file);
      if (pkg.equals("cli")) {
        continue;
      }
      assertThat(ALLOWED).as("%s is in a package the map of the code names", file).containsKey(pkg);
      Matcher m = IMPORT.matcher(Files.readString(file));
      while (m.find()) {
        String target = m.group(2) == null ? "picocli" : m.group(2);
        if (!target.equals(pkg) && !ALLOWED.get(pkg).contains(target)) {
          climbing
              .computeIfAbsent(MAIN.relativize(file).toString(), k -> new TreeSet<>())
              .add(target);
        }
      }
    }
    assertThat(climbing).as("imports that climb a layer (or reach picocli outside cli/)").isEmpty();
  }

  @Test
  void theLayersAreThoseOfTheSourceTree() throws IOException {
    Set<String> packages = new TreeSet<>();
    for (Path file : sources()) {
      packages.add(packageOf(file));
    }
    Set<String> named = new TreeSet<>(ALLOWED.keySet());
    named.add("cli");
    assertThat(packages).isEqualTo(named);
  }

  private static String packageOf(Path file) {
    Path relative = MAIN.relativize(file);
    return relative.getNameCount() == 1 ? "" : relative.getName(0).toString();
  }

  private static List<Path> sources() throws IOException {
    try (Stream<Path> files = Files.walk(MAIN)) {
      return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
  }
}
