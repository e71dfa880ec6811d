package io.syncgen.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/**
 * The baseline Sysctls control ({@link Rule#PSS_SYSCTLS}; Pod Security Standards,
 * kubernetes.io/docs/concepts/security/pod-security-standards): a pod may set only the sysctls of
 * the safe set, which grows with the policy version (pod-security-admission's {@code
 * policy/check_sysctls.go}).
 */
final class PodSysctlsCheck implements PodCheck {
  /** The safe sysctls of policy version 1.32 (pod-security-admission's sysctlsAllowedV1Dot32). */
  private static final Set<String> SAFE_SYSCTLS =
      Set.of(
          "kernel.shm_rmid_forced",
          "net.ipv4.ip_local_port_range",
          "net.ipv4.ip_unprivileged_port_start",
          "net.ipv4.tcp_syncookies",
          "net.ipv4.ping_group_range",
          "net.ipv4.ip_local_reserved_ports",
          "net.ipv4.tcp_keepalive_time",
          "net.ipv4.tcp_fin_timeout",
          "net.ipv4.tcp_keepalive_intvl",
          "net.ipv4.tcp_keepalive_probes",
          "net.ipv4.tcp_rmem",
          "net.ipv4.tcp_wmem");

  @Override
  public void check(Pod pod) {
    JsonNode sysctls = pod.securityContext().path("sysctls");
    for (int i = 0; i < Checks.length(sysctls); i++) {
      String name = sysctls.get(i).path("name").asText();
      if (!SAFE_SYSCTLS.contains(name)) {
        pod.addValue(
            Rule.PSS_SYSCTLS,
            pod.contextPointer() + "/sysctls/" + i + "/name",
            "sysctl \"" + name + "\" is not in the safe set");
      }
    }
  }
}
