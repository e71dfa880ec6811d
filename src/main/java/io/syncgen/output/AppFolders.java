package io.syncgen.output;

import io.syncgen.manifest.KubernetesObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/** The files of rendered apps in an output directory: one {@code <kind>-<name>.yaml} an object. */
public final class AppFolders {
  private AppFolders() {}

  /**
   * What {@code render DIR -o out/} writes: each app into its folder below {@code out} (by folder,
   * in order: {@code <namespace>/<name>}), and the app folders an earlier render wrote ({@code
   * appFolders}, holding an index) whose descriptor is gone, as empty, so their files are deleted
   * (and reported as extra by {@code --check}), as a re-render does for an object an app no longer
   * renders.
   */
  public static List<ManifestDirectory.Write> writes(
      Path out, Map<Path, List<KubernetesObject>> apps, List<Path> appFolders) {
    List<ManifestDirectory.Write> writes = new ArrayList<>();
    Set<Path> current = new HashSet<>();
    for (Map.Entry<Path, List<KubernetesObject>> app : apps.entrySet()) {
      Path dir = out.resolve(app.getKey());
      current.add(dir.normalize());
      writes.add(write(dir, app.getValue()));
    }
    for (Path dir : appFolders) {
      if (!current.contains(dir.normalize())) {
        writes.add(
            new ManifestDirectory.Write(
                new ManifestDirectory(dir, dir.toString()), new TreeMap<>()));
      }
    }
    return writes;
  }

  /** One app's objects as files of {@code dir}, {@code <kind>-<name>.yaml}. */
  public static ManifestDirectory.Write write(Path dir, List<KubernetesObject> objects) {
    SortedMap<String, String> files = new TreeMap<>();
    objects.forEach(o -> files.put(o.fileStem() + ".yaml", YamlStream.write(o)));
    return new ManifestDirectory.Write(new ManifestDirectory(dir, dir.toString()), files);
  }
}
