package io.syncgen.descriptor;

import java.lang.reflect.RecordComponent;

/** Reads and copies descriptor records by component name, for overrides of single fields. */
final class Records {
  private Records() {}

  /**
   * The value of component {@code name} of {@code record}.
   *
   * @throws IllegalArgumentException if the record has no such component
   */
  static Object get(Object record, String name) {
    for (RecordComponent component : record.getClass().getRecordComponents()) {
      if (component.getName().equals(name)) {
        try {
          return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
          throw new IllegalArgumentException("cannot read " + name, e);
        }
      }
    }
    throw new IllegalArgumentException(record.getClass().getSimpleName() + " has no " + name);
  }

  /**
   * A copy of {@code record} with component {@code name} set to {@code value}.
   *
   * @throws IllegalArgumentException if the record has no such component
   */
  @SuppressWarnings("unchecked")
  static <T> T with(T record, String name, Object value) {
    RecordComponent[] components = record.getClass().getRecordComponents();
    Object[] args = new Object[components.length];
    boolean found = false;
    for (int i = 0; i < components.length; i++) {
      boolean match = components[i].getName().equals(name);
      found |= match;
      args[i] = match ? value : get(record, components[i].getName());
    }
    if (!found) {
      throw new IllegalArgumentException(record.getClass().getSimpleName() + " has no " + name);
    }
    return (T) Binder.construct(record.getClass(), components, args);
  }
}
