package io.syncgen.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syncgen.diagnostic.VisibleText;
import io.syncgen.manifest.KubernetesObject;
import io.syncgen.manifest.SyncPhase;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The output formats of {@code syncgen plan}: text for a terminal, JSON, a Mermaid flowchart
 * (GitHub draws it) and Graphviz dot. All are deterministic: they depend on the plan only. The
 * text, Mermaid and dot forms escape, line by line, the characters a terminal would act on ({@link
 * VisibleText}); JSON escapes control characters as JSON does.
 */
public enum PlanFormat {
  /** Phases, waves and objects, indented, with what each step waits for and what failure does. */
  TEXT {
    @Override
    public String write(SyncPlan plan, Function<KubernetesObject, List<String>> notes) {
      StringBuilder out = new StringBuilder();
      List<List<SyncPlan.Task>> steps = plan.steps();
      out.append("Sync plan: ")
          .append(plan.tasks().size())
          .append(plan.tasks().size() == 1 ? " task in " : " tasks in ")
          .append(steps.size())
          .append(steps.size() == 1 ? " step" : " steps")
          .append(
              ". Argo CD applies one step at a time and starts the next only when every object of"
                  + " the step is healthy.\n");
      SyncPhase current = null;
      for (List<SyncPlan.Task> step : steps) {
        SyncPhase phase = step.get(0).phase();
        if (phase != current) {
          if (current != null) {
            out.append("  on failure: ").append(onFailure(current, plan)).append('\n');
          }
          out.append('\n').append(phase.annotation()).append('\n');
          current = phase;
        }
        out.append("  wave ").append(step.get(0).wave()).append('\n');
        for (SyncPlan.Task task : step) {
          out.append("    ").append(task.display());
          if (!task.object().namespace().isEmpty()) {
            out.append(" (namespace ").append(task.object().namespace()).append(')');
          }
          out.append(": ").append(Health.waitsFor(task.object()));
          if (task.moved()) {
            out.append("; moved before the objects that need it");
          }
          out.append('\n');
          for (String note : notes.apply(task.object())) {
            out.append("      ! ").append(note).append('\n');
          }
        }
      }
      if (current != null) {
        out.append("  on failure: ").append(onFailure(current, plan)).append('\n');
      }
      if (!plan.syncFail().isEmpty()) {
        out.append("\nSyncFail (only when the sync fails; all at once, waves not honoured)\n");
        for (SyncPlan.Task task : plan.syncFail()) {
          out.append("    ").append(task.display()).append('\n');
          for (String note : notes.apply(task.object())) {
            out.append("      ! ").append(note).append('\n');
          }
        }
      }
      if (!plan.skipped().isEmpty()) {
        out.append("\nSkipped (argocd.argoproj.io/hook: Skip), never applied\n");
        plan.skipped().forEach(o -> out.append("    ").append(o.display()).append('\n'));
      }
      if (!plan.outside().isEmpty()) {
        out.append("\nNot part of a sync\n");
        plan.outside()
            .forEach(
                o ->
                    out.append("    ")
                        .append(o.object().display())
                        .append(": ")
                        .append(o.reason())
                        .append('\n'));
      }
      return VisibleText.lines(out.toString());
    }
  },

  /**
   * {@code {"phases": [{"phase", "steps": [{"wave", "objects": [{"kind", "name", "namespace",
   * "waitsFor", "moved", "notes"}]}], "onFailure"}], "syncFail": [...], "skipped": [...],
   * "outside": [{"kind", "name", "reason"}]}}.
   */
  JSON {
    @Override
    public String write(SyncPlan plan, Function<KubernetesObject, List<String>> notes) {
      ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
      ObjectNode root = mapper.createObjectNode();
      ArrayNode phases = root.putArray("phases");
      ObjectNode phaseNode = null;
      SyncPhase current = null;
      for (List<SyncPlan.Task> step : plan.steps()) {
        SyncPhase phase = step.get(0).phase();
        if (phase != current) {
          if (phaseNode != null) {
            phaseNode.put("onFailure", onFailure(current, plan));
          }
          phaseNode = phases.addObject().put("phase", phase.annotation());
          phaseNode.putArray("steps");
          current = phase;
        }
        ObjectNode stepNode = ((ArrayNode) phaseNode.get("steps")).addObject();
        stepNode.put("wave", step.get(0).wave());
        ArrayNode objects = stepNode.putArray("objects");
        for (SyncPlan.Task task : step) {
          object(objects.addObject(), task.object(), notes)
              .put("waitsFor", Health.waitsFor(task.object()))
              .put("moved", task.moved());
        }
      }
      if (phaseNode != null) {
        phaseNode.put("onFailure", onFailure(current, plan));
      }
      ArrayNode syncFail = root.putArray("syncFail");
      plan.syncFail().forEach(t -> object(syncFail.addObject(), t.object(), notes));
      ArrayNode skipped = root.putArray("skipped");
      plan.skipped().forEach(o -> object(skipped.addObject(), o, notes));
      ArrayNode outside = root.putArray("outside");
      plan.outside()
          .forEach(o -> object(outside.addObject(), o.object(), notes).put("reason", o.reason()));
      try {
        return mapper.writeValueAsString(root).replace("\r\n", "\n") + "\n";
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }

    private ObjectNode object(
        ObjectNode node, KubernetesObject object, Function<KubernetesObject, List<String>> notes) {
      node.put("kind", object.kind())
          .put("name", object.name().isEmpty() ? object.generateName() + "*" : object.name())
          .put("namespace", object.namespace());
      ArrayNode array = node.putArray("notes");
      notes.apply(object).forEach(array::add);
      return node;
    }
  },

  /** A Mermaid flowchart: one box per step, phases as subgraphs, failure edges to SyncFail. */
  MERMAID {
    @Override
    public String write(SyncPlan plan, Function<KubernetesObject, List<String>> notes) {
      StringBuilder out = new StringBuilder("flowchart TD\n");
      List<List<SyncPlan.Task>> steps = plan.steps();
      SyncPhase current = null;
      for (int i = 0; i < steps.size(); i++) {
        List<SyncPlan.Task> step = steps.get(i);
        SyncPhase phase = step.get(0).phase();
        if (phase != current) {
          if (current != null) {
            out.append("  end\n");
          }
          out.append("  subgraph ").append(phase.annotation()).append('\n');
          current = phase;
        }
        out.append("    s").append(i).append("[\"wave ").append(step.get(0).wave());
        for (SyncPlan.Task task : step) {
          out.append("<br/>").append(mermaidText(task.display()));
        }
        out.append("\"]\n");
      }
      if (current != null) {
        out.append("  end\n");
      }
      for (int i = 1; i < steps.size(); i++) {
        out.append("  s")
            .append(i - 1)
            .append(" -->|")
            .append(mermaidText(waitLabel(steps.get(i - 1))))
            .append("| s")
            .append(i)
            .append('\n');
      }
      if (!plan.syncFail().isEmpty() && !steps.isEmpty()) {
        out.append("  subgraph SyncFail\n    f[\"");
        out.append(
            plan.syncFail().stream()
                .map(t -> mermaidText(t.display()))
                .collect(Collectors.joining("<br/>")));
        out.append("\"]\n  end\n");
        for (int i = 0; i < steps.size(); i++) {
          out.append("  s").append(i).append(" -.->|fails| f\n");
        }
      }
      return VisibleText.lines(out.toString());
    }
  },

  /** Graphviz dot: one node per step, a cluster per phase, dashed failure edges to SyncFail. */
  DOT {
    @Override
    public String write(SyncPlan plan, Function<KubernetesObject, List<String>> notes) {
      StringBuilder out = new StringBuilder("digraph sync {\n  rankdir=TB;\n  node [shape=box];\n");
      List<List<SyncPlan.Task>> steps = plan.steps();
      SyncPhase current = null;
      for (int i = 0; i < steps.size(); i++) {
        List<SyncPlan.Task> step = steps.get(i);
        SyncPhase phase = step.get(0).phase();
        if (phase != current) {
          if (current != null) {
            out.append("  }\n");
          }
          out.append("  subgraph cluster_")
              .append(phase.name().toLowerCase(Locale.ROOT))
              .append(" {\n    label=")
              .append(dotString(phase.annotation()))
              .append(";\n");
          current = phase;
        }
        StringBuilder label = new StringBuilder("wave " + step.get(0).wave());
        step.forEach(t -> label.append('\n').append(t.display()));
        out.append("    s").append(i).append(" [label=").append(dotString(label.toString()));
        out.append("];\n");
      }
      if (current != null) {
        out.append("  }\n");
      }
      for (int i = 1; i < steps.size(); i++) {
        out.append("  s")
            .append(i - 1)
            .append(" -> s")
            .append(i)
            .append(" [label=")
            .append(dotString(waitLabel(steps.get(i - 1))))
            .append("];\n");
      }
      if (!plan.syncFail().isEmpty() && !steps.isEmpty()) {
        String label =
            "SyncFail\n"
                + plan.syncFail().stream()
                    .map(SyncPlan.Task::display)
                    .collect(Collectors.joining("\n"));
        out.append("  f [label=").append(dotString(label)).append(", style=dashed];\n");
        for (int i = 0; i < steps.size(); i++) {
          out.append("  s").append(i).append(" -> f [style=dashed, label=\"fails\"];\n");
        }
      }
      return VisibleText.lines(out.append("}\n").toString());
    }
  };

  /**
   * Writes a plan.
   *
   * @param plan the plan
   * @param notes the Argo CD findings to print next to each object, one line each
   * @return the text, ending with a line break
   */
  public abstract String write(SyncPlan plan, Function<KubernetesObject, List<String>> notes);

  /** What happens when a step of a phase fails (argocd.md "On failure"). */
  static String onFailure(SyncPhase phase, SyncPlan plan) {
    String syncFail =
        plan.syncFail().isEmpty()
            ? "no SyncFail hook runs (there is none)"
            : "SyncFail hooks run: "
                + plan.syncFail().stream()
                    .map(SyncPlan.Task::display)
                    .collect(Collectors.joining(", "));
    return switch (phase) {
      case PRE_SYNC ->
          "nothing of the Sync phase is applied and the old Deployment keeps serving; " + syncFail;
      case SYNC ->
          "later waves and the PostSync phase never start; what was applied stays; " + syncFail;
      case POST_SYNC -> "nothing is rolled back; " + syncFail;
      case SYNC_FAIL -> "the operation ends Failed";
    };
  }

  private static String waitLabel(List<SyncPlan.Task> step) {
    boolean waits = step.stream().anyMatch(t -> Health.waits(t.object()));
    return waits ? "healthy" : "applied";
  }

  private static String mermaidText(String text) {
    return text.replace("\"", "#quot;").replace("|", "#124;");
  }

  private static String dotString(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }
}
