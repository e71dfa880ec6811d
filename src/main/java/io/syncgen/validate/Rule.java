package io.syncgen.validate;

import io.syncgen.diagnostic.Severity;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every check {@code syncgen validate} makes, with its id (for {@code --skip} and the {@code
 * syncgen.io/ignore} annotation), default severity and documentation. The README's rule table is
 * generated from these entries (see {@code RuleReference}).
 */
public enum Rule {
  // --- Rule set 1: reading and Kubernetes schema ---------------------------------------------
  PARSE_ERROR(
      "parse-error",
      Group.SCHEMA,
      Severity.ERROR,
      "A file that is not YAML or JSON, a document that is not a mapping, or an unreadable file.",
      "Nothing in the file can be checked, and kubectl or Argo CD would refuse it too.",
      "Fix the syntax at the position shown; every document must be one Kubernetes object."),
  DUPLICATE_KEY(
      "duplicate-key",
      Group.SCHEMA,
      Severity.ERROR,
      "A key written twice in one mapping.",
      "YAML parsers disagree on which copy wins; kubeconform -strict and kubectl reject it.",
      "Delete one of the two keys; keep the value you meant."),
  NO_SCHEMA(
      "no-schema",
      Group.SCHEMA,
      Severity.ERROR,
      "An object whose apiVersion/kind has no bundled schema, or that has no apiVersion or kind.",
      "A typo in apiVersion or kind makes the object unknown to the API server; a kind nobody"
          + " checks can hide any mistake.",
      "Fix apiVersion/kind, or pass --ignore-missing-schemas for custom resources."),
  UNKNOWN_FIELD(
      "unknown-field",
      Group.SCHEMA,
      Severity.ERROR,
      "A field the Kubernetes API does not define, at any depth (as kubeconform -strict).",
      "The API server drops unknown fields silently (or rejects them with strict field"
          + " validation): a misspelled imagePullPolicy or backoffLimit is simply lost.",
      "Use the field name the message suggests, or remove the field."),
  SCHEMA(
      "schema",
      Group.SCHEMA,
      Severity.ERROR,
      "A value of the wrong JSON type (replicas: \"2\" is a string), or a missing required field.",
      "The API server rejects the object, so the sync fails; Kubernetes never converts \"2\" to"
          + " 2.",
      "Write the value with the type the message names, or add the missing field."),
  METADATA_VALUE_TYPE(
      "metadata-value-type",
      Group.SCHEMA,
      Severity.ERROR,
      "A label or annotation value that is not a string, such as an unquoted"
          + " argocd.argoproj.io/sync-wave: -1; also a null value in the object's own labels or"
          + " annotations.",
      "Kubernetes rejects a non-string value, and for any of them, null included, Argo CD's"
          + " GetAnnotations() returns nothing for the whole object:"
          + " every hook, wave and delete-policy annotation on it is lost.",
      "Quote the value: \"-1\", \"true\"."),

  // --- Rule set 2: Argo CD hooks and waves ---------------------------------------------------
  HOOK_UNKNOWN(
      "hook-unknown",
      Group.ARGOCD,
      Severity.ERROR,
      "An argocd.argoproj.io/hook value that is not exactly PreSync, Sync, PostSync, SyncFail,"
          + " Skip, PreDelete or PostDelete (presync, Presync), an empty value, or an empty item"
          + " (\"PreSync ,\").",
      "The values are case-sensitive. An unknown value is ignored, and a hook with no known type"
          + " is a hook with no phase, which Argo CD silently never applies. An empty item is"
          + " ignored too, but usually means a type went missing.",
      "Write the hook type with its exact case, comma-separated without empty items."),
  HOOK_SKIP_COMBINED(
      "hook-skip-combined",
      Group.ARGOCD,
      Severity.ERROR,
      "Skip combined with other hook types.",
      "Skip only works alone; combined, the object is applied in the other phases after all.",
      "Use Skip alone, or remove it."),
  SYNC_WAVE_INVALID(
      "sync-wave-invalid",
      Group.ARGOCD,
      Severity.ERROR,
      "An argocd.argoproj.io/sync-wave that Go's strconv.Atoi rejects (whitespace, 1.5, empty,"
          + " out of the 64-bit range), or an integer outside the 32-bit range.",
      "Argo CD silently ignores the first and uses helm.sh/hook-weight or 0: the object runs in"
          + " another wave than written. The second it compares by subtraction (gitops-engine"
          + " sync_tasks.go), which wraps for absurd values and can order waves wrongly.",
      "Write an integer with no spaces, between -2147483648 and 2147483647, such as \"-1\" or"
          + " \"5\"."),
  DELETE_POLICY_UNKNOWN(
      "delete-policy-unknown",
      Group.ARGOCD,
      Severity.ERROR,
      "An argocd.argoproj.io/hook-delete-policy value other than HookSucceeded, HookFailed or"
          + " BeforeHookCreation (Helm's hook-succeeded, hook-failed, before-hook-creation count"
          + " only in helm.sh/hook-delete-policy).",
      "Unknown values are dropped silently; when none is left the default BeforeHookCreation"
          + " applies instead of what was meant.",
      "Use the exact values, comma-separated."),
  DELETE_POLICY_WITHOUT_RECREATE(
      "delete-policy-without-before-hook-creation",
      Group.ARGOCD,
      Severity.ERROR,
      "A hook with a fixed metadata.name whose delete policies (Argo CD's and Helm's annotation"
          + " together) have HookSucceeded or HookFailed but not BeforeHookCreation.",
      "Setting a policy removes the BeforeHookCreation default: a hook left behind by a failed sync"
          + " stays, and the next sync re-applies a Job of the same name (\"field is immutable\","
          + " or the old status is reused and nothing runs).",
      "Add BeforeHookCreation: \"HookSucceeded,BeforeHookCreation\"."),
  GENERATE_NAME_TOO_LONG(
      "generate-name-too-long",
      Group.ARGOCD,
      Severity.ERROR,
      "A hook Job whose metadata.generateName plus Argo CD's suffix (<revision 7>-<phase>-<unix"
          + " time>, appended as is) is longer than 63 characters.",
      "Argo CD names the hook generateName + suffix; a Job name over 63 characters is refused"
          + " (the Job labels its pods with it), so the sync fails.",
      "Shorten generateName, or use a fixed metadata.name with BeforeHookCreation."),
  PRESYNC_READS_SYNC_OBJECT(
      "presync-reads-sync-object",
      Group.ARGOCD,
      Severity.ERROR,
      "A PreSync or Sync hook whose pod needs a Secret (env, envFrom, volume, imagePullSecrets),"
          + " ConfigMap, ServiceAccount or PersistentVolumeClaim that the same manifests create"
          + " only later: for a PreSync hook in the Sync phase or a later PreSync wave, for a Sync"
          + " hook at a later Sync wave or in PostSync. An object of the hook's own phase and wave"
          + " is applied together with it and is fine.",
      "Argo CD applies one wave at a time and waits for the hooks of a wave to complete before the"
          + " next: PreSync runs before anything of the Sync phase exists, and a Sync hook before"
          + " anything of a later wave. On the first sync of a new app the hook cannot start and"
          + " the sync fails (argo-cd #9891).",
      "Create that object outside the app, or at a wave below the hook's in the same phase (or in"
          + " an earlier phase). For a PreSync migration: run it as a Sync hook at a wave lower"
          + " than the objects that need the migration, with what it reads at a lower wave still"
          + " (migration at -1, Secret at -2)."),
  HOOK_JOB_NO_BACKOFF_LIMIT(
      "hook-job-no-backoff-limit",
      Group.ARGOCD,
      Severity.WARNING,
      "A hook Job without spec.backoffLimit.",
      "The default is 6 retries: a failing migration runs up to 7 times against the database and"
          + " the sync waits through all of them.",
      "Set spec.backoffLimit (0 for a migration)."),
  HOOK_JOB_NO_DEADLINE(
      "hook-job-no-deadline",
      Group.ARGOCD,
      Severity.WARNING,
      "A hook Job without spec.activeDeadlineSeconds.",
      "A hung hook blocks the sync until the operation is terminated by hand.",
      "Set spec.activeDeadlineSeconds to the longest run you accept."),
  HOOK_TTL_AFTER_FINISHED(
      "hook-ttl-after-finished",
      Group.ARGOCD,
      Severity.WARNING,
      "A hook Job with spec.ttlSecondsAfterFinished.",
      "The Job can be deleted before Argo CD reads its result; syncs hung on this before Argo CD"
          + " 3.0 (argo-cd #18884). Delete policies already clean hooks up.",
      "Remove ttlSecondsAfterFinished and use argocd.argoproj.io/hook-delete-policy."),
  MIGRATION_IMAGE_MISMATCH(
      "migration-image-mismatch",
      Group.ARGOCD,
      Severity.ERROR,
      "A PreSync or Sync hook Job that runs an image of the same repository as a Deployment or"
          + " CronJob (not a hook) of the same manifests, but with another tag or digest. Images of"
          + " other repositories, such as a separate streaming server image, are not compared.",
      "The migration then applies another release's schema than the code being rolled out, or"
          + " than the code a worker or scheduled job runs against the same database.",
      "Run one release: the same tag or digest in the migration Job and in every Deployment and"
          + " CronJob of that image."),
  MIGRATION_LOCK_TIMEOUT(
      "migration-lock-timeout",
      Group.ARGOCD,
      Severity.WARNING,
      "A PreSync or Sync hook Job that runs a migration (its name, a container's name or its argv"
          + " says migrate, or it runs alembic, liquibase or sqitch) with no PostgreSQL lock"
          + " timeout in sight: no PGOPTIONS or other variable, command or argument that sets"
          + " lock_timeout. Objects syncgen renders are left out: their timeouts come from the"
          + " descriptor's migration.lockTimeout.",
      "ALTER TABLE waits for its ACCESS EXCLUSIVE lock behind any long transaction, and every"
          + " query of the app then queues behind the migration: the app stalls until the"
          + " transaction ends (../shared/docs/migration-tools.md; strong_migrations and"
          + " squawk's require-timeout-settings).",
      "Set PGOPTIONS='-c lock_timeout=5s' on the migration container (libpq tools), or the JDBC"
          + " URL parameter options=-c%20lock_timeout%3D5s (Flyway, Liquibase), or the role's"
          + " lock_timeout; the migration then fails fast and can be retried."),
  HOOK_SIDECAR(
      "hook-sidecar-never-exits",
      Group.ARGOCD,
      Severity.WARNING,
      "A hook Job with more than one container in spec.template.spec.containers.",
      "A Job completes only when every container exits; a sidecar such as a database proxy never"
          + " does, so the hook never completes and the sync hangs until the deadline.",
      "Make the sidecar a native sidecar: an initContainer with restartPolicy: Always (Kubernetes"
          + " 1.29+)."),
  HOOK_KIND_CANNOT_COMPLETE(
      "hook-kind-cannot-complete",
      Group.ARGOCD,
      Severity.ERROR,
      "A hook on a long-running workload: Deployment, StatefulSet, DaemonSet, ReplicaSet or"
          + " ReplicationController.",
      "A hook is a task that finishes; these kinds run until deleted. Argo CD counts the hook"
          + " done once it is healthy (rolled out), then deletes and recreates it on the next sync"
          + " (BeforeHookCreation): downtime, and a phase that waits on a rollout.",
      "Use a Job (or a Pod) for the hook; keep workloads in the Sync phase."),
  WAVE_ACROSS_PHASES(
      "wave-across-phases",
      Group.ARGOCD,
      Severity.WARNING,
      "A PreSync hook at a higher wave than a Sync-phase object, or a PostSync hook at a lower"
          + " wave than one.",
      "Phase beats wave: all PreSync hooks run before any Sync object whatever their waves. Such"
          + " waves suggest an order that Argo CD will not follow.",
      "Order with phases across phases and with waves inside one phase; give the hook a wave"
          + " that matches where it really runs."),

  // --- Rule set 3: pod security (Pod Security Standards) and workload hygiene ----------------
  PSS_HOST_PROCESS(
      "pss-host-process",
      Group.POD_SECURITY_BASELINE,
      Severity.ERROR,
      "windowsOptions.hostProcess: true on the pod or a container.",
      "Host process containers have full access to the Windows node.",
      "Remove hostProcess."),
  PSS_HOST_NAMESPACES(
      "pss-host-namespaces",
      Group.POD_SECURITY_BASELINE,
      Severity.ERROR,
      "hostNetwork, hostPID or hostIPC set to true.",
      "Sharing the node's namespaces exposes the node and every other pod on it.",
      "Remove the field or set it to false."),
  PSS_PRIVILEGED(
      "pss-privileged",
      Group.POD_SECURITY_BASELINE,
      Severity.ERROR,
      "securityContext.privileged: true on a container.",
      "A privileged container is root on the node.",
      "Remove privileged; grant the one capability you need instead."),
  PSS_CAPABILITIES(
      "pss-capabilities",
      Group.POD_SECURITY_BASELINE,
      Severity.ERROR,
      "A capability added beyond the baseline set (AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER,"
          + " FSETID, KILL, MKNOD, NET_BIND_SERVICE, SETFCAP, SETGID, SETPCAP, SETUID,"
          + " SYS_CHROOT).",
      "Capabilities such as SYS_ADMIN or NET_ADMIN allow escaping the container.",
      "Remove the capability from securityContext.capabilities.add."),
  PSS_HOST_PATH(
      "pss-host-path",
      Group.POD_SECURITY_BASELINE,
      Severity.ERROR,
      "A hostPath volume.",
      "It exposes the node's file system to the pod.",
      "Use a PersistentVolumeClaim, a ConfigMap, a Secret or an emptyDir."),
  PSS_HOST_PORTS(
      "pss-host-ports",
      Group.POD_SECURITY_BASELINE,
      Severity.ERROR,
      "A container port with a hostPort other than 0.",
      "It binds the node's port, bypassing network policy, and limits scheduling.",
      "Remove hostPort; expose the pod with a Service."),
  PSS_APPARMOR(
      "pss-apparmor",
      Group.POD_SECURITY_BASELINE,
      Severity.ERROR,
      "An AppArmor profile of type Unconfined (appArmorProfile or the"
          + " container.apparmor.security.beta.kubernetes.io annotation).",
      "It turns off the runtime's AppArmor confinement.",
      "Remove it, or use RuntimeDefault or Localhost."),
  PSS_SELINUX(
      "pss-selinux",
      Group.POD_SECURITY_BASELINE,
      Severity.ERROR,
      "seLinuxOptions with a custom user or role, or a type other than container_t,"
          + " container_init_t, container_kvm_t, container_engine_t.",
      "A custom SELinux user, role or type can lift the container's confinement.",
      "Remove seLinuxOptions.user and role; use an allowed type or none."),
  PSS_PROC_MOUNT(
      "pss-proc-mount",
      Group.POD_SECURITY_BASELINE,
      Severity.ERROR,
      "securityContext.procMount other than Default.",
      "An unmasked /proc exposes host information.",
      "Remove procMount."),
  PSS_SECCOMP(
      "pss-seccomp",
      Group.POD_SECURITY_BASELINE,
      Severity.ERROR,
      "A seccompProfile of type Unconfined, on the pod or a container.",
      "It turns off system call filtering.",
      "Use type RuntimeDefault."),
  PSS_HOST_PROBES(
      "pss-host-probes",
      Group.POD_SECURITY_BASELINE,
      Severity.ERROR,
      "A probe (liveness, readiness, startup) or lifecycle hook (postStart, preStop) whose"
          + " httpGet or tcpSocket names a host (Kubernetes 1.34+).",
      "The kubelet would connect to that host from the node: a way to reach node-local or"
          + " metadata endpoints.",
      "Remove host; probes and hooks then target the pod's own IP."),
  PSS_SYSCTLS(
      "pss-sysctls",
      Group.POD_SECURITY_BASELINE,
      Severity.ERROR,
      "A sysctl outside the safe set (kernel.shm_rmid_forced, net.ipv4.ip_local_port_range,"
          + " net.ipv4.ip_unprivileged_port_start, net.ipv4.tcp_syncookies,"
          + " net.ipv4.ping_group_range, net.ipv4.ip_local_reserved_ports,"
          + " net.ipv4.tcp_keepalive_time, net.ipv4.tcp_fin_timeout,"
          + " net.ipv4.tcp_keepalive_intvl, net.ipv4.tcp_keepalive_probes, net.ipv4.tcp_rmem,"
          + " net.ipv4.tcp_wmem).",
      "Unsafe sysctls change the node's kernel for every pod on it.",
      "Remove the sysctl."),
  PSS_VOLUME_TYPES(
      "pss-volume-types",
      Group.POD_SECURITY_RESTRICTED,
      Severity.ERROR,
      "A volume type other than configMap, csi, downwardAPI, emptyDir, ephemeral, image,"
          + " persistentVolumeClaim, projected or secret.",
      "The restricted profile allows only volume types that cannot reach the node.",
      "Use a PersistentVolumeClaim or one of the listed types."),
  PSS_PRIVILEGE_ESCALATION(
      "pss-privilege-escalation",
      Group.POD_SECURITY_RESTRICTED,
      Severity.ERROR,
      "A container without securityContext.allowPrivilegeEscalation: false.",
      "setuid binaries can otherwise gain more privileges than the process started with.",
      "Set allowPrivilegeEscalation: false on every container."),
  PSS_RUN_AS_NON_ROOT(
      "pss-run-as-non-root",
      Group.POD_SECURITY_RESTRICTED,
      Severity.ERROR,
      "A pod where runAsNonRoot is not true for every container (pod or container level), or a"
          + " pod or container that sets it to false. Pods with hostUsers: false are exempt.",
      "A container running as root is one kernel bug away from root on the node.",
      "Set securityContext.runAsNonRoot: true on the pod."),
  PSS_RUN_AS_USER(
      "pss-run-as-user",
      Group.POD_SECURITY_RESTRICTED,
      Severity.ERROR,
      "runAsUser: 0 on the pod or a container (pods with hostUsers: false are exempt).",
      "User 0 is root.",
      "Use a non-zero user id, such as 10001."),
  PSS_SECCOMP_RESTRICTED(
      "pss-seccomp-restricted",
      Group.POD_SECURITY_RESTRICTED,
      Severity.ERROR,
      "A container whose seccompProfile (its own or the pod's) is not RuntimeDefault or"
          + " Localhost.",
      "The restricted profile requires system call filtering on every container.",
      "Set securityContext.seccompProfile.type: RuntimeDefault on the pod."),
  PSS_CAPABILITIES_RESTRICTED(
      "pss-capabilities-restricted",
      Group.POD_SECURITY_RESTRICTED,
      Severity.ERROR,
      "A container that does not drop ALL capabilities, or adds one other than"
          + " NET_BIND_SERVICE.",
      "The restricted profile allows no capability but binding low ports.",
      "Set securityContext.capabilities.drop: [ALL] and add at most NET_BIND_SERVICE."),
  IMAGE_TAG(
      "image-tag",
      Group.HYGIENE,
      Severity.WARNING,
      "An image without a tag or digest, or with the tag latest.",
      "The image that runs changes without any change in Git: rollbacks and the migration/app"
          + " image match mean nothing.",
      "Pin a release tag or a digest."),
  CONTAINER_RESOURCES(
      "container-resources",
      Group.HYGIENE,
      Severity.WARNING,
      "A container without resource requests (requests or limits, which requests default to),"
          + " or without a memory limit.",
      "Without requests the scheduler overcommits the node; without a memory limit one pod can"
          + " exhaust it.",
      "Set resources.requests (cpu, memory) and resources.limits.memory."),
  READINESS_PROBE(
      "readiness-probe",
      Group.HYGIENE,
      Severity.WARNING,
      "A Deployment whose containers have no readinessProbe (Jobs are never asked for one).",
      "Without it a rolling update sends traffic to pods that are not ready, and Argo CD calls"
          + " the rollout healthy too early.",
      "Add a readinessProbe to the app container."),
  MAX_UNAVAILABLE(
      "max-unavailable",
      Group.HYGIENE,
      Severity.WARNING,
      "A Deployment that may take pods down during a rollout (maxUnavailable above 0, the 25%"
          + " default, or strategy Recreate) in manifests with a migration hook.",
      "Migrations are deployed with zero-downtime rollouts; a pod taken down early is capacity"
          + " lost while the new schema and code roll out.",
      "Set strategy.rollingUpdate.maxUnavailable: 0 and maxSurge: 1 (or more)."),
  PVC_SHARED_BY_REPLICAS(
      "pvc-shared-by-replicas",
      Group.HYGIENE,
      Severity.WARNING,
      "A Deployment (not a hook) whose containers mount a persistentVolumeClaim volume while it"
          + " may run more than one pod: spec.replicas above 1, or a HorizontalPodAutoscaler"
          + " (autoscaling/v2 or v1, same namespace) scaling it with maxReplicas above 1. A claim"
          + " that the same manifests create with accessModes ReadWriteMany is not flagged.",
      "A PersistentVolumeClaim is usually ReadWriteOnce: its volume attaches to one node, so"
          + " replicas scheduled on other nodes cannot mount it and stay Pending (Multi-Attach"
          + " error); a rollout or a scale-up hangs.",
      "Use ReadWriteMany storage, run one replica, or make the workload a StatefulSet with"
          + " volumeClaimTemplates (one claim per pod).");

  /** What a rule is about; pod security rules also name the lowest profile that has them. */
  public enum Group {
    /** Reading the files and the Kubernetes schema. */
    SCHEMA("Kubernetes schema"),
    /** Argo CD hook, wave and delete-policy semantics. */
    ARGOCD("Argo CD hooks and waves"),
    /** Pod Security Standards, baseline profile (and so also restricted). */
    POD_SECURITY_BASELINE("Pod security (baseline and restricted)"),
    /** Pod Security Standards, restricted profile only. */
    POD_SECURITY_RESTRICTED("Pod security (restricted only)"),
    /** Workload hygiene. */
    HYGIENE("Workload hygiene");

    private final String title;

    Group(String title) {
      this.title = title;
    }

    /** The heading of the group in the README. */
    public String title() {
      return title;
    }
  }

  private static final Map<String, Rule> BY_ID =
      Arrays.stream(values()).collect(Collectors.toMap(Rule::id, Function.identity()));

  private final String id;
  private final Group group;
  private final Severity severity;
  private final String catches;
  private final String why;
  private final String fix;

  Rule(String id, Group group, Severity severity, String catches, String why, String fix) {
    this.id = id;
    this.group = group;
    this.severity = severity;
    this.catches = catches;
    this.why = why;
    this.fix = fix;
  }

  /** The id used in findings, {@code --skip} and {@code syncgen.io/ignore}. */
  public String id() {
    return id;
  }

  /** The group the rule belongs to. */
  public Group group() {
    return group;
  }

  /** The severity of its findings. */
  public Severity severity() {
    return severity;
  }

  /** What the rule catches. */
  public String catches() {
    return catches;
  }

  /** Why that is a problem. */
  public String why() {
    return why;
  }

  /** How to fix it. */
  public String fix() {
    return fix;
  }

  /**
   * The rule with an id.
   *
   * @param id a rule id such as {@code hook-unknown}; exact, lower case
   * @return the rule, or empty when no rule has that id
   */
  public static Optional<Rule> byId(String id) {
    return Optional.ofNullable(BY_ID.get(id));
  }
}
