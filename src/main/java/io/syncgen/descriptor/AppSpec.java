package io.syncgen.descriptor;

import java.util.List;
import java.util.Map;

/**
 * What the app runs and how it is migrated.
 *
 * @param image the app's image; the migration and status check run the very same reference
 * @param replicas pod count of the Deployment
 * @param port the container port the app listens on (TCP)
 * @param healthPath HTTP path answering 2xx when the app is ready, or null for a TCP probe
 * @param env environment of the app and migration containers, or null
 * @param resources requests and limits of the app container, or null
 * @param imagePullSecrets secrets for pulling the image, or null
 * @param serviceAccountName an existing ServiceAccount for the pods, or null for none
 * @param runAsUser numeric non-root uid for the app's containers, or null to use the image's
 * @param database how to reach the database
 * @param migration how to migrate
 * @param postSync the checks after the rollout
 * @param syncFail the alert when a sync fails, or null for none
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
                    + " the PostSync health check; when absent the probe is a TCP connect.",
            format = Format.HTTP_PATH,
            kubernetes = "readinessProbe.httpGet.path")
        String healthPath,
    @Field(
            doc =
                "Environment variables of the app and migration containers (Kubernetes EnvVar)."
                    + " `DATABASE_URL` is set from `database.urlFrom`.",
            kubernetes = "containers[].env")
        List<EnvVar> env,
    @Field(
            doc = "CPU and memory requests and limits of the app container.",
            kubernetes = "containers[].resources")
        ResourceRequirements resources,
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
                "Named variants of the descriptor (`staging`, `prod`), each overriding a few"
                    + " fields; `syncgen render --env NAME` (or the plugin's `environment`"
                    + " parameter) renders one. Without `--env` the descriptor renders as written.",
            keyFormat = Format.DNS_LABEL)
        Map<String, Environment> environments) {

  /** Whether the PostSync Job checks the migration status. */
  public boolean checksMigrationStatus() {
    return postSync.runsMigrationStatus(!migration.effectiveStatusCommand().isEmpty());
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
    return new AppSpec(
        newImage,
        replicas,
        port,
        healthPath,
        env,
        resources,
        imagePullSecrets,
        serviceAccountName,
        runAsUser,
        database,
        migration,
        postSync,
        syncFail,
        environments);
  }

  /** A copy with another replica count (a plugin override). */
  public AppSpec withReplicas(Integer newReplicas) {
    return new AppSpec(
        image,
        newReplicas,
        port,
        healthPath,
        env,
        resources,
        imagePullSecrets,
        serviceAccountName,
        runAsUser,
        database,
        migration,
        postSync,
        syncFail,
        environments);
  }
}
