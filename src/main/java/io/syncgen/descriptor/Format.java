package io.syncgen.descriptor;

import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The formats a descriptor scalar can be held to. Each names the rule it enforces and where that
 * rule comes from (Kubernetes' apimachinery validation, the OCI distribution reference grammar).
 */
public enum Format {
  /** No constraint beyond the Java type. */
  ANY(v -> Optional.empty()),
  /** RFC 1123 label, as Kubernetes requires for namespaces and most object names. */
  DNS_LABEL(Format::dnsLabel),
  /** RFC 1035 label (starts with a letter), as Kubernetes requires for Service names. */
  DNS_1035_LABEL(Format::dns1035Label),
  /** RFC 1123 subdomain, as Kubernetes requires for Secret and ServiceAccount names. */
  DNS_SUBDOMAIN(Format::dnsSubdomain),
  /** A DNS name or an IPv4/IPv6 literal. */
  HOST(Format::host),
  /** A TCP port, 1 to 65535 (Kubernetes containerPort). */
  PORT(v -> range(v, 1, 65535)),
  /** An integer of at least 1. */
  POSITIVE(v -> range(v, 1, Integer.MAX_VALUE)),
  /** An integer of at least 0. */
  NON_NEGATIVE(v -> range(v, 0, Integer.MAX_VALUE)),
  /** A non-root Linux user id, 1 to 2147483647 (uid 0 is root, which Pod Security forbids). */
  NON_ROOT_UID(v -> range(v, 1, Integer.MAX_VALUE)),
  /** An image reference, as the OCI distribution grammar defines it. */
  IMAGE(v -> ImageReference.problem((String) v)),
  /** An image tag: letters, digits, '_', '.' and '-', at most 128, not starting with '.' or '-'. */
  IMAGE_TAG(Format::imageTag),
  /** A Kubernetes resource quantity such as {@code 100m}, {@code 256Mi} or {@code 1}. */
  QUANTITY(Format::quantity),
  /**
   * An absolute HTTP path such as {@code /health}, sent alike by a readiness probe and by curl (see
   * {@link HttpPath}).
   */
  HTTP_PATH(v -> HttpPath.problem((String) v)),
  /** A key of a Secret or ConfigMap: {@code [-._a-zA-Z0-9]+}, at most 253 characters. */
  CONFIG_KEY(Format::configKey),
  /** An environment variable name (a C identifier, also allowing '-' and '.'). */
  ENV_NAME(Format::envName),
  /** A label or annotation key: an optional DNS subdomain prefix and '/', then a name. */
  QUALIFIED_NAME(Format::qualifiedName),
  /** A label value: at most 63 characters of alphanumerics, '-', '_' and '.'. */
  LABEL_VALUE(Format::labelValue),
  /** The name of a migration tool preset. */
  MIGRATION_TOOL(v -> MigrationTool.problem((String) v)),
  /** An image repository without tag or digest, such as {@code ghcr.io/team/app-streaming}. */
  IMAGE_REPOSITORY(Format::imageRepository),
  /** A CronJob schedule, as Kubernetes checks it (see {@link CronSchedule}). */
  CRON(v -> CronSchedule.problem((String) v)),
  /** An integer, or a percentage such as {@code 25%} (Kubernetes' IntOrString in a PDB or HPA). */
  INT_OR_PERCENT(Format::intOrPercent),
  /** An Argo CD sync phase an extra object can be applied in: PreSync, Sync or PostSync. */
  SYNC_PHASE(Format::syncPhase),
  /** The hook the migration Job runs as: PreSync or Sync. */
  MIGRATION_HOOK(Format::migrationHook),
  /** A PostgreSQL timeout as a duration such as {@code 5s} (see {@link PostgresTimeout}). */
  POSTGRES_TIMEOUT(v -> PostgresTimeout.problem(String.valueOf(v))),
  /** How a migration tool lays out its SQL files (see {@link MigrationSql}). */
  SQL_FORMAT(v -> oneOf(v, MigrationSql.FORMATS));

  /** The phases of {@link #SYNC_PHASE}, as Argo CD spells them in its hook annotation. */
  static final java.util.List<String> SYNC_PHASES =
      java.util.List.of("PreSync", "Sync", "PostSync");

  /** The hooks of {@link #MIGRATION_HOOK}. */
  static final java.util.List<String> MIGRATION_HOOKS = java.util.List.of("PreSync", "Sync");

  private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern LABEL_1035 = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final Pattern IPV4 =
      Pattern.compile(
          "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
  private static final Pattern DOTTED_QUAD = Pattern.compile("[0-9]+(\\.[0-9]+){3}");
  private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]+");
  private static final Pattern QUANTITY_TEXT =
      Pattern.compile("\\+?(\\d+(\\.\\d*)?|\\.\\d+)([KMGTPE]i|[numkMGTPE]|[eE][-+]?\\d+)?");
  private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
  private static final Pattern KEY = Pattern.compile("[-._a-zA-Z0-9]+");
  private static final Pattern ENV = Pattern.compile("[-._a-zA-Z][-._a-zA-Z0-9]*");
  private static final Pattern NAME_PART =
      Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");

  private final Function<Object, Optional<String>> check;

  Format(Function<Object, Optional<String>> check) {
    this.check = check;
  }

  /**
   * Checks one value.
   *
   * @param value a String, Integer or Long as the binder read it
   * @return what is wrong, phrased to follow the field path ("must be ..."), or empty when valid
   */
  public Optional<String> problem(Object value) {
    return check.apply(value);
  }

  /** Whether a YAML number is accepted and read as its text (quantities: {@code cpu: 1}). */
  boolean acceptsNumbers() {
    return this == QUANTITY || this == INT_OR_PERCENT || this == POSTGRES_TIMEOUT;
  }

  /** The values a format accepts when it is a closed list, or empty. */
  java.util.List<String> choices() {
    return switch (this) {
      case SYNC_PHASE -> SYNC_PHASES;
      case MIGRATION_HOOK -> MIGRATION_HOOKS;
      case SQL_FORMAT -> MigrationSql.FORMATS;
      default -> java.util.List.of();
    };
  }

  private static Optional<String> syncPhase(Object value) {
    return oneOf(value, SYNC_PHASES);
  }

  private static Optional<String> migrationHook(Object value) {
    return oneOf(value, MIGRATION_HOOKS);
  }

  private static Optional<String> oneOf(Object value, java.util.List<String> choices) {
    return choices.contains(value)
        ? Optional.empty()
        : Optional.of("must be one of " + String.join(", ", choices) + " (exact case)");
  }

  private static Optional<String> imageRepository(Object value) {
    String v = (String) value;
    Optional<String> problem = ImageReference.problem(v);
    if (problem.isPresent()) {
      return Optional.of("must be an image repository such as ghcr.io/team/app-worker");
    }
    ImageReference image = ImageReference.parse(v);
    return image.tag() == null && image.digest() == null
        ? Optional.empty()
        : Optional.of(
            "must be a repository without tag or digest: every process runs spec.image's tag or"
                + " digest, the release that was migrated");
  }

  private static final Pattern INT_PERCENT = Pattern.compile("(0|[1-9][0-9]{0,8})%?");

  private static Optional<String> intOrPercent(Object value) {
    return INT_PERCENT.matcher((String) value).matches()
        ? Optional.empty()
        : Optional.of("must be a whole number or a percentage such as 1 or 25%");
  }

  private static Optional<String> range(Object value, long min, long max) {
    long v = ((Number) value).longValue();
    if (v >= min && v <= max) {
      return Optional.empty();
    }
    return Optional.of(
        v < min || max != Integer.MAX_VALUE
            ? (max == Integer.MAX_VALUE
                ? "must be at least " + min
                : "must be between " + min + " and " + max)
            : "must be at most " + max);
  }

  static Optional<String> dnsLabel(Object value) {
    String v = (String) value;
    if (v.length() > 63) {
      return Optional.of("must be at most 63 characters (a DNS-1123 label); it has " + v.length());
    }
    return LABEL.matcher(v).matches()
        ? Optional.empty()
        : Optional.of(
            "must be a DNS-1123 label: lower-case letters, digits and '-', starting and ending"
                + " with a letter or digit");
  }

  static Optional<String> dns1035Label(Object value) {
    String v = (String) value;
    Optional<String> label = dnsLabel(v);
    if (label.isPresent()) {
      return label;
    }
    return LABEL_1035.matcher(v).matches()
        ? Optional.empty()
        : Optional.of("must start with a letter: it also names the Service (a DNS-1035 label)");
  }

  static Optional<String> dnsSubdomain(Object value) {
    String v = (String) value;
    if (v.length() > 253) {
      return Optional.of("must be at most 253 characters (a DNS-1123 subdomain)");
    }
    return SUBDOMAIN.matcher(v).matches()
        ? Optional.empty()
        : Optional.of(
            "must be a DNS-1123 subdomain: lower-case letters, digits, '-' and '.', starting and"
                + " ending with a letter or digit");
  }

  static Optional<String> host(Object value) {
    String v = (String) value;
    // RFC 1123 2.1: a host name never has the dotted-decimal form, so 256.1.1.1 is a bad address.
    boolean dottedQuad = DOTTED_QUAD.matcher(v).matches();
    if (IPV4.matcher(v).matches() || (!dottedQuad && dnsSubdomain(v).isEmpty()) || isIpv6(v)) {
      return Optional.empty();
    }
    return Optional.of("must be a DNS name (such as postgres.myapp.svc) or an IP address");
  }

  private static boolean isIpv6(String v) {
    if (!v.contains(":") || !IPV6_CHARS.matcher(v).matches()) {
      return false;
    }
    try {
      // With a ':' it is parsed as an IPv6 literal, never looked up in DNS. An IPv4-mapped
      // literal (::ffff:192.0.2.1, RFC 4291 2.5.5.2) comes back as an Inet4Address: still valid.
      java.net.InetAddress.getByName(v);
      return true;
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }

  static Optional<String> imageTag(Object value) {
    return TAG.matcher((String) value).matches()
        ? Optional.empty()
        : Optional.of(
            "must be an image tag: letters, digits, _ . -, at most 128, not starting with . or"
                + " -");
  }

  static Optional<String> quantity(Object value) {
    return QUANTITY_TEXT.matcher((String) value).matches()
        ? Optional.empty()
        : Optional.of(
            "must be a Kubernetes quantity such as 100m, 0.5, 256Mi or 1Gi (suffixes: n u m k M G"
                + " T P E, Ki Mi Gi Ti Pi Ei)");
  }

  static Optional<String> configKey(Object value) {
    String v = (String) value;
    if (isDirectoryName(v)) {
      return Optional.of("must not be '.', '..' or start with '..' (Kubernetes IsConfigMapKey)");
    }
    return v.length() <= 253 && KEY.matcher(v).matches()
        ? Optional.empty()
        : Optional.of("must be a Secret key: letters, digits, '-', '_' and '.', at most 253");
  }

  static Optional<String> envName(Object value) {
    if (isDirectoryName((String) value)) {
      return Optional.of("must not be '.', '..' or start with '..' (Kubernetes IsEnvVarName)");
    }
    return ENV.matcher((String) value).matches()
        ? Optional.empty()
        : Optional.of(
            "must be an environment variable name: letters, digits, '_', '-' and '.', not"
                + " starting with a digit");
  }

  /**
   * Kubernetes' {@code hasChDirPrefix} (apimachinery validation.go): {@code .}, {@code ..} and
   * anything starting with {@code ..} would name a directory when used as a file name.
   */
  private static boolean isDirectoryName(String v) {
    return v.equals(".") || v.startsWith("..");
  }

  static Optional<String> qualifiedName(Object value) {
    String v = (String) value;
    int slash = v.indexOf('/');
    String name = slash < 0 ? v : v.substring(slash + 1);
    if (slash >= 0 && dnsSubdomain(v.substring(0, slash)).isPresent()) {
      return Optional.of("must have a DNS subdomain before '/' (such as example.com/key)");
    }
    return name.length() <= 63 && NAME_PART.matcher(name).matches()
        ? Optional.empty()
        : Optional.of(
            "must be a key of at most 63 alphanumerics, '-', '_' and '.' after an optional"
                + " 'prefix/', starting and ending with an alphanumeric");
  }

  static Optional<String> labelValue(Object value) {
    String v = (String) value;
    return v.isEmpty() || (v.length() <= 63 && NAME_PART.matcher(v).matches())
        ? Optional.empty()
        : Optional.of(
            "must be a label value: at most 63 alphanumerics, '-', '_' and '.', starting and"
                + " ending with an alphanumeric");
  }
}
