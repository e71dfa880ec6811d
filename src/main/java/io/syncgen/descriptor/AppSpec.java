package io.syncgen.descriptor;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * What the app runs and how it is migrated.
 *
 * @param image the app's image; the migration and status check run the very same reference
 * @param replicas pod count of the Deployment
 * @param port the container port the app listens on (TCP)
 * @param healthPath HTTP path answering 2xx when the app is ready, or null for a TCP probe
 * @param command the app container's command, or null for the image's
 * @param args the app container's args, or null for the image's
 * @param env environment of every container that runs the app's image, or null
 * @param envFrom Kubernetes EnvFromSources of those containers, or null
 * @param resources requests and limits of the app container, or null
 * @param readinessProbe the web container's readiness probe, or null for the derived one
 * @param livenessProbe the web container's liveness probe, or null
 * @param startupProbe the web container's startup probe, or null
 * @param volumes Kubernetes Volumes of the pods that run the app's release, or null
 * @param volumeMounts Kubernetes VolumeMounts of the containers that run it, or null
 * @param imagePullSecrets secrets for pulling the image, or null
 * @param serviceAccountName an existing ServiceAccount for the pods, or null for none
 * @param runAsUser numeric non-root uid for the app's containers, or null to use the image's
 * @param pod settings of every pod, or null
 * @param disruptionBudget a PodDisruptionBudget for the web Deployment, or null
 * @param autoscaling a HorizontalPodAutoscaler for the web Deployment, or null
 * @param processes more processes by name, or null
 * @param database how to reach the database
 * @param migration how to migrate
 * @param postSync the checks after the rollout
 * @param syncFail the alert when a sync fails, or null for none
 * @param extraObjects more objects to render, or null
 * @param patches JSON Patches applied to the rendered objects, or null
 * @param environments named overrides selected with {@code --env}, or null
 */
public record AppSpec(
    @Field(
            doc =
                "The app's image. The migration and the status check run this exact reference, so"
                    + " code and schema always match.",
            required = true,
            format = Format.IMAGE,
            kubernetes = "containers[].image")
        String image,
    @Field(
            doc = "Number of app pods.",
            defaultValue = "1",
            format = Format.POSITIVE,
            kubernetes = "Deployment spec.replicas")
        Integer replicas,
    @Field(
            doc = "The TCP port the app listens on; the Service exposes the same port.",
            defaultValue = "8080",
            format = Format.PORT,
            kubernetes = "containers[].ports[].containerPort, Service spec.ports[].port")
        Integer port,
    @Field(
            doc =
                "HTTP path that answers 2xx when the app is ready. Used by the readiness probe and"
                    + " the PostSync health check; when absent the probe is a TCP connect. Both"
                    + " send it as written, so it must be ASCII with a `?query` at most: RFC 3986"
                    + " path characters, `[` `]` and `%XX` escapes (`{` as `%7B`); no `#`, no"
                    + " leading `//`.",
            format = Format.HTTP_PATH,
            kubernetes = "readinessProbe.httpGet.path")
        String healthPath,
    @Field(
            doc =
                "The app container's command; absent: the image's ENTRYPOINT. Processes and the"
                    + " migration do not inherit it.",
            kubernetes = "containers[].command")
        List<String> command,
    @Field(
            doc = "The app container's arguments; absent: the image's CMD.",
            kubernetes = "containers[].args")
        List<String> args,
    @Field(
            doc =
                "Environment variables of every container that runs the app's image (Kubernetes"
                    + " EnvVar). `DATABASE_URL` (or `database.urlEnv`) is set from"
                    + " `database.urlFrom`.",
            kubernetes = "containers[].env")
        List<EnvVar> env,
    @Field(
            doc =
                "Secrets and ConfigMaps whose keys become variables of every container that runs"
                    + " the app's release (Kubernetes EnvFromSource).",
            kubernetesType = "V1EnvFromSource",
            kubernetes = "containers[].envFrom")
        List<JsonNode> envFrom,
    @Field(
            doc = "CPU and memory requests and limits of the app container.",
            kubernetes = "containers[].resources")
        ResourceRequirements resources,
    @Field(
            doc =
                "Kubernetes Probe of the app container; replaces the one derived from `healthPath`.",
            kubernetesType = "V1Probe",
            kubernetes = "containers[].readinessProbe")
        JsonNode readinessProbe,
    @Field(
            doc = "Kubernetes Probe of the app container.",
            kubernetesType = "V1Probe",
            kubernetes = "containers[].livenessProbe")
        JsonNode livenessProbe,
    @Field(
            doc = "Kubernetes Probe of the app container.",
            kubernetesType = "V1Probe",
            kubernetes = "containers[].startupProbe")
        JsonNode startupProbe,
    @Field(
            doc =
                "Volumes of every pod that runs the app's release (Kubernetes Volume): `configMap`,"
                    + " `secret`, `emptyDir`, `persistentVolumeClaim`, `projected` or `downwardAPI`.",
            kubernetesType = "V1Volume",
            kubernetes = "spec.template.spec.volumes")
        List<JsonNode> volumes,
    @Field(
            doc =
                "Mounts of `volumes` in every container that runs the app's release (Kubernetes"
                    + " VolumeMount).",
            kubernetesType = "V1VolumeMount",
            kubernetes = "containers[].volumeMounts")
        List<JsonNode> volumeMounts,
    @Field(
            doc = "Names of Secrets used to pull the image.",
            kubernetes = "spec.template.spec.imagePullSecrets")
        List<LocalObjectReference> imagePullSecrets,
    @Field(
            doc =
                "An existing ServiceAccount for every pod (syncgen does not create it). When"
                    + " absent, pods mount no service account token.",
            format = Format.DNS_SUBDOMAIN,
            kubernetes = "spec.template.spec.serviceAccountName")
        String serviceAccountName,
    @Field(
            doc =
                "Numeric non-root uid for the app's pods; needed when the image's USER is root or"
                    + " a name (Kubernetes cannot check a name against runAsNonRoot).",
            format = Format.NON_ROOT_UID,
            kubernetes = "spec.template.spec.securityContext.runAsUser")
        Long runAsUser,
    @Field(doc = "Settings of every pod syncgen renders: scheduling, annotations, `fsGroup`.")
        PodSettings pod,
    @Field(doc = "A PodDisruptionBudget for the app's Deployment.")
        DisruptionBudget disruptionBudget,
    @Field(
            doc =
                "A HorizontalPodAutoscaler for the app's Deployment, which then has no"
                    + " `spec.replicas` (Argo CD would reset the autoscaler's count on every sync).")
        Autoscaling autoscaling,
    @Field(
            doc =
                "More processes of the app (workers, schedulers, periodic tasks), by name: each a"
                    + " Deployment `<app>-<process>`, or a CronJob with `schedule`.",
            keyFormat = Format.DNS_1035_LABEL)
        Map<String, AppProcess> processes,
    @Field(doc = "How the app and its migration reach the database.", required = true)
        Database database,
    @Field(doc = "How the schema is migrated, in a PreSync hook Job.", required = true)
        Migration migration,
    @Field(doc = "Checks run by a PostSync hook Job after the rollout.", defaultValue = "{}")
        PostSync postSync,
    @Field(doc = "An alert sent by a SyncFail hook Job when a sync fails; absent for none.")
        SyncFail syncFail,
    @Field(
            doc =
                "More Kubernetes objects rendered with the app (ConfigMaps, an Ingress, an"
                    + " ExternalSecret), placed in a phase and wave.")
        List<ExtraObject> extraObjects,
    @Field(
            doc =
                "RFC 6902 JSON Patches applied to rendered objects before they are validated: the"
                    + " last resort for a field syncgen does not model.")
        List<Patch> patches,
    @Field(
            doc =
                "Named variants of the descriptor (`staging`, `prod`), each overriding a few"
                    + " fields; `syncgen render --env NAME` (or the plugin's `environment`"
                    + " parameter) renders one. Without `--env` the descriptor renders as written.",
            keyFormat = Format.DNS_LABEL)
        Map<String, Environment> environments) {

  /** Whether the PostSync Job checks the migration status. */
  public boolean checksMigrationStatus() {
    return postSync.runsMigrationStatus(!migration.effectiveStatusCommand().isEmpty());
  }

  /**
   * The variable the database URL is set as: {@code database.urlEnv}, else the one the migration
   * tool reads ({@code FLYWAY_URL}, {@code SQITCH_TARGET}...), else {@code DATABASE_URL}.
   */
  public String databaseUrlEnv() {
    return database.urlEnv() != null
        ? database.urlEnv()
        : migration.preset().preset().connection().variable();
  }

  /** Whether the PostSync Job checks the app's health over HTTP. */
  public boolean checksHealth() {
    return postSync.runsHealthCheck(healthPath != null);
  }

  /** Whether a PostSync Job is rendered at all. */
  public boolean hasPostSyncJob() {
    return checksMigrationStatus() || checksHealth();
  }

  /** A copy with another image (a plugin override of the tag). */
  public AppSpec withImage(String newImage) {
    return Records.with(this, "image", newImage);
  }

  /** A copy with another replica count (a plugin override). */
  public AppSpec withReplicas(Integer newReplicas) {
    return Records.with(this, "replicas", newReplicas);
  }

  /** The processes in file order; empty when there are none. */
  public Map<String, AppProcess> processesOrEmpty() {
    return processes == null ? Map.of() : processes;
  }
}
