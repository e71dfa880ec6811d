package io.syncgen.diagnostic;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.DocumentStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.parser.Parser;

/**
 * A SnakeYAML parser that refuses, at the event that shows them, what no Kubernetes tool can read:
 * an alias inside the node it names (a node that contains itself, which every tree walk follows
 * without end; go-yaml's decoder refuses it) and a string holding half of a UTF-16 surrogate pair
 * (go-yaml refuses a surrogate escape, its scannerc.go). It also remembers where the last event
 * stood, so that a limit SnakeYAML raises without a position (aliases, nesting) can be reported
 * there.
 */
final class GuardedParser implements Parser {
  /** A refusal, with its finding. */
  static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Diagnostic diagnostic;

    Refused(Diagnostic diagnostic) {
      super(diagnostic.message(), null, false, false);
      this.diagnostic = diagnostic;
    }

    Diagnostic diagnostic() {
      return diagnostic;
    }
  }

  /** One anchored node: a number of its own, and where its anchor stands. */
  private record Anchor(int id, Mark mark) {}

  private final Parser parser;
  private final SourceFile file;
  private final Map<String, Anchor> anchors = new HashMap<>();
  private final Deque<Integer> collections = new ArrayDeque<>();
  private final Set<Integer> open = new HashSet<>();
  private int lastId;
  private Mark lastMark;

  GuardedParser(Parser parser, SourceFile file) {
    this.parser = parser;
    this.file = file;
  }

  /** Where the last event peeked or read starts; null before the first. */
  Mark lastMark() {
    return lastMark;
  }

  @Override
  public boolean checkEvent(Event.ID choice) {
    boolean is = parser.checkEvent(choice);
    remember(parser.peekEvent());
    return is;
  }

  @Override
  public Event peekEvent() {
    return remember(parser.peekEvent());
  }

  @Override
  public Event getEvent() {
    Event event = remember(parser.getEvent());
    if (event instanceof DocumentStartEvent) {
      anchors.clear(); // anchors are local to a document, as the Composer keeps them
    } else if (event instanceof CollectionStartEvent start) {
      // 0 for a collection without an anchor: no alias can name it.
      int id = start.getAnchor() == null ? 0 : define(start.getAnchor(), start.getStartMark());
      collections.push(id);
      if (id != 0) {
        open.add(id);
      }
    } else if (event instanceof CollectionEndEvent) {
      open.remove(collections.pop());
    } else if (event instanceof ScalarEvent scalar) {
      checkSurrogates(scalar);
      if (scalar.getAnchor() != null) {
        define(scalar.getAnchor(), scalar.getStartMark());
      }
    } else if (event instanceof AliasEvent alias) {
      checkRecursion(alias);
    }
    return event;
  }

  private Event remember(Event event) {
    if (event != null) {
      lastMark = event.getStartMark();
    }
    return event;
  }

  private int define(String name, Mark mark) {
    anchors.put(name, new Anchor(++lastId, mark));
    return lastId;
  }

  private void checkRecursion(AliasEvent alias) {
    Anchor anchor = anchors.get(alias.getAnchor());
    if (anchor != null && open.contains(anchor.id())) {
      String name = alias.getAnchor();
      throw refused(
          alias.getStartMark(),
          "recursive alias: *"
              + name
              + " stands inside the node anchored &"
              + name
              + " (line "
              + file.line(anchor.mark())
              + "), which would contain itself without end; repeat only a finished node");
    }
  }

  private void checkSurrogates(ScalarEvent scalar) {
    String value = scalar.getValue();
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw refused(
            scalar.getStartMark(),
            String.format(
                Locale.ROOT,
                "this string holds \\u%04x, half of a UTF-16 surrogate pair and not a character;"
                    + " kubectl and Argo CD (go-yaml) refuse the whole file: remove it, or write"
                    + " the whole character",
                (int) c));
      }
    }
  }

  private Refused refused(Mark mark, String message) {
    return new Refused(Diagnostic.error(file.at(mark), message));
  }
}
