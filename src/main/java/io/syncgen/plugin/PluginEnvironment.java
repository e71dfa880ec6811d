package io.syncgen.plugin;

import io.syncgen.descriptor.AppDescriptor;
import io.syncgen.descriptor.Format;
import io.syncgen.descriptor.ImageReference;
import io.syncgen.descriptor.LoadedDescriptor;
import io.syncgen.descriptor.Overrides;
import io.syncgen.diagnostic.Diagnostic;
import io.syncgen.diagnostic.DiagnosticException;
import io.syncgen.diagnostic.Location;
import io.syncgen.render.RenderOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What the Argo CD repo server tells the plugin through the environment (argocd.md "Config
 * Management Plugin v2"): the Application's namespace and revision, and overrides of descriptor
 * fields.
 *
 * <p>An override comes from the Application's {@code spec.source.plugin.env} ({@code
 * ARGOCD_ENV_<NAME>}) or its {@code spec.source.plugin.parameters} ({@code PARAM_<NAME>}, the
 * parameter name upper-cased with other characters as {@code _}). The names are those of {@link
 * Parameter}. An unknown {@code ARGOCD_ENV_*} or {@code PARAM_*} variable, a malformed value, or
 * the two forms of one override with different values are errors: an override is never dropped
 * silently.
 *
 * @param namespace {@code ARGOCD_APP_NAMESPACE}, or null
 * @param revision {@code ARGOCD_APP_REVISION_SHORT}, or null
 * @param overrides the override values by parameter, in {@link Parameter} order
 * @param variables the variable that set each override ({@code PARAM_REPLICAS}), where its problems
 *     are located
 */
public record PluginEnvironment(
    String namespace,
    String revision,
    Map<Parameter, String> overrides,
    Map<Parameter, String> variables) {

  /** The descriptor fields the plugin can override, and their parameter names. */
  public enum Parameter {
    /** The tag of {@code spec.image}. */
    IMAGE_TAG(
        "image-tag",
        "Image tag",
        "Replaces the tag of spec.image (the app, the migration and the checks all run it)."),
    /** {@code spec.replicas}. */
    REPLICAS("replicas", "Replicas", "Number of app pods (spec.replicas), at least 1."),
    /** The environment of {@code spec.environments} to render, before the other overrides. */
    ENVIRONMENT(
        "environment",
        "Environment",
        "One of the descriptor's spec.environments (such as prod), applied before image-tag and"
            + " replicas.");

    private final String announced;
    private final String title;
    private final String tooltip;

    Parameter(String announced, String title, String tooltip) {
      this.announced = announced;
      this.title = title;
      this.tooltip = tooltip;
    }

    /** The parameter name announced to Argo CD, such as {@code image-tag}. */
    public String announced() {
      return announced;
    }

    /** The title shown in the Argo CD UI. */
    public String title() {
      return title;
    }

    /** The tooltip shown in the Argo CD UI. */
    public String tooltip() {
      return tooltip;
    }

    /** The variable suffix: {@code IMAGE_TAG} (Argo CD upper-cases, other characters as _). */
    public String variable() {
      return announced.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_]", "_");
    }
  }

  private static final String NAMESPACE = "ARGOCD_APP_NAMESPACE";
  private static final String ENV_PREFIX = "ARGOCD_ENV_";
  private static final String PARAM_PREFIX = "PARAM_";
  private static final Pattern COUNT = Pattern.compile("[0-9]{1,9}");

  /** Copies the map. */
  public PluginEnvironment {
    overrides = Map.copyOf(overrides);
    variables = Map.copyOf(variables);
  }

  /**
   * Reads the environment.
   *
   * @param env the process environment
   * @return what it says
   * @throws DiagnosticException listing every unknown, malformed or conflicting override and an
   *     {@code ARGOCD_APP_NAMESPACE} that is not a namespace name, each located at the variable's
   *     name
   */
  public static PluginEnvironment read(Map<String, String> env) throws DiagnosticException {
    List<Diagnostic> problems = new ArrayList<>();
    Map<Parameter, String> overrides = new TreeMap<>();
    Map<Parameter, String> sources = new TreeMap<>();
    for (Map.Entry<String, String> e : new TreeMap<>(env).entrySet()) {
      String name = e.getKey();
      String prefix =
          name.startsWith(ENV_PREFIX)
              ? ENV_PREFIX
              : name.startsWith(PARAM_PREFIX) ? PARAM_PREFIX : null;
      if (prefix == null) {
        continue;
      }
      Parameter parameter = parameter(name.substring(prefix.length()));
      if (parameter == null) {
        problems.add(
            Diagnostic.error(
                Location.ofFile(name),
                "is not an override syncgen knows; it reads "
                    + known()
                    + " (as ARGOCD_ENV_<NAME> from the Application's plugin env, or PARAM_<NAME>"
                    + " from its plugin parameters)"));
        continue;
      }
      String value = e.getValue().strip();
      String previous = overrides.putIfAbsent(parameter, value);
      if (previous != null && !previous.equals(value)) {
        problems.add(
            Diagnostic.error(
                Location.ofFile(name),
                "sets "
                    + parameter.announced()
                    + " to \""
                    + value
                    + "\" but "
                    + sources.get(parameter)
                    + " sets it to \""
                    + previous
                    + "\"; set it once"));
      }
      sources.putIfAbsent(parameter, name);
      String problem = problem(parameter, value);
      if (problem != null) {
        problems.add(Diagnostic.error(Location.ofFile(name), problem + " (got \"" + value + "\")"));
      }
    }
    String namespace = ApplicationNamespace.read(blankToNull(env.get(NAMESPACE)), problems);
    if (!problems.isEmpty()) {
      throw new DiagnosticException(problems);
    }
    return new PluginEnvironment(
        namespace, blankToNull(env.get("ARGOCD_APP_REVISION_SHORT")), overrides, sources);
  }

  /** The environment to render ({@code ARGOCD_ENV_ENVIRONMENT}), or null for none. */
  public String environment() {
    return overrides.get(Parameter.ENVIRONMENT);
  }

  /**
   * Applies the environment of {@code spec.environments} named by {@code environment}, then the
   * other overrides and the namespace default.
   *
   * @param loaded the descriptor as read
   * @return the descriptor to render
   * @throws DiagnosticException for an environment the descriptor does not have, an override the
   *     merged descriptor's rules refuse (located at its variable), or an image-tag override of an
   *     image pinned by digest
   */
  public AppDescriptor apply(LoadedDescriptor loaded) throws DiagnosticException {
    return prepare(loaded).app();
  }

  /**
   * What {@code cmp generate} renders: the descriptor as {@link #apply(LoadedDescriptor)} makes it,
   * and the render's options: the revision, and whether the namespace is the Application's (the
   * descriptor, after its environment, names none and {@code ARGOCD_APP_NAMESPACE} is set).
   *
   * @param loaded the descriptor as read
   * @return the descriptor to render and the options to render it with
   * @throws DiagnosticException as {@link #apply(LoadedDescriptor)}
   */
  public Rendering prepare(LoadedDescriptor loaded) throws DiagnosticException {
    String chosen =
        environment() == null ? null : variables.get(Parameter.ENVIRONMENT) + "=" + environment();
    LoadedDescriptor declared =
        new Overrides(environment(), List.of(), List.of(), chosen).apply(loaded);
    boolean fromApplication = declared.app().metadata().namespace() == null && namespace != null;
    AppDescriptor app = fieldOverrides(declared.app()).apply(declared).app();
    if (fromApplication) {
      app = app.with(app.metadata().withNamespace(namespace), app.spec());
    }
    return new Rendering(app, new RenderOptions(revision, fromApplication));
  }

  /**
   * The image-tag and replicas overrides as the {@code --set} engine applies them: bound and
   * checked like the file, and located at their variables ({@code PARAM_REPLICAS=4}), so a rule the
   * result breaks (replicas with autoscaling) is an error, not a value silently ignored.
   *
   * @param app the descriptor after its environment
   * @throws DiagnosticException when the image-tag override meets an image pinned by digest
   */
  private Overrides fieldOverrides(AppDescriptor app) throws DiagnosticException {
    List<String> sets = new ArrayList<>();
    List<String> origins = new ArrayList<>();
    String tag = overrides.get(Parameter.IMAGE_TAG);
    if (tag != null) {
      ImageReference image = ImageReference.parse(app.spec().image());
      String origin = variables.get(Parameter.IMAGE_TAG) + "=" + tag;
      if (image.digest() != null) {
        throw new DiagnosticException(
            Diagnostic.error(
                Location.ofFile(origin),
                "spec.image is pinned by digest ("
                    + app.spec().image()
                    + "); a tag override would not change what runs: drop the override or the"
                    + " digest"));
      }
      sets.add("spec.image=" + image.repository() + ":" + tag);
      origins.add(origin);
    }
    String replicas = overrides.get(Parameter.REPLICAS);
    if (replicas != null) {
      sets.add("spec.replicas=" + replicas);
      origins.add(variables.get(Parameter.REPLICAS) + "=" + replicas);
    }
    return new Overrides(null, sets, origins);
  }

  private static Parameter parameter(String suffix) {
    for (Parameter parameter : Parameter.values()) {
      if (parameter.variable().equals(suffix)) {
        return parameter;
      }
    }
    return null;
  }

  private static String known() {
    List<String> names = new ArrayList<>();
    for (Parameter parameter : Parameter.values()) {
      names.add(parameter.variable());
    }
    return String.join(", ", names);
  }

  private static String problem(Parameter parameter, String value) {
    return switch (parameter) {
      case IMAGE_TAG -> Format.IMAGE_TAG.problem(value).orElse(null);
      case ENVIRONMENT ->
          Format.DNS_LABEL
              .problem(value)
              .map(p -> "must name an environment of spec.environments: it " + p)
              .orElse(null);
      case REPLICAS ->
          COUNT.matcher(value).matches() && Integer.parseInt(value) >= 1
              ? null
              : "must be a whole number of pods, at least 1";
    };
  }

  static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
