package io.syncgen.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.syncgen.descriptor.AppDescriptor;
import io.syncgen.descriptor.DescriptorLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The announcements Argo CD shows: every parameter, with the descriptor's values as defaults. */
class ParameterAnnouncementsTest {
  @Test
  void everyParameterIsAnnouncedWithTheDescriptorsCurrentValue() throws Exception {
    AppDescriptor app = DescriptorLoader.load(Path.of("golden/example/app.yaml"), "app.yaml").app();
    String json = ParameterAnnouncements.json(app);
    assertThat(json).doesNotContain("\n");
    JsonNode announcements = new ObjectMapper().readTree(json);
    assertThat(announcements).hasSize(PluginEnvironment.Parameter.values().length);
    assertThat(announcements.findValuesAsText("name"))
        .containsExactly("image-tag", "replicas", "environment");
    assertThat(announcements.get(0).path("string").asText()).isEqualTo("v1.2.0");
    assertThat(announcements.get(1).path("string").asText()).isEqualTo("3");
    assertThat(announcements.get(2).has("string")).as("no environment is the default").isFalse();
    for (JsonNode item : announcements) {
      assertThat(item.path("required").asBoolean(true)).isFalse();
      assertThat(item.path("itemType").asText()).isEqualTo("string");
      assertThat(item.path("collectionType").asText()).isEqualTo("string");
      assertThat(item.path("title").asText()).isNotBlank();
    }
  }
}
