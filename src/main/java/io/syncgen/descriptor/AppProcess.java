package io.syncgen.descriptor;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One more long-running or scheduled process of the app (a worker, a scheduler, a streaming server,
 * a periodic task), run from the app's release: the same tag or digest as {@code spec.image}.
 * Without {@code schedule} it is a Deployment {@code <app>-<process>} (with a Service of the same
 * name when it has a port); with one, a CronJob.
 *
 * @param command the container's command, or null for the image's ENTRYPOINT
 * @param args the container's args, or null for the image's CMD
 * @param replicas pod count of the Deployment
 * @param port the TCP port it listens on, or null for none (no Service)
 * @param healthPath HTTP path answering 2xx when ready, or null
 * @param readinessProbe a Kubernetes Probe, or null for the one derived from the port
 * @param livenessProbe a Kubernetes Probe, or null
 * @param startupProbe a Kubernetes Probe, or null
 * @param resources requests and limits, or null
 * @param env variables merged over {@code spec.env} by name, or null
 * @param imageRepository another repository of the same release, or null for {@code spec.image}'s
 * @param schedule a cron schedule (a CronJob), or null (a Deployment)
 * @param disruptionBudget a PodDisruptionBudget for the Deployment, or null
 * @param autoscaling a HorizontalPodAutoscaler for the Deployment, or null
 */
public record AppProcess(
    @Field(
            doc = "The container's command; absent: the image's ENTRYPOINT. Not `spec.command`'s.",
            kubernetes = "containers[].command")
        List<String> command,
    @Field(
            doc = "The container's arguments; absent: the image's CMD. Not `spec.args`'.",
            kubernetes = "containers[].args")
        List<String> args,
    @Field(
            doc = "Number of pods (not for a `schedule`).",
            defaultValue = "1",
            format = Format.POSITIVE,
            kubernetes = "Deployment spec.replicas")
        Integer replicas,
    @Field(
            doc =
                "TCP port the process listens on; it then gets a Service `<app>-<process>` and a"
                    + " readiness probe on it.",
            format = Format.PORT,
            kubernetes = "containers[].ports[].containerPort")
        Integer port,
    @Field(
            doc =
                "HTTP path answering 2xx when ready, for the readiness probe (needs `port`);"
                    + " written as `spec.healthPath`.",
            format = Format.HTTP_PATH,
            kubernetes = "readinessProbe.httpGet.path")
        String healthPath,
    @Field(
            doc = "Kubernetes Probe; replaces the one derived from `port` and `healthPath`.",
            kubernetesType = "V1Probe",
            kubernetes = "containers[].readinessProbe")
        JsonNode readinessProbe,
    @Field(
            doc = "Kubernetes Probe.",
            kubernetesType = "V1Probe",
            kubernetes = "containers[].livenessProbe")
        JsonNode livenessProbe,
    @Field(
            doc = "Kubernetes Probe.",
            kubernetesType = "V1Probe",
            kubernetes = "containers[].startupProbe")
        JsonNode startupProbe,
    @Field(doc = "CPU and memory requests and limits.", kubernetes = "containers[].resources")
        ResourceRequirements resources,
    @Field(
            doc = "Variables merged over `spec.env` by name (Kubernetes EnvVar).",
            kubernetes = "containers[].env")
        List<EnvVar> env,
    @Field(
            doc =
                "Another repository of the same release, such as"
                    + " `ghcr.io/mastodon/mastodon-streaming`; the tag or digest is always"
                    + " `spec.image`'s.",
            format = Format.IMAGE_REPOSITORY,
            kubernetes = "containers[].image")
        String imageRepository,
    @Field(
            doc =
                "A cron schedule (`0 3 * * 0`, `@daily`): the process is a CronJob"
                    + " (`concurrencyPolicy: Forbid`) instead of a Deployment.",
            format = Format.CRON,
            kubernetes = "CronJob spec.schedule")
        String schedule,
    @Field(doc = "A PodDisruptionBudget for the process's Deployment.")
        DisruptionBudget disruptionBudget,
    @Field(doc = "A HorizontalPodAutoscaler for the process's Deployment.")
        Autoscaling autoscaling) {

  /** Whether the process is a CronJob rather than a Deployment. */
  public boolean isScheduled() {
    return schedule != null;
  }
}
