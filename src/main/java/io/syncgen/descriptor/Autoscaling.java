package io.syncgen.descriptor;

/**
 * A HorizontalPodAutoscaler (autoscaling/v2) for a Deployment. With it the Deployment carries no
 * {@code spec.replicas}: Argo CD would otherwise set the count back on every sync.
 *
 * @param minReplicas the fewest pods
 * @param maxReplicas the most pods
 * @param targetCPUUtilizationPercentage average CPU use to aim for, in percent of the requests, or
 *     null
 * @param targetMemoryUtilizationPercentage average memory use to aim for, in percent of the
 *     requests, or null
 */
public record Autoscaling(
    @Field(
            doc = "The fewest pods.",
            defaultValue = "1",
            format = Format.POSITIVE,
            kubernetes = "HorizontalPodAutoscaler spec.minReplicas")
        Integer minReplicas,
    @Field(
            doc = "The most pods; at least `minReplicas`.",
            required = true,
            format = Format.POSITIVE,
            kubernetes = "HorizontalPodAutoscaler spec.maxReplicas")
        Integer maxReplicas,
    @Field(
            doc =
                "Average CPU use to aim for, in percent of the CPU requests (which must then be"
                    + " set). Without any target Kubernetes aims for 80% CPU.",
            format = Format.POSITIVE,
            kubernetes = "HorizontalPodAutoscaler spec.metrics[].resource.target")
        Integer targetCPUUtilizationPercentage,
    @Field(
            doc = "Average memory use to aim for, in percent of the memory requests.",
            format = Format.POSITIVE,
            kubernetes = "HorizontalPodAutoscaler spec.metrics[].resource.target")
        Integer targetMemoryUtilizationPercentage) {}
