package io.syncgen.descriptor;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;

/**
 * The descriptor reference as a Markdown table, generated from the {@link Field} annotations the
 * parser reads, so the README cannot describe a field differently from how it is parsed.
 */
public final class DescriptorReference {
  private DescriptorReference() {}

  /**
   * One row a field, depth first: {@code | path | type | default | Kubernetes field | doc |}.
   * Kubernetes' own types (EnvVar, ResourceRequirements...) are listed once, not under each use.
   */
  public static String markdown() {
    StringBuilder out = new StringBuilder();
    out.append("| field | type | default | becomes | description |\n");
    out.append("| --- | --- | --- | --- | --- |\n");
    rows(out, AppDescriptor.class, "");
    return out.toString();
  }

  private static void rows(StringBuilder out, Class<?> record, String prefix) {
    for (RecordComponent component : record.getRecordComponents()) {
      Field field = component.getAnnotation(Field.class);
      String path = prefix + component.getName();
      Type type = component.getGenericType();
      String defaultValue =
          field.required()
              ? "required"
              : field.defaultValue().isEmpty() ? "" : "`" + field.defaultValue() + "`";
      String becomes = field.kubernetes().isEmpty() ? "" : "`" + field.kubernetes() + "`";
      out.append("| `")
          .append(path)
          .append("` | ")
          .append(typeName(type, field))
          .append(" | ")
          .append(defaultValue)
          .append(" | ")
          .append(becomes)
          .append(" | ")
          .append(field.doc().replace("|", "\\|"))
          .append(" |\n");
      if (type instanceof Class<?> c && c.isRecord() && !isKubernetesType(c)) {
        rows(out, c, path + ".");
      }
    }
  }

  private static String typeName(Type type, Field field) {
    if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
      return "list of " + typeName(p.getActualTypeArguments()[0], field);
    }
    if (type instanceof ParameterizedType p && p.getRawType() == Map.class) {
      return "map of string to " + typeName(p.getActualTypeArguments()[1], field);
    }
    Class<?> c = (Class<?>) type;
    if (c.isRecord()) {
      return isKubernetesType(c) ? "Kubernetes " + kubernetesName(c) : "object";
    }
    String base =
        c == Integer.class || c == Long.class
            ? "integer"
            : c == Boolean.class ? "boolean" : "string";
    return field.format() == Format.ANY
        ? base
        : base
            + " ("
            + field.format().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
            + ")";
  }

  private static boolean isKubernetesType(Class<?> c) {
    return c == EnvVar.class || c == ResourceRequirements.class || c == LocalObjectReference.class;
  }

  private static String kubernetesName(Class<?> c) {
    return c.getSimpleName();
  }
}
