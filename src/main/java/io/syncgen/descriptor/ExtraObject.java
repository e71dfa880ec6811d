package io.syncgen.descriptor;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A Kubernetes object rendered next to the app's (a ConfigMap, an Ingress, an ExternalSecret),
 * placed in the sync by syncgen: it adds the namespace, the common labels and the hook and
 * sync-wave annotations.
 *
 * @param phase PreSync, Sync or PostSync
 * @param wave the sync wave inside the phase
 * @param object the object as Kubernetes takes it
 */
public record ExtraObject(
    @Field(
            doc =
                "The sync phase: `Sync` (applied with the app), or `PreSync`/`PostSync` (a hook,"
                    + " with delete policy `BeforeHookCreation`).",
            defaultValue = "Sync",
            format = Format.SYNC_PHASE,
            kubernetes = "metadata.annotations[argocd.argoproj.io/hook]")
        String phase,
    @Field(
            doc =
                "The sync wave inside the phase. A Secret the migration reads goes at `-2` with"
                    + " `migration.hook: Sync`.",
            defaultValue = "0",
            kubernetes = "metadata.annotations[argocd.argoproj.io/sync-wave]")
        Integer wave,
    @Field(
            doc =
                "The object, with apiVersion, kind and metadata.name; checked with the strict"
                    + " schema of its kind when syncgen bundles one (custom resources are not).",
            required = true,
            kubernetesType = Field.OBJECT)
        JsonNode object) {}
