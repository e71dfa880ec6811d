package io.syncgen.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syncgen.descriptor.AppDescriptor;
import io.syncgen.descriptor.AppSpec;
import io.syncgen.descriptor.ApplicationName;
import io.syncgen.descriptor.EnvVar;
import io.syncgen.descriptor.KeySelector;
import io.syncgen.descriptor.ResourceRequirements;
import java.util.ArrayList;
import java.util.List;

/**
 * What every container running the app's release shares: the image, the database URL, the release's
 * {@code PGAPPNAME} ({@link ApplicationName}), {@code spec.env} (with a process's or the
 * migration's variables merged over them by name), {@code envFrom} and the volume mounts.
 */
final class Containers {
  private Containers() {}

  /**
   * Sets the release's image and environment on a container from a template. {@code PGAPPNAME}
   * comes first, so a variable of that name in {@code spec.env} or {@code env} replaces it.
   *
   * @param container a container tree with an {@code env} array
   * @param app the descriptor
   * @param image the image reference to run (spec.image, or a process's repository at its tag)
   * @param env variables merged over {@code spec.env} by name, or null
   */
  static void appRelease(ObjectNode container, AppDescriptor app, String image, List<EnvVar> env) {
    AppSpec spec = app.spec();
    container.put("image", image);
    ArrayNode vars = Template.array(container, "/env");
    databaseUrl(spec).ifPresent(vars::add);
    List<EnvVar> named =
        ApplicationName.of(app)
            .map(n -> List.of(new EnvVar(ApplicationName.VARIABLE, n.toString(), null)))
            .orElse(List.of());
    merge(merge(named, spec.env()), env).forEach(var -> vars.add(Template.tree(var)));
    Template.putAfter(container, "env", "envFrom", list(spec.envFrom()));
    Template.putAfter(container, "resources", "volumeMounts", list(spec.volumeMounts()));
    Template.removeIfEmpty(container, "env");
  }

  /**
   * Fills the first container of a process's pod: its name, the release's image and environment,
   * command, args and resources; and gives the pod the app's volumes.
   *
   * @param pod a pod spec from a template, with one container
   * @param app the descriptor
   * @param w the process
   * @return the container
   */
  static ObjectNode process(ObjectNode pod, AppDescriptor app, Workload w) {
    ObjectNode container = Template.object(pod, "/containers/0");
    container.put("name", w.container());
    appRelease(container, app, w.image(), w.env());
    argv(container, w.command(), w.args());
    resources(container, w.resources());
    volumes(pod, app.spec());
    return container;
  }

  /**
   * Sets another program's image on a container (a migration image): it gets the database URL and
   * {@code env}, nothing of the app's own settings.
   */
  static void otherImage(ObjectNode container, AppSpec spec, String image, List<EnvVar> env) {
    container.put("image", image);
    ArrayNode vars = Template.array(container, "/env");
    databaseUrl(spec).ifPresent(vars::add);
    merge(null, env).forEach(var -> vars.add(Template.tree(var)));
    Template.removeIfEmpty(container, "env");
  }

  /** Sets {@code command} and {@code args} after the image, each when given. */
  static void argv(ObjectNode container, List<String> command, List<String> args) {
    Template.putAfter(
        container, "image", "command", command == null ? null : Template.strings(command));
    Template.putAfter(
        container,
        command == null ? "image" : "command",
        "args",
        args == null ? null : Template.strings(args));
  }

  /**
   * Adds a variable with a literal value at the end of a container's {@code env}, creating {@code
   * env} after its argv when the container has none.
   */
  static void addEnv(ObjectNode container, String name, String value) {
    if (!container.has("env")) {
      String after =
          container.has("args") ? "args" : container.has("command") ? "command" : "image";
      Template.putAfter(container, after, "env", JsonNodeFactory.instance.arrayNode());
    }
    Template.array(container, "/env").addObject().put("name", name).put("value", value);
  }

  /** Sets the pod's {@code volumes} when the spec has any. */
  static void volumes(ObjectNode pod, AppSpec spec) {
    Template.putAfter(pod, "containers", "volumes", list(spec.volumes()));
  }

  /** Sets {@code resources}, or removes its placeholder when there are none. */
  static void resources(ObjectNode container, ResourceRequirements resources) {
    if (resources != null) {
      container.set("resources", Template.tree(resources));
    }
    Template.removeIfEmpty(container, "resources");
  }

  /** An EnvVar read from a Secret key. */
  static ObjectNode secretEnv(String name, KeySelector key) {
    ObjectNode var = JsonNodeFactory.instance.objectNode().put("name", name);
    var.putObject("valueFrom").set("secretKeyRef", Template.tree(key));
    return var;
  }

  /**
   * {@code base} with {@code over} merged in by name: a variable of the same name replaces the
   * base's in place, the others follow in their order.
   */
  static List<EnvVar> merge(List<EnvVar> base, List<EnvVar> over) {
    List<EnvVar> merged = new ArrayList<>(base == null ? List.of() : base);
    for (EnvVar var : over == null ? List.<EnvVar>of() : over) {
      int index = -1;
      for (int i = 0; i < merged.size() && index < 0; i++) {
        index = merged.get(i).name().equals(var.name()) ? i : -1;
      }
      if (index >= 0) {
        merged.set(index, var);
      } else {
        merged.add(var);
      }
    }
    return merged;
  }

  private static java.util.Optional<ObjectNode> databaseUrl(AppSpec spec) {
    if (spec.database().urlFrom() == null) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(
        secretEnv(spec.databaseUrlEnv(), spec.database().urlFrom().secretKeyRef()));
  }

  private static ArrayNode list(List<JsonNode> values) {
    if (values == null) {
      return null;
    }
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    values.forEach(v -> array.add(v.deepCopy()));
    return array;
  }
}
