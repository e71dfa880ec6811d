package io.syncgen.descriptor;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The descriptor's annotated record model, as the generators that describe it walk it (the README's
 * reference table, the JSON Schema): the fields of a record and what shape each Java type has in
 * the YAML. The {@link Binder} reads the same shapes.
 */
final class DescriptorModel {
  private DescriptorModel() {}

  /**
   * One field of a descriptor record.
   *
   * @param name the YAML key, the record component's name
   * @param type the component's generic type
   * @param field its annotation
   */
  record Property(String name, Type type, Field field) {}

  /**
   * The fields of a descriptor record, in declaration order.
   *
   * @throws IllegalStateException if a component lacks its {@link Field} annotation
   */
  static List<Property> properties(Class<?> record) {
    return Arrays.stream(record.getRecordComponents()).map(DescriptorModel::property).toList();
  }

  private static Property property(RecordComponent component) {
    Field field = component.getAnnotation(Field.class);
    if (field == null) {
      throw new IllegalStateException(
          component.getDeclaringRecord().getSimpleName()
              + "."
              + component.getName()
              + " has no @Field");
    }
    return new Property(component.getName(), component.getGenericType(), field);
  }

  /** The element type of a {@code List<E>}, or null when {@code type} is not a list. */
  static Type listElement(Type type) {
    return type instanceof ParameterizedType p && p.getRawType() == List.class
        ? p.getActualTypeArguments()[0]
        : null;
  }

  /** The value type of a {@code Map<String, V>}, or null when {@code type} is not a map. */
  static Type mapValue(Type type) {
    return type instanceof ParameterizedType p && p.getRawType() == Map.class
        ? p.getActualTypeArguments()[1]
        : null;
  }

  /** The record class when {@code type} is a nested record (a YAML mapping), else null. */
  static Class<?> record(Type type) {
    return type instanceof Class<?> c && c.isRecord() ? c : null;
  }

  /**
   * The scalar's type under its JSON Schema name: {@code integer} (Integer, Long), {@code boolean}
   * or {@code string}.
   */
  static String scalarType(Class<?> type) {
    if (type == Integer.class || type == Long.class) {
      return "integer";
    }
    return type == Boolean.class ? "boolean" : "string";
  }

  /** Whether the record mirrors a Kubernetes type (EnvVar, ResourceRequirements...). */
  static boolean isKubernetesType(Class<?> type) {
    return type == EnvVar.class
        || type == ResourceRequirements.class
        || type == LocalObjectReference.class;
  }

  /**
   * How the reference names a field that takes a Kubernetes type as is: {@code Kubernetes Volume}
   * for {@code V1Volume}, {@code Kubernetes object}, or {@code object} for a free-form mapping.
   */
  static String jsonTypeName(Field field) {
    String type = field.kubernetesType();
    if (type.isEmpty()) {
      return "object";
    }
    return "Kubernetes "
        + (type.equals(Field.OBJECT) ? "object" : type.replaceFirst("^V[0-9]+", ""));
  }
}
