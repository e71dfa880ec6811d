package io.syncgen.descriptor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The scalar formats, checked against the Kubernetes apimachinery rules they name (IsDNS1123Label,
 * IsDNS1035Label, IsDNS1123Subdomain, IsConfigMapKey, IsEnvVarName, IsQualifiedName,
 * IsValidLabelValue, resource.Quantity) and RFC 1123 / RFC 4291 for hosts.
 */
class FormatTest {
  private static final String A63 = "a".repeat(63);
  private static final String A64 = "a".repeat(64);

  private static void assertValid(Format format, Object value) {
    assertThat(format.problem(value)).as("%s of <%s>", format, value).isEmpty();
  }

  private static void assertInvalid(Format format, Object value, String fragment) {
    assertThat(format.problem(value))
        .as("%s of <%s>", format, value)
        .hasValueSatisfying(message -> assertThat(message).contains(fragment));
  }

  @Nested
  class DnsLabel {
    static Stream<String> valid() {
      return Stream.of("a", "1", "myapp", "my-app-1", "0abc", "a--b", A63);
    }

    static Stream<Arguments> invalid() {
      return Stream.of(
          Arguments.of(A64, "at most 63 characters"),
          Arguments.of("MyApp", "lower-case"),
          Arguments.of("myApp", "lower-case"),
          Arguments.of("-app", "starting and ending with a letter or digit"),
          Arguments.of("app-", "starting and ending with a letter or digit"),
          Arguments.of("my_app", "DNS-1123 label"),
          Arguments.of("my.app", "DNS-1123 label"),
          Arguments.of("", "DNS-1123 label"));
    }

    @ParameterizedTest(name = "<{0}>")
    @MethodSource("valid")
    void acceptsRfc1123Labels(String value) {
      assertValid(Format.DNS_LABEL, value);
    }

    @ParameterizedTest(name = "<{0}>")
    @MethodSource("invalid")
    void rejectsOthers(String value, String fragment) {
      assertInvalid(Format.DNS_LABEL, value, fragment);
    }
  }

  @Nested
  class Dns1035Label {
    @ParameterizedTest(name = "<{0}>")
    @ValueSource(strings = {"a", "myapp-api", "a1", "z-9"})
    void acceptsLabelsStartingWithALetter(String value) {
      assertValid(Format.DNS_1035_LABEL, value);
    }

    @Test
    void allowsAtMost63Characters() {
      assertValid(Format.DNS_1035_LABEL, A63);
      assertInvalid(Format.DNS_1035_LABEL, A64, "at most 63 characters");
    }

    @ParameterizedTest(name = "<{0}>")
    @ValueSource(strings = {"1app", "9", "0-a"})
    void rejectsALeadingDigit(String value) {
      assertInvalid(Format.DNS_1035_LABEL, value, "must start with a letter");
    }

    @Test
    void stillAppliesTheLabelRules() {
      assertInvalid(Format.DNS_1035_LABEL, "App", "lower-case");
      assertInvalid(Format.DNS_1035_LABEL, "app-", "DNS-1123 label");
    }
  }

  @Nested
  class DnsSubdomain {
    @ParameterizedTest(name = "<{0}>")
    @ValueSource(strings = {"db-credentials", "a", "a.b.c", "my-secret.v1", "0.example", "a-b.c-d"})
    void acceptsRfc1123Subdomains(String value) {
      assertValid(Format.DNS_SUBDOMAIN, value);
    }

    @Test
    void allowsAtMost253Characters() {
      assertValid(Format.DNS_SUBDOMAIN, "a".repeat(253));
      assertInvalid(Format.DNS_SUBDOMAIN, "a".repeat(254), "at most 253 characters");
    }

    @ParameterizedTest(name = "<{0}>")
    @ValueSource(strings = {"Secret", ".a", "a.", "a..b", "a_b", "-a", "a.-b", ""})
    void rejectsOthers(String value) {
      assertInvalid(Format.DNS_SUBDOMAIN, value, "must be a DNS-1123 subdomain");
    }
  }

  @Nested
  class Host {
    @ParameterizedTest(name = "<{0}>")
    @ValueSource(
        strings = {
          "postgres",
          "postgres.myapp.svc",
          "postgres.myapp.svc.cluster.local",
          "db-1.example.com",
          "10.0.0.1",
          "0.0.0.0",
          "255.255.255.255",
          "192.168.1.254"
        })
    void acceptsDnsNamesAndIpv4(String value) {
      assertValid(Format.HOST, value);
    }

    @ParameterizedTest(name = "<{0}>")
    @ValueSource(strings = {"::1", "fe80::1", "::", "2001:db8::5432", "2001:db8:0:0:0:0:0:1"})
    void acceptsIpv6Literals(String value) {
      assertValid(Format.HOST, value);
    }

    @ParameterizedTest(name = "<{0}>")
    @ValueSource(
        strings = {
          "a b",
          "http://x",
          "postgres:5432",
          "1.2.3.4:5432",
          "[::1]",
          "1::2::3",
          "12345::",
          "not a host!",
          "-db",
          "db-",
          ""
        })
    void rejectsGarbage(String value) {
      assertInvalid(Format.HOST, value, "must be a DNS name");
    }

    @ParameterizedTest(name = "<{0}>")
    @ValueSource(strings = {"256.1.1.1", "999.999.999.999", "1.2.3.300"})
    void rejectsOutOfRangeDottedQuads(String value) {
      assertInvalid(Format.HOST, value, "must be a DNS name");
    }

    @Test
    void acceptsIpv4MappedIpv6Literals() {
      assertValid(Format.HOST, "::ffff:192.0.2.1");
    }
  }

  @Nested
  class Port {
    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {1, 80, 8080, 65535})
    void acceptsOneTo65535(int value) {
      assertValid(Format.PORT, value);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {0, 65536, -1, Integer.MAX_VALUE})
    void rejectsOthers(int value) {
      assertInvalid(Format.PORT, value, "must be between 1 and 65535");
    }
  }

  @Nested
  class Numbers {
    @Test
    void positiveStartsAtOne() {
      assertValid(Format.POSITIVE, 1);
      assertValid(Format.POSITIVE, Integer.MAX_VALUE);
      assertInvalid(Format.POSITIVE, 0, "must be at least 1");
      assertInvalid(Format.POSITIVE, -5, "must be at least 1");
    }

    @Test
    void nonNegativeStartsAtZero() {
      assertValid(Format.NON_NEGATIVE, 0);
      assertInvalid(Format.NON_NEGATIVE, -1, "must be at least 0");
    }

    @Test
    void nonRootUidRejectsRootAndAcceptsTheInt32Range() {
      assertInvalid(Format.NON_ROOT_UID, 0L, "must be at least 1");
      assertValid(Format.NON_ROOT_UID, 1L);
      assertValid(Format.NON_ROOT_UID, 2147483647L);
    }

    @Test
    void nonRootUidAboveInt32NamesTheUpperBound() {
      assertInvalid(Format.NON_ROOT_UID, 3_000_000_000L, "2147483647");
    }
  }

  @Nested
  class Quantity {
    @ParameterizedTest(name = "<{0}>")
    @ValueSource(
        strings = {
          "100m",
          "0.5",
          "256Mi",
          "1Gi",
          "1e3",
          "1.5Gi",
          "1",
          "0",
          "2k",
          "129M",
          "128974848",
          "129e6",
          "123Mi",
          "1Ki",
          "1E-3",
          ".5",
          "+1"
        })
    void acceptsKubernetesQuantities(String value) {
      assertValid(Format.QUANTITY, value);
    }

    @ParameterizedTest(name = "<{0}>")
    @ValueSource(
        strings = {"1.5.5", "10MB", "-1", "", "Mi", "1mi", "1K", "1 Gi", "1GiB", "m", "1e", "abc"})
    void rejectsOthers(String value) {
      assertInvalid(Format.QUANTITY, value, "must be a Kubernetes quantity");
    }

    @Test
    void intOrPercentAndTimeoutsAreTheOnlyFormatsThatReadYamlNumbersAsText() {
      // A timeout takes the number 0 (none), as PostgreSQL does.
      assertThat(Format.QUANTITY.acceptsNumbers()).isTrue();
      assertThat(Stream.of(Format.values()).filter(Format::acceptsNumbers))
          .containsExactly(Format.QUANTITY, Format.INT_OR_PERCENT, Format.POSTGRES_TIMEOUT);
    }
  }

  @Nested
  class HttpPath {
    @ParameterizedTest(name = "<{0}>")
    @ValueSource(strings = {"/", "/health", "/api/v1/health?full=1", "/a%20b", "/healthz/"})
    void acceptsAbsolutePaths(String value) {
      assertValid(Format.HTTP_PATH, value);
    }

    @ParameterizedTest(name = "<{0}>")
    @ValueSource(strings = {"health", "", "http://x/health", "./health"})
    void rejectsRelativePaths(String value) {
      assertInvalid(Format.HTTP_PATH, value, "absolute path starting with '/'");
    }

    @ParameterizedTest(name = "<{0}>")
    @ValueSource(strings = {"/he alth", "/a\tb", "/a\nb", "/a\u007fb", "/a\u0000"})
    void rejectsSpacesAndControlCharacters(String value) {
      assertInvalid(Format.HTTP_PATH, value, "spaces or control characters");
    }

    // What Go's url.Parse (the kubelet's probe) and curl --globoff --path-as-is both send as is,
    // compared request by request against one server.
    @ParameterizedTest(name = "<{0}>")
    @ValueSource(
        strings = {
          "/[1-3]",
          "/h[",
          "/a/../b",
          "/./x",
          "/a//b",
          "/a%2Fb",
          "/a%2fb",
          "/h?",
          "/h?q=[1]&r=/",
          "/a!$&'()*+,;=:@~b",
          "/%C3%A9"
        })
    void acceptsWhatTheProbeAndCurlSendAlike(String value) {
      assertValid(Format.HTTP_PATH, value);
    }

    @ParameterizedTest(name = "<{0}>")
    @ValueSource(strings = {"/{a,b}", "/a|b", "/a\\b", "/a^b", "/a`b", "/a\"b", "/<a>", "/h?q={x}"})
    void rejectsCharactersTheProbeEncodesAndCurlSendsAsIs(String value) {
      assertInvalid(Format.HTTP_PATH, value, "percent-encoded");
    }

    @Test
    void namesTheEncodingToWrite() {
      assertInvalid(
          Format.HTTP_PATH, "/{a,b}", "must write '{' percent-encoded, as %7B (character 2)");
      assertInvalid(Format.HTTP_PATH, "/caf\u00e9", "must write 'é' percent-encoded, as %C3%A9");
    }

    @ParameterizedTest(name = "<{0}>")
    @ValueSource(strings = {"/%zz", "/a%", "/a%2", "/%g0"})
    void rejectsAMalformedEscape(String value) {
      assertInvalid(Format.HTTP_PATH, value, "'%' not followed by two hex digits");
    }

    @Test
    void rejectsAFragmentWhichIsNeverSent() {
      assertInvalid(Format.HTTP_PATH, "/health#ready", "must not contain '#' (character 8)");
    }

    @Test
    void rejectsTwoLeadingSlashesWhichTheProbeReadsAsAHost() {
      assertInvalid(Format.HTTP_PATH, "//evil.example/health", "must not start with '//'");
    }
  }

  @Nested
  class ConfigKey {
    @ParameterizedTest(name = "<{0}>")
    @ValueSource(strings = {"url", "webhook-url", "DB_URL", "config.json", ".hidden", "a-b_c.d"})
    void acceptsSecretKeys(String value) {
      assertValid(Format.CONFIG_KEY, value);
    }

    @Test
    void allowsAtMost253Characters() {
      assertValid(Format.CONFIG_KEY, "k".repeat(253));
      assertInvalid(Format.CONFIG_KEY, "k".repeat(254), "at most 253");
    }

    @ParameterizedTest(name = "<{0}>")
    @ValueSource(strings = {"url key", "a/b", "", "a:b", "ключ"})
    void rejectsOthers(String value) {
      assertInvalid(Format.CONFIG_KEY, value, "must be a Secret key");
    }

    @ParameterizedTest(name = "<{0}>")
    @ValueSource(strings = {".", "..", "..data"})
    void rejectsDirectoryNames(String value) {
      assertInvalid(Format.CONFIG_KEY, value, "");
    }
  }

  @Nested
  class EnvName {
    @ParameterizedTest(name = "<{0}>")
    @ValueSource(strings = {"DATABASE_HOST", "my.env-name", "MyEnvName1", "_X", "-x", "A1"})
    void acceptsEnvironmentVariableNames(String value) {
      assertValid(Format.ENV_NAME, value);
    }

    @ParameterizedTest(name = "<{0}>")
    @ValueSource(strings = {"1VAR", "9"})
    void rejectsALeadingDigit(String value) {
      assertInvalid(Format.ENV_NAME, value, "not starting with a digit");
    }

    @ParameterizedTest(name = "<{0}>")
    @ValueSource(strings = {"MY VAR", "A=B", "", "ÄB", "A$"})
    void rejectsOthers(String value) {
      assertInvalid(Format.ENV_NAME, value, "must be an environment variable name");
    }

    @ParameterizedTest(name = "<{0}>")
    @ValueSource(strings = {".", "..", "..X"})
    void rejectsDirectoryNames(String value) {
      assertInvalid(Format.ENV_NAME, value, "");
    }
  }

  @Nested
  class QualifiedName {
    @ParameterizedTest(name = "<{0}>")
    @ValueSource(
        strings = {
          "example.com/key",
          "key",
          "app.kubernetes.io/part-of",
          "my_key.v1",
          "K",
          "a/b",
          "a1-b_c.d"
        })
    void acceptsKeysWithAnOptionalPrefix(String value) {
      assertValid(Format.QUALIFIED_NAME, value);
      assertValid(Format.QUALIFIED_NAME, A63);
      assertValid(Format.QUALIFIED_NAME, "example.com/" + A63);
    }

    @ParameterizedTest(name = "<{0}>")
    @ValueSource(strings = {"UPPER.com/x", "/x", "-a.com/x", "a_b.com/x"})
    void rejectsAnInvalidPrefix(String value) {
      assertInvalid(Format.QUALIFIED_NAME, value, "DNS subdomain before '/'");
    }

    @ParameterizedTest(name = "<{0}>")
    @ValueSource(strings = {"bad/prefix/x", "example.com/", "-key", "key-", "", "a b", "k:v"})
    void rejectsAnInvalidName(String value) {
      assertInvalid(Format.QUALIFIED_NAME, value, "at most 63 alphanumerics");
    }

    @Test
    void allowsAtMost63CharactersAfterThePrefix() {
      assertInvalid(Format.QUALIFIED_NAME, A64, "at most 63");
      assertInvalid(Format.QUALIFIED_NAME, "example.com/" + A64, "at most 63");
    }
  }

  @Nested
  class LabelValue {
    @ParameterizedTest(name = "<{0}>")
    @ValueSource(strings = {"", "v1.2.0", "A_b-c.d", "payments", "1"})
    void acceptsLabelValuesIncludingEmpty(String value) {
      assertValid(Format.LABEL_VALUE, value);
      assertValid(Format.LABEL_VALUE, A63);
    }

    @ParameterizedTest(name = "<{0}>")
    @ValueSource(strings = {"-a", "a-", "a b", "a/b", "v1+build"})
    void rejectsOthers(String value) {
      assertInvalid(Format.LABEL_VALUE, value, "must be a label value");
    }

    @Test
    void allowsAtMost63Characters() {
      assertInvalid(Format.LABEL_VALUE, A64, "at most 63");
    }
  }

  @Nested
  class Presets {
    @ParameterizedTest(name = "<{0}>")
    @ValueSource(strings = {"django", "rails", "command"})
    void migrationToolAcceptsThePresets(String value) {
      assertValid(Format.MIGRATION_TOOL, value);
    }

    @ParameterizedTest(name = "<{0}>")
    @ValueSource(strings = {"mongoose", "Django", ""})
    void migrationToolRejectsOthers(String value) {
      assertInvalid(
          Format.MIGRATION_TOOL,
          value,
          "must be one of django, rails, alembic, flyway, liquibase, knex, node-pg-migrate, sequelize, typeorm, sqitch, prisma, golang-migrate, command");
    }

    @Test
    void anyAcceptsEverything() {
      assertValid(Format.ANY, "");
      assertValid(Format.ANY, "any thing at all");
    }

    @Test
    void imageDelegatesToImageReference() {
      assertValid(Format.IMAGE, "myapp/api:v1.2.0");
      assertInvalid(Format.IMAGE, "myapp/api:", "must be an image reference");
    }
  }
}
