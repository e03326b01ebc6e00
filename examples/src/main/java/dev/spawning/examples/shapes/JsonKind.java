package dev.spawning.examples.shapes;

import tools.jackson.databind.JsonNode;

/**
 * The kinds of JSON value a shape can ask for. {@link #INTEGER} is a number written without a
 * fraction or an exponent ({@code 2}, not {@code 2.0} or {@code 2e0}); {@link #NUMBER} is any
 * number, integers included.
 */
public enum JsonKind {
    /** A JSON string. */
    STRING("a string"),
    /** Any JSON number. */
    NUMBER("a number"),
    /** A JSON number without a fraction or an exponent. */
    INTEGER("an integer"),
    /** {@code true} or {@code false}. */
    BOOLEAN("a boolean"),
    /** {@code null}. */
    NULL("null"),
    /** A JSON array. */
    LIST("a list"),
    /** A JSON object. */
    OBJECT("an object");

    private final String described;

    JsonKind(String described) {
        this.described = described;
    }

    /** {@return the kind in words, for messages: {@code a string}, {@code an integer}, {@code null}} */
    public String described() {
        return described;
    }

    /**
     * Whether a value is of this kind.
     *
     * @param value a JSON value; Java {@code null} and a missing node count as absent, of no kind
     * @return whether it is
     */
    public boolean holds(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return false;
        }
        return switch (this) {
            case STRING -> value.isString();
            case NUMBER -> value.isNumber();
            case INTEGER -> value.isIntegralNumber();
            case BOOLEAN -> value.isBoolean();
            case NULL -> value.isNull();
            case LIST -> value.isArray();
            case OBJECT -> value.isObject();
        };
    }

    /**
     * The most precise kind of a value, for messages: an integral number is {@link #INTEGER}.
     *
     * @param value a JSON value, present
     * @return its kind
     */
    public static JsonKind of(JsonNode value) {
        if (value.isIntegralNumber()) {
            return INTEGER;
        }
        for (JsonKind kind : values()) {
            if (kind.holds(value)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("Not a JSON value: " + value.getNodeType());
    }
}
