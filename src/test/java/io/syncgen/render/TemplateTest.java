package io.syncgen.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Setting fields by path on template trees. */
class TemplateTest {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  @Test
  void putAfterPlacesTheFieldRightAfterTheOtherOne() {
    ObjectNode pod = JSON.objectNode();
    pod.putArray("containers");
    pod.put("restartPolicy", "Never");
    Template.putAfter(pod, "containers", "volumes", JSON.arrayNode());
    assertThat(pod.fieldNames())
        .toIterable()
        .containsExactly("containers", "volumes", "restartPolicy");
  }

  @Test
  void putAfterKeepsTheChildrenACallerIsStillFilling() {
    // Regression: the migration Job's container was filled after volumes were placed in its pod;
    // a copy of the pod's fields left the caller editing a container no longer in the tree.
    ObjectNode pod = JSON.objectNode();
    ObjectNode container = pod.putArray("containers").addObject().put("name", "migrate");
    Template.putAfter(pod, "containers", "volumes", JSON.arrayNode());
    container.put("image", "app:1");
    assertThat(pod.at("/containers/0/image").asText()).isEqualTo("app:1");
  }

  @Test
  void noRenderedGoldenKeepsATemplatePlaceholder() throws IOException {
    // The value placeholders of templates/ (names like APP or MIGRATE, never valid output).
    Pattern placeholder =
        Pattern.compile(
            "^\\s*(- |[A-Za-z]+: )(APP|APP-PROCESS|IMAGE|MIGRATE|NAMESPACE|PROCESS|SCHEDULE"
                + "|DEPLOYMENT|COMPONENT|SECONDS|SECRET|KEY|URL)$");
    List<Path> files;
    try (Stream<Path> walk = Files.walk(Path.of("golden"))) {
      files =
          walk.filter(f -> f.toString().endsWith(".yaml") && f.toString().contains("expected"))
              .toList();
    }
    assertThat(files).isNotEmpty();
    for (Path file : files) {
      for (String line : Files.readAllLines(file)) {
        assertThat(placeholder.matcher(line).matches()).as("%s: %s", file, line).isFalse();
      }
    }
  }
}
