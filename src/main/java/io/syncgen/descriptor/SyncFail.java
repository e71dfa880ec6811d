package io.syncgen.descriptor;

/**
 * The SyncFail alert Job.
 *
 * @param webhook where the alert is POSTed
 */
public record SyncFail(
    @Field(doc = "The webhook that receives a JSON alert.", required = true) Webhook webhook) {}
