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

  /**
   * The Kubernetes type a {@code JsonNode} field takes as is, named as the bundled Pod schema's
   * definitions are ({@code V1Volume}, {@code V1Probe}); {@link #OBJECT} for a whole object checked
   * against the schema of its own apiVersion and kind; empty for none. The value is checked with
   * the strict schema and its errors are located in the descriptor.
   */
  String kubernetesType() default "";

  /** {@link #kubernetesType()} of a whole Kubernetes object (an extra object). */
  String OBJECT = "object";

  /** The Kubernetes field this becomes, e.g. {@code Job spec.backoffLimit}; empty for none. */
  String kubernetes() default "";
}
