package io.syncgen.validate;

import io.syncgen.diagnostic.Severity;
import io.syncgen.manifest.Manifest;
import io.syncgen.manifest.SchemaCatalog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs every rule on a set of manifests: a list of {@link Check}s, one per rule family, each given
 * the whole set; some look at each object on its own (schema, metadata, pod security), others
 * compare objects of the set (a PreSync or Sync hook reading a Secret created at a later wave, the
 * migration image against the Deployments' and CronJobs', waves across phases, a claim mounted by a
 * Deployment that an autoscaler scales). The findings of every check, less those of skipped rules
 * and those an object opts out of, make the report.
 *
 * <p>A set is everything validated together: the output of one render, or every file named on one
 * {@code syncgen validate} command line.
 */
public final class Validator {
  /** The annotation with which an object opts out of rules: {@code syncgen.io/ignore: a,b}. */
  public static final String IGNORE_ANNOTATION = "syncgen.io/ignore";

  /**
   * How to validate.
   *
   * @param skip rules not to run ({@code --skip})
   * @param podSecurity the Pod Security Standards profile to enforce
   * @param ignoreMissingSchemas whether kinds without a bundled schema pass unchecked
   */
  public record Options(Set<Rule> skip, PodSecurity podSecurity, boolean ignoreMissingSchemas) {
    /** Copies the set. */
    public Options {
      skip = Set.copyOf(skip);
    }

    /** Every rule, the restricted profile, missing schemas are errors. */
    public static Options defaults() {
      return new Options(Set.of(), PodSecurity.RESTRICTED, false);
    }
  }

  /** The Pod Security Standards profile, as {@code --pod-security} takes it. */
  public enum PodSecurity {
    /** The baseline profile. */
    BASELINE,
    /** The restricted profile (the default). */
    RESTRICTED
  }

  /**
   * An object that was checked.
   *
   * @param file the file it was read from, as the user named it
   * @param object {@code Kind/name}
   */
  public record Checked(String file, String object) {}

  /**
   * What a validation found.
   *
   * @param objects the objects checked, in input order
   * @param findings every finding, in {@link Finding#ORDER}
   */
  public record Report(List<Checked> objects, List<Finding> findings) {
    /** Copies the lists. */
    public Report {
      objects = List.copyOf(objects);
      findings = List.copyOf(findings);
    }

    /** How many findings are errors. */
    public long errors() {
      return findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
    }

    /** How many findings are warnings. */
    public long warnings() {
      return findings.stream().filter(f -> f.severity() == Severity.WARNING).count();
    }

    /** {@code checked N objects: E errors, W warnings}. */
    public String summary() {
      return "checked "
          + objects.size()
          + (objects.size() == 1 ? " object: " : " objects: ")
          + errors()
          + (errors() == 1 ? " error, " : " errors, ")
          + warnings()
          + (warnings() == 1 ? " warning" : " warnings");
    }
  }

  private final Options options;
  private final List<Check> checks;

  /**
   * A validator.
   *
   * @param catalog the schemas (shared, so each is compiled once)
   * @param options what to check
   */
  public Validator(SchemaCatalog catalog, Options options) {
    this.options = options;
    this.checks = checks(catalog, options);
  }

  /**
   * The checks that {@code options} ask for, in no meaningful order (findings are sorted): the
   * restricted Pod Security controls only under the restricted profile.
   *
   * @param catalog the schemas
   * @param options the Pod Security profile and whether kinds without a schema pass
   * @return one check per rule family
   */
  static List<Check> checks(SchemaCatalog catalog, Options options) {
    List<Check> checks =
        new ArrayList<>(
            List.of(
                new SchemaCheck(catalog, options.ignoreMissingSchemas()),
                new MetadataCheck(),
                new PodHostCheck(),
                new PodBaselineCheck(),
                new PodSysctlsCheck(),
                new HookTypeCheck(),
                new SyncWaveCheck(),
                new DeletePolicyCheck(),
                new HookJobCheck(),
                new WavesAcrossPhasesCheck(),
                new FirstSyncCheck(),
                new MigrationImageCheck(),
                new MigrationLockTimeoutCheck(),
                new HygieneCheck(),
                new PvcReplicasCheck()));
    if (options.podSecurity() == PodSecurity.RESTRICTED) {
      checks.add(new PodRestrictedCheck());
      checks.add(new PodRunAsCheck());
    }
    return List.copyOf(checks);
  }

  /**
   * Validates a set of objects.
   *
   * @param manifests the objects
   * @param readFindings problems met while reading them (parse errors, duplicate keys)
   * @return the report
   */
  public Report validate(List<Manifest> manifests, List<Finding> readFindings) {
    List<Finding> all = new ArrayList<>(readFindings);
    for (Check check : checks) {
      all.addAll(check.check(manifests));
    }

    Map<String, List<Manifest>> optingOut = optingOut(manifests);
    List<Finding> kept = new ArrayList<>();
    for (Finding finding : all) {
      if (!options.skip().contains(finding.rule()) && !ignored(finding, optingOut)) {
        kept.add(finding);
      }
    }
    kept.sort(Finding.ORDER);
    List<Checked> checked =
        manifests.stream().map(m -> new Checked(m.source().name(), m.display())).toList();
    return new Report(checked, kept);
  }

  /**
   * The objects that carry {@link #IGNORE_ANNOTATION}, by file and object name: a finding is looked
   * up among the few objects of its own name, so validation stays linear in the number of findings.
   */
  private static Map<String, List<Manifest>> optingOut(List<Manifest> manifests) {
    Map<String, List<Manifest>> byName = new HashMap<>();
    for (Manifest manifest : manifests) {
      if (manifest.annotations().containsKey(IGNORE_ANNOTATION)) {
        byName
            .computeIfAbsent(
                key(manifest.source().name(), manifest.display()), k -> new ArrayList<>())
            .add(manifest);
      }
    }
    return byName;
  }

  private static String key(String file, String object) {
    return file + "\0" + object;
  }

  /** Whether the object a finding is about opts out of its rule with {@link #IGNORE_ANNOTATION}. */
  private static boolean ignored(Finding finding, Map<String, List<Manifest>> optingOut) {
    String key = key(finding.location().file(), finding.object());
    for (Manifest manifest : optingOut.getOrDefault(key, List.of())) {
      String value = manifest.annotations().get(IGNORE_ANNOTATION);
      if (manifest.owns(finding.location(), finding.object())) {
        for (String id : value.split(",", -1)) {
          if (id.strip().equals(finding.rule().id())) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
