package io.syncgen.descriptor;

import java.lang.reflect.Type;

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
    for (DescriptorModel.Property property : DescriptorModel.properties(record)) {
      Field field = property.field();
      String path = prefix + property.name();
      String defaultValue =
          field.required()
              ? "required"
              : field.defaultValue().isEmpty() ? "" : "`" + field.defaultValue() + "`";
      String becomes = field.kubernetes().isEmpty() ? "" : "`" + field.kubernetes() + "`";
      out.append("| `")
          .append(path)
          .append("` | ")
          .append(typeName(property.type(), field))
          .append(" | ")
          .append(defaultValue)
          .append(" | ")
          .append(becomes)
          .append(" | ")
          .append(field.doc().replace("|", "\\|"))
          .append(" |\n");
      Class<?> nested = DescriptorModel.record(property.type());
      if (nested != null && !DescriptorModel.isKubernetesType(nested)) {
        rows(out, nested, path + ".");
      }
      Type mapValue = DescriptorModel.mapValue(property.type());
      Class<?> entry = mapValue == null ? null : DescriptorModel.record(mapValue);
      if (entry != null && !DescriptorModel.isKubernetesType(entry)) {
        rows(out, entry, path + ".*.");
      }
    }
  }

  private static String typeName(Type type, Field field) {
    Type element = DescriptorModel.listElement(type);
    if (element != null) {
      return "list of " + typeName(element, field);
    }
    Type value = DescriptorModel.mapValue(type);
    if (value != null) {
      return "map of string to " + typeName(value, field);
    }
    Class<?> c = (Class<?>) type;
    if (c == com.fasterxml.jackson.databind.JsonNode.class) {
      return DescriptorModel.jsonTypeName(field);
    }
    if (c.isRecord()) {
      return DescriptorModel.isKubernetesType(c) ? "Kubernetes " + c.getSimpleName() : "object";
    }
    String base = DescriptorModel.scalarType(c);
    return field.format() == Format.ANY
        ? base
        : base
            + " ("
            + field.format().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
            + ")";
  }
}
