package io.syncgen.plan;

import io.syncgen.manifest.HookAnnotations;
import io.syncgen.manifest.KubernetesObject;
import io.syncgen.manifest.SyncPhase;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The tasks of an Argo CD sync, in the order gitops-engine runs them ({@code pkg/sync/
 * sync_tasks.go} and {@code sync_context.go}; argocd.md "Order of a sync").
 *
 * <p>Every object that is not a hook is one Sync-phase task; a hook is one task per phase it names
 * ({@code PreSync,PostSync} runs twice). Tasks sort by phase, wave, kind index and name; then a
 * Namespace moves in front of the first task in it, and a CustomResourceDefinition in front of the
 * first custom resource of its group and kind, both taking that task's phase and wave. A hook of
 * type {@code Skip} alone is never applied; a hook whose values name no sync phase (unknown values,
 * or only PreDelete/PostDelete, which run when the app is deleted) is not part of the sync either.
 *
 * @param tasks the tasks of the PreSync, Sync and PostSync phases, in the order they run
 * @param syncFail the SyncFail hooks: they all start at once when the sync fails (their waves are
 *     not honoured)
 * @param skipped objects annotated {@code argocd.argoproj.io/hook: Skip}
 * @param outside hooks that no sync phase runs, with the reason
 */
public record SyncPlan(
    List<Task> tasks, List<Task> syncFail, List<KubernetesObject> skipped, List<Outside> outside) {

  /**
   * One object applied in one phase.
   *
   * @param phase the phase
   * @param wave the sync wave as Argo CD reads it (after a Namespace or CRD move, the wave of the
   *     task it moved in front of)
   * @param object the object
   * @param moved whether the task was moved in front of an object that needs it
   */
  public record Task(SyncPhase phase, long wave, KubernetesObject object, boolean moved) {
    /** {@code Kind/name}; {@code Kind/generateName*} for a generated name. */
    public String display() {
      return object.display();
    }

    /** The name Argo CD sorts by: the name, or the generateName for a generated one. */
    String sortName() {
      String name = object.name();
      return name.isEmpty() ? object.generateName() : name;
    }
  }

  /**
   * A hook that no sync phase runs.
   *
   * @param object the object
   * @param reason why, one line
   */
  public record Outside(KubernetesObject object, String reason) {}

  /** Copies the lists. */
  public SyncPlan {
    tasks = List.copyOf(tasks);
    syncFail = List.copyOf(syncFail);
    skipped = List.copyOf(skipped);
    outside = List.copyOf(outside);
  }

  private static final Comparator<Task> ORDER =
      Comparator.comparing(Task::phase)
          .thenComparingLong(Task::wave)
          .thenComparingInt(t -> SyncOrder.kindIndex(t.object().kind()))
          .thenComparing(Task::sortName);

  /**
   * Plans the sync of a set of objects.
   *
   * @param objects the objects, as rendered or read
   * @return the plan
   */
  public static SyncPlan of(List<KubernetesObject> objects) {
    List<Task> tasks = new ArrayList<>();
    List<KubernetesObject> skipped = new ArrayList<>();
    List<Outside> outside = new ArrayList<>();
    for (KubernetesObject object : objects) {
      Map<String, String> annotations = object.annotations();
      long wave = HookAnnotations.wave(annotations);
      if (HookAnnotations.isSkipped(annotations)) {
        skipped.add(object);
        continue;
      }
      if (!HookAnnotations.isHook(annotations)) {
        tasks.add(new Task(SyncPhase.SYNC, wave, object, false));
        continue;
      }
      List<SyncPhase> phases = HookAnnotations.phases(annotations);
      if (phases.isEmpty()) {
        outside.add(new Outside(object, outsideReason(annotations)));
        continue;
      }
      for (SyncPhase phase : phases) {
        tasks.add(new Task(phase, wave, object, false));
      }
    }
    tasks.sort(ORDER);
    adjust(tasks, Dependency.NAMESPACE);
    adjust(tasks, Dependency.CRD);
    List<Task> run = tasks.stream().filter(t -> t.phase() != SyncPhase.SYNC_FAIL).toList();
    List<Task> fail = tasks.stream().filter(t -> t.phase() == SyncPhase.SYNC_FAIL).toList();
    return new SyncPlan(run, fail, skipped, outside);
  }

  private static String outsideReason(Map<String, String> annotations) {
    List<String> types = HookAnnotations.types(annotations);
    if (!types.isEmpty()) {
      return "hook " + String.join(",", types) + " runs when the app is deleted, not in a sync";
    }
    if (annotations.containsKey(HookAnnotations.HOOK)) {
      return "hook \""
          + annotations.get(HookAnnotations.HOOK)
          + "\" names no type Argo CD knows, so it is never applied (see rule hook-unknown)";
    }
    return "Helm hook \""
        + annotations.get(HookAnnotations.HELM_HOOK)
        + "\" has no Argo CD phase, so it is never applied";
  }

  /** The two moves gitops-engine's syncTasks.Sort makes after sorting. */
  private enum Dependency {
    /** A Namespace before the first object in it. */
    NAMESPACE {
      @Override
      String provides(KubernetesObject object) {
        boolean coreNamespace =
            object.kind().equals("Namespace")
                && !object.tree().path("apiVersion").asText().contains("/");
        return coreNamespace ? object.name() : null;
      }

      @Override
      String needs(KubernetesObject object) {
        return object.namespace().isEmpty() ? null : object.namespace();
      }
    },
    /** A CustomResourceDefinition before the first custom resource of its group and kind. */
    CRD {
      @Override
      String provides(KubernetesObject object) {
        if (!object.kind().equals("CustomResourceDefinition")
            || !object.tree().path("apiVersion").asText().startsWith("apiextensions.k8s.io/")) {
          return null;
        }
        String group = object.tree().at("/spec/group").asText(null);
        String kind = object.tree().at("/spec/names/kind").asText(null);
        return group == null || kind == null ? null : group + "/" + kind;
      }

      @Override
      String needs(KubernetesObject object) {
        String apiVersion = object.tree().path("apiVersion").asText();
        int slash = apiVersion.indexOf('/');
        String group = slash < 0 ? "" : apiVersion.substring(0, slash);
        return group + "/" + object.kind();
      }
    };

    /** The key this object provides to others, or null. */
    abstract String provides(KubernetesObject object);

    /** The key this object needs, or null. */
    abstract String needs(KubernetesObject object);
  }

  /**
   * gitops-engine's adjustDeps: walks the sorted tasks; a task that provides a key already needed
   * by an earlier task moves in front of the first such task and takes its phase and wave.
   */
  private static void adjust(List<Task> tasks, Dependency dependency) {
    Map<String, Integer> firstNeed = new HashMap<>();
    for (int i = 0; i < tasks.size(); i++) {
      Task task = tasks.get(i);
      String provided = dependency.provides(task.object());
      if (provided != null) {
        Integer index = firstNeed.get(provided);
        if (index != null) {
          Task first = tasks.get(index);
          tasks.remove(i);
          tasks.add(index, new Task(first.phase(), first.wave(), task.object(), true));
          firstNeed.replaceAll((key, at) -> at >= index ? at + 1 : at);
        }
      } else {
        String needed = dependency.needs(task.object());
        if (needed != null) {
          firstNeed.putIfAbsent(needed, i);
        }
      }
    }
  }

  /** Every task in run order: PreSync, Sync, PostSync, then the SyncFail hooks. */
  public List<Task> allTasks() {
    List<Task> all = new ArrayList<>(tasks);
    all.addAll(syncFail);
    return all;
  }

  /** Tasks grouped into steps: consecutive tasks of one phase and wave, applied together. */
  public List<List<Task>> steps() {
    List<List<Task>> steps = new ArrayList<>();
    List<Task> current = new ArrayList<>();
    for (Task task : tasks) {
      if (!current.isEmpty()
          && (current.get(0).phase() != task.phase() || current.get(0).wave() != task.wave())) {
        steps.add(current);
        current = new ArrayList<>();
      }
      current.add(task);
    }
    if (!current.isEmpty()) {
      steps.add(current);
    }
    return steps;
  }
}
