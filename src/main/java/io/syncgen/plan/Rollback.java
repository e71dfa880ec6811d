package io.syncgen.plan;

import io.syncgen.manifest.HookAnnotations;
import io.syncgen.manifest.KubernetesObject;
import java.util.Optional;

/**
 * What a migration step means for rolling the code back, by the phase it runs in. A migration Job
 * (label {@code app.kubernetes.io/component: migration}, as syncgen renders them) run as a PostSync
 * hook is a post-deployment migration, the contract phase: Argo CD starts it only once every object
 * of the Sync phase is healthy, so the new release runs everywhere, and once it ran the previous
 * release's code may no longer work with the schema. A PreSync or Sync migration runs before the
 * new code, the expand phase, unless its contract gate (the {@code wait-for-retired} init container
 * of {@code migration.contract}) makes it a contract: then it waits for the retired releases'
 * sessions to end, and a rollback to those releases is no longer safe after it.
 */
public final class Rollback {
  /** The label a migration Job carries. */
  static final String COMPONENT = "app.kubernetes.io/component";

  private Rollback() {}

  /**
   * The note for a post-deployment migration, one line; empty for any other object.
   *
   * @param object an object of the plan
   */
  public static Optional<String> note(KubernetesObject object) {
    boolean migration =
        object.kind().equals("Job")
            && "migration"
                .equals(object.tree().path("metadata").path("labels").path(COMPONENT).asText());
    if (!migration) {
      return Optional.empty();
    }
    if (HookAnnotations.types(object.annotations()).contains("PostSync")) {
      return Optional.of(
          "note: contract phase, a post-deployment migration: it runs once every pod runs the new"
              + " release; once it ran, rolling the code back to the previous release is no"
              + " longer safe");
    }
    String retired = retired(object);
    return Optional.of(
        retired.isEmpty()
            ? "note: expand phase: it runs before the new code, and must not break the code still"
                + " running (syncgen migrations lint); rolling the code back stays safe"
            : "note: contract phase: it waits until no session of "
                + retired
                + " is connected (migration.contract); once it ran, rolling the code back to"
                + " those releases is no longer safe");
  }

  /** The retired releases a contract gate waits out, comma-separated; empty without a gate. */
  private static String retired(KubernetesObject object) {
    for (var init : object.tree().at("/spec/template/spec/initContainers")) {
      if (init.path("name").asText().equals("wait-for-retired")) {
        for (var env : init.path("env")) {
          if (env.path("name").asText().equals("SYNCGEN_RETIRED")) {
            return String.join(", ", env.path("value").asText().split("\n"));
          }
        }
      }
    }
    return "";
  }
}
