package io.syncgen.descriptor;

import io.syncgen.diagnostic.Diagnostic;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Checks that span several fields of a descriptor, after each field has been checked alone. Each
 * finding is located at the field a user would change to fix it.
 */
final class DescriptorRules {
  /** Annotations of Argo CD, which syncgen sets per object. */
  static final String ARGOCD_PREFIX = "argocd.argoproj.io/";

  private final SourceMap source;
  private final List<Diagnostic> problems = new ArrayList<>();

  private DescriptorRules(SourceMap source) {
    this.source = source;
  }

  static List<Diagnostic> check(AppDescriptor app, SourceMap source) {
    DescriptorRules rules = new DescriptorRules(source);
    rules.header(app);
    rules.names(app);
    MigrationRules.check(app.spec(), source, rules.problems);
    ContractRules.check(app, source, rules.problems);
    rules.postSync(app.spec());
    AppSpec spec = app.spec();
    rules.env(spec, "spec.env", spec.env());
    rules.env(spec, "spec.migration.env", spec.migration().env());
    spec.processesOrEmpty()
        .forEach((name, p) -> rules.env(spec, "spec.processes." + name + ".env", p.env()));
    rules.metadata(app.metadata());
    ProcessRules.check(app, source, rules.problems);
    ReleaseRules.check(app, source, rules.problems);
    return rules.problems;
  }

  private void header(AppDescriptor app) {
    if (!AppDescriptor.API_VERSION.equals(app.apiVersion())) {
      error(
          "apiVersion",
          "apiVersion must be "
              + AppDescriptor.API_VERSION
              + " (got "
              + ScalarWords.quote(app.apiVersion())
              + ")");
    }
    if (!AppDescriptor.KIND.equals(app.kind())) {
      error(
          "kind",
          "kind must be " + AppDescriptor.KIND + " (got " + ScalarWords.quote(app.kind()) + ")");
    }
  }

  private void names(AppDescriptor app) {
    new ObjectNames(app.metadata().name())
        .lengthProblem(
            app.spec().hasPostSyncJob(),
            app.spec().syncFail() != null,
            app.spec().migration().postDeploy() != null)
        .ifPresent(problem -> error("metadata.name", problem));
  }

  private void postSync(AppSpec spec) {
    PostSync post = spec.postSync();
    if (Boolean.TRUE.equals(post.migrationStatus())
        && spec.migration().effectiveStatusCommand().isEmpty()) {
      error(
          "spec.postSync.migrationStatus",
          "spec.postSync.migrationStatus needs a status command: set spec.migration.statusCommand (the "
              + spec.migration().preset().id()
              + " preset has none)");
    }
    if (Boolean.TRUE.equals(post.healthCheck()) && spec.healthPath() == null) {
      error(
          "spec.postSync.healthCheck",
          "spec.postSync.healthCheck needs spec.healthPath, the path to GET");
    }
  }

  private void env(AppSpec spec, String at, List<EnvVar> env) {
    if (env == null) {
      return;
    }
    Database database = spec.database();
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < env.size(); i++) {
      EnvVar var = env.get(i);
      String path = at + "[" + i + "]";
      if (database.urlFrom() != null && var.name().equals(spec.databaseUrlEnv())) {
        error(
            path + ".name",
            path
                + ".name "
                + var.name()
                + " is set from spec.database.urlFrom; remove it here"
                + (database.urlEnv() == null ? "" : " (spec.database.urlEnv names it)"));
      }
      Integer first = seen.putIfAbsent(var.name(), i);
      if (first != null) {
        error(
            path + ".name",
            path + ".name repeats " + var.name() + " (first set at " + at + "[" + first + "])");
      }
      if ((var.value() == null) == (var.valueFrom() == null)) {
        error(path, path + " needs exactly one of value and valueFrom");
      }
      EnvVarSource from = var.valueFrom();
      if (from != null
          && Stream.of(
                      from.secretKeyRef(),
                      from.configMapKeyRef(),
                      from.fieldRef(),
                      from.resourceFieldRef())
                  .filter(java.util.Objects::nonNull)
                  .count()
              != 1) {
        error(
            path + ".valueFrom",
            path
                + ".valueFrom needs exactly one of secretKeyRef, configMapKeyRef, fieldRef and resourceFieldRef");
      }
    }
  }

  private void metadata(Metadata metadata) {
    reserved(
        "metadata.labels",
        metadata.labels(),
        RecommendedLabels.ALL::contains,
        "syncgen sets this label on every object, and its selectors depend on it");
    reserved(
        "metadata.annotations",
        metadata.annotations(),
        k -> k.startsWith(ARGOCD_PREFIX),
        "syncgen sets Argo CD's hook and sync-wave annotations per object; one value for every object would break the sync order");
  }

  private void reserved(
      String path,
      Map<String, String> entries,
      java.util.function.Predicate<String> taken,
      String why) {
    if (entries == null) {
      return;
    }
    entries.keySet().stream()
        .filter(taken)
        .forEach(
            k ->
                problems.add(
                    Diagnostic.error(
                        source.key(path + "." + k), path + " may not set " + k + ": " + why)));
  }

  private void error(String path, String message) {
    problems.add(Diagnostic.error(source.value(path), message));
  }
}
