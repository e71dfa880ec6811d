package io.syncgen.descriptor;

import java.util.List;

/**
 * The post-deployment migrations: a PostSync hook Job that runs once the new release runs
 * everywhere, as GitLab and Mastodon split theirs ({@code SKIP_POST_DEPLOYMENT_MIGRATIONS=true} for
 * the PreSync pass, then a second pass after the rollout).
 *
 * @param command the argv that applies them, or null
 * @param args the container's args, keeping the image's ENTRYPOINT, or null
 * @param env variables of this Job only, after {@code spec.env}, or null
 * @param sql where the post-deployment SQL is, for {@code migrations lint}, or null
 */
public record PostDeployMigration(
    @Field(
            doc =
                "The argv that applies the post-deployment migrations. Run as is, without a shell.",
            kubernetes = "PostSync Job containers[].command")
        List<String> command,
    @Field(
            doc =
                "The container's arguments, keeping the image's ENTRYPOINT; with `command`, its"
                    + " arguments.",
            kubernetes = "PostSync Job containers[].args")
        List<String> args,
    @Field(
            doc =
                "Variables of this Job only, after `spec.env`. `migration.env` (such as"
                    + " `SKIP_POST_DEPLOYMENT_MIGRATIONS=true`) belongs to the pre-deployment pass"
                    + " and is not given here.",
            kubernetes = "PostSync Job containers[].env")
        List<EnvVar> env,
    @Field(
            doc =
                "Where the post-deployment SQL is: `syncgen migrations lint app.yaml` checks it as"
                    + " contract, since it runs once every pod runs the new release.")
        MigrationSql sql) {}
