package io.syncgen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.syncgen.validate.Rule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code syncgen validate} on the command line: exit codes (0 clean or warnings only, 1 errors or
 * warnings under {@code --strict}, 2 usage errors with a message on stderr), what {@code --skip},
 * {@code --pod-security}, {@code --ignore-missing-schemas} and the {@code syncgen.io/ignore}
 * annotation remove and keep, how directories are walked, whole-file line numbers in streams, that
 * a descriptor is rendered and checked, and that {@code render} still works beside it.
 */
class ValidateCommandTest {
  private static final String EXAMPLE = "golden/example/app.yaml";
  private static final Pattern RULE = Pattern.compile(": (?:error|warning): \\[([a-z-]+)\\] ");
  private static final Pattern TESTCASE =
      Pattern.compile("<testcase classname=\"([^\"]*)\" name=\"([^\"]*)\"");

  @TempDir Path tmp;

  /** A Pod with no finding under the defaults (restricted, resources, pinned tag). */
  private static final String CLEAN_POD =
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
      spec:
        securityContext:
          runAsNonRoot: true
          seccompProfile:
            type: RuntimeDefault
        containers:
          - name: web
            image: nginx:1.27.3
            resources:
              requests:
                cpu: 10m
                memory: 16Mi
              limits:
                memory: 32Mi
            securityContext:
              allowPrivilegeEscalation: false
              capabilities:
                drop:
                  - ALL
      """;

  /** A ConfigMap with one error: the unknown field {@code dat} on line 5. */
  private static final String BROKEN_CONFIG_MAP =
      """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: settings
      dat:
        a: b
      """;

  private static Run validate(String... args) {
    return Run.of(Stream.concat(Stream.of("validate"), Arrays.stream(args)).toArray(String[]::new));
  }

  private Path write(String name, String content) throws IOException {
    Path file = tmp.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
    return file;
  }

  /** The rule ids of the findings printed, in order. */
  private static List<String> rules(String out) {
    List<String> rules = new ArrayList<>();
    Matcher m = RULE.matcher(out);
    while (m.find()) {
      rules.add(m.group(1));
    }
    return rules;
  }

  /** The (classname, name) of each JUnit testcase, in order. */
  private static List<String> testcases(String junit) {
    List<String> cases = new ArrayList<>();
    Matcher m = TESTCASE.matcher(junit);
    while (m.find()) {
      cases.add(m.group(1) + " | " + m.group(2));
    }
    return cases;
  }

  private static void assertUsageError(Run run, String message) {
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .startsWith("syncgen: ")
        .contains(message, "Try 'syncgen validate --help' for more information.");
  }

  // --- Exit codes ------------------------------------------------------------------------------

  @Test
  void aCleanManifestExitsZeroWithOnlyTheSummary() throws IOException {
    Path pod = write("pod.yaml", CLEAN_POD);
    Run run = validate(pod.toString());
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("checked 1 object: 0 errors, 0 warnings\n");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void theRenderedExampleIsCleanAsADirectoryOfFiles() {
    Run run = validate("golden/example/expected");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("checked 5 objects: 0 errors, 0 warnings\n");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void anErrorExitsOneWithTheFindingOnStdout() throws IOException {
    Path file = write("settings.yaml", BROKEN_CONFIG_MAP);
    Run run = validate(file.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .isEqualTo(
            file
                + ":5:1: error: [unknown-field] ConfigMap/settings: unknown field \"dat\"; did you"
                + " mean \"data\"?\n"
                + "checked 1 object: 1 error, 0 warnings\n");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void warningsOnlyExitZeroAndOneUnderStrict() throws IOException {
    Path pod = write("pod.yaml", CLEAN_POD.replace("nginx:1.27.3", "nginx:latest"));
    String expected =
        pod
            + ":12:14: warning: [image-tag] Pod/web: container \"web\" runs \"nginx:latest\", the"
            + " moving tag latest; pin a release tag or a digest\n"
            + "checked 1 object: 0 errors, 1 warning\n";

    Run lenient = validate(pod.toString());
    assertThat(lenient.exitCode()).isZero();
    assertThat(lenient.out()).isEqualTo(expected);
    assertThat(lenient.err()).isEmpty();

    Run strict = validate("--strict", pod.toString());
    assertThat(strict.exitCode()).isEqualTo(1);
    assertThat(strict.out()).isEqualTo(expected);
    assertThat(strict.err()).isEmpty();
  }

  @Test
  void strictOnACleanManifestStillExitsZero() throws IOException {
    Run run = validate("--strict", write("pod.yaml", CLEAN_POD).toString());
    assertThat(run.exitCode()).isZero();
  }

  @Test
  void findingsAndTheSummaryGoToStdoutAndNothingToStderr() throws IOException {
    Path broken = write("a.yaml", BROKEN_CONFIG_MAP);
    Path warning = write("b.yaml", CLEAN_POD.replace("nginx:1.27.3", "nginx"));
    Run run = validate(broken.toString(), warning.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEmpty();
    List<String> lines = run.out().lines().toList();
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).startsWith(broken + ":5:1: error: [unknown-field] ");
    assertThat(lines.get(1)).startsWith(warning + ":12:14: warning: [image-tag] ");
    assertThat(lines.get(2)).isEqualTo("checked 2 objects: 1 error, 1 warning");
  }

  // --- Usage errors ----------------------------------------------------------------------------

  @Test
  void anUnknownFormatIsAUsageError() throws IOException {
    Path pod = write("pod.yaml", CLEAN_POD);
    assertUsageError(
        validate("--format", "xml", pod.toString()),
        "--format must be text, json or junit, not 'xml'");
  }

  @Test
  void formatsAreCaseInsensitiveWhateverTheLocale() throws IOException {
    // The suite runs under tr_TR, where "junit".toUpperCase() would be "JUNİT".
    Path pod = write("pod.yaml", CLEAN_POD);
    for (String format : List.of("junit", "JUnit", "json", "TEXT")) {
      Run run = validate("--format", format, pod.toString());
      assertThat(run.exitCode()).as(format).isZero();
      assertThat(run.err()).as(format).isEmpty();
    }
  }

  @Test
  void anUnknownSkipRuleIsAUsageErrorThatListsTheRules() throws IOException {
    Path pod = write("pod.yaml", CLEAN_POD);
    Run run = validate("--skip", "image-tag,no-such-rule", pod.toString());
    assertUsageError(run, "--skip: unknown rule 'no-such-rule'; rules are: ");
    for (Rule rule : Rule.values()) {
      assertThat(run.err()).contains(rule.id());
    }
  }

  @Test
  void aBadPodSecurityLevelIsAUsageError() throws IOException {
    Path pod = write("pod.yaml", CLEAN_POD);
    assertUsageError(
        validate("--pod-security", "privileged", pod.toString()),
        "--pod-security must be baseline or restricted, not 'privileged'");
  }

  @Test
  void aPathThatDoesNotExistIsAUsageError() throws IOException {
    Path pod = write("pod.yaml", CLEAN_POD);
    Path missing = tmp.resolve("nope/missing.yaml");
    assertUsageError(
        validate(pod.toString(), missing.toString()), "no such file or directory: " + missing);
  }

  @Test
  void noArgumentsIsAUsageError() {
    assertUsageError(validate(), "Missing required parameter: 'FILE|DIR'");
  }

  // --- --skip and syncgen.io/ignore ------------------------------------------------------------

  /** A Pod with an untagged image, no resources and an unknown field. */
  private static final String THREE_RULES_POD =
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
      spec:
        securityContext:
          runAsNonRoot: true
          seccompProfile:
            type: RuntimeDefault
        containers:
          - name: web
            image: nginx
            imagePullPolicyy: Always
            securityContext:
              allowPrivilegeEscalation: false
              capabilities:
                drop:
                  - ALL
      """;

  @Test
  void skipRemovesExactlyTheFindingsOfTheNamedRules() throws IOException {
    Path pod = write("pod.yaml", THREE_RULES_POD);
    Run all = validate(pod.toString());
    assertThat(all.exitCode()).isEqualTo(1);
    assertThat(rules(all.out()))
        .containsExactly("container-resources", "image-tag", "unknown-field");
    assertThat(all.out())
        .contains(
            pod
                + ":11:7: warning: [container-resources] Pod/web: container \"web\" has no"
                + " resource requests and no memory limit\n",
            pod
                + ":12:14: warning: [image-tag] Pod/web: container \"web\" runs \"nginx\", with no"
                + " tag (latest); pin a release tag or a digest\n",
            pod
                + ":13:7: error: [unknown-field] Pod/web: unknown field"
                + " \"spec.containers[0].imagePullPolicyy\"; did you mean \"imagePullPolicy\"?\n")
        .endsWith("checked 1 object: 1 error, 2 warnings\n");

    Run skipped = validate("--skip", "image-tag,container-resources", pod.toString());
    assertThat(skipped.exitCode()).isEqualTo(1);
    List<String> kept =
        all.out().lines().filter(l -> l.contains("[unknown-field]")).collect(Collectors.toList());
    kept.add("checked 1 object: 1 error, 0 warnings");
    assertThat(skipped.out().lines()).containsExactlyElementsOf(kept);

    Run one = validate("--skip", "image-tag", pod.toString());
    assertThat(rules(one.out())).containsExactly("container-resources", "unknown-field");

    Run repeated = validate("--skip", "image-tag", "--skip", "container-resources", pod.toString());
    assertThat(repeated.out()).isEqualTo(skipped.out());
  }

  @Test
  void skippingEveryRuleThatFiredExitsZero() throws IOException {
    Path pod = write("pod.yaml", THREE_RULES_POD);
    Run run = validate("--skip", "image-tag,container-resources,unknown-field", pod.toString());
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("checked 1 object: 0 errors, 0 warnings\n");
  }

  @Test
  void theIgnoreAnnotationRemovesARuleOnThatObjectOnly() throws IOException {
    String text =
        """
        apiVersion: v1
        kind: Pod
        metadata:
          name: quiet
          annotations:
            syncgen.io/ignore: image-tag
        spec:
          securityContext:
            runAsNonRoot: true
            seccompProfile:
              type: RuntimeDefault
          containers:
            - name: web
              image: nginx
              securityContext:
                allowPrivilegeEscalation: false
                capabilities:
                  drop:
                    - ALL
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: loud
        spec:
          securityContext:
            runAsNonRoot: true
            seccompProfile:
              type: RuntimeDefault
          containers:
            - name: web
              image: nginx
              resources:
                requests: {cpu: 10m, memory: 16Mi}
                limits: {memory: 32Mi}
              securityContext:
                allowPrivilegeEscalation: false
                capabilities:
                  drop: [ALL]
        """;
    Path file = write("pods.yaml", text);
    Run run = validate(file.toString());
    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .isEqualTo(
            // Pod/quiet keeps the rules it does not name.
            file
                + ":13:7: warning: [container-resources] Pod/quiet: container \"web\" has no"
                + " resource requests and no memory limit\n"
                // Pod/loud, in the same file, keeps image-tag.
                + file
                + ":32:14: warning: [image-tag] Pod/loud: container \"web\" runs \"nginx\", with"
                + " no tag (latest); pin a release tag or a digest\n"
                + "checked 2 objects: 0 errors, 2 warnings\n");
  }

  @Test
  void theIgnoreAnnotationTakesSeveralCommaSeparatedRules() throws IOException {
    String plain = THREE_RULES_POD.replace("      imagePullPolicyy: Always\n", "");
    String annotated =
        plain.replace(
            "  name: web\n",
            "  name: web\n"
                + "  annotations:\n"
                + "    syncgen.io/ignore: \"image-tag, container-resources\"\n");
    Run without = validate(write("plain.yaml", plain).toString());
    assertThat(rules(without.out())).containsExactly("container-resources", "image-tag");
    Run run = validate(write("annotated.yaml", annotated).toString());
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("checked 1 object: 0 errors, 0 warnings\n");
  }

  @Test
  void theIgnoreAnnotationDoesNotReachAnObjectOfTheSameNameInAnotherNamespace() throws IOException {
    String first =
        CLEAN_POD
            .replace(
                "  name: web\n",
                "  name: web\n  namespace: a\n  annotations:\n    syncgen.io/ignore: image-tag\n")
            .replace("nginx:1.27.3", "nginx");
    String second =
        CLEAN_POD
            .replace("  name: web\n", "  name: web\n  namespace: b\n")
            .replace("nginx:1.27.3", "nginx");
    // first: 26 lines; "---" is line 27; second's image is its line 13, so line 40.
    Path file = write("pods.yaml", first + "---\n" + second);
    Run run = validate(file.toString());
    assertThat(run.out())
        .isEqualTo(
            file
                + ":40:14: warning: [image-tag] Pod/web: container \"web\" runs \"nginx\", with"
                + " no tag (latest); pin a release tag or a digest\n"
                + "checked 2 objects: 0 errors, 1 warning\n");
  }

  // --- --ignore-missing-schemas and --pod-security ---------------------------------------------

  private static final String SERVICE_MONITOR =
      """
      apiVersion: monitoring.coreos.com/v1
      kind: ServiceMonitor
      metadata:
        name: web
      spec:
        endpoints:
          - port: http
      """;

  @Test
  void ignoreMissingSchemasLetsACustomResourcePass() throws IOException {
    Path file = write("monitor.yaml", SERVICE_MONITOR);
    Run strict = validate(file.toString());
    assertThat(strict.exitCode()).isEqualTo(1);
    assertThat(strict.out())
        .isEqualTo(
            file
                + ":2:1: error: [no-schema] ServiceMonitor/web: no schema for apiVersion"
                + " \"monitoring.coreos.com/v1\", kind \"ServiceMonitor\"; pass"
                + " --ignore-missing-schemas to skip kinds without a schema (custom resources)\n"
                + "checked 1 object: 1 error, 0 warnings\n");

    Run ignored = validate("--ignore-missing-schemas", file.toString());
    assertThat(ignored.exitCode()).isZero();
    assertThat(ignored.out()).isEqualTo("checked 1 object: 0 errors, 0 warnings\n");
    assertThat(ignored.err()).isEmpty();
  }

  @Test
  void ignoreMissingSchemasStillChecksKindsThatHaveASchema() throws IOException {
    Path monitor = write("monitor.yaml", SERVICE_MONITOR);
    Path broken = write("settings.yaml", BROKEN_CONFIG_MAP);
    Run run = validate("--ignore-missing-schemas", monitor.toString(), broken.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(rules(run.out())).containsExactly("unknown-field");
    assertThat(run.out()).endsWith("checked 2 objects: 1 error, 0 warnings\n");
  }

  /** A privileged Pod with no other security settings. */
  private static final String PRIVILEGED_POD =
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: root
      spec:
        containers:
          - name: app
            image: app:1.0.0
            resources:
              requests: {cpu: 10m, memory: 16Mi}
              limits: {memory: 32Mi}
            securityContext:
              privileged: true
      """;

  @Test
  void restrictedIsTheDefaultAndReportsRestrictedOnlyRules() throws IOException {
    Path pod = write("pod.yaml", PRIVILEGED_POD);
    Run run = validate(pod.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(new TreeSet<>(rules(run.out())))
        .containsExactly(
            "pss-capabilities-restricted",
            "pss-privilege-escalation",
            "pss-privileged",
            "pss-run-as-non-root",
            "pss-seccomp-restricted");
    assertThat(validate("--pod-security", "restricted", pod.toString()).out()).isEqualTo(run.out());
  }

  @Test
  void baselineReportsBaselineRulesButNoRestrictedOnlyOnes() throws IOException {
    Path pod = write("pod.yaml", PRIVILEGED_POD);
    Run run = validate("--pod-security", "baseline", pod.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .isEqualTo(
            pod
                + ":13:21: error: [pss-privileged] Pod/root: container \"app\" is privileged: root"
                + " on the node\n"
                + "checked 1 object: 1 error, 0 warnings\n");
    Set<String> restrictedOnly =
        Arrays.stream(Rule.values())
            .filter(r -> r.group() == Rule.Group.POD_SECURITY_RESTRICTED)
            .map(Rule::id)
            .collect(Collectors.toSet());
    assertThat(rules(run.out())).doesNotContainAnyElementsOf(restrictedOnly);
  }

  // --- Files and directories -------------------------------------------------------------------

  private static String configMap(String name) {
    return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: " + name + "\n";
  }

  @Test
  void directoriesAreWalkedRecursivelyInSortedOrderSkippingDotFoldersAndOtherFiles()
      throws IOException {
    Path dir = tmp.resolve("manifests");
    write("manifests/b.yaml", configMap("b"));
    write("manifests/a/z.yml", configMap("z"));
    write(
        "manifests/a/c.json",
        "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"c\"}}\n");
    write("manifests/sub/deep/d.yaml", configMap("d"));
    // Not read: other extensions, dot-folders at any depth, dot-files. Each would be an error.
    write("manifests/notes.txt", "{{{ not yaml");
    write("manifests/README.md", "# not yaml: [");
    write("manifests/.git/config.yaml", "{{{ not yaml");
    write("manifests/.github/workflows/ci.yml", "{{{ not yaml");
    write("manifests/sub/.hidden/e.yaml", "{{{ not yaml");
    write("manifests/sub/.dotfile.yaml", "{{{ not yaml");

    Run text = validate(dir.toString());
    assertThat(text.exitCode()).isZero();
    assertThat(text.out()).isEqualTo("checked 4 objects: 0 errors, 0 warnings\n");
    assertThat(text.err()).isEmpty();

    Run junit = validate("--format", "junit", dir.toString());
    assertThat(testcases(junit.out()))
        .containsExactly(
            dir.resolve("a/c.json") + " | ConfigMap/c",
            dir.resolve("a/z.yml") + " | ConfigMap/z",
            dir.resolve("b.yaml") + " | ConfigMap/b",
            dir.resolve("sub/deep/d.yaml") + " | ConfigMap/d");
  }

  @Test
  void filesNamedOnTheCommandLineAreReadInTheGivenOrder() throws IOException {
    Path b = write("b.yaml", configMap("b"));
    Path a = write("a.yaml", configMap("a"));
    Run junit = validate("--format", "junit", b.toString(), a.toString());
    assertThat(testcases(junit.out())).containsExactly(b + " | ConfigMap/b", a + " | ConfigMap/a");
  }

  @Test
  void aStreamOfThreeDocumentsReportsEachObjectsLineInTheWholeFile() throws IOException {
    String text =
        """
        # first document
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: first
        dat:
          a: "1"
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: second
          namespace: x
          labls:
            a: b
        ---
        # third document

        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: third
        data:
          key: value
        immutable: "yes"
        """;
    Path file = write("stream.yaml", text);
    Run run = validate(file.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .isEqualTo(
            file
                + ":6:1: error: [unknown-field] ConfigMap/first: unknown field \"dat\"; did you"
                + " mean \"data\"?\n"
                + file
                + ":14:3: error: [unknown-field] ConfigMap/second: unknown field"
                + " \"metadata.labls\"; did you mean \"labels\"?\n"
                + file
                + ":25:12: error: [schema] ConfigMap/third: immutable must be a boolean, not the"
                + " string \"yes\"\n"
                + "checked 3 objects: 3 errors, 0 warnings\n");
  }

  // --- Descriptors and render ------------------------------------------------------------------

  @Test
  void aDescriptorIsRenderedAndCheckedUnderTheRenderedName() {
    Run run = validate(EXAMPLE);
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("checked 5 objects: 0 errors, 0 warnings\n");
    assertThat(run.err()).isEmpty();

    Run junit = validate("--format", "junit", EXAMPLE);
    String file = EXAMPLE + " (rendered)";
    assertThat(testcases(junit.out()))
        .containsExactly(
            file + " | Job/myapp-api-db-migrate",
            file + " | Service/myapp-api",
            file + " | Deployment/myapp-api",
            file + " | Job/myapp-api-post-deploy-check",
            file + " | Job/myapp-api-sync-fail-alert");
  }

  @Test
  void findingsInARenderedDescriptorHaveLinesOfTheRenderedStream() throws IOException {
    Path descriptor =
        write(
            "app.yaml",
            Files.readString(Path.of(EXAMPLE)).replace("myapp/api:v1.2.0", "myapp/api:latest"));
    Run run = validate(descriptor.toString());
    assertThat(run.exitCode()).isZero();
    String file = descriptor + " (rendered)";
    // The stream is "---" then each golden/example/expected file in sync order: the migration
    // Job (106 lines), the Service (22), the Deployment (71), the post-deploy check.
    assertThat(run.out())
        .isEqualTo(
            file
                + ":71:18: warning: [image-tag] Job/myapp-api-db-migrate: container \"migrate\""
                + " runs \"myapp/api:latest\", the moving tag latest; pin a release tag or a"
                + " digest\n"
                + file
                + ":165:18: warning: [image-tag] Deployment/myapp-api: container \"app\" runs"
                + " \"myapp/api:latest\", the moving tag latest; pin a release tag or a digest\n"
                + file
                + ":232:18: warning: [image-tag] Job/myapp-api-post-deploy-check: container"
                + " \"migration-status\" runs \"myapp/api:latest\", the moving tag latest; pin a"
                + " release tag or a digest\n"
                + "checked 5 objects: 0 errors, 3 warnings\n");
  }

  private static String expectedStream() throws IOException {
    StringBuilder stream = new StringBuilder();
    for (String name :
        List.of(
            "job-myapp-api-db-migrate",
            "service-myapp-api",
            "deployment-myapp-api",
            "job-myapp-api-post-deploy-check",
            "job-myapp-api-sync-fail-alert")) {
      stream
          .append("---\n")
          .append(Files.readString(Path.of("golden/example/expected", name + ".yaml")));
    }
    return stream.toString();
  }

  @Test
  void renderStillWritesTheStreamAndAcceptsNoValidate() throws IOException {
    String expected = expectedStream();
    Run render = Run.of("render", EXAMPLE);
    assertThat(render.exitCode()).isZero();
    assertThat(render.err()).isEmpty();
    assertThat(render.out()).isEqualTo(expected);

    Run unchecked = Run.of("render", "--no-validate", EXAMPLE);
    assertThat(unchecked.exitCode()).isZero();
    assertThat(unchecked.err()).isEmpty();
    assertThat(unchecked.out()).isEqualTo(expected);
  }

  @Test
  void renderRefusesWhatItsOwnValidationFailsAndNoValidateLetsItThrough() throws IOException {
    // A patch is the one way a descriptor can make render emit an invalid object.
    String text =
        Files.readString(Path.of(EXAMPLE))
            + """
              patches:
                - target: {kind: Deployment, name: myapp-api}
                  patch:
                    - {op: add, path: /spec/replica, value: 3}
            """;
    Path app = write("app.yaml", text);
    Run render = Run.of("render", app.toString());
    assertThat(render.exitCode()).isOne();
    assertThat(render.out()).isEmpty();
    assertThat(render.err())
        .contains(
            "error: [unknown-field] Deployment/myapp-api: unknown field \"spec.replica\"",
            "syncgen: the rendered manifests are invalid (checked 5 objects: 1 error, 0"
                + " warnings); nothing was written.");

    Run unchecked = Run.of("render", "--no-validate", app.toString());
    assertThat(unchecked.exitCode()).isZero();
    assertThat(unchecked.err()).isEmpty();
    assertThat(unchecked.out()).contains("  replica: 3\n");
  }

  // --- Regression: list fields written as mappings (8695e61) ----------------------------------

  /**
   * A Secret, a PreSync hook Job that needs it and a Deployment; {@code POD} is a line of the pod
   * spec and {@code CONTAINERS} the value of {@code containers}, in both pod templates.
   */
  private static final String HOOK_AND_DEPLOYMENT =
      """
      apiVersion: v1
      kind: Secret
      metadata:
        name: s
      stringData:
        a: b
      ---
      apiVersion: batch/v1
      kind: Job
      metadata:
        name: migrate
        annotations:
          argocd.argoproj.io/hook: PreSync
      spec:
        backoffLimit: 0
        activeDeadlineSeconds: 60
        template:
          spec:
            restartPolicy: Never
            POD
            containers: CONTAINERS
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        selector:
          matchLabels:
            app: web
        template:
          metadata:
            labels:
              app: web
          spec:
            POD
            containers: CONTAINERS
      """;

  @Test
  void listFieldsWrittenAsMappingsAreSchemaErrorsNotAnInternalError() throws IOException {
    record Variant(String name, String pod, String containers, String path) {}
    String container = "[{name: m, image: \"app:1\", %s}]";
    List<Variant> variants =
        List.of(
            new Variant(
                "env",
                "",
                container.replace("%s", "env: {A: \"1\"}"),
                "spec.template.spec.containers[0].env"),
            new Variant(
                "volumes",
                "volumes: {a: b}",
                container.replace("%s", "args: [x]"),
                "spec.template.spec.volumes"),
            new Variant("containers", "", "{name: x}", "spec.template.spec.containers"),
            new Variant(
                "sysctls",
                "securityContext: {sysctls: {a: b}}",
                container.replace("%s", "args: [x]"),
                "spec.template.spec.securityContext.sysctls"),
            new Variant(
                "ports",
                "",
                container.replace("%s", "ports: {a: 1}"),
                "spec.template.spec.containers[0].ports"),
            new Variant(
                "capabilities.add",
                "",
                container.replace("%s", "securityContext: {capabilities: {add: {a: 1}}}"),
                "spec.template.spec.containers[0].securityContext.capabilities.add"),
            new Variant(
                "imagePullSecrets",
                "imagePullSecrets: {name: x}",
                container.replace("%s", "args: [x]"),
                "spec.template.spec.imagePullSecrets"),
            new Variant(
                "envFrom",
                "",
                container.replace("%s", "envFrom: {secretRef: {name: s}}"),
                "spec.template.spec.containers[0].envFrom"));
    for (Variant variant : variants) {
      Path file =
          write(
              variant.name() + ".yaml",
              HOOK_AND_DEPLOYMENT
                  .replace("POD", variant.pod())
                  .replace("CONTAINERS", variant.containers()));
      Run run = validate(file.toString());
      String what = variant.name() + " written as a mapping; stdout:\n" + run.out();
      assertThat(run.err()).as("stderr, %s", what).isEmpty();
      assertThat(run.out()).as("stdout, %s", what).doesNotContain("internal error");
      assertThat(run.exitCode()).as("exit code, %s", what).isEqualTo(1);
      for (String object : List.of("Job/migrate", "Deployment/web")) {
        assertThat(run.out())
            .as("the schema error in %s, %s", object, what)
            .contains(
                "error: [schema] "
                    + object
                    + ": "
                    + variant.path()
                    + " must be a list, not a mapping\n");
      }
      assertThat(run.out()).as("summary, %s", what).contains("checked 3 objects: ");
    }
  }
}
