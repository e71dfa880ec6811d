package io.syncgen.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
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
    List<Finding> findings = new ArrayList<>();
    String apiVersion = manifest.apiVersion();
    String kind = manifest.kind();
    if (apiVersion.isEmpty() || kind.isEmpty()) {
      String missing =
          apiVersion.isEmpty() && kind.isEmpty()
              ? "apiVersion and kind"
              : apiVersion.isEmpty() ? "apiVersion" : "kind";
      findings.add(
          Checks.finding(
              manifest,
              Rule.NO_SCHEMA,
              "",
              "the object has no " + missing + " (a string); every Kubernetes object needs both"));
      return findings;
    }
    Optional<SchemaCatalog.Entry> entry = catalog.lookup(apiVersion, kind);
    if (entry.isEmpty()) {
      if (!ignoreMissingSchemas) {
        findings.add(
            Checks.finding(manifest, Rule.NO_SCHEMA, "/kind", noSchemaMessage(apiVersion, kind)));
      }
      return findings;
    }
    JsonNode instance = SchemaProblems.withoutNulls(manifest.object());
    JsonNode schema = entry.get().json();
    List<Error> errors = entry.get().schema().validate(instance);
    for (SchemaProblems.Problem problem :
        SchemaProblems.of(errors, schema, schema, instance, Checks::path)) {
      String pointer = problem.pointer();
      switch (problem.kind()) {
        case UNKNOWN_FIELD ->
            findings.add(Checks.finding(manifest, Rule.UNKNOWN_FIELD, pointer, problem.message()));
        case REQUIRED ->
            findings.add(Checks.finding(manifest, Rule.SCHEMA, pointer, problem.message()));
        case TYPE -> {
          if (METADATA_VALUE.matcher(pointer).matches()) {
            String metadata = pointer.substring(0, pointer.lastIndexOf("/metadata/") + 9);
            if (!MetadataValues.covered(manifest).contains(metadata)) {
              findings.add(MetadataValues.finding(manifest, pointer, instance.at(pointer)));
            }
            continue;
          }
          findings.add(Checks.valueFinding(manifest, Rule.SCHEMA, pointer, problem.message()));
        }
        case OTHER ->
            findings.add(Checks.valueFinding(manifest, Rule.SCHEMA, pointer, problem.message()));
      }
    }
    return findings;
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
