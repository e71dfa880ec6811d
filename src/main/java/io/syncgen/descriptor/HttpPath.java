package io.syncgen.descriptor;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The rule for {@code healthPath}: a path (and query) that the kubelet's readiness probe and the
 * PostSync health check's curl ({@code --globoff --path-as-is}) send byte for byte the same.
 *
 * <p>The kubelet builds the probe's URL with Go's {@code url.Parse(path)}, then sets scheme and
 * host (kubernetes {@code pkg/probe/http/request.go}, {@code formatURL}). Compared with curl 7.88
 * and 8.11, request by request against one server: Go percent-encodes {@code "<>\^`{|}} and bytes
 * above 0x7f in a path (curl sends the first as is and the others lower-case encoded); it reads a
 * path opening with {@code //} as a host; it encodes the {@code %} of a malformed escape such as
 * {@code %zz} as {@code %25}; both drop a {@code #fragment}. So a path must be ASCII, start with
 * one {@code /}, and hold only the characters RFC 3986 allows unencoded in a path and a query,
 * {@code [} and {@code ]} (which Go and curl both send as is), and well-formed {@code %XX} escapes.
 */
final class HttpPath {
  /** RFC 3986 unreserved, sub-delims, ':' '@' '/', plus '[' and ']'; '?' opens the query. */
  private static final String ALLOWED =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:@/[]?";

  private HttpPath() {}

  /** What is wrong with {@code value} as a health path, or empty when it is fine. */
  static Optional<String> problem(String value) {
    if (!value.startsWith("/")) {
      return Optional.of("must be an absolute path starting with '/'");
    }
    if (value.startsWith("//")) {
      return Optional.of(
          "must not start with '//': the readiness probe would read what follows as a host name");
    }
    for (int i = 0; i < value.length(); ) {
      int c = value.codePointAt(i);
      Optional<String> problem = character(value, i, c);
      if (problem.isPresent()) {
        return problem;
      }
      i += Character.charCount(c);
    }
    return Optional.empty();
  }

  private static Optional<String> character(String value, int i, int c) {
    String at = " (character " + (value.codePointCount(0, i) + 1) + ")";
    if (c <= ' ' || c == 0x7f) {
      return Optional.of("must not contain spaces or control characters" + at);
    }
    if (c == '#') {
      return Optional.of("must not contain '#'" + at + ": the fragment after it is never sent");
    }
    if (c == '%') {
      return isHex(value, i + 1) && isHex(value, i + 2)
          ? Optional.empty()
          : Optional.of(
              "has a '%' not followed by two hex digits"
                  + at
                  + "; write a literal '%' as %25, as the readiness probe would send it");
    }
    if (c > 0x7f || ALLOWED.indexOf(c) < 0) {
      return Optional.of(
          "must write '"
              + Character.toString(c)
              + "' percent-encoded, as "
              + encoded(c)
              + at
              + ": the readiness probe encodes it and curl does not, or not alike");
    }
    return Optional.empty();
  }

  private static boolean isHex(String value, int i) {
    return i < value.length() && Character.digit(value.charAt(i), 16) >= 0;
  }

  private static String encoded(int c) {
    StringBuilder out = new StringBuilder();
    for (byte b : Character.toString(c).getBytes(StandardCharsets.UTF_8)) {
      out.append('%').append(HexFormat.of().withUpperCase().toHexDigits(b));
    }
    return out.toString();
  }
}
