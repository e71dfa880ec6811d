package io.syncgen.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syncgen.manifest.KubernetesObject;
import io.syncgen.manifest.SyncPhase;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The order Argo CD applies objects in: phase, wave, kind, name (argocd.md). */
class SyncOrderTest {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final String HOOK_WEIGHT = "helm.sh/hook-weight";

  /** The kind order from argocd.md ("Kind order, verbatim"). */
  private static final String DOCUMENTED_KIND_ORDER =
      """
      Namespace NetworkPolicy ResourceQuota LimitRange PodSecurityPolicy PodDisruptionBudget
      ServiceAccount Secret SecretList ConfigMap StorageClass PersistentVolume PersistentVolumeClaim
      CustomResourceDefinition ClusterRole ClusterRoleList ClusterRoleBinding ClusterRoleBindingList
      Role RoleList RoleBinding RoleBindingList Service DaemonSet Pod ReplicationController ReplicaSet
      Deployment HorizontalPodAutoscaler StatefulSet Job CronJob IngressClass Ingress APIService
      """;

  // ---- phase ----

  @Test
  void phaseBeatsWave() {
    KubernetesObject preSync = hook("Job", "migrate", "PreSync", "5");
    KubernetesObject sync = object("Deployment", "app", KubernetesObject.SYNC_WAVE, "-10");

    assertThat(SyncOrder.sort(List.of(sync, preSync))).containsExactly(preSync, sync);
  }

  @Test
  void phasesRunPreSyncSyncPostSyncSyncFailWhateverTheirWaves() {
    KubernetesObject preSync = hook("Job", "a-pre", "PreSync", "100");
    KubernetesObject sync = object("ConfigMap", "b-sync", KubernetesObject.SYNC_WAVE, "50");
    KubernetesObject syncHook = hook("Job", "c-sync-hook", "Sync", "60");
    KubernetesObject postSync = hook("Job", "d-post", "PostSync", "-100");
    KubernetesObject syncFail = hook("Job", "e-fail", "SyncFail", "-200");

    assertThat(SyncOrder.sort(List.of(syncFail, postSync, syncHook, sync, preSync)))
        .containsExactly(preSync, sync, syncHook, postSync, syncFail);
  }

  @Test
  void postSyncRunsBeforeSyncFail() {
    KubernetesObject postSync = hook("Job", "z-check", "PostSync", "10");
    KubernetesObject syncFail = hook("Job", "a-alert", "SyncFail", "-10");

    assertThat(SyncOrder.sort(List.of(syncFail, postSync))).containsExactly(postSync, syncFail);
  }

  @Test
  void phaseEnumIsInRunOrder() {
    assertThat(SyncPhase.values())
        .containsExactly(
            SyncPhase.PRE_SYNC, SyncPhase.SYNC, SyncPhase.POST_SYNC, SyncPhase.SYNC_FAIL);
    assertThat(SyncPhase.values())
        .extracting(SyncPhase::annotation)
        .containsExactly("PreSync", "Sync", "PostSync", "SyncFail");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "PreSync|PRE_SYNC",
        "Sync|SYNC",
        "PostSync|POST_SYNC",
        "SyncFail|SYNC_FAIL",
        "' PostSync '|POST_SYNC",
        "PreSync,PostSync|PRE_SYNC",
        "PostSync,PreSync|PRE_SYNC",
        "'PostSync, SyncFail'|POST_SYNC",
        "PostSync,PostSync|POST_SYNC",
        "'SyncFail,'|SYNC_FAIL",
        "',PreSync'|PRE_SYNC",
        "presync|SYNC",
        "PRESYNC|SYNC",
        "postSync|SYNC",
        "Pre Sync|SYNC",
        "PreSync;PostSync|SYNC",
        "''|SYNC",
      })
  void phaseReadsTheHookAnnotationAsArgoCdDoes(String hook, SyncPhase expected) {
    assertThat(SyncOrder.phase(object("Job", "j", KubernetesObject.HOOK, hook)))
        .isEqualTo(expected);
  }

  @Test
  void objectWithoutHookIsInTheSyncPhase() {
    assertThat(SyncOrder.phase(object("Deployment", "app"))).isEqualTo(SyncPhase.SYNC);
    ObjectNode tree = tree("Deployment", "app");
    metadata(tree).putObject("annotations");
    assertThat(SyncOrder.phase(new KubernetesObject(tree))).isEqualTo(SyncPhase.SYNC);
  }

  @Test
  void hookValuesAreCaseSensitive() {
    assertThat(SyncPhase.ofHook("presync")).isEmpty();
    assertThat(SyncPhase.ofHook("PreSync")).contains(SyncPhase.PRE_SYNC);
    assertThat(SyncOrder.phase(object("Job", "j", KubernetesObject.HOOK, "presync")))
        .isEqualTo(SyncPhase.SYNC);
    assertThat(SyncOrder.phase(object("Job", "j", KubernetesObject.HOOK, "\tPreSync\n")))
        .isEqualTo(SyncPhase.PRE_SYNC);
  }

  /**
   * Argo CD maps Helm's pre-install/pre-upgrade to PreSync and post-install/post-upgrade to
   * PostSync when no Argo CD hook is set (argocd.md).
   */
  @Test
  void helmHooksMapToArgoCdPhases() {
    assertThat(SyncOrder.phase(object("Job", "j", "helm.sh/hook", "pre-install")))
        .isEqualTo(SyncPhase.PRE_SYNC);
    assertThat(SyncOrder.phase(object("Job", "j", "helm.sh/hook", "post-upgrade")))
        .isEqualTo(SyncPhase.POST_SYNC);
    assertThat(
            SyncOrder.phase(
                object("Job", "j", "helm.sh/hook", "pre-install", KubernetesObject.HOOK, "Sync")))
        .isEqualTo(SyncPhase.SYNC);
  }

  /**
   * A non-string annotation makes Kubernetes' GetAnnotations() return nil for the whole object
   * (argocd.md), so Argo CD sees neither the hook nor the wave.
   */
  @Test
  void aNonStringAnnotationHidesEveryAnnotation() {
    ObjectNode tree = tree("Job", "migrate");
    metadata(tree)
        .putObject("annotations")
        .put(KubernetesObject.HOOK, "PreSync")
        .put(HOOK_WEIGHT, "-3")
        .put(KubernetesObject.SYNC_WAVE, -1);
    KubernetesObject job = new KubernetesObject(tree);

    assertThat(SyncOrder.phase(job)).isEqualTo(SyncPhase.SYNC);
    assertThat(SyncOrder.wave(job)).isZero();
  }

  // ---- wave ----

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "0|0",
        "1|1",
        "-1|-1",
        "+5|5",
        "-10|-10",
        "007|7",
        "-0|0",
        "+0|0",
        "9223372036854775807|9223372036854775807",
        "-9223372036854775808|-9223372036854775808",
      })
  void validWavesAreReadLikeGoAtoi(String wave, long expected) {
    assertThat(SyncOrder.wave(object("Job", "j", KubernetesObject.SYNC_WAVE, wave)))
        .isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        " 1",
        "1 ",
        "1.5",
        "",
        "abc",
        "1e3",
        "0x10",
        "1_000",
        "--1",
        "+-1",
        "+",
        "-",
        "\uff15", // FULLWIDTH DIGIT FIVE: Atoi takes ASCII digits only
        "\u0665", // ARABIC-INDIC DIGIT FIVE
        "9223372036854775808",
        "-9223372036854775809"
      })
  void invalidWavesReadAsZero(String wave) {
    assertThat(SyncOrder.wave(object("Job", "j", KubernetesObject.SYNC_WAVE, wave))).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {" 1", "1.5", "", "abc", "9223372036854775808"})
  void invalidWaveFallsBackToAValidHelmHookWeight(String wave) {
    KubernetesObject object =
        object("Job", "j", KubernetesObject.SYNC_WAVE, wave, HOOK_WEIGHT, "-4");
    assertThat(SyncOrder.wave(object)).isEqualTo(-4);
  }

  @Test
  void helmHookWeightIsReadLikeTheWave() {
    assertThat(SyncOrder.wave(object("Job", "j", HOOK_WEIGHT, "3"))).isEqualTo(3);
    assertThat(SyncOrder.wave(object("Job", "j", HOOK_WEIGHT, "+3"))).isEqualTo(3);
    assertThat(SyncOrder.wave(object("Job", "j", HOOK_WEIGHT, " 3"))).isZero();
    assertThat(
            SyncOrder.wave(object("Job", "j", KubernetesObject.SYNC_WAVE, "x", HOOK_WEIGHT, "1.5")))
        .isZero();
  }

  @Test
  void validWaveWinsOverHelmHookWeight() {
    KubernetesObject object =
        object("Job", "j", KubernetesObject.SYNC_WAVE, "2", HOOK_WEIGHT, "-4");
    assertThat(SyncOrder.wave(object)).isEqualTo(2);
  }

  @Test
  void noWaveIsZero() {
    assertThat(SyncOrder.wave(object("Job", "j"))).isZero();
  }

  @Test
  void wavesOrderInsideAPhaseNegativeFirst() {
    KubernetesObject minus10 = object("ConfigMap", "e", KubernetesObject.SYNC_WAVE, "-10");
    KubernetesObject minus1 = object("ConfigMap", "d", KubernetesObject.SYNC_WAVE, "-1");
    KubernetesObject none = object("ConfigMap", "c");
    KubernetesObject invalid = object("ConfigMap", "f", KubernetesObject.SYNC_WAVE, " 1");
    KubernetesObject one = object("ConfigMap", "b", KubernetesObject.SYNC_WAVE, "1");
    KubernetesObject plus5 = object("ConfigMap", "a", KubernetesObject.SYNC_WAVE, "+5");
    KubernetesObject ten = object("ConfigMap", "0", KubernetesObject.SYNC_WAVE, "10");

    assertThat(SyncOrder.sort(List.of(ten, plus5, one, invalid, none, minus1, minus10)))
        .containsExactly(minus10, minus1, none, invalid, one, plus5, ten);
  }

  @Test
  void wavesOrderNumericallyNotAsText() {
    KubernetesObject two = object("ConfigMap", "a", KubernetesObject.SYNC_WAVE, "2");
    KubernetesObject ten = object("ConfigMap", "b", KubernetesObject.SYNC_WAVE, "10");
    KubernetesObject minus2 = object("ConfigMap", "c", KubernetesObject.SYNC_WAVE, "-2");
    KubernetesObject minus10 = object("ConfigMap", "d", KubernetesObject.SYNC_WAVE, "-10");

    assertThat(SyncOrder.sort(List.of(ten, two, minus2, minus10)))
        .containsExactly(minus10, minus2, two, ten);
  }

  // ---- kind and name ----

  @Test
  void kindOrderIsTheDocumentedOneVerbatim() {
    assertThat(SyncOrder.KIND_ORDER).containsExactly(DOCUMENTED_KIND_ORDER.strip().split("\\s+"));
  }

  @Test
  void kindsOrderWithinAWave() {
    List<String> kinds =
        List.of(
            "Namespace",
            "ServiceAccount",
            "Secret",
            "ConfigMap",
            "PersistentVolumeClaim",
            "Role",
            "RoleBinding",
            "Service",
            "Deployment",
            "StatefulSet",
            "Job",
            "CronJob",
            "Ingress",
            "APIService");
    List<KubernetesObject> objects = new ArrayList<>();
    // Names run against the kind order, so only the kind can produce the expected order.
    for (int i = 0; i < kinds.size(); i++) {
      objects.add(object(kinds.get(i), String.valueOf((char) ('z' - i))));
    }
    List<KubernetesObject> shuffled = new ArrayList<>(objects);
    Collections.shuffle(shuffled, new Random(42));

    assertThat(SyncOrder.sort(shuffled))
        .extracting(KubernetesObject::kind)
        .containsExactlyElementsOf(kinds);
  }

  @Test
  void unknownKindsComeAfterEveryKnownKindAndSortByNameAmongThemselves() {
    KubernetesObject rollout = object("Rollout", "a");
    KubernetesObject aaa = object("AAA", "b");
    KubernetesObject monitor = object("ServiceMonitor", "c");
    KubernetesObject lowerCaseDeployment = object("deployment", "d");
    KubernetesObject apiService = object("APIService", "z");
    KubernetesObject namespace = object("Namespace", "zz");

    assertThat(
            SyncOrder.sort(
                List.of(monitor, lowerCaseDeployment, aaa, apiService, rollout, namespace)))
        .containsExactly(namespace, apiService, rollout, aaa, monitor, lowerCaseDeployment);
    assertThat(SyncOrder.kindIndex("Rollout")).isGreaterThan(SyncOrder.kindIndex("APIService"));
    assertThat(SyncOrder.kindIndex("Rollout")).isEqualTo(SyncOrder.kindIndex("AAA"));
  }

  @Test
  void waveBeatsKind() {
    KubernetesObject secret = object("Secret", "app", KubernetesObject.SYNC_WAVE, "1");
    KubernetesObject deployment = object("Deployment", "app");

    assertThat(SyncOrder.sort(List.of(secret, deployment))).containsExactly(deployment, secret);
  }

  /**
   * argocd.md: "A Namespace moves in front of the first object in it" (gitops-engine
   * syncTasks.adjustDeps, which also gives it that object's phase and wave).
   */
  @Test
  void namespaceMovesInFrontOfTheFirstObjectInIt() {
    KubernetesObject namespace = object("Namespace", "app");
    KubernetesObject migrate = hook("Job", "app-db-migrate", "PreSync", "-1");
    metadata(migrate.tree()).put("namespace", "app");
    KubernetesObject deployment = object("Deployment", "app");
    metadata(deployment.tree()).put("namespace", "app");

    assertThat(SyncOrder.sort(List.of(deployment, migrate, namespace)))
        .containsExactly(namespace, migrate, deployment);
  }

  @Test
  void sameKindSortsByNameAndNamespaceIsNotAKey() {
    KubernetesObject b = object("ConfigMap", "b");
    metadata(b.tree()).put("namespace", "a-first");
    KubernetesObject a = object("ConfigMap", "a");
    metadata(a.tree()).put("namespace", "z-last");
    KubernetesObject c = object("ConfigMap", "c");

    assertThat(SyncOrder.sort(List.of(c, b, a))).containsExactly(a, b, c);
  }

  @Test
  void namesCompareByCharacterNotNaturally() {
    KubernetesObject app10 = object("Job", "app-10");
    KubernetesObject app9 = object("Job", "app-9");
    KubernetesObject app = object("Job", "app");

    assertThat(SyncOrder.sort(List.of(app9, app10, app))).containsExactly(app, app10, app9);
  }

  // ---- the sort itself ----

  @Test
  void sortIsDeterministicWhateverTheInputOrder() {
    List<KubernetesObject> objects = realisticApp();
    List<KubernetesObject> expected = SyncOrder.sort(objects);

    Random random = new Random(20261121);
    for (int i = 0; i < 200; i++) {
      List<KubernetesObject> shuffled = new ArrayList<>(objects);
      Collections.shuffle(shuffled, random);
      assertThat(SyncOrder.sort(shuffled)).containsExactlyElementsOf(expected);
    }
  }

  @Test
  void sortPutsARealisticAppInArgoCdOrder() {
    List<KubernetesObject> objects = realisticApp();
    List<KubernetesObject> reversed = new ArrayList<>(objects);
    Collections.reverse(reversed);

    assertThat(SyncOrder.sort(reversed))
        .extracting(o -> o.kind() + "/" + o.name())
        .containsExactly(
            "Job/app-db-migrate",
            "ServiceAccount/app",
            "Secret/app-db",
            "ConfigMap/app-config",
            "Service/app",
            "Deployment/app",
            "Ingress/app",
            "Job/app-post-deploy-check",
            "Job/app-smoke-test",
            "Job/app-sync-fail-alert");
  }

  @Test
  void sortIsStableForObjectsArgoCdCannotTellApart() {
    KubernetesObject first = object("ConfigMap", "same");
    metadata(first.tree()).put("namespace", "one");
    KubernetesObject second = object("ConfigMap", "same");
    metadata(second.tree()).put("namespace", "two");
    KubernetesObject before = object("ConfigMap", "a");

    assertThat(SyncOrder.sort(List.of(first, second, before)))
        .containsExactly(before, first, second);
    assertThat(SyncOrder.sort(List.of(second, before, first)))
        .containsExactly(before, second, first);
  }

  @Test
  void sortReturnsACopyAndLeavesTheInputAlone() {
    List<KubernetesObject> input = new ArrayList<>(realisticApp());
    List<KubernetesObject> copy = List.copyOf(input);

    List<KubernetesObject> sorted = SyncOrder.sort(input);

    assertThat(input).containsExactlyElementsOf(copy);
    assertThat(sorted).containsExactlyInAnyOrderElementsOf(copy).isNotSameAs(input);
    assertThat(SyncOrder.sort(List.of())).isEmpty();
  }

  // ---- helpers ----

  /** A Deployment with a PreSync migration, PostSync checks and a SyncFail alert. */
  private static List<KubernetesObject> realisticApp() {
    return List.of(
        object("Deployment", "app"),
        object("Service", "app"),
        object("ConfigMap", "app-config"),
        object("Secret", "app-db"),
        object("ServiceAccount", "app"),
        object("Ingress", "app"),
        hook("Job", "app-db-migrate", "PreSync", "-1"),
        hook("Job", "app-smoke-test", "PostSync", "1"),
        hook("Job", "app-post-deploy-check", "PostSync", "1"),
        hook("Job", "app-sync-fail-alert", "SyncFail", null));
  }

  private static ObjectNode metadata(ObjectNode tree) {
    return (ObjectNode) tree.get("metadata");
  }

  private static ObjectNode tree(String kind, String name) {
    ObjectNode tree = JSON.objectNode();
    tree.put("apiVersion", "v1").put("kind", kind);
    tree.putObject("metadata").put("name", name);
    return tree;
  }

  /** An object with the given annotations, as key, value pairs. */
  private static KubernetesObject object(String kind, String name, String... annotations) {
    ObjectNode tree = tree(kind, name);
    if (annotations.length > 0) {
      ObjectNode map = metadata(tree).putObject("annotations");
      for (int i = 0; i < annotations.length; i += 2) {
        map.put(annotations[i], annotations[i + 1]);
      }
    }
    return new KubernetesObject(tree);
  }

  private static KubernetesObject hook(String kind, String name, String hook, String wave) {
    List<String> annotations = new ArrayList<>(Arrays.asList(KubernetesObject.HOOK, hook));
    if (wave != null) {
      annotations.addAll(List.of(KubernetesObject.SYNC_WAVE, wave));
    }
    return object(kind, name, annotations.toArray(String[]::new));
  }
}
