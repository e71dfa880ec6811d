package io.syncgen.descriptor;

import io.syncgen.diagnostic.Diagnostic;
import io.syncgen.diagnostic.DiagnosticException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code --env NAME} (or the plugin's {@code ENVIRONMENT}): one environment of {@code
 * spec.environments} merged over the descriptor. Its fields were bound and checked with the rest of
 * the file; this merges them and records where each merged field was written.
 */
final class EnvironmentOverride {
  private static final String ENVIRONMENTS = "spec.environments";

  private EnvironmentOverride() {}

  /**
   * Applies the environment named {@code environment} of {@code spec.environments}.
   *
   * @param aliases filled with the descriptor paths the environment sets, each mapped to its own
   *     path in the environment, so rules locate them there
   * @param problems filled with what the merged fields get wrong
   * @throws DiagnosticException when the descriptor has no such environment
   */
  static AppDescriptor apply(
      String environment,
      AppDescriptor app,
      SourceMap source,
      Map<String, String> aliases,
      List<Diagnostic> problems)
      throws DiagnosticException {
    Map<String, Environment> environments = app.spec().environments();
    if (environments == null || environments.isEmpty()) {
      throw new DiagnosticException(
          Diagnostic.error(
              source.key("spec"),
              "environment "
                  + ScalarWords.quote(environment)
                  + " was selected, but the descriptor has no spec.environments; define it"
                  + " there or select none"));
    }
    Environment env = environments.get(environment);
    if (env == null) {
      throw new DiagnosticException(
          Diagnostic.error(
              source.key(ENVIRONMENTS),
              "environment "
                  + ScalarWords.quote(environment)
                  + " is not in spec.environments; it has "
                  + String.join(", ", environments.keySet())));
    }
    String at = ENVIRONMENTS + "." + environment;
    Metadata metadata = app.metadata();
    AppSpec spec = Records.with(app.spec(), "environments", null);
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
      spec = Records.with(spec, "resources", env.resources());
      aliases.put("spec.resources", at + ".resources");
    }
    if (env.env() != null) {
      spec = Records.with(spec, "env", mergeEnv(spec.env(), env.env(), at, aliases));
    }
    if (env.migration() != null && env.migration().activeDeadlineSeconds() != null) {
      Migration migration =
          Records.with(
              spec.migration(), "activeDeadlineSeconds", env.migration().activeDeadlineSeconds());
      spec = Records.with(spec, "migration", migration);
      aliases.put("spec.migration.activeDeadlineSeconds", at + ".migration.activeDeadlineSeconds");
    }
    if (env.autoscaling() != null) {
      spec = Records.with(spec, "autoscaling", env.autoscaling());
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
            process = Records.with(process, "replicas", override.replicas());
            aliases.put(to + ".replicas", from + ".replicas");
          }
          if (override.resources() != null) {
            process = Records.with(process, "resources", override.resources());
            aliases.put(to + ".resources", from + ".resources");
          }
          processes.put(name, process);
        });
    return Records.with(spec, "processes", java.util.Collections.unmodifiableMap(processes));
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
    WaitFor newWait = Records.with(wait, "timeoutSeconds", database.waitFor().timeoutSeconds());
    aliases.put("spec.database.waitFor.timeoutSeconds", path + ".timeoutSeconds");
    return Records.with(spec, "database", Records.with(spec.database(), "waitFor", newWait));
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
      return Records.with(spec, "syncFail", null);
    }
    if (syncFail.webhook() != null) {
      aliases.put("spec.syncFail", path);
      SyncFail alert =
          spec.syncFail() != null
              ? spec.syncFail().withWebhook(syncFail.webhook())
              : new SyncFail(syncFail.webhook(), SyncFail.DEFAULT_DEADLINE_SECONDS);
      return Records.with(spec, "syncFail", alert);
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
}
