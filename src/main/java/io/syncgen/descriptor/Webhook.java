package io.syncgen.descriptor;

/**
 * A webhook whose URL is a secret.
 *
 * @param urlFrom the Secret key holding the URL
 */
public record Webhook(
    @Field(doc = "The Secret key holding the webhook URL.", required = true)
        SecretSource urlFrom) {}
