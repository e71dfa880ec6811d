package io.syncgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.syncgen.descriptor.Overrides;
import io.syncgen.diagnostic.DiagnosticException;
import io.syncgen.manifest.KubernetesObject;
import io.syncgen.render.RenderOptions;
import io.syncgen.validate.Validator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The facade as a program embeds it: each operation returns values, the same the commands print,
 * and input problems are located {@link DiagnosticException}s, never a print or an exit.
 */
class SyncgenTest {
  private static final Path EXAMPLE = Path.of("golden/example/app.yaml");

  @TempDir Path tmp;

  @Test
  void renderGivesTheObjectsTheCommandPrints() throws Exception {
    List<KubernetesObject> objects = Syncgen.render(EXAMPLE, "app.yaml", RenderOptions.DEFAULTS);
    assertThat(objects).extracting(KubernetesObject::kind).contains("Job", "Deployment");
    assertThat(Syncgen.toYaml(objects))
        .isEqualTo(io.syncgen.cli.Run.of("render", EXAMPLE.toString()).out());
  }

  @Test
  void aDescriptorInMemoryRendersAsItsFileDoes() throws Exception {
    String text = Files.readString(EXAMPLE);
    assertThat(Syncgen.render(text, "app.yaml", Overrides.NONE, RenderOptions.DEFAULTS))
        .isEqualTo(Syncgen.render(EXAMPLE, "app.yaml", RenderOptions.DEFAULTS));
    assertThatThrownBy(
            () -> Syncgen.render("kind: App\n", "mem.yaml", Overrides.NONE, RenderOptions.DEFAULTS))
        .isInstanceOfSatisfying(
            DiagnosticException.class,
            e -> assertThat(e.diagnostics()).allMatch(d -> d.location().file().equals("mem.yaml")));
  }

  @Test
  void theSelfCheckOfARenderFindsNoErrorInTheExample() throws Exception {
    String stream = Syncgen.toYaml(Syncgen.render(EXAMPLE, "app.yaml", RenderOptions.DEFAULTS));
    Validator.Report report = SelfCheck.start().validate(stream, "app.yaml (rendered)");
    assertThat(report.errors()).isZero();
    assertThat(report.objects()).hasSize(5);
  }

  @Test
  void aDescriptorAmongManifestsIsRenderedAndValidatedWithThem() throws Exception {
    Path pod =
        Files.writeString(
            tmp.resolve("pod.yaml"),
            "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: c,"
                + " image: nginx}]}\n");
    ManifestInputs inputs = ManifestInputs.read(List.of(EXAMPLE, pod), Overrides.NONE);
    assertThat(inputs.manifests()).hasSize(6);
    Validator.Report report = Syncgen.validate(inputs, Validator.Options.defaults());
    assertThat(report.objects()).hasSize(6);
    assertThat(report.findings()).isNotEmpty().allMatch(f -> f.object().equals("Pod/p"));
  }

  @Test
  void writeThenCheckSeesNoDriftUntilAFileChanges() throws Exception {
    List<io.syncgen.render.AppSet.App> apps =
        Syncgen.renderAll(Path.of("golden/example"), Overrides.NONE);
    assertThat(apps).hasSize(1);
    Path out = tmp.resolve("out");
    List<io.syncgen.diagnostic.Diagnostic> notes = new java.util.ArrayList<>();
    java.time.Duration wait = java.time.Duration.ofSeconds(1);
    assertThat(Syncgen.write(out, apps, true, wait, notes::add)).isEqualTo(5);
    assertThat(notes).isEmpty();
    assertThat(Syncgen.check(out, apps, true, wait, notes::add).upToDate()).isTrue();

    Path service = out.resolve("myapp/myapp-api/service-myapp-api.yaml");
    Files.writeString(service, Files.readString(service).replace("8080", "8081"));
    Syncgen.Drift drift = Syncgen.check(out, apps, true, wait, notes::add);
    assertThat(drift.upToDate()).isFalse();
    assertThat(drift.refusals()).isEmpty();
    assertThat(drift.reports().get(0).files(io.syncgen.output.DriftCheck.Kind.CHANGED))
        .containsExactly("service-myapp-api.yaml");
  }

  @Test
  void thePlanSaysAPostDeploymentMigrationEndsSafeRollbacks() throws Exception {
    Syncgen.Plan plan =
        Syncgen.plan(
            ManifestInputs.read(List.of(Path.of("golden/mastodon/app.yaml")), Overrides.NONE));
    String post =
        "note: contract phase, a post-deployment migration: it runs once every pod runs the new"
            + " release; once it ran, rolling the code back to the previous release is no longer"
            + " safe";
    String pre =
        "note: expand phase: it runs before the new code, and must not break the code still"
            + " running (syncgen migrations lint); rolling the code back stays safe";
    assertThat(notesOf(plan, "mastodon-db-post-migrate")).contains(post).doesNotContain(pre);
    assertThat(notesOf(plan, "mastodon-db-migrate")).contains(pre).doesNotContain(post);
    assertThat(notesOf(plan, "mastodon")).isEmpty();
  }

  @Test
  void thePlanSaysAContractGateEndsSafeRollbacksToTheRetiredReleases() throws Exception {
    Syncgen.Plan plan =
        Syncgen.plan(
            ManifestInputs.read(List.of(Path.of("golden/contract-gate/app.yaml")), Overrides.NONE));
    // golden/contract-gate retires 1.4.0 and 1.4.1 of shop.
    assertThat(notesOf(plan, "shop-db-migrate"))
        .contains(
            "note: contract phase: it waits until no session of shop@1.4.0, shop@1.4.1 is"
                + " connected (migration.contract); once it ran, rolling the code back to those"
                + " releases is no longer safe");
  }

  private static List<String> notesOf(Syncgen.Plan plan, String name) {
    return plan.plan().allTasks().stream()
        .filter(t -> t.object().name().equals(name))
        .findFirst()
        .map(t -> plan.notes().apply(t.object()))
        .orElseThrow(() -> new AssertionError("no object " + name));
  }

  @Test
  void aMissingPathIsALocatedProblem() {
    Path missing = tmp.resolve("missing.yaml");
    assertThatThrownBy(() -> ManifestInputs.read(List.of(missing), Overrides.NONE))
        .isInstanceOfSatisfying(
            DiagnosticException.class,
            e ->
                assertThat(e.diagnostics().get(0).format())
                    .isEqualTo(missing + ": error: no such file or directory\n"));
  }

  @Test
  void thePlanNotesWhatTheArgoCdRulesSayOfEachObject() throws Exception {
    Path job =
        Files.writeString(
            tmp.resolve("job.yaml"),
            "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\n  annotations:\n"
                + "    argocd.argoproj.io/hook: presync\nspec: {template: {spec: {restartPolicy:"
                + " Never, containers: [{name: c, image: busybox:1.37}]}}}\n");
    Syncgen.Plan plan = Syncgen.plan(ManifestInputs.read(List.of(job), Overrides.NONE));
    assertThat(plan.plan().tasks()).as("a hook of no known type runs in no phase").isEmpty();
    KubernetesObject object = plan.plan().outside().get(0).object();
    assertThat(plan.notes().apply(object))
        .anyMatch(n -> n.startsWith("error [hook-unknown] hook type \"presync\" is not one"))
        .anyMatch(n -> n.startsWith("warning [hook-job-no-deadline] "))
        .allMatch(n -> n.matches("(error|warning) \\[hook-[a-z-]+\\] .*"));
  }
}
