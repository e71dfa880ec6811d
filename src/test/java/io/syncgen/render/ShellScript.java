package io.syncgen.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncgen.descriptor.DescriptorLoader;
import io.syncgen.descriptor.LoadedDescriptor;
import io.syncgen.diagnostic.DiagnosticException;
import io.syncgen.manifest.KubernetesObject;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A container's {@code sh -c} script as syncgen renders it ({@code command: [sh, -c, SCRIPT, NAME,
 * ARGS...]} and its {@code env} values), run for real with dash, the POSIX shell of Debian; the
 * images run busybox's. Each run gets only the variables the test names, {@code PATH} and a {@code
 * HOME} of its own, so no {@code ~/.curlrc} changes what curl does.
 *
 * @param script the script text
 * @param arguments {@code $0} and the positional parameters
 * @param env the container's {@code env} entries with a literal {@code value}
 * @param container the container tree, for assertions on the rest
 */
record ShellScript(
    String script, List<String> arguments, Map<String, String> env, JsonNode container) {

  /**
   * What one run did.
   *
   * @param exitCode the shell's exit code, or -1 when it was killed
   * @param out stdout
   * @param err stderr
   * @param elapsed wall-clock time from start to exit (or kill)
   */
  record Result(int exitCode, String out, String err, Duration elapsed) {
    String log() {
      return out + err;
    }
  }

  /**
   * A descriptor of the app {@code shop} (image {@code shop/app:1.0}, its database URL from a
   * Secret) with more fields: {@code metadata} inside {@code metadata: {name: shop...}} (such as
   * {@code ", namespace: shop"}), {@code spec} as YAML lines of {@code spec}.
   */
  static String app(String metadata, String spec) {
    return """
        apiVersion: syncgen/v1
        kind: App
        metadata: {name: shop%s}
        spec:
          image: shop/app:1.0
          database:
            urlFrom:
              secretKeyRef: {name: db, key: url}
        """
            .formatted(metadata)
        + spec.indent(2);
  }

  /** The objects rendered from a descriptor's text, as {@code syncgen render} renders them. */
  static List<KubernetesObject> render(String descriptor, RenderOptions options)
      throws DiagnosticException {
    LoadedDescriptor loaded = DescriptorLoader.parse("app.yaml", descriptor);
    return Renderer.render(loaded.app(), loaded.source(), options);
  }

  /** The container {@code name} (an init container or not) of the object {@code objectName}. */
  static ShellScript of(List<KubernetesObject> objects, String objectName, String name) {
    JsonNode container = LocalContainer.container(objects, objectName, name);
    List<String> command = new ArrayList<>();
    container.path("command").forEach(c -> command.add(c.asText()));
    assertThat(command.subList(0, 2)).as("the container runs sh -c").containsExactly("sh", "-c");
    Map<String, String> env = new LinkedHashMap<>();
    container.path("env").forEach(e -> env.put(e.path("name").asText(), e.path("value").asText()));
    return new ShellScript(command.get(2), command.subList(3, command.size()), env, container);
  }

  /**
   * Runs the script with dash in {@code dir}, with the container's literal variables overridden by
   * {@code variables}, and kills it (and curl) when it outlives {@code limit}.
   *
   * @param bin a folder put first on {@code PATH} (fake tools), or null
   */
  Result run(Path dir, Path bin, Map<String, String> variables, Duration limit)
      throws IOException, InterruptedException {
    require("dash");
    require("curl");
    List<String> argv = new ArrayList<>(List.of("dash", "-c", script));
    argv.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(argv).directory(dir.toFile());
    Map<String, String> environment = builder.environment();
    String path = System.getenv("PATH");
    environment.clear();
    environment.putAll(env);
    environment.putAll(variables);
    environment.put("PATH", bin == null ? path : bin + File.pathSeparator + path);
    environment.put("HOME", dir.toString());
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    builder.redirectOutput(out.toFile()).redirectError(err.toFile());
    long start = System.nanoTime();
    Process process = builder.start();
    boolean ended = process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    if (!ended) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly().waitFor();
    }
    return new Result(
        ended ? process.exitValue() : -1,
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8),
        elapsed);
  }

  /** Skips the test when {@code tool} is not on the PATH, or fails it under {@code CI=true}. */
  static void require(String tool) {
    for (String folder : System.getenv("PATH").split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(folder, tool))) {
        return;
      }
    }
    String problem = tool + " is not installed (apt-get install " + tool + ")";
    if ("true".equals(System.getenv("CI"))) {
      Assertions.fail(problem + "; CI=true: this test must run");
    }
    Assumptions.abort(problem);
  }
}
