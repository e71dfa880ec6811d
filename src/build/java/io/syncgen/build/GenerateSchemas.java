package io.syncgen.build;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.CustomDefinition;
import com.github.victools.jsonschema.generator.FieldScope;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.google.gson.annotations.SerializedName;
import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1HorizontalPodAutoscaler;
import io.kubernetes.client.openapi.models.V1ReplicationController;
import io.kubernetes.client.openapi.models.V1LimitRange;
import io.kubernetes.client.openapi.models.V1ResourceQuota;
import io.kubernetes.client.openapi.models.V1PersistentVolume;
import io.kubernetes.client.openapi.models.V1PodTemplate;
import io.kubernetes.client.openapi.models.V1Endpoints;
import io.kubernetes.client.openapi.models.V1ReplicaSet;
import io.kubernetes.client.openapi.models.V1ControllerRevision;
import io.kubernetes.client.openapi.models.V1StorageClass;
import io.kubernetes.client.openapi.models.V1PriorityClass;
import io.kubernetes.client.openapi.models.V1IngressClass;
import io.kubernetes.client.openapi.models.V1Lease;
import io.kubernetes.client.openapi.models.V1EndpointSlice;
import io.kubernetes.client.openapi.models.V1RuntimeClass;
import io.kubernetes.client.openapi.models.V1ClusterRole;
import io.kubernetes.client.openapi.models.V1ClusterRoleBinding;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1CronJob;
import io.kubernetes.client.openapi.models.V1DaemonSet;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1Job;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaim;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1Role;
import io.kubernetes.client.openapi.models.V1RoleBinding;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import io.syncgen.build.argocd.Application;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Build-time generator of the strict JSON schemas that {@code syncgen validate} checks manifests
 * against. It runs in Maven's {@code process-test-classes} phase (see pom.xml) and writes one
 * draft 2020-12 schema per kind, plus {@code index.json}, into the jar's resources.
 *
 * <p>The Kubernetes kinds come from the model classes of {@code io.kubernetes:client-java-api},
 * which carry every field (their gson {@code @SerializedName}) and the required ones (their static
 * {@code openapiRequiredFields}). Argo CD's Application comes from {@link Application}, which
 * follows the same conventions with Jackson's {@code @JsonProperty}. The schemas are as strict as
 * kubeconform's {@code -strict} ones: no unknown properties at any depth ({@code
 * additionalProperties: false}), exact JSON types, required fields; int-or-string is {@code string
 * | integer} and a resource quantity {@code string | number}, as in the Kubernetes OpenAPI.
 * Optional fields do not list {@code null}: the validator drops null values before checking, as
 * the API server does.
 *
 * <p>Arguments: output folder, Kubernetes minor version the models describe (e.g. {@code 1.36}),
 * and the Maven coordinates of the model library (recorded in the index).
 */
public final class GenerateSchemas {

  /** One kind to generate: its apiVersion, kind and model class. */
  record Kind(String apiVersion, String kind, Class<?> model) {
    /**
     * kubeconform's file name: lower-case kind, first label of the API group, version; e.g.
     * {@code deployment-apps-v1.json}, {@code service-v1.json}.
     */
    String fileName() {
      int slash = apiVersion.indexOf('/');
      String group = slash < 0 ? "" : apiVersion.substring(0, slash);
      String version = apiVersion.substring(slash + 1);
      String groupPart = group.isEmpty() ? "" : "-" + group.split("\\.")[0];
      return kind.toLowerCase(Locale.ROOT) + groupPart + "-" + version + ".json";
    }
  }

  static final List<Kind> KINDS =
      List.of(
          new Kind("v1", "Namespace", V1Namespace.class),
          new Kind("networking.k8s.io/v1", "NetworkPolicy", V1NetworkPolicy.class),
          new Kind("policy/v1", "PodDisruptionBudget", V1PodDisruptionBudget.class),
          new Kind("v1", "ServiceAccount", V1ServiceAccount.class),
          new Kind("v1", "Secret", V1Secret.class),
          new Kind("v1", "ConfigMap", V1ConfigMap.class),
          new Kind("v1", "PersistentVolumeClaim", V1PersistentVolumeClaim.class),
          new Kind("rbac.authorization.k8s.io/v1", "ClusterRole", V1ClusterRole.class),
          new Kind(
              "rbac.authorization.k8s.io/v1", "ClusterRoleBinding", V1ClusterRoleBinding.class),
          new Kind("rbac.authorization.k8s.io/v1", "Role", V1Role.class),
          new Kind("rbac.authorization.k8s.io/v1", "RoleBinding", V1RoleBinding.class),
          new Kind("v1", "Service", V1Service.class),
          new Kind("apps/v1", "DaemonSet", V1DaemonSet.class),
          new Kind("v1", "Pod", V1Pod.class),
          new Kind("apps/v1", "Deployment", V1Deployment.class),
          new Kind("autoscaling/v2", "HorizontalPodAutoscaler", V2HorizontalPodAutoscaler.class),
          new Kind("apps/v1", "StatefulSet", V1StatefulSet.class),
          new Kind("batch/v1", "Job", V1Job.class),
          new Kind("batch/v1", "CronJob", V1CronJob.class),
          new Kind("networking.k8s.io/v1", "Ingress", V1Ingress.class),
          new Kind("argoproj.io/v1alpha1", "Application", Application.class),
          // Further built-in kinds the Kubernetes version serves, so that --ignore-missing-schemas
          // only ever lets custom resources through (kubeconform's fixtures hold an
          // autoscaling/v1 HorizontalPodAutoscaler and a ReplicationController).
          new Kind("autoscaling/v1", "HorizontalPodAutoscaler", V1HorizontalPodAutoscaler.class),
          new Kind("v1", "ReplicationController", V1ReplicationController.class),
          new Kind("v1", "LimitRange", V1LimitRange.class),
          new Kind("v1", "ResourceQuota", V1ResourceQuota.class),
          new Kind("v1", "PersistentVolume", V1PersistentVolume.class),
          new Kind("v1", "PodTemplate", V1PodTemplate.class),
          new Kind("v1", "Endpoints", V1Endpoints.class),
          new Kind("apps/v1", "ReplicaSet", V1ReplicaSet.class),
          new Kind("apps/v1", "ControllerRevision", V1ControllerRevision.class),
          new Kind("storage.k8s.io/v1", "StorageClass", V1StorageClass.class),
          new Kind("scheduling.k8s.io/v1", "PriorityClass", V1PriorityClass.class),
          new Kind("networking.k8s.io/v1", "IngressClass", V1IngressClass.class),
          new Kind("coordination.k8s.io/v1", "Lease", V1Lease.class),
          new Kind("discovery.k8s.io/v1", "EndpointSlice", V1EndpointSlice.class),
          new Kind("node.k8s.io/v1", "RuntimeClass", V1RuntimeClass.class));

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private GenerateSchemas() {}

  /**
   * Writes the schemas.
   *
   * @param args output folder, Kubernetes version, model library coordinates
   * @throws IOException when a file cannot be written
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      throw new IllegalArgumentException("usage: GenerateSchemas OUT_DIR K8S_VERSION LIBRARY");
    }
    Path out = Path.of(args[0]);
    Files.createDirectories(out);
    SchemaGenerator generator = generator();
    ObjectNode index = MAPPER.createObjectNode();
    index.put("kubernetesVersion", args[1]);
    index.put("source", args[2]);
    ObjectNode files = index.putObject("kinds");
    for (Kind kind : KINDS) {
      ObjectNode schema = generator.generateSchema(kind.model());
      pinTypeFields(schema, kind);
      write(out.resolve(kind.fileName()), sorted(schema));
      files.put(kind.apiVersion() + " " + kind.kind(), kind.fileName());
    }
    write(out.resolve("index.json"), index);
  }

  private static SchemaGenerator generator() {
    SchemaGeneratorConfigBuilder config =
        new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
            .with(Option.FORBIDDEN_ADDITIONAL_PROPERTIES_BY_DEFAULT)
            .with(Option.MAP_VALUES_AS_ADDITIONAL_PROPERTIES)
            .with(Option.DEFINITIONS_FOR_ALL_OBJECTS)
            .with(Option.PLAIN_DEFINITION_KEYS)
            .without(Option.SCHEMA_VERSION_INDICATOR);
    config.forFields().withIgnoreCheck(field -> jsonName(field) == null);
    config.forFields().withPropertyNameOverrideResolver(GenerateSchemas::jsonName);
    config.forFields().withRequiredCheck(GenerateSchemas::isRequired);
    config
        .forTypesInGeneral()
        .withCustomDefinitionProvider(
            (type, context) -> {
              Class<?> raw = type.getErasedType();
              if (raw == IntOrString.class) {
                return inline(oneOfTypes("string", "integer"));
              }
              if (raw == Quantity.class) {
                return inline(oneOfTypes("string", "number"));
              }
              if (raw == OffsetDateTime.class || raw == byte[].class) {
                return inline(MAPPER.createObjectNode().put("type", "string"));
              }
              if (raw == Object.class) {
                // Free-form JSON objects: FieldsV1, Helm valuesObject (any fields, but a mapping).
                return inline(MAPPER.createObjectNode().put("type", "object"));
              }
              return null;
            });
    return new SchemaGenerator(config.build());
  }

  private static CustomDefinition inline(ObjectNode node) {
    return new CustomDefinition(
        node, CustomDefinition.DefinitionType.INLINE, CustomDefinition.AttributeInclusion.NO);
  }

  private static ObjectNode oneOfTypes(String... types) {
    ObjectNode node = MAPPER.createObjectNode();
    ArrayNode array = node.putArray("type");
    for (String type : types) {
      array.add(type);
    }
    return node;
  }

  /** The JSON name of a model field, or null when the field is not part of the JSON form. */
  static String jsonName(FieldScope field) {
    return jsonName(field.getRawMember());
  }

  private static String jsonName(Field field) {
    if (java.lang.reflect.Modifier.isStatic(field.getModifiers())) {
      return null;
    }
    SerializedName gson = field.getAnnotation(SerializedName.class);
    if (gson != null) {
      return gson.value();
    }
    JsonProperty jackson = field.getAnnotation(JsonProperty.class);
    return jackson == null ? null : jackson.value();
  }

  private static boolean isRequired(FieldScope field) {
    Field raw = field.getRawMember();
    JsonProperty jackson = raw.getAnnotation(JsonProperty.class);
    if (jackson != null) {
      return jackson.required();
    }
    return requiredFields(raw.getDeclaringClass()).contains(jsonName(raw));
  }

  /** client-java-api lists the required JSON names of each model in a static set. */
  private static Collection<?> requiredFields(Class<?> model) {
    try {
      Object value = model.getField("openapiRequiredFields").get(null);
      return value instanceof Collection<?> names ? names : Set.of();
    } catch (NoSuchFieldException e) {
      return Set.of();
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(model.getName(), e);
    }
  }

  /** apiVersion and kind may only name the kind the schema is for. */
  private static void pinTypeFields(ObjectNode schema, Kind kind) {
    ObjectNode properties = (ObjectNode) schema.get("properties");
    properties.putObject("apiVersion").put("type", "string").put("const", kind.apiVersion());
    properties.putObject("kind").put("type", "string").put("const", kind.kind());
  }

  /** Object keys in sorted order, so the files do not depend on reflection order. */
  private static JsonNode sorted(JsonNode node) {
    if (node.isObject()) {
      Map<String, JsonNode> fields = new TreeMap<>();
      node.properties().forEach(e -> fields.put(e.getKey(), sorted(e.getValue())));
      ObjectNode copy = MAPPER.createObjectNode();
      fields.forEach(copy::set);
      return copy;
    }
    if (node.isArray()) {
      List<JsonNode> items = new ArrayList<>();
      node.forEach(item -> items.add(sorted(item)));
      ArrayNode copy = MAPPER.createArrayNode();
      boolean strings = items.stream().allMatch(JsonNode::isTextual);
      if (strings) {
        items.sort((a, b) -> a.asText().compareTo(b.asText()));
      }
      copy.addAll(items);
      return copy;
    }
    return node;
  }

  private static void write(Path file, JsonNode node) throws IOException {
    Files.write(
        file, (MAPPER.writeValueAsString(node) + "\n").getBytes(StandardCharsets.UTF_8));
  }
}
