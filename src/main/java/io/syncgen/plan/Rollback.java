package io.syncgen.plan;

import io.syncgen.manifest.HookAnnotations;
import io.syncgen.manifest.KubernetesObject;
import java.util.Optional;

/**
 * What a step means for rolling the code back. A migration Job (label {@code
 * app.kubernetes.io/component: migration}, as syncgen renders them) run as a PostSync hook is a
 * post-deployment migration: Argo CD starts it only once every object of the Sync phase is healthy,
 * so the new release runs everywhere, and once it ran the previous release's code may no longer
 * work with the schema.
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
    boolean postSync = HookAnnotations.types(object.annotations()).contains("PostSync");
    return migration && postSync
        ? Optional.of(
            "note: a post-deployment migration: it runs once every pod runs the new release; once"
                + " it ran, rolling the code back to the previous release is no longer safe")
        : Optional.empty();
  }
}
