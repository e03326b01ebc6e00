package dev.spawning.examples.actors;

import dev.spawning.examples.shapes.Match;
import dev.spawning.examples.shapes.Shape;
import java.math.BigInteger;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The actor types this app ships: {@code counter} and {@code chatroom}. */
final class ActorTypes {

    /** The names of the shipped types, in the order {@code spawn} documents them. */
    static final List<String> NAMES = List.of("counter", "chatroom");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ActorTypes() {
    }

    /**
     * A shipped type.
     *
     * @param name    one of {@link #NAMES}
     * @param history how many messages a chatroom keeps
     * @return the type, or {@code null} for another name
     */
    static ActorType named(String name, int history) {
        return switch (name) {
            case "counter" -> counter();
            case "chatroom" -> chatroom(history);
            default -> null;
        };
    }

    /**
     * {@code counter}: state {@code {"count": integer}}; {@code {"add": integer}} adds (any size:
     * no overflow), {@code {"reset": true}} sets it to 0.
     */
    static ActorType counter() {
        return new ActorType("counter", Shape.object().with("count", Shape.integer()), null, List.of(
                new ActorType.Handler(Shape.object().with("add", Shape.integer()), ActorTypes::add),
                new ActorType.Handler(Shape.object().with("reset", Shape.literal(true)), (state, message) -> count(0))));
    }

    /**
     * {@code chatroom}: state {@code {"history": [{"say": string, "from": string}, ...]}} of at most
     * {@code history} lines; {@code {"say": string, "from": string}} appends a line (other keys of
     * the message are dropped) and forgets the oldest beyond the bound.
     */
    static ActorType chatroom(int history) {
        Shape line = Shape.object().with("say", Shape.string()).with("from", Shape.string());
        return new ActorType("chatroom", Shape.object().with("history", Shape.listOf(line)),
                state -> state.get("history").size() <= history ? null
                        : new Match.Mismatch("$.history", 1, "expected at most " + history + " lines, found "
                                + state.get("history").size()),
                List.of(new ActorType.Handler(line, (state, message) -> say(state, message, history))));
    }

    private static JsonNode add(JsonNode state, JsonNode message) {
        BigInteger sum = state.get("count").bigIntegerValue().add(message.get("add").bigIntegerValue());
        return count(sum);
    }

    private static JsonNode count(long value) {
        return count(BigInteger.valueOf(value));
    }

    private static JsonNode count(BigInteger value) {
        ObjectNode state = NODES.objectNode();
        if (value.bitLength() < Long.SIZE) {
            state.put("count", value.longValue());
        } else {
            state.put("count", value);
        }
        return state;
    }

    private static JsonNode say(JsonNode state, JsonNode message, int history) {
        ArrayNode lines = NODES.arrayNode();
        JsonNode old = state.get("history");
        for (int i = Math.max(0, old.size() + 1 - history); i < old.size(); i++) {
            lines.add(old.get(i).deepCopy());
        }
        ObjectNode line = lines.addObject();
        line.put("say", message.get("say").stringValue());
        line.put("from", message.get("from").stringValue());
        ObjectNode next = NODES.objectNode();
        next.set("history", lines);
        return next;
    }
}
