package io.syncgen.descriptor;

import io.syncgen.diagnostic.Diagnostic;
import io.syncgen.diagnostic.DiagnosticException;
import io.syncgen.diagnostic.Location;
import io.syncgen.diagnostic.SourceFile;
import io.syncgen.diagnostic.Suggestions;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * What one run changes in a descriptor: an environment of {@code spec.environments} ({@code --env
 * NAME}), then single scalar fields ({@code --set PATH=VALUE}, in order, after the environment).
 *
 * <p>Each override is checked like the file: an environment's fields were bound with the rest of
 * the descriptor, and a {@code --set} value is bound as the field's type and format. The merged
 * descriptor then passes the same {@link DescriptorRules} as a plain one; a rule it breaks is
 * located at the override that set the field (the environment's line, or the {@code --set}
 * argument) where the rule names an overridden field, and says which overrides were applied.
 *
 * @param environment the name of the environment to apply, or null for none
 * @param sets {@code PATH=VALUE} arguments, such as {@code spec.replicas=5}, applied in order
 */
public record Overrides(String environment, List<String> sets) {
  /** No overrides: the descriptor as written. */
  public static final Overrides NONE = new Overrides(null, List.of());

  private static final String ENVIRONMENTS = "spec.environments";

  /** How many edits a path suggested for an unknown one may be away from it. */
  private static final int SUGGEST = 3;

  /**
   * Copies the list.
   *
   * @throws IllegalArgumentException if a {@code --set} argument has no {@code =}
   */
  public Overrides {
    sets = List.copyOf(sets);
    for (String set : sets) {
      if (set.indexOf('=') <= 0) {
        throw new IllegalArgumentException("--set needs PATH=VALUE, not " + set);
      }
    }
  }

  /** Whether there is nothing to apply. */
  public boolean isEmpty() {
    return environment == null && sets.isEmpty();
  }

  /**
   * Applies the overrides.
   *
   * @param loaded a descriptor that passed every check as written
   * @return the merged descriptor, with a source map that locates overridden fields at their
   *     overrides; {@code loaded} itself when there is nothing to apply
   * @throws DiagnosticException for an environment that does not exist, a {@code --set} path or
   *     value that is wrong, or a merged descriptor that breaks a rule
   */
  public LoadedDescriptor apply(LoadedDescriptor loaded) throws DiagnosticException {
    if (isEmpty()) {
      return loaded;
    }
    SourceMap source = loaded.source();
    AppDescriptor app = loaded.app();
    List<Diagnostic> problems = new ArrayList<>();
    Map<String, String> aliases = new HashMap<>();
    Map<String, Location> fixed = new HashMap<>();
    if (environment != null) {
      app = applyEnvironment(app, source, aliases, problems);
    }
    for (String set : sets) {
      app = applySet(app, set, fixed, problems);
    }
    if (!problems.isEmpty()) {
      throw new DiagnosticException(problems);
    }
    SourceMap merged = source.overlay(aliases, fixed);
    List<Diagnostic> broken = DescriptorRules.check(app, merged);
    if (!broken.isEmpty()) {
      String applied = " (" + describe() + ")";
      throw new DiagnosticException(
          broken.stream().map(d -> Diagnostic.error(d.location(), d.message() + applied)).toList());
    }
    return new LoadedDescriptor(app, merged);
  }

  /** Which overrides were applied, for messages: {@code with --env prod and --set}. */
  private String describe() {
    List<String> parts = new ArrayList<>();
    if (environment != null) {
      parts.add("--env " + environment);
    }
    if (!sets.isEmpty()) {
      parts.add("--set");
    }
    return "with " + String.join(" and ", parts);
  }

  // --env ---------------------------------------------------------------------------------------

  private AppDescriptor applyEnvironment(
      AppDescriptor app, SourceMap source, Map<String, String> aliases, List<Diagnostic> problems)
      throws DiagnosticException {
    Map<String, Environment> environments = app.spec().environments();
    if (environments == null || environments.isEmpty()) {
      throw new DiagnosticException(
          Diagnostic.error(
              source.key("spec"),
              "environment "
                  + Binder.quote(environment)
                  + " was selected, but the descriptor has no spec.environments; define it"
                  + " there or select none"));
    }
    Environment env = environments.get(environment);
    if (env == null) {
      throw new DiagnosticException(
          Diagnostic.error(
              source.key(ENVIRONMENTS),
              "environment "
                  + Binder.quote(environment)
                  + " is not in spec.environments; it has "
                  + String.join(", ", environments.keySet())));
    }
    String at = ENVIRONMENTS + "." + environment;
    Metadata metadata = app.metadata();
    AppSpec spec = with(app.spec(), "environments", null);
    if (env.namespace() != null) {
      metadata = metadata.withNamespace(env.namespace());
      aliases.put("metadata.namespace", at + ".namespace");
    }
    if (env.imageTag() != null) {
      ImageReference image = ImageReference.parse(spec.image());
      if (image.digest() != null) {
        problems.add(
            Diagnostic.error(
                source.value(at + ".imageTag"),
                at
                    + ".imageTag cannot replace the tag of spec.image, which is pinned by digest ("
                    + spec.image()
                    + "): the digest decides what runs"));
      }
      spec = spec.withImage(image.repository() + ":" + env.imageTag());
      aliases.put("spec.image", at + ".imageTag");
    }
    if (env.replicas() != null) {
      spec = spec.withReplicas(env.replicas());
      aliases.put("spec.replicas", at + ".replicas");
    }
    if (env.resources() != null) {
      spec = with(spec, "resources", env.resources());
      aliases.put("spec.resources", at + ".resources");
    }
    if (env.env() != null) {
      spec = with(spec, "env", mergeEnv(spec.env(), env.env(), at, aliases));
    }
    if (env.migration() != null && env.migration().activeDeadlineSeconds() != null) {
      Migration migration =
          with(spec.migration(), "activeDeadlineSeconds", env.migration().activeDeadlineSeconds());
      spec = with(spec, "migration", migration);
      aliases.put("spec.migration.activeDeadlineSeconds", at + ".migration.activeDeadlineSeconds");
    }
    if (env.autoscaling() != null) {
      spec = with(spec, "autoscaling", env.autoscaling());
      aliases.put("spec.autoscaling", at + ".autoscaling");
    }
    spec = applyProcesses(spec, env.processes(), at, aliases);
    spec = applyWaitFor(spec, env.database(), at, source, aliases, problems);
    spec = applySyncFail(spec, env.syncFail(), at, source, aliases, problems);
    return app.with(metadata, spec);
  }

  /**
   * {@code spec.env} with the environment's variables: one named like a variable of the descriptor
   * replaces it in place (once), the others are appended in their order, so a name repeated in the
   * environment is reported by the rules like one repeated in the file.
   */
  private static List<EnvVar> mergeEnv(
      List<EnvVar> base, List<EnvVar> overrides, String at, Map<String, String> aliases) {
    List<EnvVar> merged = new ArrayList<>(base == null ? List.of() : base);
    int baseSize = merged.size();
    Set<Integer> replaced = new HashSet<>();
    for (int j = 0; j < overrides.size(); j++) {
      EnvVar var = overrides.get(j);
      int index = -1;
      for (int i = 0; i < baseSize && index < 0; i++) {
        if (!replaced.contains(i) && merged.get(i).name().equals(var.name())) {
          index = i;
        }
      }
      if (index >= 0) {
        merged.set(index, var);
        replaced.add(index);
      } else {
        merged.add(var);
        index = merged.size() - 1;
      }
      aliases.put("spec.env[" + index + "]", at + ".env[" + j + "]");
    }
    return List.copyOf(merged);
  }

  /** Each process's replicas and resources from the environment (unknown names: the rules). */
  private static AppSpec applyProcesses(
      AppSpec spec,
      Map<String, Environment.ProcessOverride> overrides,
      String at,
      Map<String, String> aliases) {
    if (overrides == null || spec.processes() == null) {
      return spec;
    }
    Map<String, AppProcess> processes = new java.util.LinkedHashMap<>(spec.processes());
    overrides.forEach(
        (name, override) -> {
          AppProcess process = processes.get(name);
          if (process == null) {
            return;
          }
          String from = at + ".processes." + name;
          String to = "spec.processes." + name;
          if (override.replicas() != null) {
            process = with(process, "replicas", override.replicas());
            aliases.put(to + ".replicas", from + ".replicas");
          }
          if (override.resources() != null) {
            process = with(process, "resources", override.resources());
            aliases.put(to + ".resources", from + ".resources");
          }
          processes.put(name, process);
        });
    return with(spec, "processes", java.util.Collections.unmodifiableMap(processes));
  }

  private static AppSpec applyWaitFor(
      AppSpec spec,
      Environment.DatabaseOverride database,
      String at,
      SourceMap source,
      Map<String, String> aliases,
      List<Diagnostic> problems) {
    if (database == null
        || database.waitFor() == null
        || database.waitFor().timeoutSeconds() == null) {
      return spec;
    }
    WaitFor wait = spec.database().waitFor();
    String path = at + ".database.waitFor";
    if (wait == null) {
      problems.add(
          Diagnostic.error(
              source.key(path),
              path + " overrides spec.database.waitFor, which is not set; set it in spec first"));
      return spec;
    }
    WaitFor newWait = with(wait, "timeoutSeconds", database.waitFor().timeoutSeconds());
    aliases.put("spec.database.waitFor.timeoutSeconds", path + ".timeoutSeconds");
    return with(spec, "database", with(spec.database(), "waitFor", newWait));
  }

  private static AppSpec applySyncFail(
      AppSpec spec,
      Environment.SyncFailOverride syncFail,
      String at,
      SourceMap source,
      Map<String, String> aliases,
      List<Diagnostic> problems) {
    if (syncFail == null) {
      return spec;
    }
    String path = at + ".syncFail";
    if (Boolean.FALSE.equals(syncFail.enabled())) {
      if (syncFail.webhook() != null) {
        problems.add(
            Diagnostic.error(
                source.key(path + ".webhook"),
                path
                    + ".webhook has no effect with enabled: false (no SyncFail Job); remove one of"
                    + " them"));
      }
      return with(spec, "syncFail", null);
    }
    if (syncFail.webhook() != null) {
      aliases.put("spec.syncFail", path);
      return with(spec, "syncFail", new SyncFail(syncFail.webhook()));
    }
    if (Boolean.TRUE.equals(syncFail.enabled()) && spec.syncFail() == null) {
      problems.add(
          Diagnostic.error(
              source.value(path + ".enabled"),
              path
                  + ".enabled: true needs a webhook, and spec.syncFail is not set; add "
                  + path
                  + ".webhook"));
    }
    return spec;
  }

  // --set ---------------------------------------------------------------------------------------

  private static AppDescriptor applySet(
      AppDescriptor app, String set, Map<String, Location> fixed, List<Diagnostic> problems) {
    int eq = set.indexOf('=');
    String path = set.substring(0, eq);
    String text = set.substring(eq + 1);
    Location where = Location.ofFile("--set " + set);
    List<String> segments = List.of(path.split("\\.", -1));
    DescriptorModel.Property property = null;
    Class<?> record = AppDescriptor.class;
    String walked = "";
    for (String segment : segments) {
      if (record == null && property.type() instanceof Class<?>) {
        problems.add(
            Diagnostic.error(
                where, path + " is not a field of the descriptor: " + walked + " is a scalar"));
        return app;
      }
      if (record == null) {
        problems.add(Diagnostic.error(where, notScalar(walked, property.type())));
        return app;
      }
      property = find(record, segment);
      if (property == null) {
        problems.add(Diagnostic.error(where, unknownPath(path, walked, record)));
        return app;
      }
      walked = walked.isEmpty() ? segment : walked + "." + segment;
      record = DescriptorModel.record(property.type());
    }
    if (!(property.type() instanceof Class<?> scalar) || scalar.isRecord()) {
      problems.add(Diagnostic.error(where, notScalar(path, property.type())));
      return app;
    }
    Object value = bindValue(path, text, scalar, property.field(), where, problems);
    if (value == null) {
      return app;
    }
    try {
      AppDescriptor changed = (AppDescriptor) set(app, segments, value, "");
      fixed.put(path, where);
      return changed;
    } catch (AbsentBlock e) {
      problems.add(Diagnostic.error(where, e.getMessage()));
      return app;
    }
  }

  private static DescriptorModel.Property find(Class<?> record, String name) {
    return DescriptorModel.properties(record).stream()
        .filter(p -> p.name().equals(name))
        .findFirst()
        .orElse(null);
  }

  private static String notScalar(String path, java.lang.reflect.Type type) {
    String shape =
        DescriptorModel.listElement(type) != null
            ? "a list"
            : DescriptorModel.mapValue(type) != null ? "a map" : "a mapping";
    return path
        + " is "
        + shape
        + ", not a scalar; --set changes one string, number or boolean field"
        + (DescriptorModel.record(type) != null ? ", such as one inside it" : "");
  }

  /** The unknown path, with the scalar paths close to it, or the fields where it went wrong. */
  private static String unknownPath(String path, String walked, Class<?> record) {
    List<String> all = new ArrayList<>();
    scalarPaths(AppDescriptor.class, "", all);
    String last = path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    List<String> close =
        all.stream()
            .filter(
                p ->
                    distance(p, path) <= SUGGEST
                        || p.substring(p.lastIndexOf('.') + 1)
                            .toLowerCase(Locale.ROOT)
                            .equals(last))
            .sorted(Comparator.comparingInt((String p) -> distance(p, path)).thenComparing(p -> p))
            .limit(3)
            .toList();
    String message = path + " is not a field of the descriptor";
    if (!close.isEmpty()) {
      return message + "; did you mean " + String.join(" or ", close) + "?";
    }
    List<String> names =
        DescriptorModel.properties(record).stream().map(DescriptorModel.Property::name).toList();
    return message
        + "; the fields of "
        + (walked.isEmpty() ? "the descriptor" : walked)
        + " are "
        + String.join(", ", names);
  }

  private static int distance(String a, String b) {
    return Suggestions.distance(a, b, SUGGEST);
  }

  /** Every path {@code --set} accepts: scalar fields, not inside lists or maps. */
  private static void scalarPaths(Class<?> record, String prefix, List<String> out) {
    for (DescriptorModel.Property property : DescriptorModel.properties(record)) {
      String path = prefix + property.name();
      Class<?> nested = DescriptorModel.record(property.type());
      if (nested != null) {
        scalarPaths(nested, path + ".", out);
      } else if (property.type() instanceof Class<?>) {
        out.add(path);
      }
    }
  }

  /** The value as the field's type, checked by the {@link Binder}; null after a problem. */
  private static Object bindValue(
      String path,
      String text,
      Class<?> type,
      Field field,
      Location where,
      List<Diagnostic> problems) {
    Node node;
    try {
      node = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(text));
    } catch (YAMLException e) {
      problems.add(Diagnostic.error(where, path + " must be a single YAML scalar"));
      return null;
    }
    if (node == null || node.getTag().equals(Tag.NULL)) {
      problems.add(Diagnostic.error(where, path + " needs a value after '='"));
      return null;
    }
    if (type == String.class && node instanceof ScalarNode) {
      node.setTag(Tag.STR); // --set spec.image=... is always text, even when it looks like 1.0
    }
    Binder binder = new Binder(SourceFile.of(where.file(), text));
    Object value = binder.bind(node, type, path, field);
    binder.errors().forEach(d -> problems.add(Diagnostic.error(where, d.message())));
    return binder.errors().isEmpty() ? value : null;
  }

  /**
   * A copy of {@code record} with the scalar at {@code segments} replaced.
   *
   * @throws AbsentBlock when a block on the way is not in the descriptor
   */
  private static Object set(Object record, List<String> segments, Object value, String walked)
      throws AbsentBlock {
    String name = segments.get(0);
    if (segments.size() == 1) {
      return with(record, name, value);
    }
    String path = walked.isEmpty() ? name : walked + "." + name;
    Object child = Records.get(record, name);
    if (child == null) {
      throw new AbsentBlock(
          path + " is not set in the descriptor; --set changes a field of a block that exists");
    }
    return with(record, name, set(child, segments.subList(1, segments.size()), value, path));
  }

  private static <T> T with(T record, String name, Object value) {
    return Records.with(record, name, value);
  }

  /** A {@code --set} path through a block the descriptor does not have: the user's mistake. */
  private static final class AbsentBlock extends Exception {
    private static final long serialVersionUID = 1L;

    AbsentBlock(String message) {
      super(message, null, false, false);
    }
  }
}
