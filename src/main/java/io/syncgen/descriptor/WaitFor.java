package io.syncgen.descriptor;

/**
 * A TCP endpoint the migration waits for.
 *
 * @param host DNS name or IP address
 * @param port TCP port
 * @param timeoutSeconds how long to wait, in seconds, or null for half the migration deadline
 */
public record WaitFor(
    @Field(doc = "DNS name or IP address of the database.", required = true, format = Format.HOST)
        String host,
    @Field(doc = "TCP port of the database.", required = true, format = Format.PORT) Integer port,
    @Field(
            doc =
                "How long to wait, in seconds, before the migration fails with \"database not"
                    + " reachable\". Default: half of `migration.activeDeadlineSeconds`; must be"
                    + " less than it.",
            format = Format.POSITIVE)
        Integer timeoutSeconds) {

  /** The wait's timeout in seconds: {@code timeoutSeconds}, or half the migration deadline. */
  public int effectiveTimeoutSeconds(int migrationDeadlineSeconds) {
    return timeoutSeconds != null ? timeoutSeconds : Math.max(1, migrationDeadlineSeconds / 2);
  }
}
