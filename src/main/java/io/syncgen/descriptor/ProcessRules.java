package io.syncgen.descriptor;

import io.syncgen.diagnostic.Diagnostic;
import java.util.List;
import java.util.Map;

/**
 * Checks of {@code spec.processes} and of the per-Deployment objects (disruption budgets,
 * autoscalers): names that fit Kubernetes' limits and do not collide with syncgen's own components,
 * and fields that mean nothing together.
 */
final class ProcessRules {
  /** Components syncgen's own objects carry; a process named so would share their selector. */
  static final List<String> RESERVED =
      List.of("server", "migration", "post-deploy-check", "sync-fail-alert");

  /** The longest CronJob name: Kubernetes adds 11 characters to name its Jobs. */
  static final int MAX_CRONJOB_NAME = 52;

  private final SourceMap source;
  private final List<Diagnostic> problems;

  private ProcessRules(SourceMap source, List<Diagnostic> problems) {
    this.source = source;
    this.problems = problems;
  }

  static void check(AppDescriptor app, SourceMap source, List<Diagnostic> problems) {
    ProcessRules rules = new ProcessRules(source, problems);
    AppSpec spec = app.spec();
    rules.scaling("spec", spec.disruptionBudget(), spec.autoscaling());
    for (Map.Entry<String, AppProcess> entry : spec.processesOrEmpty().entrySet()) {
      String path = "spec.processes." + entry.getKey();
      rules.name(app.metadata().name(), entry.getKey(), entry.getValue(), path);
      rules.fields(entry.getValue(), path);
      rules.scaling(path, entry.getValue().disruptionBudget(), entry.getValue().autoscaling());
    }
    if (spec.environments() != null) {
      spec.environments().forEach((env, e) -> rules.overrides(spec, env, e));
    }
  }

  private void name(String app, String process, AppProcess p, String path) {
    if (RESERVED.contains(process)) {
      error(
          source.key(path),
          path + ": " + process + " is the component of syncgen's own objects; name it otherwise");
    }
    String object = app + "-" + process;
    int max = p.isScheduled() ? MAX_CRONJOB_NAME : ObjectNames.MAX_LENGTH;
    if (object.length() > max) {
      error(
          source.key(path),
          path
              + ": the "
              + (p.isScheduled() ? "CronJob " : "Deployment ")
              + object
              + " would have "
              + object.length()
              + " characters, over Kubernetes' "
              + max
              + "; shorten the process name to at most "
              + (max - app.length() - 1)
              + " characters");
    }
  }

  private void fields(AppProcess p, String path) {
    if (p.isScheduled()) {
      for (String field :
          List.of(
              "replicas",
              "port",
              "healthPath",
              "readinessProbe",
              "livenessProbe",
              "startupProbe",
              "disruptionBudget",
              "autoscaling")) {
        if (source.isPresent(path + "." + field)) {
          error(
              source.key(path + "." + field),
              path + "." + field + " has no meaning for a process with a schedule (a CronJob)");
        }
      }
    } else if (p.healthPath() != null && p.port() == null) {
      error(source.key(path + ".healthPath"), path + ".healthPath needs " + path + ".port");
    }
  }

  private void scaling(String path, DisruptionBudget budget, Autoscaling autoscaling) {
    if (budget != null && (budget.minAvailable() == null) == (budget.maxUnavailable() == null)) {
      error(
          source.value(path + ".disruptionBudget"),
          path + ".disruptionBudget needs exactly one of minAvailable and maxUnavailable");
    }
    if (autoscaling == null) {
      return;
    }
    if (autoscaling.minReplicas() > autoscaling.maxReplicas()) {
      error(
          source.value(path + ".autoscaling.maxReplicas"),
          path
              + ".autoscaling.maxReplicas must be at least minReplicas ("
              + autoscaling.minReplicas()
              + ")");
    }
    if (source.isPresent(path + ".replicas") && source.isPresent(path + ".autoscaling")) {
      error(
          source.key(path + ".replicas"),
          path
              + ".replicas has no effect with "
              + path
              + ".autoscaling: the Deployment carries no replicas, so Argo CD does not reset the"
              + " autoscaler's count; remove it");
    }
  }

  private void overrides(AppSpec spec, String env, Environment e) {
    if (e.processes() == null) {
      return;
    }
    for (String process : e.processes().keySet()) {
      if (!spec.processesOrEmpty().containsKey(process)) {
        String path = "spec.environments." + env + ".processes." + process;
        error(
            source.key(path),
            path
                + " overrides a process spec.processes does not have"
                + (spec.processesOrEmpty().isEmpty()
                    ? ""
                    : " (it has " + String.join(", ", spec.processesOrEmpty().keySet()) + ")"));
      }
    }
  }

  private void error(io.syncgen.diagnostic.Location at, String message) {
    problems.add(Diagnostic.error(at, message));
  }
}
