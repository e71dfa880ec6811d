package io.syncgen.descriptor;

/**
 * A resource of a container, as Kubernetes' {@code ResourceFieldSelector}.
 *
 * @param containerName the container, or null for this one
 * @param resource the resource, such as {@code limits.memory}
 * @param divisor the unit, or null for 1
 */
public record ResourceFieldSelector(
    @Field(doc = "The container; this one when absent.") String containerName,
    @Field(doc = "The resource, such as `limits.memory`.", required = true) String resource,
    @Field(doc = "The unit of the value.", format = Format.QUANTITY) String divisor) {}
