package io.syncgen;

import static org.assertj.core.api.Assertions.assertThat;

import io.syncgen.descriptor.DescriptorReference;
import io.syncgen.descriptor.PresetReference;
import io.syncgen.lint.LintRuleReference;
import io.syncgen.validate.RuleReference;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README states what the code does: its reference table and its commands. */
class ReadmeTest {
  private static final Path README = Path.of("README.md");

  @Test
  void descriptorReferenceMatchesTheModelTheParserReads() throws IOException {
    checkSection("descriptor-reference", DescriptorReference.markdown());
  }

  @Test
  void ruleReferenceMatchesTheRulesValidateRuns() throws IOException {
    checkSection("rule-reference", RuleReference.markdown());
  }

  @Test
  void presetReferenceMatchesThePresets() throws IOException {
    checkSection("preset-reference", PresetReference.markdown());
  }

  @Test
  void lintRuleReferenceMatchesTheLintRules() throws IOException {
    checkSection("lint-rule-reference", LintRuleReference.markdown());
  }

  /** The README text between {@code <!-- name:begin -->} and {@code <!-- name:end -->}. */
  private static void checkSection(String name, String generated) throws IOException {
    String begin = "<!-- " + name + ":begin -->\n";
    String end = "<!-- " + name + ":end -->";
    String readme = Files.readString(README, StandardCharsets.UTF_8);
    int from = readme.indexOf(begin);
    int to = readme.indexOf(end);
    assertThat(from).as("README marker %s", begin.strip()).isNotNegative();
    assertThat(to).as("README marker %s", end).isGreaterThan(from);
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(
          README, readme.substring(0, from + begin.length()) + generated + readme.substring(to));
      return;
    }
    assertThat(readme.substring(from + begin.length(), to))
        .as("README %s (rewrite with mvn test -Dgolden.update=true)", name)
        .isEqualTo(generated);
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
    assertThat(Files.readString(Path.of(".ci/run"))).containsPattern("\nmvn -B verify( |\n)");
  }
}
