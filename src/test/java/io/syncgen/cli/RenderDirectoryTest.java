package io.syncgen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.syncgen.output.ManifestDirectory;
import io.syncgen.output.OutputLock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code syncgen render DIR}: every descriptor under DIR (recursively, skipping dot-folders and
 * YAML that is not a descriptor) is rendered in one run into {@code out/<namespace>/<name>/}
 * ({@code _} for an app without namespace), each folder holding exactly the golden files of its
 * scenario; without {@code -o} the apps' streams follow each other in descriptor path order; a
 * re-render replaces exactly what it wrote; a failing app, two colliding apps or a write that fails
 * halfway leave the output untouched and report every failing app with its file; {@code --check}
 * compares the whole tree; {@code --env} applies to every app and {@code --set} is refused; and
 * {@code validate DIR} checks every app.
 *
 * <p>The apps are golden descriptors copied into a temporary folder: {@code apps/shop/app.yaml}
 * (golden/minimal: shop, no namespace, 4 objects), {@code apps/team/api.yaml} (golden/example:
 * myapp-api in myapp, 5 objects) and {@code apps/team/billing/app.yml} (golden/command-migration-
 * without-wait: billing in payments, 5 objects).
 */
class RenderDirectoryTest {
  private static final Path GOLDEN = Path.of("golden");

  /** The syncFail block of golden/example/app.yaml; without it there is no sync-fail-alert Job. */
  private static final String SYNC_FAIL = syncFailOf("example");

  /** The syncFail block of golden/command-migration-without-wait/app.yaml. */
  private static final String SYNC_FAIL_BILLING = syncFailOf("command-migration-without-wait");

  @TempDir Path tmp;

  private Path apps;
  private Path out;

  @BeforeEach
  void copyApps() throws IOException {
    apps = tmp.resolve("apps");
    out = tmp.resolve("out");
    copy("minimal", "shop/app.yaml");
    copy("example", "team/api.yaml");
    copy("command-migration-without-wait", "team/billing/app.yml");
    // Neither a descriptor in a dot-folder nor YAML of another tool is an app.
    copy("minimal", ".git/app.yaml");
    write(apps.resolve("team/kustomization.yaml"), "resources: []\n");
  }

  @Test
  void everyAppIsWrittenToItsNamespaceAndNameFolder() throws IOException {
    Run run = render();

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).isEmpty();
    assertThat(messages(run)).isEqualTo("syncgen: wrote 14 objects of 3 apps to " + out + "\n");
    Map<String, String> expected = new TreeMap<>();
    expected.putAll(golden("minimal", "_/shop/"));
    expected.putAll(golden("example", "myapp/myapp-api/"));
    expected.putAll(golden("command-migration-without-wait", "payments/billing/"));
    Map<String, String> actual = tree(out);
    assertThat(actual.remove(OutputLock.NAME)).as("the lock file, empty").isEmpty();
    for (String app : List.of("_/shop/", "myapp/myapp-api/", "payments/billing/")) {
      String index = actual.remove(app + ManifestDirectory.INDEX);
      assertThat(index).as("index of %s", app).isNotNull();
      assertThat(index.lines().filter(l -> !l.startsWith("#")))
          .containsExactlyElementsOf(
              expected.keySet().stream()
                  .filter(k -> k.startsWith(app))
                  .map(k -> k.substring(app.length()))
                  .toList());
    }
    assertThat(actual).isEqualTo(expected);
  }

  @Test
  void withoutOutputDirTheStreamsOfTheAppsFollowInDescriptorPathOrder() {
    Run run = Run.of("render", apps.toString());

    // apps/shop/app.yaml < apps/team/api.yaml < apps/team/billing/app.yml
    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .isEqualTo(
            single("shop/app.yaml") + single("team/api.yaml") + single("team/billing/app.yml"));
  }

  @Test
  void reRenderReplacesExactlyWhatItWrote() throws IOException {
    assertThat(render().exitCode()).isZero();
    Path api = out.resolve("myapp/myapp-api");
    write(api.resolve("kustomization.yaml"), "resources: []\n");
    write(out.resolve("README.md"), "by hand\n");
    edit(apps.resolve("team/api.yaml"), SYNC_FAIL, "");
    edit(apps.resolve("team/api.yaml"), "replicas: 3", "replicas: 4");
    Map<String, String> before = tree(out);

    Run run = render();

    assertThat(run.exitCode()).as(run.err()).isZero();
    Map<String, String> expected = new TreeMap<>(before);
    String alert = "myapp/myapp-api/job-myapp-api-sync-fail-alert.yaml";
    expected.remove(alert);
    String deployment = "myapp/myapp-api/deployment-myapp-api.yaml";
    expected.put(deployment, before.get(deployment).replace("replicas: 3", "replicas: 4"));
    String index = "myapp/myapp-api/" + ManifestDirectory.INDEX;
    expected.put(index, before.get(index).replace("job-myapp-api-sync-fail-alert.yaml\n", ""));
    assertThat(tree(out)).isEqualTo(expected);
  }

  @Test
  void theFilesOfAnAppWhoseDescriptorIsGoneAreExtraForCheckAndDeletedByRender() throws IOException {
    assertThat(render().exitCode()).isZero();
    write(out.resolve("_/shop/notes.txt"), "by hand\n");
    Files.delete(apps.resolve("shop/app.yaml"));

    Run check = Run.of("render", apps.toString(), "-o", out.toString(), "--check");
    assertThat(check.exitCode()).isEqualTo(1);
    assertThat(check.out())
        .contains("deleted file mode 100644", "/out/_/shop/deployment-shop.yaml\n+++ /dev/null");
    assertThat(check.err()).contains("0 changed, 0 missing, 4 extra");

    Run run = render();
    assertThat(run.exitCode()).as(run.err()).isZero();
    // Only what the index listed goes; a file written by hand in that folder stays.
    try (var files = Files.list(out.resolve("_/shop"))) {
      assertThat(files.map(f -> f.getFileName().toString()).sorted())
          .containsExactly(ManifestDirectory.INDEX, "notes.txt");
    }
    assertThat(Run.of("render", apps.toString(), "-o", out.toString(), "--check").exitCode())
        .isZero();
  }

  @Test
  void failingAppsAreAllReportedWithTheirErrorsAndNothingIsWritten() throws IOException {
    assertThat(render().exitCode()).isZero();
    edit(apps.resolve("team/api.yaml"), "replicas: 3", "replicas: 4");
    Path missing = copy("error-missing-required", "broken/app.yaml");
    Path types = copy("error-wrong-types", "team/types.yaml");
    Map<String, String> before = tree(out);

    Run run = render();

    // Sorted by file: apps/broken/app.yaml, then apps/team/types.yaml.
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .isEqualTo(
            goldenErrors("error-missing-required", missing)
                + goldenErrors("error-wrong-types", types));
    assertThat(tree(out)).isEqualTo(before);
  }

  @Test
  void failingAppOnAFreshRunCreatesNoFolder() throws IOException {
    copy("error-missing-required", "broken/app.yaml");

    assertThat(render().exitCode()).isEqualTo(1);
    assertThat(out).doesNotExist();
  }

  @Test
  void twoAppsRenderingTheSameObjectsAreAnErrorNamingBothFiles() throws IOException {
    Path again = copy("minimal", "zz/shop.yaml");

    Run run = render();

    // Argo CD's order: the PreSync Job, then Service before Deployment, then the PostSync Job.
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .isEqualTo(
            collision(
                again,
                "Job/shop-db-migrate, Service/shop, Deployment/shop, Job/shop-post-deploy-check"
                    + " without a namespace",
                apps.resolve("shop/app.yaml")));
    assertThat(out).doesNotExist();
  }

  @Test
  void sameNameInAnotherNamespaceIsNoCollision() throws IOException {
    Path other = copy("minimal", "zz/shop.yaml");
    edit(other, "  name: shop\n", "  name: shop\n  namespace: other\n");

    Run run = render();

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(out.resolve("other/shop/deployment-shop.yaml")).isRegularFile();
    assertThat(out.resolve("_/shop/deployment-shop.yaml")).isRegularFile();
  }

  @Test
  void aDirectoryWhereAnAppsFileWasIsRefusedAndNoAppChanges() throws IOException {
    assertThat(render().exitCode()).isZero();
    // A new app, sorted first, whose folder must not be created.
    Path fresh = copy("minimal", "fresh/app.yaml");
    edit(fresh, "  name: shop\n", "  name: shop\n  namespace: fresh\n");
    for (String app : List.of("shop/app.yaml", "team/api.yaml", "team/billing/app.yml")) {
      edit(apps.resolve(app), "image: ", "image: registry.example.com/");
    }
    // A non-empty directory where billing's Deployment file is: writing the file would delete it.
    // (A write that fails half-way is OutputCrashIT's: it fails every rename with EIO.)
    Path deployment = out.resolve("payments/billing/deployment-billing.yaml");
    Files.delete(deployment);
    write(deployment.resolve("in-the-way"), "x\n");
    Map<String, String> before = tree(out);

    Run run = render();

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(messages(run))
        .isEqualTo(
            out.resolve("payments/billing")
                + ": error: deployment-billing.yaml is a directory, not the file syncgen wrote;"
                + " render writes only regular files: remove it, or choose another -o"
                + " directory\n");
    assertThat(tree(out)).isEqualTo(before);
    assertThat(out.resolve("fresh")).as("no folder is created for a new app").doesNotExist();
  }

  @Test
  void fileWhereANamespaceFolderMustGoCreatesNoFolderOfAnyApp() throws IOException {
    // "payments" is billing's folder, created after "_" and "myapp" (descriptor path order).
    Files.createDirectories(out);
    write(out.resolve("payments"), "a file\n");

    Run run = render();

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(messages(run))
        .isEqualTo(
            out.resolve("payments/billing")
                + ": error: cannot create the directory: "
                + out.resolve("payments")
                + " is not a directory\n");
    assertThat(tree(out)).isEqualTo(Map.of("payments", "a file\n"));
  }

  @Test
  void checkOfAnUpToDateTreeIsExitZero() {
    assertThat(render().exitCode()).isZero();

    Run run = Run.of("render", apps.toString(), "-o", out.toString(), "--check");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).isEmpty();
    assertThat(messages(run)).isEqualTo("syncgen: " + out + "/ is up to date\n");
  }

  @Test
  void checkReportsDriftInEveryApp() throws IOException {
    assertThat(render().exitCode()).isZero();
    edit(out.resolve("myapp/myapp-api/deployment-myapp-api.yaml"), "replicas: 3", "replicas: 5");
    Files.delete(out.resolve("_/shop/service-shop.yaml"));
    edit(apps.resolve("team/billing/app.yml"), SYNC_FAIL_BILLING, "");
    Map<String, String> before = tree(out);

    Run run = Run.of("render", apps.toString(), "-o", out.toString(), "--check");

    String o = DriftCheckPath.of(out);
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out().lines().filter(l -> l.startsWith("diff --git ")))
        .containsExactly(
            "diff --git a/" + o + "_/shop/service-shop.yaml b/" + o + "_/shop/service-shop.yaml",
            "diff --git a/"
                + o
                + "myapp/myapp-api/deployment-myapp-api.yaml b/"
                + o
                + "myapp/myapp-api/deployment-myapp-api.yaml",
            "diff --git a/"
                + o
                + "payments/billing/job-billing-sync-fail-alert.yaml b/"
                + o
                + "payments/billing/job-billing-sync-fail-alert.yaml");
    assertThat(run.out()).contains("-  replicas: 5\n+  replicas: 3\n");
    assertThat(messages(run))
        .isEqualTo(
            "syncgen: "
                + out
                + "/ differs: 1 changed, 1 missing, 1 extra; run syncgen render "
                + apps
                + " -o "
                + out
                + "/ to update\n");
    assertThat(tree(out)).isEqualTo(before);
  }

  @Test
  void envAppliesToEveryApp() throws IOException {
    Path shop = copy("environments-prod", "prod/app.yaml");

    Run run = Run.of("render", apps.toString(), "-o", out.toString(), "--env", "prod");

    // Only the shop-api descriptor defines prod; every other app is an error of its own.
    assertThat(run.exitCode()).isEqualTo(1);
    String noProd =
        ": error: environment \"prod\" was selected, but the descriptor has no"
            + " spec.environments; define it there or select none";
    assertThat(run.err().lines().filter(l -> l.contains(": error: ")))
        .containsExactly(
            apps.resolve("shop/app.yaml") + ":6:1" + noProd,
            apps.resolve("team/api.yaml") + ":6:1" + noProd,
            apps.resolve("team/billing/app.yml") + ":8:1" + noProd);
    assertThat(run.err()).doesNotContain(shop.toString());

    Path only = tmp.resolve("only");
    copy("environments-prod", "../only/app.yaml");
    Path prodOut = tmp.resolve("prod-out");
    Run prod = Run.of("render", only.toString(), "-o", prodOut.toString(), "--env", "prod");
    assertThat(prod.exitCode()).as(prod.err()).isZero();
    assertThat(tree(prodOut.resolve("shop-prod/shop-api")))
        .containsAllEntriesOf(strip(golden("environments-prod", ""), ManifestDirectory.INDEX))
        .containsKey(ManifestDirectory.INDEX);
  }

  @Test
  void setWithADirectoryIsAUsageError() {
    Run run = Run.of("render", apps.toString(), "--set", "spec.replicas=5");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("syncgen: --set changes one app");
  }

  @Test
  void directoryWithoutDescriptorsIsAnError() throws IOException {
    Path empty = Files.createDirectories(tmp.resolve("empty"));

    Run run = Run.of("render", empty.toString(), "-o", out.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .isEqualTo(
            empty
                + ": error: holds no app descriptor (a YAML file with apiVersion: syncgen/v1,"
                + " kind: App)\n");
  }

  @Test
  void descriptorThatIsNotValidYamlIsReportedNotSkipped() throws IOException {
    Path broken = copy("error-yaml-syntax", "broken.yaml");

    Run run = render();

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).startsWith(broken + ":");
    assertThat(out).doesNotExist();
  }

  @Test
  void validateOfADirectoryChecksEveryApp() throws IOException {
    Files.delete(apps.resolve("team/kustomization.yaml")); // not a Kubernetes object

    Run run = Run.of("validate", apps.toString());

    // 4 + 5 + 5 rendered objects; the copy under .git is skipped.
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.out()).contains(apps.resolve("shop/app.yaml") + " (rendered)");
    assertThat(run.out().lines().reduce((a, b) -> b).orElseThrow())
        .startsWith("checked 14 objects: 0 errors");
  }

  @Test
  void validateOfADirectoryReportsTwoAppsRenderingTheSameObjects() throws IOException {
    Files.delete(apps.resolve("team/kustomization.yaml"));
    Path again = copy("example", "zz/api.yaml");

    Run run = Run.of("validate", apps.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .isEqualTo(
            collision(
                again,
                "Job/myapp-api-db-migrate, Service/myapp-api, Deployment/myapp-api,"
                    + " Job/myapp-api-post-deploy-check, Job/myapp-api-sync-fail-alert in"
                    + " namespace myapp",
                apps.resolve("team/api.yaml")));
  }

  /** The error for {@code later} rendering {@code objects} that {@code first} renders too. */
  private static String collision(Path later, String objects, Path first) {
    return later
        + ": error: renders "
        + objects
        + ", as "
        + first
        + " does: two apps must not render the same object (same kind, namespace and name)\n";
  }

  private static String syncFailOf(String scenario) {
    try {
      String text = Files.readString(GOLDEN.resolve(scenario).resolve("app.yaml"));
      int start = text.indexOf("  syncFail:\n");
      int end = start + "  syncFail:\n".length();
      while (end < text.length() && text.startsWith("    ", end)) {
        end = text.indexOf('\n', end) + 1;
      }
      return text.substring(start, end);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** {@code DIR/} as the drift check's diff prints it: no leading slash. */
  private static final class DriftCheckPath {
    static String of(Path dir) {
      return dir.toString().replace('\\', '/').replaceAll("^/+", "") + "/";
    }
  }

  /** stderr without the warnings render's own validation prints for golden/minimal and billing. */
  private static String messages(Run run) {
    StringBuilder kept = new StringBuilder();
    run.err()
        .lines()
        .filter(l -> !l.contains(": warning: ["))
        .forEach(l -> kept.append(l).append('\n'));
    return kept.toString();
  }

  private Run render() {
    return Run.of("render", apps.toString(), "-o", out.toString());
  }

  private String single(String descriptor) {
    Run run = Run.of("render", apps.resolve(descriptor).toString());
    assertThat(run.exitCode()).isZero();
    return run.out();
  }

  /** Copies golden/SCENARIO/app.yaml to apps/TO. */
  private Path copy(String scenario, String to) throws IOException {
    Path target = apps.resolve(to).normalize();
    Files.createDirectories(target.getParent());
    return Files.copy(GOLDEN.resolve(scenario).resolve("app.yaml"), target);
  }

  /** The golden stderr of a failing scenario, naming {@code descriptor} instead. */
  private static String goldenErrors(String scenario, Path descriptor) throws IOException {
    return Files.readString(GOLDEN.resolve(scenario).resolve("expected/stderr.txt"))
        .replace(GOLDEN.resolve(scenario).resolve("app.yaml").toString(), descriptor.toString());
  }

  /** The golden object files of a scenario, keyed by {@code prefix} + file name. */
  private static Map<String, String> golden(String scenario, String prefix) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> list = Files.list(GOLDEN.resolve(scenario).resolve("expected"))) {
      for (Path file : list.toList()) {
        String name = file.getFileName().toString();
        if (name.endsWith(".yaml")) {
          files.put(prefix + name, Files.readString(file, StandardCharsets.UTF_8));
        }
      }
    }
    return files;
  }

  private static Map<String, String> strip(Map<String, String> files, String name) {
    Map<String, String> copy = new TreeMap<>(files);
    copy.remove(name);
    return copy;
  }

  /** Every file under {@code root}, by path relative to it with '/', to its text. */
  private static Map<String, String> tree(Path root) throws IOException {
    Map<String, String> files = new TreeMap<>();
    if (!Files.exists(root)) {
      return files;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(
            root.relativize(p).toString().replace('\\', '/'),
            Files.readString(p, StandardCharsets.UTF_8));
      }
    }
    return files;
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private static void edit(Path file, String from, String to) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    assertThat(text).as("%s contains %s", file, from).contains(from);
    Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
  }
}
