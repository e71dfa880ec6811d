package io.syncgen.render;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncgen.manifest.KubernetesObject;
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

/**
 * A container of a rendered object, run here as a process the way the kubelet would start it: its
 * {@code command} and {@code args} as the argv, its {@code env} as the whole environment (literal
 * values, and Secret keys from a map standing in for the cluster's Secrets), plus {@code PATH},
 * {@code HOME} and what the test adds in place of the image's own settings.
 *
 * @param argv the container's command and args
 * @param env the container's variables, Secrets resolved
 */
record LocalContainer(List<String> argv, Map<String, String> env) {

  /**
   * What one run did.
   *
   * @param exitCode the exit code, or -1 when it was killed at its time limit
   * @param out stdout
   * @param err stderr
   * @param elapsed wall-clock time from start to exit
   */
  record Result(int exitCode, String out, String err, Duration elapsed) {
    String log() {
      return out + err;
    }
  }

  /**
   * The container {@code name} (an init container or not) of the object {@code objectName}.
   *
   * @param secrets Secret values by {@code name/key}
   */
  static LocalContainer of(
      List<KubernetesObject> objects, String objectName, String name, Map<String, String> secrets) {
    JsonNode container = container(objects, objectName, name);
    Map<String, String> env = new LinkedHashMap<>();
    for (JsonNode var : container.path("env")) {
      JsonNode secret = var.at("/valueFrom/secretKeyRef");
      String value =
          secret.isMissingNode()
              ? var.path("value").asText()
              : secrets.get(secret.path("name").asText() + "/" + secret.path("key").asText());
      if (value == null) {
        throw new AssertionError("no value for " + var + " among the test's Secrets");
      }
      env.put(var.path("name").asText(), secret.isMissingNode() ? expand(value, env) : value);
    }
    List<String> argv = new ArrayList<>();
    container.path("command").forEach(c -> argv.add(expand(c.asText(), env)));
    container.path("args").forEach(c -> argv.add(expand(c.asText(), env)));
    return new LocalContainer(List.copyOf(argv), env);
  }

  /** The container {@code name} (an init container or not) of the object {@code objectName}. */
  static JsonNode container(List<KubernetesObject> objects, String objectName, String name) {
    JsonNode pod =
        objects.stream()
            .filter(o -> o.name().equals(objectName))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no object " + objectName))
            .tree()
            .at("/spec/template/spec");
    List<JsonNode> containers = new ArrayList<>();
    pod.path("initContainers").forEach(containers::add);
    pod.path("containers").forEach(containers::add);
    return containers.stream()
        .filter(c -> c.path("name").asText().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no container " + name + " in " + objectName));
  }

  /**
   * Kubernetes' expansion of {@code $(VAR)} in a command, an argument or a variable's value, as
   * kubernetes/third_party/forked/golang/expansion/expand.go does it: {@code $(NAME)} of a variable
   * defined before is replaced by its value, an unknown one is left as written, {@code $$} is one
   * {@code $}, and a {@code $} before anything else stays.
   */
  static String expand(String input, Map<String, String> env) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < input.length()) {
      char c = input.charAt(i);
      if (c != '$' || i + 1 == input.length()) {
        out.append(c);
        i++;
      } else if (input.charAt(i + 1) == '$') {
        out.append('$');
        i += 2;
      } else if (input.charAt(i + 1) == '(' && input.indexOf(')', i + 2) > 0) {
        int close = input.indexOf(')', i + 2);
        String name = input.substring(i + 2, close);
        out.append(env.getOrDefault(name, "$(" + name + ")"));
        i = close + 1;
      } else {
        out.append(c).append(input.charAt(i + 1));
        i += 2;
      }
    }
    return out.toString();
  }

  /** This container with {@code name} set to {@code value} (another URL, say). */
  LocalContainer with(String name, String value) {
    Map<String, String> changed = new LinkedHashMap<>(env);
    changed.put(name, value);
    return new LocalContainer(argv, changed);
  }

  /** Starts the process in {@code dir}, output to files in {@code dir}. */
  Started start(Path dir, Map<String, String> extra) throws IOException {
    List<String> command = new ArrayList<>(argv);
    command.set(0, program(argv.get(0), extra.getOrDefault("PATH", "")));
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    builder.environment().clear();
    builder.environment().put("HOME", dir.toString());
    builder.environment().putAll(env);
    builder.environment().putAll(extra);
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    builder.redirectOutput(out.toFile()).redirectError(err.toFile());
    return new Started(builder.start(), System.nanoTime(), out, err);
  }

  /**
   * The program a container's argv[0] names, looked up in the container's {@code PATH} as the
   * runtime's exec does (Java would look it up in this JVM's).
   */
  private static String program(String name, String path) {
    if (name.contains("/")) {
      return name;
    }
    for (String folder : path.split(java.io.File.pathSeparator)) {
      Path candidate = Path.of(folder, name);
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    return name;
  }

  /** Runs the process to its end, or kills it (and its children) after {@code limit}. */
  Result run(Path dir, Map<String, String> extra, Duration limit)
      throws IOException, InterruptedException {
    return start(dir, extra).finish(limit);
  }

  /**
   * A started process.
   *
   * @param process the process
   * @param start {@link System#nanoTime()} at its start
   * @param out the file of its stdout
   * @param err the file of its stderr
   */
  record Started(Process process, long start, Path out, Path err) {
    /** Waits up to {@code limit} for it to end, else kills it and its children. */
    Result finish(Duration limit) throws IOException, InterruptedException {
      boolean ended = process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
      Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
      if (!ended) {
        kill();
      }
      return new Result(
          ended ? process.exitValue() : -1,
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8),
          elapsed);
    }

    /** Kills it and every process it started. */
    void kill() throws InterruptedException {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly().waitFor();
    }
  }
}
