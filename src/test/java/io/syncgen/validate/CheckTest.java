package io.syncgen.validate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncgen.manifest.Manifest;
import io.syncgen.manifest.ManifestReader;
import io.syncgen.manifest.SchemaCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The {@link Check} contract on the rule corpus ({@code src/test/resources/validate/corpus}, both
 * {@code bad/} and {@code clean/}) and the golden outputs: each check reports only the rules of its
 * family (the table below, written from each class's Javadoc) and every rule has a family; the
 * baseline profile runs no restricted control; and a check changes no object and finds the same
 * twice.
 */
class CheckTest {
  private static final SchemaCatalog CATALOG = new SchemaCatalog();

  /** Which rules each check reports, as its Javadoc names them. */
  private static final Map<Class<?>, Set<Rule>> FAMILIES =
      Map.ofEntries(
          Map.entry(
              SchemaCheck.class,
              EnumSet.of(
                  Rule.NO_SCHEMA, Rule.UNKNOWN_FIELD, Rule.SCHEMA, Rule.METADATA_VALUE_TYPE)),
          Map.entry(MetadataCheck.class, EnumSet.of(Rule.METADATA_VALUE_TYPE)),
          Map.entry(
              PodHostCheck.class,
              EnumSet.of(
                  Rule.PSS_HOST_PROCESS,
                  Rule.PSS_HOST_NAMESPACES,
                  Rule.PSS_HOST_PATH,
                  Rule.PSS_HOST_PORTS,
                  Rule.PSS_HOST_PROBES)),
          Map.entry(
              PodBaselineCheck.class,
              EnumSet.of(
                  Rule.PSS_PRIVILEGED,
                  Rule.PSS_CAPABILITIES,
                  Rule.PSS_APPARMOR,
                  Rule.PSS_SELINUX,
                  Rule.PSS_PROC_MOUNT,
                  Rule.PSS_SECCOMP)),
          Map.entry(PodSysctlsCheck.class, EnumSet.of(Rule.PSS_SYSCTLS)),
          Map.entry(
              PodRestrictedCheck.class,
              EnumSet.of(
                  Rule.PSS_VOLUME_TYPES,
                  Rule.PSS_PRIVILEGE_ESCALATION,
                  Rule.PSS_SECCOMP_RESTRICTED,
                  Rule.PSS_CAPABILITIES_RESTRICTED)),
          Map.entry(
              PodRunAsCheck.class,
              EnumSet.of(Rule.PSS_RUN_AS_NON_ROOT, Rule.PSS_RUN_AS_USER, Rule.PSS_PROC_MOUNT)),
          Map.entry(HookTypeCheck.class, EnumSet.of(Rule.HOOK_UNKNOWN, Rule.HOOK_SKIP_COMBINED)),
          Map.entry(SyncWaveCheck.class, EnumSet.of(Rule.SYNC_WAVE_INVALID)),
          Map.entry(
              DeletePolicyCheck.class,
              EnumSet.of(Rule.DELETE_POLICY_UNKNOWN, Rule.DELETE_POLICY_WITHOUT_RECREATE)),
          Map.entry(
              HookJobCheck.class,
              EnumSet.of(
                  Rule.GENERATE_NAME_TOO_LONG,
                  Rule.HOOK_KIND_CANNOT_COMPLETE,
                  Rule.HOOK_JOB_NO_BACKOFF_LIMIT,
                  Rule.HOOK_JOB_NO_DEADLINE,
                  Rule.HOOK_TTL_AFTER_FINISHED,
                  Rule.HOOK_SIDECAR)),
          Map.entry(WavesAcrossPhasesCheck.class, EnumSet.of(Rule.WAVE_ACROSS_PHASES)),
          Map.entry(FirstSyncCheck.class, EnumSet.of(Rule.PRESYNC_READS_SYNC_OBJECT)),
          Map.entry(MigrationImageCheck.class, EnumSet.of(Rule.MIGRATION_IMAGE_MISMATCH)),
          Map.entry(MigrationLockTimeoutCheck.class, EnumSet.of(Rule.MIGRATION_LOCK_TIMEOUT)),
          Map.entry(
              HygieneCheck.class,
              EnumSet.of(
                  Rule.IMAGE_TAG,
                  Rule.CONTAINER_RESOURCES,
                  Rule.READINESS_PROBE,
                  Rule.MAX_UNAVAILABLE)),
          Map.entry(PvcReplicasCheck.class, EnumSet.of(Rule.PVC_SHARED_BY_REPLICAS)));

  /** The rules of reading a file, reported by {@link ManifestReader}, not by a check. */
  private static final Set<Rule> READING = EnumSet.of(Rule.PARSE_ERROR, Rule.DUPLICATE_KEY);

  /** Each set the checks run on: the objects of one corpus file or one golden scenario. */
  private static List<List<Manifest>> sets;

  @BeforeAll
  static void read() throws IOException {
    sets = new ArrayList<>();
    for (Path dir : List.of(CorpusTest.BAD, CorpusTest.CLEAN)) {
      for (Path file : files(dir)) {
        sets.add(ManifestReader.read(file, file.toString()).manifests());
      }
    }
    for (Path scenario : files(Path.of("golden"))) {
      List<Manifest> objects = new ArrayList<>();
      for (Path file : files(scenario.resolve("expected"))) {
        if (file.toString().endsWith(".yaml")) {
          objects.addAll(ManifestReader.read(file, file.toString()).manifests());
        }
      }
      sets.add(objects);
    }
    assertThat(sets).as("corpus files and golden scenarios").hasSizeGreaterThan(100);
  }

  private static List<Path> files(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.sorted().toList();
    }
  }

  private static List<Check> checks(Validator.PodSecurity level) {
    return Validator.checks(CATALOG, new Validator.Options(Set.of(), level, false));
  }

  /** The rules each check reports on every set, by check. */
  private static Map<Class<?>, Set<Rule>> reported(List<Check> checks) {
    Map<Class<?>, Set<Rule>> reported = new HashMap<>();
    for (Check check : checks) {
      Set<Rule> rules = reported.computeIfAbsent(check.getClass(), c -> EnumSet.noneOf(Rule.class));
      for (List<Manifest> set : sets) {
        check.check(set).forEach(finding -> rules.add(finding.rule()));
      }
    }
    return reported;
  }

  @Test
  void eachCheckReportsExactlyTheRulesOfItsFamilyAndEveryRuleHasOne() {
    Map<Class<?>, Set<Rule>> reported = reported(checks(Validator.PodSecurity.RESTRICTED));

    assertThat(new TreeMap<>(names(reported))).isEqualTo(new TreeMap<>(names(FAMILIES)));
    Set<Rule> owned = EnumSet.copyOf(READING);
    FAMILIES.values().forEach(owned::addAll);
    assertThat(owned).containsExactlyInAnyOrder(Rule.values());
  }

  private static Map<String, Set<Rule>> names(Map<Class<?>, Set<Rule>> byClass) {
    Map<String, Set<Rule>> byName = new HashMap<>();
    byClass.forEach((type, rules) -> byName.put(type.getSimpleName(), rules));
    return byName;
  }

  @Test
  void theBaselineProfileRunsNoRestrictedControl() {
    Set<Rule> baseline = EnumSet.noneOf(Rule.class);
    reported(checks(Validator.PodSecurity.BASELINE)).values().forEach(baseline::addAll);
    Set<Rule> restricted = EnumSet.noneOf(Rule.class);
    reported(checks(Validator.PodSecurity.RESTRICTED)).values().forEach(restricted::addAll);

    for (Rule rule : Rule.values()) {
      if (rule.group() == Rule.Group.POD_SECURITY_RESTRICTED) {
        assertThat(baseline).as("baseline").doesNotContain(rule);
        assertThat(restricted).as("restricted").contains(rule);
      } else if (!READING.contains(rule)) {
        assertThat(baseline).as("baseline").contains(rule);
      }
    }
  }

  @Test
  void aCheckChangesNoObjectAndFindsTheSameTwice() {
    for (List<Manifest> set : sets) {
      List<JsonNode> before = set.stream().map(m -> (JsonNode) m.object().deepCopy()).toList();
      for (Check check : checks(Validator.PodSecurity.RESTRICTED)) {
        List<Finding> first = check.check(set);
        assertThat(check.check(set)).as(check.getClass().getSimpleName()).isEqualTo(first);
      }
      assertThat(set.stream().map(m -> (JsonNode) m.object()).toList()).isEqualTo(before);
    }
  }
}
