package io.syncgen.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syncgen.descriptor.AppDescriptor;
import io.syncgen.descriptor.ObjectNames;

/** The SyncFail alert Job, from {@code templates/job-sync-fail-alert.yaml}. */
final class SyncFailAlertJob {
  private static final ObjectMapper JSON = new ObjectMapper();

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
   * The alert as compact JSON, built at render time by a JSON library so that no value needs
   * escaping in a shell: {@code {"text": ..., "app": ..., "namespace": ..., "revision": ...}}. The
   * {@code text} field makes it readable as a Slack or Mattermost incoming webhook too.
   */
  static String payload(AppDescriptor app, String revision) {
    String name = app.metadata().name();
    String namespace = app.metadata().namespace();
    StringBuilder text = new StringBuilder("Argo CD sync failed for ").append(name);
    if (namespace != null) {
      text.append(" in namespace ").append(namespace);
    }
    if (revision != null) {
      text.append(" at revision ").append(revision);
    }
    ObjectNode body =
        JSON.createObjectNode().put("text", text.append('.').toString()).put("app", name);
    if (namespace != null) {
      body.put("namespace", namespace);
    }
    if (revision != null) {
      body.put("revision", revision);
    }
    try {
      return JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the alert payload", e);
    }
  }
}
