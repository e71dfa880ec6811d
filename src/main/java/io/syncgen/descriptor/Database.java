package io.syncgen.descriptor;

/**
 * The database the app and its migration use.
 *
 * @param urlFrom where the connection URL comes from, or null when {@code env}, {@code envFrom} or
 *     a volume carries the connection
 * @param urlEnv the variable the URL is set as, or null for the migration tool's (see {@link
 *     AppSpec#databaseUrlEnv()})
 * @param waitFor the host and port to wait for before migrating, or null not to wait
 */
public record Database(
    @Field(
            doc =
                "The Secret key holding the database URL, set as `DATABASE_URL` (or `urlEnv`) in"
                    + " the app and migration containers. The Secret must exist before the sync: a"
                    + " PreSync hook runs before anything the app itself creates. Absent: the"
                    + " connection comes from `env`, `envFrom` or a volume (host, user and password"
                    + " parts, a config file), which the migration and status containers get too.",
            kubernetes = "env[].valueFrom")
        SecretSource urlFrom,
    @Field(
            doc =
                "The variable `urlFrom` is set as. Default: the one the migration tool reads"
                    + " (`FLYWAY_URL` for `flyway`, `LIQUIBASE_COMMAND_URL` for `liquibase`,"
                    + " `SQITCH_TARGET` for `sqitch`), else `DATABASE_URL`.",
            format = Format.ENV_NAME,
            kubernetes = "env[].name")
        String urlEnv,
    @Field(
            doc =
                "Wait until this host accepts TCP connections before migrating, in an init"
                    + " container with its own deadline.")
        WaitFor waitFor) {}
