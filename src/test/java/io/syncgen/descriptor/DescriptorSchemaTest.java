package io.syncgen.descriptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import io.syncgen.cli.Run;
import io.syncgen.diagnostic.DiagnosticException;
import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The descriptor's JSON Schema: the committed {@code schema/syncgen-v1.json} is exactly what {@code
 * syncgen schema} prints; it is a valid draft 2020-12 schema; it states every field of the record
 * model the parser reads with its description, type, default and whether it is required; its
 * numeric bounds and tool names are the parser's own; and it accepts every golden descriptor that
 * renders while refusing the golden ones with unknown fields, wrong types, missing fields, a wrong
 * header or out-of-range numbers, at the places the parser reports them.
 */
class DescriptorSchemaTest {
  private static final Path COMMITTED = Path.of("schema/syncgen-v1.json");
  private static final Path GOLDEN = Path.of("golden");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final YAMLMapper YAML = new YAMLMapper();

  // --- the committed file and the command --------------------------------------------------------

  @Test
  void committedSchemaIsWhatTheSchemaCommandPrints() throws IOException {
    Run run = Run.of("schema");
    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(COMMITTED, run.out(), StandardCharsets.UTF_8);
    }
    assertThat(Files.readString(COMMITTED, StandardCharsets.UTF_8))
        .as("%s is stale: rewrite it with mvn test -Dgolden.update=true", COMMITTED)
        .isEqualTo(run.out());
  }

  @Test
  void outputIsStablePrettyPrintedJsonWithATrailingNewline() throws IOException {
    String json = DescriptorSchema.json();
    assertThat(DescriptorSchema.json()).isEqualTo(json);
    assertThat(json).startsWith("{\n  \"$schema\": ").endsWith("\n}\n").doesNotContain("\r", "\t");
    for (String line : json.lines().toList()) {
      int indent = line.length() - line.stripLeading().length();
      assertThat(indent % 2).as("two-space indentation: %s", line).isZero();
    }
    assertThat(JSON.writeValueAsString(JSON.readTree(json)))
        .as("the text is the tree it parses to, nothing else")
        .isEqualTo(JSON.writeValueAsString(DescriptorSchema.tree()));
  }

  @Test
  void headerNamesTheDialectAndAStableId() {
    ObjectNode schema = DescriptorSchema.tree();
    assertThat(schema.get("$schema").asText())
        .isEqualTo("https://json-schema.org/draft/2020-12/schema");
    assertThat(schema.get("$id").asText()).isEqualTo("https://syncgen.io/schema/syncgen-v1.json");
    assertThat(schema.at("/properties/apiVersion/const").asText()).isEqualTo("syncgen/v1");
    assertThat(schema.at("/properties/kind/const").asText()).isEqualTo("App");
    assertThat(DescriptorSchema.URL).endsWith("/" + COMMITTED);
  }

  // --- a valid draft 2020-12 schema --------------------------------------------------------------

  @Test
  void schemaIsValidAgainstTheDraft202012MetaSchema() throws IOException {
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    Schema meta = registry.getSchema(SchemaLocation.of(DescriptorSchema.DIALECT));
    assertThat(meta.validate(JSON.readTree(DescriptorSchema.json()))).isEmpty();
    assertThat(meta.validate(JSON.readTree("{\"type\": \"objekt\"}")))
        .as("the meta-schema does check (a control)")
        .isNotEmpty();
    schema().initializeValidators(); // compiles every subschema
  }

  // --- descriptors -------------------------------------------------------------------------------

  @TestFactory
  Stream<DynamicTest> everyGoldenDescriptorThatRendersIsAccepted() throws IOException {
    List<Path> rendering;
    try (Stream<Path> dirs = Files.list(GOLDEN)) {
      rendering =
          dirs.filter(d -> !Files.exists(d.resolve("expected/exit-code"))).sorted().toList();
    }
    assertThat(rendering).hasSizeGreaterThanOrEqualTo(5);
    return rendering.stream()
        .map(
            dir ->
                DynamicTest.dynamicTest(
                    dir.getFileName().toString(),
                    () -> assertThat(errors(dir.resolve("app.yaml"))).isEmpty()));
  }

  /**
   * The schema against the parser, not against the annotations both are made from: in every golden
   * descriptor that renders, an unknown key added to any mapping the schema closes is refused by
   * the schema and by the parser alike.
   */
  @TestFactory
  Stream<DynamicTest> anUnknownKeyInAnyClosedMappingIsRefusedByBoth() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path descriptor : renderingDescriptors()) {
      ObjectNode tree = (ObjectNode) YAML.readTree(descriptor.toFile());
      List<String> pointers = new ArrayList<>();
      closedMappings(tree, DescriptorSchema.tree(), "", pointers);
      assertThat(pointers).as("%s has closed mappings", descriptor).contains("", "/spec");
      for (String pointer : pointers) {
        tests.add(
            DynamicTest.dynamicTest(
                descriptor.getParent().getFileName() + " " + (pointer.isEmpty() ? "/" : pointer),
                () -> assertUnknownKeyRefused(tree, pointer)));
      }
    }
    return tests.stream();
  }

  private static void assertUnknownKeyRefused(ObjectNode tree, String pointer) throws Exception {
    ObjectNode mutated = tree.deepCopy();
    ((ObjectNode) mutated.at(pointer)).put("zzUnknownKey", 1);
    assertThat(schema().validate(mutated))
        .extracting(e -> e.getKeyword() + " " + pointer(e.getInstanceLocation()))
        .as("the schema")
        .contains("additionalProperties " + pointer);
    String text = YAML.writeValueAsString(mutated);
    assertThatThrownBy(() -> DescriptorLoader.parse("app.yaml", text))
        .as("the parser")
        .isInstanceOfSatisfying(
            DiagnosticException.class,
            e -> assertThat(e.diagnostics()).anyMatch(d -> d.message().contains("zzUnknownKey")));
  }

  /** The pointers of the mappings of {@code node} whose schema allows no other keys. */
  private static void closedMappings(
      JsonNode node, JsonNode schema, String pointer, List<String> out) {
    if (node.isObject() && schema.has("properties")) {
      if (!schema.path("additionalProperties").asBoolean(true)) {
        out.add(pointer);
      }
      node.properties()
          .forEach(
              e -> {
                JsonNode child = schema.get("properties").get(e.getKey());
                if (child != null) {
                  closedMappings(e.getValue(), child, pointer + "/" + e.getKey(), out);
                }
              });
    } else if (node.isObject() && schema.path("additionalProperties").isObject()) {
      node.properties()
          .forEach(
              e ->
                  closedMappings(
                      e.getValue(),
                      schema.get("additionalProperties"),
                      pointer + "/" + e.getKey(),
                      out));
    } else if (node.isArray() && schema.has("items")) {
      for (int i = 0; i < node.size(); i++) {
        closedMappings(node.get(i), schema.get("items"), pointer + "/" + i, out);
      }
    }
  }

  private static List<Path> renderingDescriptors() throws IOException {
    try (Stream<Path> dirs = Files.list(GOLDEN)) {
      return dirs.filter(d -> !Files.exists(d.resolve("expected/exit-code")))
          .map(d -> d.resolve("app.yaml"))
          .sorted()
          .toList();
    }
  }

  @Test
  void kubernetesTypesAreThePodSchemasDefinitionsAndNoOthers() {
    ObjectNode defs = (ObjectNode) DescriptorSchema.tree().get("$defs");
    ObjectNode pod = new io.syncgen.manifest.SchemaCatalog().podTypes();
    List<String> names = fieldNames(defs);
    assertThat(names)
        .as("sorted")
        .isSortedAccordingTo(String::compareTo)
        .contains("V1Probe", "V1Volume", "V1VolumeMount", "V1Affinity", "V1Toleration")
        .contains("V1HTTPGetAction", "V1ConfigMapVolumeSource", "V1NodeSelectorTerm")
        .doesNotContain("V1PodSpec", "V1Container", "V1HostPathVolumeSource");
    for (String name : names) {
      if (!name.equals("V1Volume")) {
        assertThat(defs.get(name)).as(name).isEqualTo(pod.get(name));
      }
    }
    // Every reference resolves, and every definition is referred to.
    String text = DescriptorSchema.json();
    for (String name : names) {
      assertThat(text).as(name).contains("\"$ref\": \"#/$defs/" + name + "\"");
    }
    for (JsonNode ref : DescriptorSchema.tree().findValues("$ref")) {
      assertThat(names).contains(ref.asText().substring("#/$defs/".length()));
    }
  }

  @Test
  void volumesOfferOnlyTheSourcesSyncgenRenders() throws IOException {
    JsonNode volume = DescriptorSchema.tree().at("/$defs/V1Volume");
    assertThat(fieldNames(volume.get("properties")))
        .containsExactlyInAnyOrder(
            "name",
            "configMap",
            "secret",
            "emptyDir",
            "persistentVolumeClaim",
            "projected",
            "downwardAPI");
    assertThat(volume.get("additionalProperties").asBoolean(true)).isFalse();
    String descriptor =
        """
        apiVersion: syncgen/v1
        kind: App
        metadata: {name: shop}
        spec:
          image: shop/app:1.0
          volumes: [{name: host, hostPath: {path: /var/run}}]
          database: {urlFrom: {secretKeyRef: {name: db, key: url}}}
          migration: {tool: django}
        """;
    List<String> errors =
        schema().validate(YAML.readTree(descriptor)).stream()
            .map(
                e ->
                    e.getKeyword() + " " + pointer(e.getInstanceLocation()) + " " + e.getProperty())
            .toList();
    assertThat(errors).containsExactly("additionalProperties /spec/volumes/0 hostPath");
  }

  @Test
  void kubernetesFieldsAreRefusedWhereTheParserRefusesThem() throws IOException {
    // golden/error-kubernetes-fields: configMap.nmae and periodSeconds "10", as its stderr.txt
    // reports. Its readOnly: yes is true to this YAML 1.1 reader (and a string to YAML 1.2 ones):
    // syncgen refuses it for that disagreement, which no schema can state. The bad schedule is
    // syncgen's own check.
    assertThat(findings("error-kubernetes-fields"))
        .containsExactlyInAnyOrder(
            "additionalProperties /spec/volumes/0/configMap nmae",
            "type /spec/livenessProbe/periodSeconds");
  }

  @Test
  void unknownFieldsAreRefusedWhereTheParserRefusesThem() throws IOException {
    // golden/error-unknown-fields: replica and healthpath in spec, ActiveDeadlineSeconds and
    // retries in spec.migration, as its stderr.txt reports.
    assertThat(findings("error-unknown-fields"))
        .containsExactlyInAnyOrder(
            "additionalProperties /spec replica",
            "additionalProperties /spec healthpath",
            "additionalProperties /spec/migration ActiveDeadlineSeconds",
            "additionalProperties /spec/migration retries");
  }

  @Test
  void wrongTypesAreRefusedWhereTheParserRefusesThem() throws IOException {
    // golden/error-wrong-types: replicas "3", port 8080.5, healthPath 42, env value 8080,
    // waitFor a list, activeDeadlineSeconds "five minutes". Not healthCheck: yes, which a YAML
    // 1.1 reader (Jackson's here) takes for true; the parser refuses it, as YAML 1.2 editors do.
    assertThat(findings("error-wrong-types"))
        .containsExactlyInAnyOrder(
            "type /spec/replicas",
            "type /spec/port",
            "type /spec/healthPath",
            "type /spec/env/0/value",
            "type /spec/database/waitFor",
            "type /spec/migration/activeDeadlineSeconds");
  }

  @Test
  void missingRequiredFieldsAreRefused() throws IOException {
    // golden/error-missing-required: no metadata.name, spec.image or waitFor.port
    // (database.urlFrom is optional: the connection may come from env, envFrom or a volume).
    assertThat(findings("error-missing-required"))
        .containsExactlyInAnyOrder(
            "required /metadata name",
            "required /spec image",
            "required /spec/database/waitFor port");
  }

  @Test
  void anotherApiVersionOrKindIsRefused() throws IOException {
    assertThat(findings("error-wrong-api-version"))
        .containsExactlyInAnyOrder("const /apiVersion", "const /kind");
  }

  @Test
  void outOfRangeNumbersAndUnknownToolsAreRefused() throws IOException {
    // golden/error-bad-formats: port 70000, waitFor.port 0, tool mongoose. Its other problems
    // (names, image, path, host, quantities) are formats the schema leaves to syncgen.
    assertThat(findings("error-bad-formats"))
        .containsExactlyInAnyOrder(
            "maximum /spec/port",
            "minimum /spec/database/waitFor/port",
            "enum /spec/migration/tool");
  }

  @Test
  void quantitiesMayBeNumbersAsTheParserAllows() throws Exception {
    String descriptor =
        """
        apiVersion: syncgen/v1
        kind: App
        metadata: {name: shop}
        spec:
          image: shop/web:1.0
          resources: {requests: {cpu: 1, memory: 256Mi}, limits: {cpu: 1.5}}
          database: {urlFrom: {secretKeyRef: {name: db, key: url}}}
          migration: {tool: rails}
        """;
    DescriptorLoader.parse("numbers.yaml", descriptor); // the parser accepts it
    assertThat(schema().validate(YAML.readTree(descriptor))).isEmpty();
    assertThat(schema().validate(YAML.readTree(descriptor.replace("cpu: 1,", "cpu: true,"))))
        .extracting(e -> pointer(e.getInstanceLocation()))
        .containsExactly("/spec/resources/requests/cpu");
  }

  // --- the model, field by field -----------------------------------------------------------------

  @Test
  void everyRecordIsAClosedObjectWithExactlyItsFields() {
    List<String> checked = new ArrayList<>();
    checkRecord(AppDescriptor.class, DescriptorSchema.tree(), "", checked);
    // Every field the README's table lists (it stops at Kubernetes types) is among them.
    assertThat(checked)
        .containsAll(
            DescriptorReference.markdown()
                .lines()
                .skip(2)
                .map(row -> row.substring(3, row.indexOf('`', 3)))
                .toList());
  }

  /** Walks the model and the schema side by side, as an independent reading of both. */
  private static void checkRecord(
      Class<?> record, JsonNode schema, String prefix, List<String> checked) {
    assertThat(schema.get("type").asText()).as("%s type", prefix).isEqualTo("object");
    assertThat(schema.get("additionalProperties").asBoolean(true))
        .as("%s closed", prefix)
        .isFalse();
    List<String> names = new ArrayList<>();
    List<String> required = new ArrayList<>();
    for (var component : record.getRecordComponents()) {
      Field field = component.getAnnotation(Field.class);
      String path = prefix + component.getName();
      names.add(component.getName());
      if (field.required()) {
        required.add(component.getName());
      }
      JsonNode property = schema.get("properties").get(component.getName());
      assertThat(property.get("description").asText()).as(path).isEqualTo(field.doc());
      assertThat(property.has("default"))
          .as("%s default", path)
          .isEqualTo(!field.defaultValue().isEmpty());
      checkValue(component.getGenericType(), field, property, path, checked);
      checked.add(path);
    }
    assertThat(fieldNames(schema.get("properties"))).as("%s properties", prefix).isEqualTo(names);
    List<String> listed = new ArrayList<>();
    schema.path("required").forEach(n -> listed.add(n.asText()));
    assertThat(listed).as("%s required", prefix).isEqualTo(required);
  }

  private static void checkValue(
      Type type, Field field, JsonNode schema, String path, List<String> checked) {
    if (type == JsonNode.class) {
      // A Kubernetes type taken as is: a mapping that refers to the type's definition.
      assertThat(schema.get("type").asText()).as(path).isEqualTo("object");
      String kubernetesType = field.kubernetesType();
      if (!kubernetesType.isEmpty() && !kubernetesType.equals(Field.OBJECT)) {
        assertThat(schema.at("/allOf/0/$ref").asText())
            .as(path)
            .isEqualTo("#/$defs/" + kubernetesType);
      } else {
        assertThat(schema.has("allOf")).as(path).isFalse();
      }
    } else if (type instanceof Class<?> c && c.isRecord()) {
      checkRecord(c, schema, path + ".", checked);
    } else if (type instanceof java.lang.reflect.ParameterizedType p) {
      boolean list = p.getRawType() == List.class;
      assertThat(schema.get("type").asText()).as(path).isEqualTo(list ? "array" : "object");
      checkValue(
          p.getActualTypeArguments()[list ? 0 : 1],
          field,
          schema.get(list ? "items" : "additionalProperties"),
          path + (list ? "[]" : ".*"),
          checked);
    } else if (type == String.class && field.format().acceptsNumbers()) {
      assertThat(schema.get("type").toString()).as(path).isEqualTo("[\"string\",\"number\"]");
    } else {
      String expected =
          type == Integer.class || type == Long.class
              ? "integer"
              : type == Boolean.class ? "boolean" : "string";
      assertThat(schema.get("type").asText()).as(path).isEqualTo(expected);
    }
  }

  @Test
  void everyPropertyHasADescription() {
    List<String> properties = new ArrayList<>();
    // The Kubernetes types under $defs are the bundled schemas' own, which carry no descriptions.
    collectProperties(DescriptorSchema.tree().without("$defs"), "", properties);
    assertThat(properties).hasSizeGreaterThan(60);
    for (String path : properties) {
      JsonNode property = DescriptorSchema.tree().at(path);
      assertThat(property.path("description").asText()).as(path).isNotBlank();
    }
  }

  private static void collectProperties(JsonNode node, String pointer, List<String> out) {
    for (Map.Entry<String, JsonNode> entry : node.properties()) {
      String child = pointer + "/" + entry.getKey();
      if (entry.getKey().equals("properties")) {
        for (String name : fieldNames(entry.getValue())) {
          out.add(child + "/" + name);
        }
      }
      if (entry.getValue().isObject()) {
        collectProperties(entry.getValue(), child, out);
      }
    }
  }

  @Test
  void fieldsWithDefaultsHaveThemTypedAsTheField() {
    ObjectNode schema = DescriptorSchema.tree();
    // The defaults of the model, as its @Field annotations state them.
    assertThat(schema.at("/properties/spec/properties/replicas/default").toString()).isEqualTo("1");
    assertThat(schema.at("/properties/spec/properties/port/default").toString()).isEqualTo("8080");
    JsonNode migration = schema.at("/properties/spec/properties/migration/properties");
    assertThat(migration.at("/backoffLimit/default").toString()).isEqualTo("0");
    assertThat(migration.at("/activeDeadlineSeconds/default").toString()).isEqualTo("300");
    JsonNode postSync = schema.at("/properties/spec/properties/postSync");
    assertThat(postSync.get("default").toString()).isEqualTo("{}");
    assertThat(postSync.at("/properties/activeDeadlineSeconds/default").toString())
        .isEqualTo("300");
    List<String> withDefault = new ArrayList<>();
    collectProperties(schema, "", withDefault);
    JsonNode spec = schema.at("/properties/spec/properties");
    assertThat(spec.at("/database/properties/urlEnv").has("default"))
        .as("the default depends on migration.tool")
        .isFalse();
    assertThat(migration.at("/lockTimeout/default").asText()).isEqualTo("5s");
    assertThat(migration.at("/hook/default").asText()).isEqualTo("PreSync");
    assertThat(spec.at("/autoscaling/properties/minReplicas/default").toString()).isEqualTo("1");
    JsonNode extra = spec.at("/extraObjects/items/properties");
    assertThat(extra.at("/phase/default").asText()).isEqualTo("Sync");
    assertThat(extra.at("/wave/default").toString()).isEqualTo("0");
    assertThat(spec.at("/syncFail/properties/activeDeadlineSeconds/default").toString())
        .isEqualTo("120");
    assertThat(migration.at("/contract/properties/timeoutSeconds/default").toString())
        .isEqualTo("300");
    // The six above, urlEnv, hook, extraObjects' phase and wave, a process's replicas,
    // syncFail.activeDeadlineSeconds, contract.timeoutSeconds, and autoscaling.minReplicas in
    // spec, in each process and in each environment.
    assertThat(withDefault.stream().filter(p -> schema.at(p).has("default"))).hasSize(16);
  }

  @Test
  void numericBoundsAreTheFormatsOwn() {
    List<String> properties = new ArrayList<>();
    ObjectNode schema = DescriptorSchema.tree();
    collectProperties(schema, "", properties);
    int bounded = 0;
    for (String path : properties) {
      JsonNode property = schema.at(path);
      if (!property.has("minimum")) {
        continue;
      }
      bounded++;
      Format format = formatAt(path);
      long min = property.get("minimum").asLong();
      long max = property.get("maximum").asLong();
      assertThat(format.problem(min)).as("%s %s accepts %d", path, format, min).isEmpty();
      assertThat(format.problem(max)).as("%s %s accepts %d", path, format, max).isEmpty();
      assertThat(format.problem(min - 1)).as("%s %s refuses %d", path, format, min - 1).isPresent();
      assertThat(format.problem(max + 1)).as("%s %s refuses %d", path, format, max + 1).isPresent();
    }
    // replicas, port, runAsUser, waitFor.port and timeoutSeconds, migration backoffLimit and
    // activeDeadlineSeconds, postSync.activeDeadlineSeconds, syncFail.activeDeadlineSeconds; and in
    // spec.environments.*: replicas,
    // migration.activeDeadlineSeconds and database.waitFor.timeoutSeconds; spec.pod's fsGroup
    // and terminationGracePeriodSeconds; a process's replicas and port; the autoscaling fields
    // (minReplicas, maxReplicas and two targets) in spec, in each process and in each environment;
    // an environment's process replicas; migration lockTimeout and statementTimeout (the number 0);
    // migration.contract.timeoutSeconds.
    assertThat(bounded).isEqualTo(32);
  }

  /** The format of the field a schema pointer such as /properties/spec/properties/port names. */
  private static Format formatAt(String pointer) {
    String[] names = pointer.replace("/properties/", "/").substring(1).split("/");
    Class<?> record = AppDescriptor.class;
    Field field = null;
    for (String name : names) {
      if (name.equals("additionalProperties")) {
        continue; // a map's value, such as an entry of spec.environments
      }
      var component =
          Arrays.stream(record.getRecordComponents())
              .filter(c -> c.getName().equals(name))
              .findFirst()
              .orElseThrow();
      field = component.getAnnotation(Field.class);
      Type value = DescriptorModel.mapValue(component.getGenericType());
      record = value instanceof Class<?> c ? c : component.getType();
    }
    return field.format();
  }

  @Test
  void extraObjectPhaseAndMigrationHookAreEnumsOfArgoCdHookTypes() {
    JsonNode spec = DescriptorSchema.tree().at("/properties/spec/properties");
    assertThat(spec.at("/extraObjects/items/properties/phase/enum").toString())
        .isEqualTo("[\"PreSync\",\"Sync\",\"PostSync\"]");
    assertThat(spec.at("/migration/properties/hook/enum").toString())
        .isEqualTo("[\"PreSync\",\"Sync\"]");
  }

  @Test
  void migrationToolIsAnEnumOfThePresets() {
    JsonNode tool =
        DescriptorSchema.tree().at("/properties/spec/properties/migration/properties/tool");
    List<String> ids = Arrays.stream(MigrationTool.values()).map(MigrationTool::id).toList();
    assertThat(tool.get("enum")).extracting(JsonNode::asText).containsExactlyElementsOf(ids);
    assertThat(ids)
        .containsExactly(
            "django",
            "rails",
            "alembic",
            "flyway",
            "liquibase",
            "knex",
            "node-pg-migrate",
            "sequelize",
            "typeorm",
            "sqitch",
            "prisma",
            "golang-migrate",
            "command");
  }

  // --- helpers -----------------------------------------------------------------------------------

  private static Schema compiled;

  /** The schema, compiled once for the class. */
  private static synchronized Schema schema() {
    if (compiled == null) {
      compiled =
          SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
              .getSchema(SchemaLocation.of(DescriptorSchema.ID), DescriptorSchema.tree());
    }
    return compiled;
  }

  /** The schema's errors for a golden scenario: {@code keyword /instance/pointer [property]}. */
  private static List<String> findings(String scenario) throws IOException {
    return errors(GOLDEN.resolve(scenario).resolve("app.yaml")).stream()
        .map(
            e ->
                e.getKeyword()
                    + " "
                    + pointer(e.getInstanceLocation())
                    + (e.getProperty() == null ? "" : " " + e.getProperty()))
        .toList();
  }

  private static List<Error> errors(Path descriptor) throws IOException {
    return schema().validate(YAML.readTree(descriptor.toFile()));
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static String pointer(NodePath path) {
    StringBuilder pointer = new StringBuilder();
    for (int i = 0; i < path.getNameCount(); i++) {
      pointer.append('/').append(path.getElement(i));
    }
    return pointer.toString();
  }
}
