package io.syncgen.descriptor;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares how a descriptor field is read: the one place that says what a field means, whether it
 * is required, its default and its format. The parser, the README's reference and the JSON Schema
 * are all derived from these annotations, so they cannot drift apart.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Field {
  /** One or two sentences for the reference: what the field does and why. */
  String doc();

  /** Whether the field must be present (and not null). */
  boolean required() default false;

  /** The default as YAML text, applied when the field is absent; empty for none. */
  String defaultValue() default "";

  /** The format every scalar value must have (for lists and maps: every element or value). */
  Format format() default Format.ANY;

  /** The format of map keys. */
  Format keyFormat() default Format.ANY;

  /** The Kubernetes field this becomes, e.g. {@code Job spec.backoffLimit}; empty for none. */
  String kubernetes() default "";
}
