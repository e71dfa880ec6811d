package io.syncgen.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** RFC 6902 operations on a small Deployment-like tree, and the failures a user can meet. */
class JsonPatchesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TARGET =
      """
      {"spec": {"replicas": 2, "paused": false,
                "template": {"containers": [{"name": "app"}, {"name": "sidecar"}]}},
       "metadata": {"annotations": {"a/b": "slash", "c~d": "tilde", "e~1": "literal"}},
       "list": [1, 2, 3]}
      """;

  static Stream<Arguments> applied() {
    return Stream.of(
        Arguments.of(
            "add a member",
            "[{'op': 'add', 'path': '/spec/strategy', 'value': {'type': 'Recreate'}}]",
            "/spec/strategy",
            "{'type': 'Recreate'}"),
        Arguments.of(
            "add replaces an existing member",
            "[{'op': 'add', 'path': '/spec/replicas', 'value': 5}]",
            "/spec/replicas",
            "5"),
        Arguments.of(
            "add inserts into an array",
            "[{'op': 'add', 'path': '/list/1', 'value': 9}]",
            "/list",
            "[1, 9, 2, 3]"),
        Arguments.of(
            "add at the array's size appends",
            "[{'op': 'add', 'path': '/list/3', 'value': 4}]",
            "/list",
            "[1, 2, 3, 4]"),
        Arguments.of(
            "add at - appends",
            "[{'op': 'add', 'path': '/spec/template/containers/-', 'value': {'name': 'log'}}]",
            "/spec/template/containers/2/name",
            "'log'"),
        Arguments.of(
            "add null",
            "[{'op': 'add', 'path': '/spec/paused', 'value': null}]",
            "/spec/paused",
            "null"),
        Arguments.of(
            "add at the root replaces the document",
            "[{'op': 'add', 'path': '', 'value': {'x': 1}}]",
            "",
            "{'x': 1}"),
        Arguments.of(
            "add under an empty key",
            "[{'op': 'add', 'path': '/', 'value': 'empty key'}]",
            "/",
            "'empty key'"),
        Arguments.of(
            "remove a member",
            "[{'op': 'remove', 'path': '/spec/paused'}]",
            "/spec",
            "{'replicas': 2, 'template': {'containers': [{'name': 'app'}, {'name': 'sidecar'}]}}"),
        Arguments.of("remove an item", "[{'op': 'remove', 'path': '/list/0'}]", "/list", "[2, 3]"),
        Arguments.of(
            "replace",
            "[{'op': 'replace', 'path': '/spec/replicas', 'value': 3}]",
            "/spec/replicas",
            "3"),
        Arguments.of(
            "replace an item",
            "[{'op': 'replace', 'path': '/list/2', 'value': 'three'}]",
            "/list",
            "[1, 2, 'three']"),
        Arguments.of(
            "move",
            "[{'op': 'move', 'from': '/spec/replicas', 'path': '/spec/count'}]",
            "/spec",
            "{'paused': false, 'template': {'containers': [{'name': 'app'}, {'name': 'sidecar'}]},"
                + " 'count': 2}"),
        Arguments.of(
            "move an item to the end",
            "[{'op': 'move', 'from': '/list/0', 'path': '/list/-'}]",
            "/list",
            "[2, 3, 1]"),
        Arguments.of(
            "move onto itself changes nothing",
            "[{'op': 'move', 'from': '/spec/replicas', 'path': '/spec/replicas'}]",
            "/spec",
            "{'replicas': 2, 'paused': false,"
                + " 'template': {'containers': [{'name': 'app'}, {'name': 'sidecar'}]}}"),
        Arguments.of(
            "copy",
            "[{'op': 'copy', 'from': '/spec/template/containers/0', 'path': '/list/0'}]",
            "/list",
            "[{'name': 'app'}, 1, 2, 3]"),
        Arguments.of(
            "test passes, numbers by value",
            "[{'op': 'test', 'path': '/spec/replicas', 'value': 2.0},"
                + " {'op': 'test', 'path': '/spec/template', 'value':"
                + " {'containers': [{'name': 'app'}, {'name': 'sidecar'}]}},"
                + " {'op': 'replace', 'path': '/spec/replicas', 'value': 4}]",
            "/spec/replicas",
            "4"),
        Arguments.of(
            "~1 is a slash",
            "[{'op': 'replace', 'path': '/metadata/annotations/a~1b', 'value': 'x'}]",
            "/metadata/annotations",
            "{'a/b': 'x', 'c~d': 'tilde', 'e~1': 'literal'}"),
        Arguments.of(
            "~0 is a tilde",
            "[{'op': 'remove', 'path': '/metadata/annotations/c~0d'}]",
            "/metadata/annotations",
            "{'a/b': 'slash', 'e~1': 'literal'}"),
        Arguments.of(
            "~01 is a tilde and a 1, not a slash (zjsonpatch 0.4.16 decodes it twice)",
            "[{'op': 'replace', 'path': '/metadata/annotations/e~01', 'value': 'x'},"
                + " {'op': 'copy', 'from': '/metadata/annotations/e~01', 'path': '/f~01'}]",
            "",
            "{'spec': {'replicas': 2, 'paused': false,"
                + " 'template': {'containers': [{'name': 'app'}, {'name': 'sidecar'}]}},"
                + " 'metadata': {'annotations': {'a/b': 'slash', 'c~d': 'tilde', 'e~1': 'x'}},"
                + " 'list': [1, 2, 3], 'f~1': 'x'}"),
        Arguments.of(
            "members an op does not take are ignored",
            "[{'op': 'remove', 'path': '/list/0', 'value': 1, 'from': 'not a pointer'}]",
            "/list",
            "[2, 3]"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("applied")
  void appliesTheOperations(String name, String patch, String pointer, String expected) {
    JsonPatches.Result result = JsonPatches.apply(tree(TARGET), operations(patch));

    assertThat(result.failure()).isNull();
    assertThat(result.patched().at(pointer)).isEqualTo(tree(expected));
  }

  static Stream<Arguments> failed() {
    return Stream.of(
        Arguments.of(
            "[{'op': 'test', 'path': '/spec/replicas', 'value': 3}]",
            0,
            "test failed: /spec/replicas is 2, not 3"),
        Arguments.of(
            "[{'op': 'test', 'path': '/spec/paused', 'value': 'false'}]",
            0,
            "test failed: /spec/paused is false, not \"false\""),
        Arguments.of(
            "[{'op': 'replace', 'path': '/spec/replicas', 'value': 3},"
                + " {'op': 'remove', 'path': '/spec/foo/bar'}]",
            1,
            "path /spec/foo/bar does not exist"),
        Arguments.of("[{'op': 'remove', 'path': '/spec/foo'}]", 0, "path /spec/foo does not exist"),
        Arguments.of(
            "[{'op': 'replace', 'path': '/spec/foo', 'value': 1}]",
            0,
            "path /spec/foo does not exist"),
        Arguments.of("[{'op': 'remove', 'path': '/list/3'}]", 0, "path /list/3 does not exist"),
        Arguments.of("[{'op': 'remove', 'path': '/list/-'}]", 0, "path /list/- does not exist"),
        Arguments.of(
            "[{'op': 'replace', 'path': '/list/-', 'value': 0}]", 0, "path /list/- does not exist"),
        Arguments.of("[{'op': 'remove', 'path': '/list/01'}]", 0, "path /list/01 does not exist"),
        Arguments.of("[{'op': 'remove', 'path': '/list/x'}]", 0, "path /list/x does not exist"),
        Arguments.of(
            "[{'op': 'remove', 'path': '/list/99999999999'}]",
            0,
            "path /list/99999999999 does not exist"),
        Arguments.of(
            "[{'op': 'test', 'path': '/spec/replicas/x', 'value': 1}]",
            0,
            "path /spec/replicas/x does not exist"),
        Arguments.of(
            "[{'op': 'add', 'path': '/spec/foo/bar', 'value': 1}]",
            0,
            "cannot add at /spec/foo/bar: /spec/foo does not exist"),
        Arguments.of(
            "[{'op': 'add', 'path': '/spec/replicas/x', 'value': 1}]",
            0,
            "cannot add at /spec/replicas/x: /spec/replicas is 2, not an object or array"),
        Arguments.of(
            "[{'op': 'add', 'path': '/list/5', 'value': 1}]",
            0,
            "cannot add at /list/5: /list has 3 items, so it takes 0 to 3 or -"),
        Arguments.of(
            "[{'op': 'add', 'path': '/list/x', 'value': 1}]",
            0,
            "cannot add at /list/x: /list has 3 items, so it takes 0 to 3 or -"),
        Arguments.of(
            "[{'op': 'move', 'from': '/spec/foo', 'path': '/spec/bar'}]",
            0,
            "from /spec/foo does not exist"),
        Arguments.of(
            "[{'op': 'move', 'from': '/spec', 'path': '/spec/template/spec'}]",
            0,
            "move cannot put /spec inside itself at /spec/template/spec"),
        Arguments.of(
            "[{'op': 'move', 'from': '/list/0', 'path': '/list/3'}]",
            0,
            "cannot add at /list/3: /list has 2 items, so it takes 0 to 2 or -"),
        Arguments.of(
            "[{'op': 'copy', 'from': '/list/3', 'path': '/x'}]", 0, "from /list/3 does not exist"),
        Arguments.of(
            "[{'op': 'remove', 'path': ''}]", 0, "remove cannot remove the whole document"),
        // The shape of an operation.
        Arguments.of(
            "[{'op': 'frobnicate', 'path': '/spec'}]",
            0,
            "op \"frobnicate\" is not one of add, remove, replace, move, copy, test"),
        Arguments.of(
            "[{'op': 'ADD', 'path': '/spec', 'value': 1}]",
            0,
            "op \"ADD\" is not one of add, remove, replace, move, copy, test"),
        Arguments.of("[{'path': '/spec'}]", 0, "\"op\" is missing"),
        Arguments.of("[{'op': 1, 'path': '/spec'}]", 0, "\"op\" must be a string, not 1"),
        Arguments.of("[{'op': 'remove'}]", 0, "\"path\" is missing"),
        Arguments.of(
            "[{'op': 'remove', 'path': ['spec']}]", 0, "\"path\" must be a string, not [\"spec\"]"),
        Arguments.of(
            "[{'op': 'remove', 'path': 'spec/replicas'}]",
            0,
            "path \"spec/replicas\" is not a JSON pointer: it must be empty or start with /"),
        Arguments.of(
            "[{'op': 'remove', 'path': '/spec~2'}]",
            0,
            "path \"/spec~2\" is not a JSON pointer: ~ must be followed by 0 or 1 (~0 for ~, ~1 for"
                + " /)"),
        Arguments.of(
            "[{'op': 'remove', 'path': '/spec~'}]",
            0,
            "path \"/spec~\" is not a JSON pointer: ~ must be followed by 0 or 1 (~0 for ~, ~1 for"
                + " /)"),
        Arguments.of(
            "[{'op': 'copy', 'from': 'spec', 'path': '/x'}]",
            0,
            "from \"spec\" is not a JSON pointer: it must be empty or start with /"),
        Arguments.of("[{'op': 'add', 'path': '/x'}]", 0, "add needs a \"value\""),
        Arguments.of("[{'op': 'replace', 'path': '/spec'}]", 0, "replace needs a \"value\""),
        Arguments.of("[{'op': 'test', 'path': '/spec'}]", 0, "test needs a \"value\""),
        Arguments.of("[{'op': 'move', 'path': '/x'}]", 0, "move needs a \"from\""),
        Arguments.of("[{'op': 'copy', 'path': '/x'}]", 0, "copy needs a \"from\""),
        Arguments.of(
            "[{'op': 'remove', 'path': '/list/0'}, 'remove']",
            1,
            "an operation must be an object with \"op\" and \"path\""));
  }

  @ParameterizedTest(name = "{2}")
  @MethodSource("failed")
  void namesTheFailingOperation(String patch, int operation, String message) {
    JsonPatches.Result result = JsonPatches.apply(tree(TARGET), operations(patch));

    assertThat(result.patched()).isNull();
    assertThat(result.failure()).isEqualTo(new JsonPatches.Failure(operation, message));
  }

  /**
   * The examples of RFC 6902 Appendix A (A.13 needs duplicate members, which a tree cannot hold).
   */
  static Stream<Arguments> rfc6902() {
    return Stream.of(
        Arguments.of(
            "A.1",
            "{'foo': 'bar'}",
            "[{'op': 'add', 'path': '/baz', 'value': 'qux'}]",
            "{'baz': 'qux', 'foo': 'bar'}"),
        Arguments.of(
            "A.2",
            "{'foo': ['bar', 'baz']}",
            "[{'op': 'add', 'path': '/foo/1', 'value': 'qux'}]",
            "{'foo': ['bar', 'qux', 'baz']}"),
        Arguments.of(
            "A.3",
            "{'baz': 'qux', 'foo': 'bar'}",
            "[{'op': 'remove', 'path': '/baz'}]",
            "{'foo': 'bar'}"),
        Arguments.of(
            "A.4",
            "{'foo': ['bar', 'qux', 'baz']}",
            "[{'op': 'remove', 'path': '/foo/1'}]",
            "{'foo': ['bar', 'baz']}"),
        Arguments.of(
            "A.5",
            "{'baz': 'qux', 'foo': 'bar'}",
            "[{'op': 'replace', 'path': '/baz', 'value': 'boo'}]",
            "{'baz': 'boo', 'foo': 'bar'}"),
        Arguments.of(
            "A.6",
            "{'foo': {'bar': 'baz', 'waldo': 'fred'}, 'qux': {'corge': 'grault'}}",
            "[{'op': 'move', 'from': '/foo/waldo', 'path': '/qux/thud'}]",
            "{'foo': {'bar': 'baz'}, 'qux': {'corge': 'grault', 'thud': 'fred'}}"),
        Arguments.of(
            "A.7",
            "{'foo': ['all', 'grass', 'cows', 'eat']}",
            "[{'op': 'move', 'from': '/foo/1', 'path': '/foo/3'}]",
            "{'foo': ['all', 'cows', 'eat', 'grass']}"),
        Arguments.of(
            "A.8",
            "{'baz': 'qux', 'foo': ['a', 2, 'c']}",
            "[{'op': 'test', 'path': '/baz', 'value': 'qux'},"
                + " {'op': 'test', 'path': '/foo/1', 'value': 2}]",
            "{'baz': 'qux', 'foo': ['a', 2, 'c']}"),
        Arguments.of(
            "A.9",
            "{'baz': 'qux'}",
            "[{'op': 'test', 'path': '/baz', 'value': 'bar'}]",
            "test failed: /baz is \"qux\", not \"bar\""),
        Arguments.of(
            "A.10",
            "{'foo': 'bar'}",
            "[{'op': 'add', 'path': '/child', 'value': {'grandchild': {}}}]",
            "{'foo': 'bar', 'child': {'grandchild': {}}}"),
        Arguments.of(
            "A.11",
            "{'foo': 'bar'}",
            "[{'op': 'add', 'path': '/baz', 'value': 'qux', 'xyz': 123}]",
            "{'foo': 'bar', 'baz': 'qux'}"),
        Arguments.of(
            "A.12",
            "{'foo': 'bar'}",
            "[{'op': 'add', 'path': '/baz/bat', 'value': 'qux'}]",
            "cannot add at /baz/bat: /baz does not exist"),
        Arguments.of(
            "A.14",
            "{'/': 9, '~1': 10}",
            "[{'op': 'test', 'path': '/~01', 'value': 10}]",
            "{'/': 9, '~1': 10}"),
        Arguments.of(
            "A.15",
            "{'/': 9, '~1': 10}",
            "[{'op': 'test', 'path': '/~01', 'value': '10'}]",
            "test failed: /~01 is 10, not \"10\""),
        Arguments.of(
            "A.16",
            "{'foo': ['bar']}",
            "[{'op': 'add', 'path': '/foo/-', 'value': ['abc', 'def']}]",
            "{'foo': ['bar', ['abc', 'def']]}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rfc6902")
  void followsTheExamplesOfRfc6902(String section, String target, String patch, String outcome) {
    JsonPatches.Result result = JsonPatches.apply(tree(target), operations(patch));

    if (outcome.startsWith("{")) {
      assertThat(result).isEqualTo(new JsonPatches.Result(tree(outcome), null));
    } else {
      assertThat(result)
          .isEqualTo(new JsonPatches.Result(null, new JsonPatches.Failure(0, outcome)));
    }
  }

  @Test
  void testsNumbersByValueAtAnyDepth() {
    JsonNode target = tree("{'a': [1, {'b': 2.50}], 'c': 1e2}");
    ArrayNode patch =
        operations(
            "[{'op': 'test', 'path': '', 'value': {'a': [1.0, {'b': 2.5}], 'c': 100}},"
                + " {'op': 'test', 'path': '/a/1/b', 'value': 2.51}]");

    assertThat(JsonPatches.apply(target, patch).failure())
        .isEqualTo(new JsonPatches.Failure(1, "test failed: /a/1/b is 2.5, not 2.51"));
  }

  @Test
  void leavesTheTargetAsItIs() {
    JsonNode target = tree(TARGET);
    ArrayNode patch =
        operations(
            "[{'op': 'replace', 'path': '/spec/replicas', 'value': 3},"
                + " {'op': 'remove', 'path': '/list/0'},"
                + " {'op': 'move', 'from': '/metadata', 'path': '/spec/metadata'},"
                + " {'op': 'add', 'path': '/spec/template/containers/0/image', 'value': 'x'}]");

    JsonPatches.Result result = JsonPatches.apply(target, patch);

    assertThat(target).isEqualTo(tree(TARGET));
    assertThat(result.patched()).isNotSameAs(target);
    assertThat(result.patched().at("/spec/template/containers/0/image").asText()).isEqualTo("x");
    assertThat(JsonPatches.apply(target, operations("[]")).patched())
        .isEqualTo(target)
        .isNotSameAs(target);
  }

  @Test
  void theResultSharesNoNodeWithThePatch() {
    ArrayNode patch = operations("[{'op': 'add', 'path': '/x', 'value': {'y': 1}}]");

    JsonNode patched = JsonPatches.apply(tree(TARGET), patch).patched();
    ((ObjectNode) patch.get(0).get("value")).put("y", 2);

    assertThat(patched.at("/x/y").asInt()).isEqualTo(1);
  }

  private static JsonNode tree(String json) {
    try {
      return JSON.readTree(json.replace('\'', '"'));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(json, e);
    }
  }

  private static ArrayNode operations(String json) {
    return (ArrayNode) tree(json);
  }
}
