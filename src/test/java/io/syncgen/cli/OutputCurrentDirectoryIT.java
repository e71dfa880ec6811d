package io.syncgen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -o .}: the current directory as the output directory, for one app and for {@code render
 * DIR}, run as a process whose working directory is a fresh folder (this JVM's is the project).
 */
class OutputCurrentDirectoryIT {
  @TempDir Path tmp;

  @Test
  void oneAppIntoTheCurrentDirectory() throws Exception {
    Path descriptor = Files.copy(Path.of("golden/example/app.yaml"), tmp.resolve("app.yaml"));
    Path work = Files.createDirectories(tmp.resolve("work"));

    SyncgenProcess.Result run = render(work, descriptor.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).isEqualTo("syncgen: wrote 5 objects to .\n");
    assertThat(work.resolve("deployment-myapp-api.yaml")).isRegularFile();
    assertThat(render(work, descriptor.toString()).exitCode()).isZero();
  }

  @Test
  void manyAppsIntoTheCurrentDirectory() throws Exception {
    Path apps = Files.createDirectories(tmp.resolve("apps/team"));
    Files.copy(Path.of("golden/example/app.yaml"), apps.resolve("api.yaml"));
    Path work = Files.createDirectories(tmp.resolve("work"));

    SyncgenProcess.Result run = render(work, apps.getParent().toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(work.resolve("myapp/myapp-api/deployment-myapp-api.yaml")).isRegularFile();
    assertThat(render(work, apps.getParent().toString()).exitCode()).isZero();
  }

  private static SyncgenProcess.Result render(Path cwd, String input) throws Exception {
    return SyncgenProcess.start(
            cwd, List.of(), Map.of(), "render", input, "-o", ".", "--no-validate")
        .finish(120);
  }
}
