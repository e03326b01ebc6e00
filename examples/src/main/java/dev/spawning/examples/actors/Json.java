package dev.spawning.examples.actors;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The app's one JSON mapper (thread-safe once built) and the helpers around it. */
final class Json {

    static final ObjectMapper MAPPER = JsonMapper.builder().build();
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {
    }

    static byte[] bytes(JsonNode node) {
        return MAPPER.writeValueAsBytes(node);
    }

    static ObjectNode object() {
        return NODES.objectNode();
    }

    /** {@code {"error": message}}. */
    static ObjectNode error(String message) {
        ObjectNode error = object();
        error.put("error", message);
        return error;
    }

    /**
     * A strong entity tag for a representation: a digest of its bytes, so that it changes exactly
     * when the bytes do, across restarts and processes alike.
     */
    static String etag(byte[] representation) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(representation);
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException absent) {
            throw new IllegalStateException("Every JDK has SHA-256", absent);
        }
    }
}
