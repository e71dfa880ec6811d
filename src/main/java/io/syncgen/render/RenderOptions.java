package io.syncgen.render;

/**
 * Settings of one render that do not come from the descriptor.
 *
 * @param revision the Git revision being synced (Argo CD's {@code ARGOCD_APP_REVISION_SHORT}),
 *     named in the SyncFail alert; null when unknown
 * @param namespaceFromApplication true when {@code metadata.namespace} is not the descriptor's own
 *     but the Argo CD Application's destination ({@code ARGOCD_APP_NAMESPACE}, filled in by the
 *     plugin). The health check then calls the Service by its short name, which resolves in the
 *     namespace the Job runs in, so a namespace set after rendering (a Kustomize overlay) does not
 *     break it.
 */
public record RenderOptions(String revision, boolean namespaceFromApplication) {
  /** No revision; the namespace, if any, is the descriptor's. */
  public static final RenderOptions DEFAULTS = new RenderOptions(null);

  /** A revision; the namespace, if any, is the descriptor's. */
  public RenderOptions(String revision) {
    this(revision, false);
  }
}
