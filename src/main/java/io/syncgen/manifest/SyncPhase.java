package io.syncgen.manifest;

import java.util.Arrays;
import java.util.Optional;

/**
 * The phases of an Argo CD sync, in the order they run (gitops-engine {@code
 * pkg/sync/common/types.go}: PreSync -1, Sync 0, PostSync 1, SyncFail 2). Phase beats wave: a
 * PreSync hook at wave 5 runs before a Sync object at wave -10.
 */
public enum SyncPhase {
  /** Hooks that run before anything else, such as the migration. */
  PRE_SYNC("PreSync"),
  /** Ordinary objects, and hooks annotated {@code Sync}. */
  SYNC("Sync"),
  /** Hooks that run after every Sync object is healthy. */
  POST_SYNC("PostSync"),
  /** Hooks that run, all at once, when the sync fails. */
  SYNC_FAIL("SyncFail");

  private final String annotation;

  SyncPhase(String annotation) {
    this.annotation = annotation;
  }

  /** The value of {@code argocd.argoproj.io/hook} that selects this phase. */
  public String annotation() {
    return annotation;
  }

  /** The phase a hook value names, exact case as Argo CD compares it; empty for anything else. */
  public static Optional<SyncPhase> ofHook(String value) {
    return Arrays.stream(values()).filter(p -> p.annotation.equals(value)).findFirst();
  }
}
