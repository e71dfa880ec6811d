package io.syncgen.descriptor;

/**
 * A reference to an object in the same namespace, as Kubernetes' {@code LocalObjectReference}.
 *
 * @param name the object's name
 */
public record LocalObjectReference(
    @Field(doc = "The object's name.", required = true, format = Format.DNS_SUBDOMAIN)
        String name) {}
