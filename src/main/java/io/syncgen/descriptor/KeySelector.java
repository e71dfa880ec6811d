package io.syncgen.descriptor;

/**
 * A key of a Secret or ConfigMap in the app's namespace, as Kubernetes' {@code SecretKeySelector}
 * and {@code ConfigMapKeySelector}.
 *
 * @param name the Secret or ConfigMap name
 * @param key the key within it
 * @param optional whether a missing object or key is tolerated, or null for Kubernetes' default
 */
public record KeySelector(
    @Field(doc = "Name of the Secret or ConfigMap.", required = true, format = Format.DNS_SUBDOMAIN)
        String name,
    @Field(doc = "The key to read.", required = true, format = Format.CONFIG_KEY) String key,
    @Field(doc = "Whether a missing object or key is tolerated.") Boolean optional) {}
