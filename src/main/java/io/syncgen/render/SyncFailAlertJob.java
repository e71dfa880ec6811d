package io.syncgen.render;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syncgen.descriptor.AppDescriptor;
import io.syncgen.descriptor.ObjectNames;

/** The SyncFail alert Job, from {@code templates/job-sync-fail-alert.yaml}. */
final class SyncFailAlertJob {
  /**
   * Where the alert script puts the pod's namespace ({@code POD_NAMESPACE}, from the downward API).
   * The only {@code @} in a payload: every other one is written {@code &#92;u0040}.
   */
  static final String NAMESPACE_TOKEN = "@NAMESPACE@";

  private SyncFailAlertJob() {}

  static ObjectNode render(AppDescriptor app, String revision) {
    ObjectNode job = Template.load("job-sync-fail-alert");
    Template.object(job, "/metadata")
        .put("name", new ObjectNames(app.metadata().name()).syncFailJob());
    int deadline = app.spec().syncFail().activeDeadlineSeconds();
    Template.object(job, "/spec").put("activeDeadlineSeconds", deadline);
    ObjectNode container = Template.object(job, "/spec/template/spec/containers/0");
    Template.array(container, "/command")
        .addAll(Template.strings(CurlBudget.within(deadline).options()));
    Template.object(container, "/env/0/valueFrom")
        .set(
            "secretKeyRef",
            Template.tree(app.spec().syncFail().webhook().urlFrom().secretKeyRef()));
    Template.object(container, "/env/1").put("value", payload(app, revision));
    return job;
  }

  /**
   * The alert as compact JSON, {@code {"text": ..., "app": ..., "namespace": ..., "revision":
   * ...}}, with {@link #NAMESPACE_TOKEN} where the namespace goes: the script puts in the pod's
   * own, so the alert names the namespace the app runs in however it was set (the descriptor, Argo
   * CD's destination, a Kustomize overlay). Values are escaped by Jackson's JSON string encoder, so
   * no value needs escaping in a shell. The {@code text} field makes it readable as a Slack or
   * Mattermost incoming webhook too. {@code revision} is there only when known.
   */
  static String payload(AppDescriptor app, String revision) {
    String name = app.metadata().name();
    String at = revision == null ? "" : " at revision " + revision;
    StringBuilder json = new StringBuilder("{");
    json.append(field("text"))
        .append(text("Argo CD sync failed for " + name + " in namespace "))
        .append(NAMESPACE_TOKEN)
        .append(text(at + "."))
        .append("\",")
        .append(field("app"))
        .append(text(name))
        .append("\",")
        .append(field("namespace"))
        .append(NAMESPACE_TOKEN)
        .append('"');
    if (revision != null) {
      json.append(',').append(field("revision")).append(text(revision)).append('"');
    }
    return json.append('}').toString();
  }

  /** {@code "name":"}: a field name and the opening quote of its string value. */
  private static String field(String name) {
    return '"' + name + "\":\"";
  }

  /** The JSON string content of {@code value}, each {@code @} as {@code &#92;u0040}. */
  private static String text(String value) {
    return new String(JsonStringEncoder.getInstance().quoteAsString(value)).replace("@", "\\u0040");
  }
}
