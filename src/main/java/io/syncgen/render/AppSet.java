package io.syncgen.render;

import io.syncgen.descriptor.AppDescriptor;
import io.syncgen.descriptor.DescriptorLoader;
import io.syncgen.descriptor.Discovery;
import io.syncgen.descriptor.LoadedDescriptor;
import io.syncgen.descriptor.Overrides;
import io.syncgen.diagnostic.Diagnostic;
import io.syncgen.diagnostic.DiagnosticException;
import io.syncgen.diagnostic.IoProblem;
import io.syncgen.diagnostic.Location;
import io.syncgen.manifest.KubernetesObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The apps of {@code render DIR}: every descriptor under a directory ({@link
 * Discovery#descriptorsUnder}), each rendered on its own, with the problems of all of them reported
 * together, and no two apps rendering the same object.
 */
public final class AppSet {
  /**
   * The namespace folder of an app without {@code metadata.namespace}. Kubernetes namespaces are
   * DNS labels (lower-case letters, digits and '-'), so no namespace is named {@code _}.
   */
  public static final String NO_NAMESPACE = "_";

  private AppSet() {}

  /**
   * One rendered app.
   *
   * @param descriptor its descriptor file, as found under the directory
   * @param namespace {@code metadata.namespace} after overrides, or empty when there is none
   * @param name {@code metadata.name}
   * @param objects the rendered objects, in sync order; never empty
   */
  public record App(
      Path descriptor, String namespace, String name, List<KubernetesObject> objects) {
    /** {@code <namespace>/<name>}, or {@code _/<name>} without namespace: where its files go. */
    public Path folder() {
      return Path.of(namespace.isEmpty() ? NO_NAMESPACE : namespace, name);
    }
  }

  /**
   * Finds and renders every descriptor under {@code root}.
   *
   * @param root the directory
   * @param overrides applied to every descriptor
   * @return the apps, sorted by descriptor path
   * @throws DiagnosticException with every problem of every descriptor, and every pair of
   *     descriptors that render the same object; or when there is no descriptor at all
   */
  public static List<App> render(Path root, Overrides overrides) throws DiagnosticException {
    List<Discovery.Candidate> files;
    try {
      files = Discovery.descriptorsUnder(root);
    } catch (IOException e) {
      throw new DiagnosticException(
          Diagnostic.error(
              Location.ofFile(root.toString()),
              "cannot read the directory: " + IoProblem.describe(e)));
    }
    if (files.isEmpty()) {
      throw new DiagnosticException(
          Diagnostic.error(
              Location.ofFile(root.toString()),
              "holds no app descriptor (a YAML file with apiVersion: "
                  + AppDescriptor.API_VERSION
                  + ", kind: App)"));
    }
    List<Diagnostic> problems = new ArrayList<>();
    List<App> apps = new ArrayList<>();
    for (Discovery.Candidate found : files) {
      Path file = found.file();
      try {
        LoadedDescriptor loaded = overrides.apply(DescriptorLoader.load(found, file.toString()));
        AppDescriptor app = loaded.app();
        List<KubernetesObject> objects =
            Renderer.render(app, loaded.source(), RenderOptions.DEFAULTS);
        String namespace = app.metadata().namespace();
        apps.add(new App(file, namespace == null ? "" : namespace, app.metadata().name(), objects));
      } catch (DiagnosticException e) {
        problems.addAll(e.diagnostics());
      }
    }
    problems.addAll(collisions(apps));
    if (!problems.isEmpty()) {
      throw new DiagnosticException(problems);
    }
    return apps;
  }

  /**
   * One error per pair of descriptors that render objects of the same kind, namespace and name,
   * located at the later descriptor and naming the earlier one.
   */
  public static List<Diagnostic> collisions(List<App> apps) {
    Map<String, App> owners = new HashMap<>();
    Map<List<App>, List<String>> shared = new LinkedHashMap<>();
    for (App app : apps) {
      for (KubernetesObject object : app.objects()) {
        String key = object.kind() + "\0" + object.namespace() + "\0" + object.name();
        App first = owners.putIfAbsent(key, app);
        if (first != null && first != app) {
          shared
              .computeIfAbsent(List.of(first, app), k -> new ArrayList<>())
              .add(object.kind() + "/" + object.name());
        }
      }
    }
    List<Diagnostic> errors = new ArrayList<>();
    shared.forEach(
        (pair, objects) -> {
          String namespace = pair.get(1).namespace();
          errors.add(
              Diagnostic.error(
                  Location.ofFile(pair.get(1).descriptor().toString()),
                  "renders "
                      + String.join(", ", objects)
                      + (namespace.isEmpty()
                          ? " without a namespace"
                          : " in namespace " + namespace)
                      + ", as "
                      + pair.get(0).descriptor()
                      + " does: two apps must not render the same object (same kind, namespace"
                      + " and name)"));
        });
    return errors;
  }
}
