package io.syncgen.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncgen.manifest.Manifest;
import java.util.ArrayList;
import java.util.List;

/**
 * Rule set 3, second half: workload hygiene. Image tags, resource requests and limits, readiness
 * probes on Deployments (Jobs are never asked for probes), and zero-downtime rollouts when the
 * manifests carry a migration hook. Claims shared by replicas are {@link PvcReplicasCheck}'s.
 */
final class HygieneCheck implements Check {
  @Override
  public List<Finding> check(List<Manifest> manifests) {
    List<Finding> findings = new ArrayList<>();
    boolean migrationHook = manifests.stream().anyMatch(Workloads::isMigration);
    for (Manifest manifest : manifests) {
      Workloads.podSpec(manifest).ifPresent(podSpec -> containers(manifest, podSpec, findings));
      if (manifest.kind().equals("Deployment")) {
        readinessProbe(manifest, findings);
        if (migrationHook) {
          maxUnavailable(manifest, findings);
        }
      }
    }
    return findings;
  }

  private static void containers(Manifest manifest, String podSpec, List<Finding> findings) {
    for (Workloads.Container container : Workloads.containers(manifest, podSpec)) {
      imageTag(manifest, container, findings);
      if (!container.field().equals("ephemeralContainers")) { // debug containers take no resources
        resources(manifest, container, findings);
      }
    }
  }

  private static void imageTag(
      Manifest manifest, Workloads.Container container, List<Finding> findings) {
    JsonNode image = container.node().path("image");
    if (!image.isTextual() || image.textValue().contains("@")) {
      return;
    }
    String name = image.textValue();
    String tag = Workloads.tag(name);
    boolean tagged = tag != null;
    if (!tagged || tag.equals("latest")) {
      findings.add(
          Checks.valueFinding(
              manifest,
              Rule.IMAGE_TAG,
              container.pointer() + "/image",
              container.who()
                  + " runs \""
                  + name
                  + "\", "
                  + (tagged ? "the moving tag latest" : "with no tag (latest)")
                  + "; pin a release tag or a digest"));
    }
  }

  private static void resources(
      Manifest manifest, Workloads.Container container, List<Finding> findings) {
    JsonNode resources = container.node().path("resources");
    // Kubernetes defaults requests to the limits, so limits alone also give requests.
    boolean requests = resources.path("requests").size() > 0 || resources.path("limits").size() > 0;
    JsonNode memory = resources.at("/limits/memory");
    boolean memoryLimit = !memory.isMissingNode() && !memory.isNull();
    if (!requests || !memoryLimit) {
      String missing =
          !requests && !memoryLimit
              ? "resource requests and no memory limit"
              : !requests ? "resource requests" : "memory limit";
      findings.add(
          Checks.finding(
              manifest,
              Rule.CONTAINER_RESOURCES,
              resources.isMissingNode() ? container.pointer() : container.pointer() + "/resources",
              container.who() + " has no " + missing));
    }
  }

  private static void readinessProbe(Manifest manifest, List<Finding> findings) {
    Workloads.podSpec(manifest)
        .ifPresent(
            podSpec -> {
              boolean any =
                  Workloads.containers(manifest, podSpec).stream()
                      .filter(c -> c.field().equals("containers"))
                      .anyMatch(c -> c.node().path("readinessProbe").isObject());
              if (!any) {
                findings.add(
                    Checks.finding(
                        manifest,
                        Rule.READINESS_PROBE,
                        podSpec + "/containers",
                        "no container has a readinessProbe; traffic and the rollout's health"
                            + " would not wait for the app to be ready"));
              }
            });
  }

  private static void maxUnavailable(Manifest manifest, List<Finding> findings) {
    JsonNode strategy = manifest.object().at("/spec/strategy");
    if ("Recreate".equals(strategy.path("type").asText())) {
      findings.add(
          Checks.valueFinding(
              manifest,
              Rule.MAX_UNAVAILABLE,
              "/spec/strategy/type",
              "strategy Recreate stops every pod before the new ones start: downtime during the"
                  + " migration release; use RollingUpdate with maxUnavailable: 0"));
      return;
    }
    JsonNode value = strategy.at("/rollingUpdate/maxUnavailable");
    boolean zero =
        (value.isNumber() && value.asLong() == 0)
            || (value.isTextual() && value.textValue().matches("0+%?"));
    if (!zero) {
      String shown = value.isMissingNode() || value.isNull() ? "the default 25%" : value.asText();
      findings.add(
          value.isMissingNode()
              ? Checks.finding(
                  manifest, Rule.MAX_UNAVAILABLE, "/spec", maxUnavailableMessage(shown))
              : Checks.valueFinding(
                  manifest,
                  Rule.MAX_UNAVAILABLE,
                  "/spec/strategy/rollingUpdate/maxUnavailable",
                  maxUnavailableMessage(shown)));
    }
  }

  private static String maxUnavailableMessage(String shown) {
    return "maxUnavailable is "
        + shown
        + " on an app with a migration hook; set strategy.rollingUpdate.maxUnavailable: 0 for a"
        + " zero-downtime rollout";
  }
}
