package io.syncgen.descriptor;

/**
 * A PodDisruptionBudget (policy/v1) for a Deployment: how many of its pods a voluntary disruption
 * (a node drain, a cluster upgrade) may take at once. Exactly one field is set.
 *
 * @param minAvailable pods that must stay available, a whole number or a percentage, or null
 * @param maxUnavailable pods that may be unavailable, a whole number or a percentage, or null
 */
public record DisruptionBudget(
    @Field(
            doc = "Pods that must stay available during a voluntary disruption: `1` or `50%`.",
            format = Format.INT_OR_PERCENT,
            kubernetes = "PodDisruptionBudget spec.minAvailable")
        String minAvailable,
    @Field(
            doc = "Pods a voluntary disruption may take down at once: `1` or `25%`.",
            format = Format.INT_OR_PERCENT,
            kubernetes = "PodDisruptionBudget spec.maxUnavailable")
        String maxUnavailable) {}
