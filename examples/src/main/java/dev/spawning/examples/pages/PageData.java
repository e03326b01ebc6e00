package dev.spawning.examples.pages;

import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the body of a PUT as a page's data: a JSON object, which becomes the Mustache scope as
 * maps, lists, strings, numbers ({@code BigDecimal} for fractions, so {@code 0.1} renders as
 * written), booleans and nulls. Thread-safe: the mapper is immutable.
 */
final class PageData {

    /** A body that is not a page's data; the status and the text of the answer. */
    static final class Rejected extends Exception {

        private static final long serialVersionUID = 1L;

        private final int status;

        Rejected(int status, String message) {
            super(message);
            this.status = status;
        }

        int status() {
            return status;
        }
    }

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private PageData() {
    }

    /**
     * Parses a body.
     *
     * @param body the bytes of the PUT
     * @return the object, keys in the order written
     * @throws Rejected 400 for malformed JSON (duplicate keys included), 422 for JSON that is not
     *                  an object
     */
    static Map<?, ?> parse(byte[] body) throws Rejected {
        if (body.length == 0) {
            throw new Rejected(400, "Malformed JSON: the body is empty");
        }
        Object value;
        try {
            value = MAPPER.readValue(body, Object.class);
        } catch (JacksonException malformed) {
            throw new Rejected(400, "Malformed JSON" + where(malformed.getLocation()) + ": "
                    + malformed.getOriginalMessage());
        }
        if (value instanceof Map<?, ?> object) {
            return object;
        }
        throw new Rejected(422, "The data of a page must be a JSON object, not " + kind(value));
    }

    private static String where(TokenStreamLocation location) {
        return location == null || location.getLineNr() < 1 ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static String kind(Object value) {
        return switch (value) {
            case null -> "null";
            case List<?> _ -> "an array";
            case String _ -> "a string";
            case Boolean _ -> "a boolean";
            default -> "a number";
        };
    }
}
