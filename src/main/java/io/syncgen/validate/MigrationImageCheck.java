package io.syncgen.validate;

import io.syncgen.manifest.HookAnnotations;
import io.syncgen.manifest.Manifest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link Rule#MIGRATION_IMAGE_MISMATCH}: a migration (a PreSync or Sync hook Job) must run exactly
 * the release the app runs. The app is every Deployment and CronJob of the set that is not a hook;
 * a migration container is compared with each of their containers whose image has the same
 * repository (matched whole: {@code mastodon-streaming} is not {@code mastodon}), and flagged when
 * the full reference (tag or digest) differs from one of them.
 */
final class MigrationImageCheck implements Check {
  /** The kinds that run the app's code after (or beside) the migration. */
  private static final List<String> APP_KINDS = List.of("Deployment", "CronJob");

  /**
   * An image an app workload runs.
   *
   * @param image the image reference as written
   * @param workload the workload, {@code Kind/name}
   */
  private record AppImage(String image, String workload) {}

  @Override
  public List<Finding> check(List<Manifest> manifests) {
    List<AppImage> appImages = appImages(manifests);
    List<Finding> findings = new ArrayList<>();
    for (Manifest job : manifests) {
      Optional<String> podSpec = Workloads.podSpec(job);
      if (!Workloads.isMigration(job) || podSpec.isEmpty()) {
        continue;
      }
      for (Workloads.Container container : Workloads.containers(job, podSpec.get())) {
        String image = container.node().path("image").asText("");
        if (image.isEmpty()) {
          continue;
        }
        appImages.stream()
            .filter(app -> Workloads.repository(image).equals(Workloads.repository(app.image())))
            .filter(app -> !image.equals(app.image()))
            .findFirst()
            .ifPresent(app -> findings.add(finding(job, container, image, app)));
      }
    }
    return findings;
  }

  /** The images of every container of the set's Deployments and CronJobs that are not hooks. */
  private static List<AppImage> appImages(List<Manifest> manifests) {
    List<AppImage> images = new ArrayList<>();
    for (Manifest manifest : manifests) {
      if (!APP_KINDS.contains(manifest.kind()) || HookAnnotations.isHook(manifest.annotations())) {
        continue;
      }
      Workloads.podSpec(manifest)
          .ifPresent(
              spec -> {
                for (Workloads.Container container : Workloads.containers(manifest, spec)) {
                  String image = container.node().path("image").asText("");
                  if (!image.isEmpty()) {
                    images.add(new AppImage(image, manifest.display()));
                  }
                }
              });
    }
    return images;
  }

  private static Finding finding(
      Manifest job, Workloads.Container container, String image, AppImage app) {
    return Checks.valueFinding(
        job,
        Rule.MIGRATION_IMAGE_MISMATCH,
        container.pointer() + "/image",
        "the migration runs \""
            + image
            + "\" but "
            + app.workload()
            + (app.workload().startsWith("Deployment/") ? " rolls out \"" : " runs \"")
            + app.image()
            + "\"; use the same tag or digest in the migration and every workload of that image,"
            + " so the schema matches the code");
  }
}
