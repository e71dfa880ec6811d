package io.syncgen.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import io.syncgen.manifest.Manifest;
import io.syncgen.manifest.SchemaCatalog;
import io.syncgen.manifest.SchemaProblems;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Rule set 1: checks each object against its bundled Kubernetes schema, as strictly as {@code
 * kubeconform -strict}: unknown fields at any depth, JSON types ({@code replicas: "2"} is a
 * string), required fields, and objects whose apiVersion/kind has no schema.
 *
 * <p>Null values are dropped before checking, as the API server treats them as absent (and as
 * kubeconform's schemas allow null for every optional field).
 */
final class SchemaCheck implements ObjectCheck {
  /** Label and annotation values: reported as {@link Rule#METADATA_VALUE_TYPE}, once. */
  private static final Pattern METADATA_VALUE =
      Pattern.compile(".*/metadata/(labels|annotations)/[^/]+");

  private final SchemaCatalog catalog;
  private final boolean ignoreMissingSchemas;

  SchemaCheck(SchemaCatalog catalog, boolean ignoreMissingSchemas) {
    this.catalog = catalog;
    this.ignoreMissingSchemas = ignoreMissingSchemas;
  }

  @Override
  public List<Finding> check(Manifest manifest) {
    String apiVersion = manifest.apiVersion();
    String kind = manifest.kind();
    if (apiVersion.isEmpty() || kind.isEmpty()) {
      String missing =
          apiVersion.isEmpty() && kind.isEmpty()
              ? "apiVersion and kind"
              : apiVersion.isEmpty() ? "apiVersion" : "kind";
      return List.of(
          Checks.finding(
              manifest,
              Rule.NO_SCHEMA,
              "",
              "the object has no " + missing + " (a string); every Kubernetes object needs both"));
    }
    Optional<SchemaCatalog.Entry> entry = catalog.lookup(apiVersion, kind);
    if (entry.isEmpty()) {
      return ignoreMissingSchemas
          ? List.of()
          : List.of(
              Checks.finding(manifest, Rule.NO_SCHEMA, "/kind", noSchemaMessage(apiVersion, kind)));
    }
    JsonNode instance = SchemaProblems.withoutNulls(manifest.object());
    JsonNode schema = entry.get().json();
    List<Error> errors = entry.get().schema().validate(instance);
    List<Finding> findings = new ArrayList<>();
    for (SchemaProblems.Problem problem :
        SchemaProblems.of(errors, schema, schema, instance, Checks::path)) {
      finding(manifest, instance, problem).ifPresent(findings::add);
    }
    return findings;
  }

  /** The finding for a schema problem; none for a metadata value {@link MetadataCheck} reports. */
  private static Optional<Finding> finding(
      Manifest manifest, JsonNode instance, SchemaProblems.Problem problem) {
    String pointer = problem.pointer();
    return switch (problem.kind()) {
      case UNKNOWN_FIELD ->
          Optional.of(Checks.finding(manifest, Rule.UNKNOWN_FIELD, pointer, problem.message()));
      case REQUIRED ->
          Optional.of(Checks.finding(manifest, Rule.SCHEMA, pointer, problem.message()));
      case TYPE -> {
        if (METADATA_VALUE.matcher(pointer).matches()) {
          String metadata = pointer.substring(0, pointer.lastIndexOf("/metadata/") + 9);
          yield MetadataValues.covered(manifest).contains(metadata)
              ? Optional.empty()
              : Optional.of(MetadataValues.finding(manifest, pointer, instance.at(pointer)));
        }
        yield Optional.of(Checks.valueFinding(manifest, Rule.SCHEMA, pointer, problem.message()));
      }
      case OTHER ->
          Optional.of(Checks.valueFinding(manifest, Rule.SCHEMA, pointer, problem.message()));
    };
  }

  private String noSchemaMessage(String apiVersion, String kind) {
    List<String> sameKind = new ArrayList<>();
    for (String known : catalog.kinds()) {
      if (known.endsWith(" " + kind)) {
        sameKind.add(known.substring(0, known.length() - kind.length() - 1));
      }
    }
    String hint =
        sameKind.isEmpty()
            ? "; pass --ignore-missing-schemas to skip kinds without a schema (custom resources)"
            : "; " + kind + " is apiVersion " + String.join(" or ", sameKind);
    return "no schema for apiVersion \"" + apiVersion + "\", kind \"" + kind + "\"" + hint;
  }
}
