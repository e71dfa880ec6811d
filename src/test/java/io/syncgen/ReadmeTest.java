package io.syncgen;

import static org.assertj.core.api.Assertions.assertThat;

import io.syncgen.descriptor.DescriptorReference;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README states what the code does: its reference table and its commands. */
class ReadmeTest {
  private static final Path README = Path.of("README.md");
  private static final String BEGIN = "<!-- descriptor-reference:begin -->\n";
  private static final String END = "<!-- descriptor-reference:end -->";

  @Test
  void descriptorReferenceMatchesTheModelTheParserReads() throws IOException {
    String readme = Files.readString(README, StandardCharsets.UTF_8);
    int begin = readme.indexOf(BEGIN);
    int end = readme.indexOf(END);
    assertThat(begin).as("README marker %s", BEGIN.strip()).isNotNegative();
    assertThat(end).as("README marker %s", END).isGreaterThan(begin);
    String table = DescriptorReference.markdown();
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(
          README, readme.substring(0, begin + BEGIN.length()) + table + readme.substring(end));
      return;
    }
    assertThat(readme.substring(begin + BEGIN.length(), end))
        .as("README descriptor reference (rewrite with mvn test -Dgolden.update=true)")
        .isEqualTo(table);
  }

  @Test
  void firstTwoCommandsRenderTheExampleAndRunTheTests() throws IOException {
    String readme = Files.readString(README, StandardCharsets.UTF_8);
    assertThat(
            readme
                .lines()
                .filter(l -> l.startsWith("cli/syncgen ") || l.startsWith("mvn "))
                .limit(2))
        .containsExactly("cli/syncgen render golden/example/app.yaml", "mvn -B verify");
    assertThat(Files.readString(Path.of(".ci/run"))).contains("\nmvn -B verify\n");
  }
}
