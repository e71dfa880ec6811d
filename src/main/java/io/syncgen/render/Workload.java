package io.syncgen.render;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncgen.descriptor.AppDescriptor;
import io.syncgen.descriptor.AppProcess;
import io.syncgen.descriptor.AppSpec;
import io.syncgen.descriptor.Autoscaling;
import io.syncgen.descriptor.DisruptionBudget;
import io.syncgen.descriptor.EnvVar;
import io.syncgen.descriptor.ImageReference;
import io.syncgen.descriptor.ResourceRequirements;
import java.util.List;

/**
 * One process of the app as its objects need it: the web process from the top-level fields, or one
 * of {@code spec.processes}. Names: the web process's objects are {@code <app>}, a process's {@code
 * <app>-<process>}; the component label is {@code server} or the process name.
 *
 * @param name the object name
 * @param component the {@code app.kubernetes.io/component} label, also in the selector
 * @param container the container name
 * @param replicas the Deployment's replicas, or null with autoscaling
 * @param port the container port, or null for none
 * @param healthPath the readiness path, or null
 * @param readinessProbe a probe that replaces the derived one, or null
 * @param livenessProbe a probe, or null
 * @param startupProbe a probe, or null
 * @param command the command, or null
 * @param args the args, or null
 * @param env variables merged over spec.env, or null
 * @param image the image reference
 * @param resources requests and limits, or null
 * @param schedule a cron schedule (a CronJob), or null
 * @param disruptionBudget a PodDisruptionBudget, or null
 * @param autoscaling a HorizontalPodAutoscaler, or null
 */
record Workload(
    String name,
    String component,
    String container,
    Integer replicas,
    Integer port,
    String healthPath,
    JsonNode readinessProbe,
    JsonNode livenessProbe,
    JsonNode startupProbe,
    List<String> command,
    List<String> args,
    List<EnvVar> env,
    String image,
    ResourceRequirements resources,
    String schedule,
    DisruptionBudget disruptionBudget,
    Autoscaling autoscaling) {

  /** The component label of the web process. */
  static final String SERVER = "server";

  /** The web process: the Deployment and Service named after the app. */
  static Workload web(AppDescriptor app) {
    AppSpec s = app.spec();
    return new Workload(
        app.metadata().name(),
        SERVER,
        "app",
        s.autoscaling() == null ? s.replicas() : null,
        s.port(),
        s.healthPath(),
        s.readinessProbe(),
        s.livenessProbe(),
        s.startupProbe(),
        s.command(),
        s.args(),
        null,
        s.image(),
        s.resources(),
        null,
        s.disruptionBudget(),
        s.autoscaling());
  }

  /** A process of {@code spec.processes}. */
  static Workload process(AppDescriptor app, String process, AppProcess p) {
    ImageReference release = ImageReference.parse(app.spec().image());
    String image =
        p.imageRepository() == null
            ? app.spec().image()
            : p.imageRepository()
                + (release.tag() == null ? "" : ":" + release.tag())
                + (release.digest() == null ? "" : "@" + release.digest());
    return new Workload(
        app.metadata().name() + "-" + process,
        process,
        process,
        p.autoscaling() == null ? p.replicas() : null,
        p.port(),
        p.healthPath(),
        p.readinessProbe(),
        p.livenessProbe(),
        p.startupProbe(),
        p.command(),
        p.args(),
        p.env(),
        image,
        p.resources(),
        p.schedule(),
        p.disruptionBudget(),
        p.autoscaling());
  }
}
