package io.syncgen;

import io.syncgen.descriptor.Discovery;
import io.syncgen.descriptor.Overrides;
import io.syncgen.diagnostic.Diagnostic;
import io.syncgen.diagnostic.DiagnosticException;
import io.syncgen.diagnostic.IoProblem;
import io.syncgen.diagnostic.Location;
import io.syncgen.manifest.KubernetesObject;
import io.syncgen.manifest.Manifest;
import io.syncgen.manifest.ManifestReader;
import io.syncgen.render.AppSet;
import io.syncgen.render.RenderOptions;
import io.syncgen.validate.Finding;
import io.syncgen.validate.ReadFindings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The objects named on a command line ({@code validate} and {@code plan}): manifest files,
 * directories walked recursively ({@code *.yaml}, {@code *.yml}, {@code *.json}, sorted, skipping
 * dot-folders), and app descriptors, which are rendered and read back as {@code FILE (rendered)}.
 *
 * @param manifests every object, in the order of the files and of the documents in them
 * @param findings problems met while reading (parse errors, duplicate keys)
 */
public record ManifestInputs(List<Manifest> manifests, List<Finding> findings) {
  /** Copies the lists. */
  public ManifestInputs {
    manifests = List.copyOf(manifests);
    findings = List.copyOf(findings);
  }

  /**
   * Reads every path.
   *
   * @param paths the paths as given: files, or directories to walk
   * @param overrides the environment and fields to change in every app descriptor
   * @return the objects and reading problems
   * @throws DiagnosticException for a path that does not exist or a directory that cannot be read,
   *     a descriptor with errors, or two descriptors that render the same object (same kind,
   *     namespace and name)
   */
  public static ManifestInputs read(List<Path> paths, Overrides overrides)
      throws DiagnosticException {
    List<Manifest> manifests = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    List<AppSet.App> apps = new ArrayList<>();
    for (Path file : files(paths)) {
      ManifestReader.Result read = ManifestReader.read(file, file.toString());
      findings.addAll(ReadFindings.of(read.problems()));
      for (Manifest manifest : read.manifests()) {
        if (manifest.apiVersion().startsWith("syncgen/")) {
          List<KubernetesObject> objects =
              Syncgen.render(file, file.toString(), overrides, RenderOptions.DEFAULTS);
          apps.add(new AppSet.App(file, objects.get(0).namespace(), "", objects));
          ManifestReader.Result rendered =
              ManifestReader.parse(file + " (rendered)", Syncgen.toYaml(objects));
          manifests.addAll(rendered.manifests());
          findings.addAll(ReadFindings.of(rendered.problems()));
        } else {
          manifests.add(manifest);
        }
      }
    }
    List<Diagnostic> collisions = AppSet.collisions(apps);
    if (!collisions.isEmpty()) {
      throw new DiagnosticException(collisions);
    }
    return new ManifestInputs(manifests, findings);
  }

  private static List<Path> files(List<Path> paths) throws DiagnosticException {
    List<Path> files = new ArrayList<>();
    for (Path path : paths) {
      if (Files.isDirectory(path)) {
        try {
          files.addAll(Discovery.filesUnder(path, p -> isManifestName(p.getFileName().toString())));
        } catch (IOException e) {
          throw new DiagnosticException(
              Diagnostic.error(
                  Location.ofFile(path.toString()),
                  "cannot read the directory: " + IoProblem.describe(e)));
        }
      } else if (Files.exists(path)) {
        files.add(path);
      } else {
        throw new DiagnosticException(
            Diagnostic.error(Location.ofFile(path.toString()), "no such file or directory"));
      }
    }
    return files;
  }

  private static boolean isManifestName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".yaml") || lower.endsWith(".yml") || lower.endsWith(".json");
  }
}
