package io.syncgen.descriptor;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * An RFC 6902 JSON Patch applied to one rendered object, before render validates its output: the
 * last resort for a field syncgen does not model.
 *
 * @param target the object to patch
 * @param patch the operations, applied in order
 */
public record Patch(
    @Field(doc = "The rendered object to patch, by kind and name.", required = true) Target target,
    @Field(
            doc =
                "RFC 6902 operations (`op`, `path`, `value`, `from`), such as `{op: add, path:"
                    + " /spec/template/spec/hostAliases, value: [...]}`.",
            required = true)
        List<JsonNode> patch) {

  /**
   * Which object a patch applies to.
   *
   * @param kind the object's kind, such as {@code Deployment}
   * @param name the object's metadata.name
   */
  public record Target(
      @Field(doc = "The object's kind, such as `Deployment`.", required = true) String kind,
      @Field(doc = "The object's `metadata.name`.", required = true) String name) {}
}
