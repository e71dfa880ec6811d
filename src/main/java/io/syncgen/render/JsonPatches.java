package io.syncgen.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.flipkart.zjsonpatch.CompatibilityFlags;
import com.flipkart.zjsonpatch.JsonPatch;
import com.flipkart.zjsonpatch.JsonPatchApplicationException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Applies RFC 6902 JSON Patch operations to a Jackson tree with zjsonpatch, one operation at a time
 * so that a failure names its operation.
 *
 * <p>Each operation's shape and locations are checked here first, for specific messages, and
 * because zjsonpatch 0.4.16 strays from RFCs 6902 and 6901 where the checks catch it first: it
 * removes nothing for {@code -} in an array, throws unchecked exceptions for {@code -} or a
 * non-index where it needs an array index and for a trailing {@code ~}, and its test compares with
 * {@code JsonNode.equals} (1 and 1.0 differ; RFC 6902 §4.6 holds numbers equal by value, so test is
 * done here). It also decodes a pointer's last token twice ({@code /a~01} reaching {@code a/}),
 * which {@link #forZjsonpatch} undoes by encoding that token twice.
 */
final class JsonPatches {
  private static final List<String> OPS =
      List.of("add", "remove", "replace", "move", "copy", "test");
  private static final Pattern BAD_ESCAPE = Pattern.compile("~(?![01])");
  private static final Pattern INDEX = Pattern.compile("0|[1-9][0-9]{0,9}");
  // RFC 6902 §4.2: removing a missing member fails (zjsonpatch allows it by default).
  private static final EnumSet<CompatibilityFlags> STRICT =
      EnumSet.of(CompatibilityFlags.FORBID_REMOVE_MISSING_OBJECT);

  private JsonPatches() {}

  /** What a patch gave: the patched tree (a new one), or else the failure that stopped it. */
  record Result(JsonNode patched, Failure failure) {}

  /** The index of the failing operation in the patch, and what went wrong, for a user. */
  record Failure(int operation, String message) {}

  /** Why an operation fails; no stack trace, since it is never a defect. */
  private static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message, null, false, false);
    }
  }

  /** Applies {@code operations} in order to a copy of {@code target}, left as it is. */
  static Result apply(JsonNode target, ArrayNode operations) {
    JsonNode tree = target.deepCopy();
    for (int i = 0; i < operations.size(); i++) {
      try {
        tree = applyOne(tree, operations.get(i));
      } catch (Refused e) {
        return new Result(null, new Failure(i, e.getMessage()));
      }
    }
    return new Result(tree, null);
  }

  /** Checks one operation's shape and locations, then applies it; returns the new tree. */
  private static JsonNode applyOne(JsonNode tree, JsonNode operation) throws Refused {
    if (!operation.isObject()) {
      throw new Refused("an operation must be an object with \"op\" and \"path\"");
    }
    String op = text(operation, "op");
    if (!OPS.contains(op)) {
      throw new Refused("op \"" + op + "\" is not one of " + String.join(", ", OPS));
    }
    List<String> path = pointer(operation, "path");
    boolean takesFrom = op.equals("move") || op.equals("copy");
    String needs = takesFrom ? "from" : "value";
    if (!op.equals("remove") && !operation.has(needs)) {
      throw new Refused(op + " needs a \"" + needs + "\"");
    }
    List<String> from = takesFrom ? pointer(operation, "from") : List.of();
    if (op.equals("remove") && path.isEmpty()) {
      throw new Refused("remove cannot remove the whole document");
    }
    switch (op) {
      case "add" -> addable(tree, path);
      case "remove", "replace" -> existing(tree, path, "path");
      case "copy" -> {
        existing(tree, from, "from");
        addable(tree, path);
      }
      case "move" -> movable(tree, from, path);
      default -> {
        test(existing(tree, path, "path"), path, operation.get("value"));
        return tree;
      }
    }
    boolean same = op.equals("move") && from.equals(path);
    return same ? tree : zjsonpatch(tree, op, path, from, operation.get("value"));
  }

  /** RFC 6902 §4.6: {@code actual} equals {@code value}, numbers by their value. */
  private static void test(JsonNode actual, List<String> path, JsonNode value) throws Refused {
    if (!actual.equals(JsonPatches::compareValues, value)) {
      throw new Refused(
          "test failed: " + show(path) + " is " + shorten(actual) + ", not " + shorten(value));
    }
  }

  /** 0 when two scalars are equal, finite numbers by their decimal value. */
  private static int compareValues(JsonNode a, JsonNode b) {
    boolean numbers = a.isNumber() && b.isNumber();
    if (numbers && Double.isFinite(a.doubleValue()) && Double.isFinite(b.doubleValue())) {
      return a.decimalValue().compareTo(b.decimalValue());
    }
    return a.equals(b) ? 0 : 1;
  }

  /** RFC 6902 §4.4: {@code from} exists, is not a proper prefix of {@code path}, and fits there. */
  private static void movable(JsonNode tree, List<String> from, List<String> path) throws Refused {
    existing(tree, from, "from");
    if (from.size() < path.size() && path.subList(0, from.size()).equals(from)) {
      throw new Refused("move cannot put " + show(from) + " inside itself at " + show(path));
    } else if (!from.equals(path)) {
      addable(zjsonpatch(tree, "remove", from, List.of(), null), path);
    }
  }

  /** The node at {@code tokens}, or a failure saying that the {@code member} is wrong. */
  private static JsonNode existing(JsonNode tree, List<String> tokens, String member)
      throws Refused {
    JsonNode node = at(tree, tokens);
    if (node == null) {
      throw new Refused(member + " " + show(tokens) + " does not exist");
    }
    return node;
  }

  /**
   * The node at {@code tokens}, or null (RFC 6901 §4: an array item is {@code 0} or a number
   * without leading zeros below the array's size, never {@code -}).
   */
  private static JsonNode at(JsonNode tree, List<String> tokens) {
    JsonNode node = tree;
    for (int i = 0; i < tokens.size() && node != null; i++) {
      String token = tokens.get(i);
      boolean item = node.isArray() && INDEX.matcher(token).matches();
      boolean inside = item && Long.parseLong(token) < node.size();
      node = node.isObject() ? node.get(token) : inside ? node.get(Integer.parseInt(token)) : null;
    }
    return node;
  }

  /** RFC 6902 §4.1: {@code path}'s parent exists, and an array parent takes the index or -. */
  private static void addable(JsonNode tree, List<String> path) throws Refused {
    if (path.isEmpty()) {
      return;
    }
    List<String> parentPath = path.subList(0, path.size() - 1);
    String token = path.get(path.size() - 1);
    JsonNode parent = at(tree, parentPath);
    String at = "cannot add at " + show(path) + ": " + show(parentPath);
    if (parent == null) {
      throw new Refused(at + " does not exist");
    } else if (!parent.isContainerNode()) {
      throw new Refused(at + " is " + shorten(parent) + ", not an object or array");
    } else if (parent.isArray()
        && !token.equals("-")
        && !(INDEX.matcher(token).matches() && Long.parseLong(token) <= parent.size())) {
      throw new Refused(
          at + " has " + parent.size() + " items, so it takes 0 to " + parent.size() + " or -");
    }
  }

  /** Applies one checked operation with zjsonpatch; returns the new tree. */
  private static JsonNode zjsonpatch(
      JsonNode tree, String op, List<String> path, List<String> from, JsonNode value)
      throws Refused {
    ObjectNode operation = JsonNodeFactory.instance.objectNode().put("op", op);
    operation.put("path", forZjsonpatch(path)).put("from", forZjsonpatch(from));
    if (value != null) {
      operation.set("value", value); // zjsonpatch ignores what an op does not take
    }
    try {
      return JsonPatch.apply(JsonNodeFactory.instance.arrayNode().add(operation), tree, STRICT);
    } catch (JsonPatchApplicationException e) {
      throw new Refused("cannot " + op + " at " + show(path) + ": " + e.getMessage());
    }
  }

  /** A pointer for zjsonpatch 0.4.16, which decodes the last token twice: it is encoded twice. */
  private static String forZjsonpatch(List<String> tokens) {
    int last = tokens.size() - 1;
    return last < 0 ? "" : encode(tokens.subList(0, last)) + "/" + escape(escape(tokens.get(last)));
  }

  /** The string member {@code name} of an operation. */
  private static String text(JsonNode operation, String name) throws Refused {
    JsonNode value = operation.get(name);
    if (value == null) {
      throw new Refused("\"" + name + "\" is missing");
    } else if (!value.isTextual()) {
      throw new Refused("\"" + name + "\" must be a string, not " + shorten(value));
    }
    return value.textValue();
  }

  /** The member {@code name} of an operation as an RFC 6901 JSON pointer, decoded into tokens. */
  private static List<String> pointer(JsonNode operation, String name) throws Refused {
    String text = text(operation, name);
    String not = name + " \"" + text + "\" is not a JSON pointer: ";
    if (!text.isEmpty() && !text.startsWith("/")) {
      throw new Refused(not + "it must be empty or start with /");
    } else if (BAD_ESCAPE.matcher(text).find()) {
      throw new Refused(not + "~ must be followed by 0 or 1 (~0 for ~, ~1 for /)");
    }
    List<String> tokens = new ArrayList<>();
    for (String token : text.isEmpty() ? new String[0] : text.substring(1).split("/", -1)) {
      tokens.add(token.replace("~1", "/").replace("~0", "~"));
    }
    return List.copyOf(tokens);
  }

  /** A pointer for a message; the empty pointer is "the document". */
  private static String show(List<String> tokens) {
    return tokens.isEmpty() ? "the document" : encode(tokens);
  }

  /** A pointer as RFC 6901 writes it. */
  private static String encode(List<String> tokens) {
    return tokens.stream().map(token -> "/" + escape(token)).collect(Collectors.joining());
  }

  /** RFC 6901's escaping of a reference token. */
  private static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }

  /** A value as JSON, cut to 60 characters. */
  private static String shorten(JsonNode value) {
    String json = value.toString();
    return json.length() <= 60 ? json : json.substring(0, 57) + "...";
  }
}
