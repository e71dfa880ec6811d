package io.syncgen;

import io.syncgen.descriptor.DescriptorLoader;
import io.syncgen.descriptor.LoadedDescriptor;
import io.syncgen.descriptor.Overrides;
import io.syncgen.diagnostic.DiagnosticException;
import io.syncgen.manifest.KubernetesObject;
import io.syncgen.manifest.SchemaCatalog;
import io.syncgen.output.YamlStream;
import io.syncgen.render.RenderOptions;
import io.syncgen.render.Renderer;
import io.syncgen.validate.ManifestReader;
import io.syncgen.validate.Validator;
import java.nio.file.Path;
import java.util.List;

/**
 * What a program can call without the command line: read a descriptor, render its objects, write
 * them as YAML.
 */
public final class Syncgen {
  private Syncgen() {}

  /**
   * Reads, checks and renders a descriptor file.
   *
   * @param descriptor the descriptor file
   * @param displayName how findings name the file (the path as the user gave it)
   * @param options settings from outside the descriptor
   * @return the objects in Argo CD's sync order; never empty
   * @throws DiagnosticException listing every problem of the descriptor
   */
  public static List<KubernetesObject> render(
      Path descriptor, String displayName, RenderOptions options) throws DiagnosticException {
    return render(descriptor, displayName, Overrides.NONE, options);
  }

  /**
   * Reads and checks a descriptor file, applies an environment and {@code --set} overrides, checks
   * the result again and renders it.
   *
   * @param descriptor the descriptor file
   * @param displayName how findings name the file (the path as the user gave it)
   * @param overrides the environment and single fields to change for this run
   * @param options settings from outside the descriptor
   * @return the objects in Argo CD's sync order; never empty
   * @throws DiagnosticException listing every problem of the descriptor or of the overrides
   */
  public static List<KubernetesObject> render(
      Path descriptor, String displayName, Overrides overrides, RenderOptions options)
      throws DiagnosticException {
    LoadedDescriptor loaded = overrides.apply(DescriptorLoader.load(descriptor, displayName));
    return Renderer.render(loaded.app(), loaded.source(), options);
  }

  /**
   * Validates rendered objects as the YAML stream that {@code render} prints, so positions in
   * findings are lines of that stream.
   *
   * @param stream the objects as written by {@link #toYaml(List)}
   * @param displayName how findings name the stream, such as {@code app.yaml (rendered)}
   * @param catalog the bundled schemas
   * @param options what to check
   * @return the findings
   */
  public static Validator.Report validate(
      String stream, String displayName, SchemaCatalog catalog, Validator.Options options) {
    ManifestReader.Result read = ManifestReader.parse(displayName, stream);
    return new Validator(catalog, options).validate(read.manifests(), read.findings());
  }

  /**
   * The objects as one YAML stream, each document opened by {@code ---}; deterministic: the same
   * objects give the same bytes on every machine, locale and time zone.
   */
  public static String toYaml(List<KubernetesObject> objects) {
    return YamlStream.write(objects);
  }
}
