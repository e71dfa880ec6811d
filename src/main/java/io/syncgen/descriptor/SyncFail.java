package io.syncgen.descriptor;

/**
 * The SyncFail alert Job.
 *
 * @param webhook where the alert is POSTed
 * @param activeDeadlineSeconds the alert Job's deadline, in seconds
 */
public record SyncFail(
    @Field(doc = "The webhook that receives a JSON alert.", required = true) Webhook webhook,
    @Field(
            doc =
                "Deadline of the alert Job, in seconds. The POST, retries included, ends within"
                    + " half of it (at most 60 s), whatever the webhook answers.",
            defaultValue = "" + SyncFail.DEFAULT_DEADLINE_SECONDS,
            format = Format.POSITIVE,
            kubernetes = "Job spec.activeDeadlineSeconds")
        Integer activeDeadlineSeconds) {

  /** The deadline a SyncFail Job has when the descriptor names none. */
  public static final int DEFAULT_DEADLINE_SECONDS = 120;

  /** The same alert sent to another webhook. */
  public SyncFail withWebhook(Webhook newWebhook) {
    return new SyncFail(newWebhook, activeDeadlineSeconds);
  }
}
