package io.syncgen.descriptor;

/**
 * The database the app and its migration use.
 *
 * @param urlFrom where the connection URL comes from; it becomes {@code DATABASE_URL}
 * @param waitFor the host and port to wait for before migrating, or null not to wait
 */
public record Database(
    @Field(
            doc =
                "The Secret key holding the database URL, set as `DATABASE_URL` in the app and"
                    + " migration containers. The Secret must exist before the sync: a PreSync"
                    + " hook runs before anything the app itself creates.",
            required = true,
            kubernetes = "env[].valueFrom")
        SecretSource urlFrom,
    @Field(
            doc =
                "Wait until this host accepts TCP connections before migrating, in an init"
                    + " container with its own deadline.")
        WaitFor waitFor) {}
