package io.syncgen.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncgen.manifest.Manifest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@link Rule#MIGRATION_LOCK_TIMEOUT}: a migration hook Job written by hand should set a lock
 * timeout where it can be seen. A Job is a migration when it is a PreSync or Sync hook ({@link
 * Workloads#isMigration}) whose name, a container's name or argv contains "migrat", or that runs
 * alembic, liquibase or sqitch; a timeout is visible in a variable named {@code *LOCK_TIMEOUT*}, or
 * a literal value, command or argument that contains {@code lock_timeout}.
 */
final class MigrationLockTimeoutCheck implements Check {
  /** The recommended label of the tool that manages an object (Kubernetes' common labels). */
  private static final String MANAGED_BY = "app.kubernetes.io/managed-by";

  /** Migration tools whose migrate argv does not say "migrate". */
  private static final List<String> TOOLS = List.of("alembic", "liquibase", "sqitch");

  @Override
  public List<Finding> check(List<Manifest> manifests) {
    List<Finding> findings = new ArrayList<>();
    for (Manifest job : manifests) {
      Optional<String> podSpec = Workloads.podSpec(job);
      if (!Workloads.isMigration(job) || podSpec.isEmpty() || renderedBySyncgen(job)) {
        continue;
      }
      List<Workloads.Container> containers = Workloads.containers(job, podSpec.get());
      if (migrates(job, containers)
          && containers.stream().noneMatch(MigrationLockTimeoutCheck::setsLockTimeout)) {
        findings.add(
            Checks.finding(
                job,
                Rule.MIGRATION_LOCK_TIMEOUT,
                "",
                "this migration Job sets no lock_timeout: behind a long transaction its ALTER"
                    + " TABLE waits, and every query of the app waits behind it; set"
                    + " PGOPTIONS='-c lock_timeout=5s' on the container (or the JDBC URL's options"
                    + " parameter for Flyway and Liquibase)"));
      }
    }
    return findings;
  }

  private static boolean renderedBySyncgen(Manifest job) {
    return "syncgen".equals(job.object().at("/metadata/labels").path(MANAGED_BY).asText());
  }

  private static boolean migrates(Manifest job, List<Workloads.Container> containers) {
    if (job.name().toLowerCase(Locale.ROOT).contains("migrat")) {
      return true;
    }
    for (Workloads.Container container : containers) {
      List<String> words = new ArrayList<>();
      words.add(container.node().path("name").asText(""));
      container.node().path("command").forEach(w -> words.add(w.asText("")));
      container.node().path("args").forEach(w -> words.add(w.asText("")));
      for (String word : words) {
        String lower = word.toLowerCase(Locale.ROOT);
        String program = lower.substring(lower.lastIndexOf('/') + 1);
        if (lower.contains("migrat") || TOOLS.contains(program)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean setsLockTimeout(Workloads.Container container) {
    JsonNode node = container.node();
    for (JsonNode var : node.path("env")) {
      if (var.path("name").asText("").toUpperCase(Locale.ROOT).contains("LOCK_TIMEOUT")
          || mentions(var.path("value"))) {
        return true;
      }
    }
    for (JsonNode word : node.path("command")) {
      if (mentions(word)) {
        return true;
      }
    }
    for (JsonNode word : node.path("args")) {
      if (mentions(word)) {
        return true;
      }
    }
    return false;
  }

  private static boolean mentions(JsonNode text) {
    return text.asText("").toLowerCase(Locale.ROOT).contains("lock_timeout");
  }
}
