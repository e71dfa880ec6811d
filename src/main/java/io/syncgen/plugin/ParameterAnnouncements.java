package io.syncgen.plugin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syncgen.descriptor.AppDescriptor;
import io.syncgen.descriptor.ImageReference;

/**
 * What {@code syncgen cmp parameters} prints: the plugin's parameters as Argo CD's parameter
 * announcements (argocd.md "Config Management Plugin v2": a JSON array of {@code name}, {@code
 * title}, {@code tooltip}, {@code required}, {@code itemType}, {@code collectionType} and, as the
 * default shown in the UI, {@code string}), with the descriptor's current values as defaults.
 */
public final class ParameterAnnouncements {
  private ParameterAnnouncements() {}

  /**
   * The announcements of every {@link PluginEnvironment.Parameter}, in their order.
   *
   * @param app the descriptor as written (no override applied)
   * @return one line of JSON, without a line break
   */
  public static String json(AppDescriptor app) {
    ObjectMapper mapper = new ObjectMapper();
    ArrayNode announcements = mapper.createArrayNode();
    for (PluginEnvironment.Parameter parameter : PluginEnvironment.Parameter.values()) {
      ObjectNode item =
          announcements
              .addObject()
              .put("name", parameter.announced())
              .put("title", parameter.title())
              .put("tooltip", parameter.tooltip())
              .put("required", false)
              .put("itemType", "string")
              .put("collectionType", "string");
      String current =
          switch (parameter) {
            case IMAGE_TAG -> ImageReference.parse(app.spec().image()).tag();
            case REPLICAS -> String.valueOf(app.spec().replicas());
            case ENVIRONMENT -> null;
          };
      if (current != null) {
        item.put("string", current);
      }
    }
    try {
      return mapper.writeValueAsString(announcements);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the announcements", e);
    }
  }
}
