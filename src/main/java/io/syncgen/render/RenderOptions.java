package io.syncgen.render;

/**
 * Settings of one render that do not come from the descriptor.
 *
 * @param revision the Git revision being synced (Argo CD's {@code ARGOCD_APP_REVISION_SHORT}),
 *     named in the SyncFail alert; null when unknown
 */
public record RenderOptions(String revision) {
  /** No revision. */
  public static final RenderOptions DEFAULTS = new RenderOptions(null);
}
