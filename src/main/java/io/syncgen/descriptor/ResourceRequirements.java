package io.syncgen.descriptor;

import java.util.Map;

/**
 * Compute resources of a container, as Kubernetes' {@code ResourceRequirements}.
 *
 * @param requests what the scheduler reserves, by resource name, or null
 * @param limits the most the container may use, by resource name, or null
 */
public record ResourceRequirements(
    @Field(doc = "Reserved resources, such as `cpu: 100m`.", format = Format.QUANTITY)
        Map<String, String> requests,
    @Field(doc = "Resource limits, such as `memory: 512Mi`.", format = Format.QUANTITY)
        Map<String, String> limits) {}
