package io.syncgen.descriptor;

import static org.assertj.core.api.Assertions.assertThat;

import io.syncgen.diagnostic.Diagnostic;
import io.syncgen.diagnostic.DiagnosticException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * A descriptor is parsed once: what discovery composed is bound as it is, and gives exactly what
 * reading the file again gives, the descriptor or every diagnostic, for every golden scenario.
 */
class DiscoveryTest {
  @TestFactory
  Stream<DynamicTest> bindingWhatDiscoveryReadEqualsReadingTheFile() throws IOException {
    List<Path> scenarios;
    try (Stream<Path> dirs = Files.list(Path.of("golden"))) {
      scenarios = dirs.filter(Files::isDirectory).sorted().toList();
    }
    return scenarios.stream()
        .map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> check(dir)));
  }

  private static void check(Path dir) throws Exception {
    Discovery.Candidate found;
    try {
      found = Discovery.descriptor(dir);
    } catch (DiagnosticException e) {
      // Another apiVersion: not a descriptor to discovery (render reports it when named).
      assertThat(dir.getFileName().toString()).isEqualTo("error-wrong-api-version");
      return;
    }
    assertThat(found.file()).isEqualTo(dir.resolve("app.yaml"));
    assertThat(found.document() == null).isEqualTo(found.text() == null);
    if (Files.notExists(dir.resolve("expected/exit-code"))) {
      assertThat(found.document()).as("a descriptor that renders was composed once").isNotNull();
    }
    assertThat(outcome(() -> DescriptorLoader.load(found, "app.yaml")))
        .isEqualTo(outcome(() -> DescriptorLoader.load(found.file(), "app.yaml")));
  }

  /** The descriptor read, or the text of every diagnostic. */
  private static Object outcome(Load load) {
    try {
      return load.run().app();
    } catch (DiagnosticException e) {
      return e.diagnostics().stream().map(Diagnostic::format).toList();
    }
  }

  private interface Load {
    LoadedDescriptor run() throws DiagnosticException;
  }
}
