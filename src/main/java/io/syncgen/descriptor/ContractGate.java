package io.syncgen.descriptor;

import java.util.List;

/**
 * The contract gate ({@code migration.contract}): before the migration runs, an init container
 * waits until no database session of a retired release is left, so a migration that drops what
 * those releases read runs only once none of their code is connected. Each release names its
 * sessions {@code <app>@<version>} ({@link ApplicationName}).
 *
 * @param retires the versions, as their {@code app.kubernetes.io/version} label says them
 * @param timeoutSeconds how long to wait before the migration fails
 */
public record ContractGate(
    @Field(
            doc =
                "The releases this migration leaves behind, by version (the"
                    + " `app.kubernetes.io/version` label, the image tag, they ran with): the"
                    + " migration waits until no session named `<metadata.name>@<version>` of any"
                    + " of them is connected to the database.",
            required = true,
            format = Format.LABEL_VALUE,
            kubernetes = "Job initContainers[].env")
        List<String> retires,
    @Field(
            doc =
                "How long to wait, in seconds, before the migration fails listing the sessions"
                    + " still connected. Must be less than `migration.activeDeadlineSeconds`.",
            defaultValue = "300",
            format = Format.POSITIVE,
            kubernetes = "Job initContainers[].env")
        Integer timeoutSeconds) {

  /** The application names of the retired releases, in the order written. */
  public List<ApplicationName> retiredNames(String app) {
    return retires.stream().map(v -> new ApplicationName(app, v)).toList();
  }
}
