package io.syncgen.descriptor;

/**
 * An environment variable, as Kubernetes' {@code EnvVar}.
 *
 * @param name the variable name
 * @param value a literal value, or null when {@code valueFrom} is set
 * @param valueFrom where the value comes from, or null when {@code value} is set
 */
public record EnvVar(
    @Field(doc = "Variable name.", required = true, format = Format.ENV_NAME) String name,
    @Field(doc = "Literal value (a string: quote numbers).") String value,
    @Field(doc = "Where the value comes from.") EnvVarSource valueFrom) {}
