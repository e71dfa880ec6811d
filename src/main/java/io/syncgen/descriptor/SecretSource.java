package io.syncgen.descriptor;

/**
 * A value read from a Secret, as in Kubernetes' {@code EnvVarSource}.
 *
 * @param secretKeyRef the Secret and key
 */
public record SecretSource(
    @Field(doc = "The Secret and key to read.", required = true, kubernetes = "secretKeyRef")
        KeySelector secretKeyRef) {}
