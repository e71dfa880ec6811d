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
 * @param environment the name of the environment to apply, or null for none
 * @param sets {@code PATH=VALUE} arguments, such as {@code spec.replicas=5}, applied in order
 */
public record Overrides(String environment, List<String> sets) {
  /** No overrides: the descriptor as written. */
  public static final Overrides NONE = new Overrides(null, List.of());

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
      app = EnvironmentOverride.apply(environment, app, source, aliases, problems);
    }
    for (String set : sets) {
      app = SetOverride.apply(app, set, fixed, problems);
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
}
