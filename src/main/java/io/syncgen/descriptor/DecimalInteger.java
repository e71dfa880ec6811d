package io.syncgen.descriptor;

import java.math.BigInteger;
import java.util.Optional;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * The integers of the descriptor's Integer and Long fields: plain decimal, optionally signed,
 * without a leading zero. YAML 1.1 (SnakeYAML, and go-yaml v2 under kubectl and Argo CD) reads
 * {@code 010} as the octal 8 and YAML 1.2 as 10, so a leading zero is refused rather than read one
 * way (as {@link KubernetesValues} refuses it in Kubernetes-typed fields).
 */
final class DecimalInteger {
  private static final Pattern DECIMAL = Pattern.compile("[-+]?(0|[1-9][0-9]*)");
  private static final Pattern LEADING_ZERO = Pattern.compile("[-+]?0[0-9]+");
  private static final Pattern OCTAL_DIGITS = Pattern.compile("[0-7]+");

  private DecimalInteger() {}

  /**
   * The value of a plain decimal integer.
   *
   * @param text the scalar as written
   * @param type Integer or Long
   * @return the value, or null when the text is not a plain decimal or out of the type's range
   */
  static Object parse(String text, Class<?> type) {
    if (!DECIMAL.matcher(text).matches()) {
      return null;
    }
    try {
      long v = Long.parseLong(text.startsWith("+") ? text.substring(1) : text);
      if (type == Integer.class) {
        return v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE ? (Object) (int) v : null;
      }
      return v;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * The problem with an integer written with a leading zero, such as {@code 010}.
   *
   * @param path the field's path, for the message
   * @param scalar the scalar, resolved as an integer
   * @return the message, naming both readings; empty when there is no leading zero
   */
  static Optional<String> leadingZero(String path, ScalarNode scalar) {
    String text = scalar.getValue();
    if (!LEADING_ZERO.matcher(text).matches()) {
      return Optional.empty();
    }
    String sign = text.startsWith("-") ? "-" : "";
    String digits = text.replaceFirst("^[-+]", "");
    String decimal = sign + new BigInteger(digits);
    String octal = OCTAL_DIGITS.matcher(digits).matches() ? sign + new BigInteger(digits, 8) : null;
    String readings =
        octal == null
            ? ""
            : " (YAML 1.1, as kubectl and syncgen validate read it, makes it the octal "
                + octal
                + ")";
    String fix = octal == null || octal.equals(decimal) ? decimal : decimal + " or " + octal;
    return Optional.of(
        path
            + " is "
            + ScalarWords.describe(scalar)
            + ", which YAML tools read differently"
            + readings
            + "; write "
            + fix
            + " without the leading zero");
  }
}
