package io.syncgen;

import io.syncgen.descriptor.DescriptorLoader;
import io.syncgen.descriptor.LoadedDescriptor;
import io.syncgen.descriptor.Overrides;
import io.syncgen.diagnostic.Diagnostic;
import io.syncgen.diagnostic.DiagnosticException;
import io.syncgen.lint.LintReport;
import io.syncgen.lint.Phase;
import io.syncgen.manifest.KubernetesObject;
import io.syncgen.manifest.Manifest;
import io.syncgen.manifest.ManifestReader;
import io.syncgen.manifest.SchemaCatalog;
import io.syncgen.output.AppFolders;
import io.syncgen.output.DriftCheck;
import io.syncgen.output.ManifestDirectory;
import io.syncgen.output.OutputRoot;
import io.syncgen.output.YamlStream;
import io.syncgen.plan.Rollback;
import io.syncgen.plan.SyncPlan;
import io.syncgen.render.AppSet;
import io.syncgen.render.RenderOptions;
import io.syncgen.render.Renderer;
import io.syncgen.validate.Finding;
import io.syncgen.validate.ReadFindings;
import io.syncgen.validate.Rule;
import io.syncgen.validate.Validator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What a program can call without the command line, the operations of every command: render a
 * descriptor (with overrides), read manifests and descriptors from files and directories ({@link
 * ManifestInputs}), validate them, plan their sync, write objects as YAML. Each returns values;
 * none prints or exits. Problems of the input are {@link DiagnosticException}s, located.
 */
public final class Syncgen {
  private Syncgen() {}

  /**
   * Reads, checks and renders a descriptor file.
   *
   * @param descriptor the descriptor file
   * @param displayName how findings name the file (the path as the user gave it)
   * @param options settings from outside the descriptor
   * @return the objects in Argo CD's sync order; never empty
   * @throws DiagnosticException listing every problem of the descriptor
   */
  public static List<KubernetesObject> render(
      Path descriptor, String displayName, RenderOptions options) throws DiagnosticException {
    return render(descriptor, displayName, Overrides.NONE, options);
  }

  /**
   * Reads and checks a descriptor file, applies an environment and {@code --set} overrides, checks
   * the result again and renders it.
   *
   * @param descriptor the descriptor file
   * @param displayName how findings name the file (the path as the user gave it)
   * @param overrides the environment and single fields to change for this run
   * @param options settings from outside the descriptor
   * @return the objects in Argo CD's sync order; never empty
   * @throws DiagnosticException listing every problem of the descriptor or of the overrides
   */
  public static List<KubernetesObject> render(
      Path descriptor, String displayName, Overrides overrides, RenderOptions options)
      throws DiagnosticException {
    LoadedDescriptor loaded = overrides.apply(DescriptorLoader.load(descriptor, displayName));
    return Renderer.render(loaded.app(), loaded.source(), options);
  }

  /**
   * Reads and checks descriptor text (not a file), applies overrides, checks the result again and
   * renders it: {@link #render(Path, String, Overrides, RenderOptions)} for a program that holds
   * the descriptor in memory.
   *
   * @param text the descriptor, YAML
   * @param displayName how findings name it
   * @param overrides the environment and single fields to change for this run
   * @param options settings from outside the descriptor
   * @return the objects in Argo CD's sync order; never empty
   * @throws DiagnosticException listing every problem of the descriptor or of the overrides
   */
  public static List<KubernetesObject> render(
      String text, String displayName, Overrides overrides, RenderOptions options)
      throws DiagnosticException {
    LoadedDescriptor loaded = overrides.apply(DescriptorLoader.parse(displayName, text));
    return Renderer.render(loaded.app(), loaded.source(), options);
  }

  /**
   * Validates rendered objects as the YAML stream that {@code render} prints, so positions in
   * findings are lines of that stream.
   *
   * @param stream the objects as written by {@link #toYaml(List)}
   * @param displayName how findings name the stream, such as {@code app.yaml (rendered)}
   * @param catalog the bundled schemas
   * @param options what to check
   * @return the findings
   */
  public static Validator.Report validate(
      String stream, String displayName, SchemaCatalog catalog, Validator.Options options) {
    ManifestReader.Result read = ManifestReader.parse(displayName, stream);
    return new Validator(catalog, options)
        .validate(read.manifests(), ReadFindings.of(read.problems()));
  }

  /**
   * Validates the objects read from files, directories and descriptors ({@link ManifestInputs}),
   * with the problems met while reading them.
   *
   * @param inputs what {@link ManifestInputs#read} read
   * @param options what to check
   * @return the findings, sorted, and the objects checked
   */
  public static Validator.Report validate(ManifestInputs inputs, Validator.Options options) {
    return new Validator(new SchemaCatalog(), options)
        .validate(inputs.manifests(), inputs.findings());
  }

  /**
   * A sync plan and what {@code validate} says of each object in it.
   *
   * @param plan the objects in Argo CD's order, by phase and wave
   * @param notes for each object of the plan, the Argo CD findings about it, one line each: {@code
   *     error|warning [rule-id] message}
   */
  public record Plan(SyncPlan plan, Function<KubernetesObject, List<String>> notes) {}

  /**
   * Plans the sync of the objects read, as Argo CD will run it, with the findings of {@code
   * validate}'s Argo CD rules (hooks, waves, delete policies) next to the objects they concern.
   *
   * @param inputs what {@link ManifestInputs#read} read; documents without a kind are left out
   * @return the plan and its notes
   */
  public static Plan plan(ManifestInputs inputs) {
    List<KubernetesObject> objects = new ArrayList<>();
    Map<KubernetesObject, Manifest> sources = new IdentityHashMap<>();
    for (Manifest manifest : inputs.manifests()) {
      if (!manifest.kind().isEmpty()) {
        KubernetesObject object = manifest.kubernetesObject();
        objects.add(object);
        sources.put(object, manifest);
      }
    }
    Set<Rule> notArgoCd = EnumSet.noneOf(Rule.class);
    Arrays.stream(Rule.values())
        .filter(r -> r.group() != Rule.Group.ARGOCD)
        .forEach(notArgoCd::add);
    Validator.Report report =
        new Validator(
                new SchemaCatalog(),
                new Validator.Options(notArgoCd, Validator.PodSecurity.RESTRICTED, true))
            .validate(inputs.manifests(), List.of());
    return new Plan(SyncPlan.of(objects), o -> notes(sources.get(o), report.findings()));
  }

  private static List<String> notes(Manifest manifest, List<Finding> findings) {
    List<String> notes = new ArrayList<>();
    if (manifest != null) {
      Rollback.note(manifest.kubernetesObject()).ifPresent(notes::add);
      for (Finding f : findings) {
        if (manifest.owns(f.location(), f.object())) {
          notes.add(f.severity().label() + " [" + f.rule().id() + "] " + f.message());
        }
      }
    }
    return notes;
  }

  /**
   * Reads, checks and renders every descriptor under a directory ({@code render DIR}).
   *
   * @param dir the directory, walked outside dot-folders
   * @param overrides applied to every descriptor
   * @return the apps, by descriptor path, each with its objects in sync order
   * @throws DiagnosticException with every problem of every descriptor, two apps that render the
   *     same object, or a directory without a descriptor
   */
  public static List<AppSet.App> renderAll(Path dir, Overrides overrides)
      throws DiagnosticException {
    return AppSet.render(dir, overrides);
  }

  /**
   * Writes apps into an output directory ({@code render -o}), whole or not at all, under its lock:
   * one app's files into {@code out} itself, or with {@code tree} each app into {@code
   * out/<namespace>/<name>/} (and the folders of apps that are gone emptied).
   *
   * @param notes receives what opening the directory found (a write undone after a kill) and the
   *     write's warnings, as they happen
   * @param wait how long to wait for another run's lock
   * @return how many object files the write holds
   * @throws DiagnosticException when the directory is locked past {@code wait}, holds what render
   *     refuses to replace, or cannot be written (nothing was then changed)
   */
  public static int write(
      Path out, List<AppSet.App> apps, boolean tree, Duration wait, Consumer<Diagnostic> notes)
      throws DiagnosticException {
    try (OutputRoot root = OutputRoot.open(out, out.toString(), wait)) {
      root.notes().forEach(notes);
      List<ManifestDirectory.Write> writes = writes(root, out, apps, tree);
      root.write(writes).forEach(notes);
      return writes.stream().mapToInt(w -> w.files().size()).sum();
    }
  }

  /**
   * What {@code render -o out --check} finds: how each folder differs from what {@link #write}
   * would write, without writing, under a shared lock.
   *
   * @param notes receives what opening the directory found
   * @return per folder, its differences (in folder order); and every folder the write would refuse
   * @throws DiagnosticException when the directory is locked past {@code wait} or cannot be read
   */
  public static Drift check(
      Path out, List<AppSet.App> apps, boolean tree, Duration wait, Consumer<Diagnostic> notes)
      throws DiagnosticException {
    try (OutputRoot root = OutputRoot.openForCheck(out, out.toString(), wait)) {
      root.notes().forEach(notes);
      List<DriftCheck.Report> reports = new ArrayList<>();
      List<Diagnostic> refusals = new ArrayList<>();
      for (ManifestDirectory.Write write : writes(root, out, apps, tree)) {
        ManifestDirectory target = write.directory();
        try {
          reports.add(
              new DriftCheck(target.dir(), target.displayName()).compare(out, write.files()));
        } catch (DiagnosticException e) {
          refusals.addAll(e.diagnostics());
        }
      }
      return new Drift(reports, refusals);
    }
  }

  /**
   * What {@link #check} found.
   *
   * @param reports each folder's differences
   * @param refusals the folders a write would refuse, and why
   */
  public record Drift(List<DriftCheck.Report> reports, List<Diagnostic> refusals) {
    /** Whether every folder holds what a write would write, and none would be refused. */
    public boolean upToDate() {
      return refusals.isEmpty() && reports.stream().allMatch(DriftCheck.Report::upToDate);
    }
  }

  private static List<ManifestDirectory.Write> writes(
      OutputRoot root, Path out, List<AppSet.App> apps, boolean tree) throws DiagnosticException {
    if (!tree) {
      return List.of(AppFolders.write(out, apps.get(0).objects()));
    }
    Map<Path, List<KubernetesObject>> folders = new LinkedHashMap<>();
    apps.forEach(app -> folders.put(app.folder(), app.objects()));
    return AppFolders.writes(out, folders, root.appFolders());
  }

  /**
   * Lints migration SQL against the phase it runs in ({@code syncgen migrations lint}).
   *
   * @param inputs the files, as {@link MigrationInputs#read} lists them
   * @param phase expand (before the new code) or contract (once no old code runs), for the files
   *     whose phase no descriptor gives
   * @param lockTimeoutRendered whether the runner of those files sets a lock timeout
   */
  public static LintReport lintMigrations(
      MigrationInputs inputs, Phase phase, boolean lockTimeoutRendered) {
    return inputs.lint(phase, lockTimeoutRendered);
  }

  /**
   * The objects as one YAML stream, each document opened by {@code ---}; deterministic: the same
   * objects give the same bytes on every machine, locale and time zone.
   */
  public static String toYaml(List<KubernetesObject> objects) {
    return YamlStream.write(objects);
  }
}
