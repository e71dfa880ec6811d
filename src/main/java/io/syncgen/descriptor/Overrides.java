package io.syncgen.descriptor;

import io.syncgen.diagnostic.Diagnostic;
import io.syncgen.diagnostic.DiagnosticException;
import io.syncgen.diagnostic.Location;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
 * <p>This is the one override engine: the plugin's image-tag and replicas parameters are {@code
 * PATH=VALUE} sets too, whose origin is their variable ({@code PARAM_REPLICAS=4}).
 *
 * @param environment the name of the environment to apply, or null for none
 * @param sets {@code PATH=VALUE} arguments, such as {@code spec.replicas=5}, applied in order
 * @param origins for each set, what the user wrote, where problems are located: {@code --set
 *     spec.replicas=5}, or {@code PARAM_REPLICAS=5}
 * @param environmentOrigin how the environment was chosen, for messages: {@code --env prod}, or
 *     {@code ARGOCD_ENV_ENVIRONMENT=prod}; null without an environment
 */
public record Overrides(
    String environment, List<String> sets, List<String> origins, String environmentOrigin) {
  /** No overrides: the descriptor as written. */
  public static final Overrides NONE = new Overrides(null, List.of());

  /**
   * Copies the lists.
   *
   * @throws IllegalArgumentException if a set has no {@code =}, or the lists differ in length
   */
  public Overrides {
    sets = List.copyOf(sets);
    origins = List.copyOf(origins);
    for (String set : sets) {
      if (set.indexOf('=') <= 0) {
        throw new IllegalArgumentException("--set needs PATH=VALUE, not " + set);
      }
    }
    if (origins.size() != sets.size()) {
      throw new IllegalArgumentException("one origin per set: " + sets + ", " + origins);
    }
  }

  /**
   * An environment and {@code --set} arguments, each located at its {@code --set PATH=VALUE}.
   *
   * @throws IllegalArgumentException if a {@code --set} argument has no {@code =}
   */
  public Overrides(String environment, List<String> sets) {
    this(environment, sets, sets.stream().map(set -> "--set " + set).toList());
  }

  /**
   * An environment chosen with {@code --env}, and sets located at their origins.
   *
   * @throws IllegalArgumentException if a set has no {@code =}, or the lists differ in length
   */
  public Overrides(String environment, List<String> sets, List<String> origins) {
    this(environment, sets, origins, environment == null ? null : "--env " + environment);
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
      app = EnvironmentOverride.apply(environment, app, source, aliases, problems);
    }
    for (int i = 0; i < sets.size(); i++) {
      app = SetOverride.apply(app, sets.get(i), origins.get(i), fixed, problems);
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

  /**
   * Which overrides were applied, for messages: {@code with --env prod and --set}, or {@code with
   * ARGOCD_ENV_ENVIRONMENT=prod} and {@code with PARAM_REPLICAS} in the plugin.
   */
  private String describe() {
    List<String> parts = new ArrayList<>();
    if (environment != null) {
      parts.add(environmentOrigin);
    }
    origins.stream()
        .map(o -> o.startsWith("--set ") ? "--set" : o.substring(0, o.indexOf('=')))
        .distinct()
        .forEach(parts::add);
    return "with " + String.join(" and ", parts);
  }
}
