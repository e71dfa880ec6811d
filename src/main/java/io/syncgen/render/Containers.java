package io.syncgen.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syncgen.descriptor.AppSpec;
import io.syncgen.descriptor.EnvVar;
import io.syncgen.descriptor.KeySelector;
import io.syncgen.descriptor.ResourceRequirements;
import java.util.List;

/** What every container running the app's image shares: the image, environment and resources. */
final class Containers {
  /** The variable that carries the database URL into app and migration containers. */
  static final String DATABASE_URL = "DATABASE_URL";

  private Containers() {}

  /**
   * Sets the app's image and environment ({@code DATABASE_URL} first, then {@code spec.env}) on a
   * container that runs the app's image.
   *
   * @param container a container tree from a template, with an {@code env} array
   * @param spec the descriptor's spec
   */
  static void appImage(ObjectNode container, AppSpec spec) {
    container.put("image", spec.image());
    ArrayNode env = Template.array(container, "/env");
    env.add(secretEnv(DATABASE_URL, spec.database().urlFrom().secretKeyRef()));
    List<EnvVar> extra = spec.env() == null ? List.of() : spec.env();
    extra.forEach(var -> env.add(Template.tree(var)));
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
}
