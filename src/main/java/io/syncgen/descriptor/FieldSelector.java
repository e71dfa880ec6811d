package io.syncgen.descriptor;

/**
 * A field of the pod, as Kubernetes' {@code ObjectFieldSelector}.
 *
 * @param apiVersion the schema the path is written in, or null for {@code v1}
 * @param fieldPath the path, such as {@code metadata.name}
 */
public record FieldSelector(
    @Field(doc = "Schema version of the path.") String apiVersion,
    @Field(doc = "Path of the field, such as `metadata.name`.", required = true)
        String fieldPath) {}
