package io.syncgen.validate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The restricted controls that a user namespace changes (Pod Security Standards,
 * kubernetes.io/docs/concepts/security/pod-security-standards, restricted profile): Running as
 * Non-root ({@link Rule#PSS_RUN_AS_NON_ROOT}) and Running as Non-root user ({@link
 * Rule#PSS_RUN_AS_USER}), from which a pod in a user namespace is exempt, and /proc Mount Type
 * ({@link Rule#PSS_PROC_MOUNT}), which baseline leaves to restricted for such a pod (see {@link
 * Pod#userNamespace()}).
 */
final class PodRunAsCheck implements PodCheck {
  @Override
  public void check(Pod pod) {
    if (pod.userNamespace()) {
      for (Workloads.Container container : pod.containers()) {
        procMount(pod, container);
      }
      return;
    }
    JsonNode context = pod.securityContext();
    boolean podNonRoot = context.path("runAsNonRoot").asBoolean(false);
    if (context.path("runAsNonRoot").isBoolean() && !podNonRoot) {
      pod.addValue(
          Rule.PSS_RUN_AS_NON_ROOT,
          pod.contextPointer() + "/runAsNonRoot",
          "the pod sets runAsNonRoot: false");
    }
    if (root(context)) {
      pod.addValue(
          Rule.PSS_RUN_AS_USER,
          pod.contextPointer() + "/runAsUser",
          "the pod runs as user 0 (root)");
    }
    for (Workloads.Container container : pod.containers()) {
      container(pod, container, podNonRoot);
    }
  }

  private static void container(Pod pod, Workloads.Container container, boolean podNonRoot) {
    JsonNode sc = container.securityContext();
    String at = container.securityContextPointer();
    JsonNode nonRoot = sc.path("runAsNonRoot");
    if (nonRoot.isBoolean() && !nonRoot.asBoolean()) {
      pod.addValue(
          Rule.PSS_RUN_AS_NON_ROOT,
          at + "/runAsNonRoot",
          container.who() + " sets runAsNonRoot: false");
    } else if (!podNonRoot && !nonRoot.asBoolean(false)) {
      pod.add(
          Rule.PSS_RUN_AS_NON_ROOT,
          container.pointer(),
          container.who() + " may run as root: set runAsNonRoot: true on the pod or the container");
    }
    if (root(sc)) {
      pod.addValue(
          Rule.PSS_RUN_AS_USER, at + "/runAsUser", container.who() + " runs as user 0 (root)");
    }
  }

  /** Whether a securityContext sets {@code runAsUser: 0}. */
  private static boolean root(JsonNode securityContext) {
    return securityContext.path("runAsUser").isNumber()
        && securityContext.path("runAsUser").asLong() == 0;
  }

  private static void procMount(Pod pod, Workloads.Container container) {
    JsonNode procMount = container.securityContext().path("procMount");
    if (procMount.isTextual() && !procMount.textValue().equals("Default")) {
      pod.addValue(
          Rule.PSS_PROC_MOUNT,
          container.securityContextPointer() + "/procMount",
          container.who()
              + " sets procMount "
              + procMount.textValue()
              + "; restricted allows only Default");
    }
  }
}
