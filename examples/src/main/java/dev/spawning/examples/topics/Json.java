package dev.spawning.examples.topics;

import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every JSON document of the app, through Jackson: request bodies, the lines of a log file and the
 * answers. Output is compact (no spaces, no line breaks), which the log file's one-line-per-event
 * format and the SSE {@code data:} field rely on. Thread-safe.
 */
final class Json {

    // Strict reading: a duplicate key or anything after the value is malformed; floats keep their digits.
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private Json() {
    }

    /**
     * A request body as one JSON value.
     *
     * @param body the bytes, UTF-8 (or another encoding JSON allows, detected by Jackson)
     * @return the value; empty when the bytes are not exactly one JSON value
     */
    static Optional<JsonNode> parse(byte[] body) {
        try {
            JsonNode node = MAPPER.readTree(body);
            return node == null || node.isMissingNode() ? Optional.empty() : Optional.of(node);
        } catch (JacksonException malformed) {
            return Optional.empty();
        }
    }

    /** {@return the line stored in a log file for one event, without its line break} */
    static byte[] logLine(Event event) {
        return MAPPER.writeValueAsBytes(eventNode(event));
    }

    /**
     * An event read back from a line of a log file.
     *
     * @param line the line, without its line break
     * @return the event; empty for a line that is not {@code {"seq": N, "data": ...}} with N at
     *         least 1 (such as what a process that crashed mid-write left)
     */
    static Optional<Event> parseLogLine(byte[] line) {
        return parse(line).filter(JsonNode::isObject).flatMap(node -> {
            JsonNode seq = node.get("seq");
            JsonNode data = node.get("data");
            boolean valid = seq != null && seq.canConvertToLong() && seq.isIntegralNumber() && seq.asLong() >= 1
                    && data != null;
            return valid ? Optional.of(new Event(seq.asLong(), data)) : Optional.empty();
        });
    }

    /** {@return {@code {"seq":N}}, the answer to a publish} */
    static byte[] published(long seq) {
        return MAPPER.writeValueAsBytes(MAPPER.createObjectNode().put("seq", seq));
    }

    /** {@return {@code {"events":[{"seq":N,"data":...},...],"cursor":M}}, the answer to a poll} */
    static byte[] events(List<Event> events, long cursor) {
        ObjectNode answer = MAPPER.createObjectNode();
        ArrayNode array = answer.putArray("events");
        events.forEach(event -> array.add(eventNode(event)));
        answer.put("cursor", cursor);
        return MAPPER.writeValueAsBytes(answer);
    }

    /** {@return {@code {"error":"..."}}} */
    static byte[] error(String message) {
        return MAPPER.writeValueAsBytes(MAPPER.createObjectNode().put("error", message));
    }

    /** {@return {@code {"error":"...","cursor":N}}: an error that tells the client where to go on} */
    static byte[] error(String message, long cursor) {
        return MAPPER.writeValueAsBytes(MAPPER.createObjectNode().put("error", message).put("cursor", cursor));
    }

    /** {@return an event's data as one line of compact JSON, for an SSE {@code data:} field} */
    static String dataLine(Event event) {
        return MAPPER.writeValueAsString(event.data());
    }

    private static ObjectNode eventNode(Event event) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("seq", event.seq());
        node.set("data", event.data());
        return node;
    }
}
