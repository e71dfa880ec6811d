package io.syncgen.descriptor;

/**
 * The source of an environment variable, as Kubernetes' {@code EnvVarSource}; exactly one is set.
 *
 * @param secretKeyRef a key of a Secret
 * @param configMapKeyRef a key of a ConfigMap
 * @param fieldRef a field of the pod
 * @param resourceFieldRef a resource of the container
 */
public record EnvVarSource(
    @Field(doc = "A key of a Secret.") KeySelector secretKeyRef,
    @Field(doc = "A key of a ConfigMap.") KeySelector configMapKeyRef,
    @Field(doc = "A field of the pod, such as `metadata.name`.") FieldSelector fieldRef,
    @Field(doc = "A resource of the container, such as `limits.memory`.")
        ResourceFieldSelector resourceFieldRef) {}
