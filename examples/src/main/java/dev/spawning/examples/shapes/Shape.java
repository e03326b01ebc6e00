package dev.spawning.examples.shapes;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The shape of a JSON value: a {@linkplain JsonKind kind}, a literal value, a list of one shape, a
 * tuple (a list of fixed length, a shape per position), or an object whose listed keys must match
 * (other keys are allowed). Matching reports the first place that fails as a JSON path.
 *
 * <pre>{@code
 * Shape say = Shape.object().with("say", Shape.string()).with("from", Shape.string());
 * Shape reset = Shape.object().with("reset", Shape.literal(true));
 * Shape point = Shape.tuple(Shape.number(), Shape.number());
 * say.match(node).matches();
 * }</pre>
 *
 * <p>Shapes are immutable; {@link ObjectShape#with} returns a new shape.
 */
public sealed interface Shape permits Shape.Any, Shape.Kind, Shape.Literal, Shape.ListOf, Shape.Tuple,
        Shape.ObjectShape {

    /** {@return any JSON value} */
    static Shape any() {
        return Any.INSTANCE;
    }

    /** {@return a JSON string} */
    static Shape string() {
        return new Kind(JsonKind.STRING);
    }

    /** {@return any JSON number} */
    static Shape number() {
        return new Kind(JsonKind.NUMBER);
    }

    /** {@return a number without a fraction or exponent (see {@link JsonKind#INTEGER})} */
    static Shape integer() {
        return new Kind(JsonKind.INTEGER);
    }

    /** {@return {@code true} or {@code false}} */
    static Shape bool() {
        return new Kind(JsonKind.BOOLEAN);
    }

    /** {@return {@code null}} */
    static Shape nullValue() {
        return new Kind(JsonKind.NULL);
    }

    /**
     * Exactly one value; numbers are compared by value ({@code 1} is {@code 1.0}).
     *
     * @param value the value
     * @return the shape
     */
    static Shape literal(JsonNode value) {
        return new Literal(value);
    }

    /**
     * Exactly this string.
     *
     * @param value the string
     * @return the shape
     */
    static Shape literal(String value) {
        return new Literal(JsonNodeFactory.instance.stringNode(value));
    }

    /**
     * Exactly this integer (or a number of the same value, such as {@code 1.0} for {@code 1}).
     *
     * @param value the number
     * @return the shape
     */
    static Shape literal(long value) {
        return new Literal(JsonNodeFactory.instance.numberNode(value));
    }

    /**
     * Exactly this boolean.
     *
     * @param value the boolean
     * @return the shape
     */
    static Shape literal(boolean value) {
        return new Literal(JsonNodeFactory.instance.booleanNode(value));
    }

    /**
     * A list, of any length, each item of one shape.
     *
     * @param item the shape of every item
     * @return the shape
     */
    static Shape listOf(Shape item) {
        return new ListOf(item);
    }

    /**
     * A list of exactly as many items as shapes given, each item of the shape at its position.
     *
     * @param items the shapes, in order
     * @return the shape
     */
    static Shape tuple(Shape... items) {
        return new Tuple(List.of(items));
    }

    /** {@return an object with no required key; add keys with {@link ObjectShape#with}} */
    static ObjectShape object() {
        return new ObjectShape(Map.of());
    }

    /**
     * Matches a value against this shape.
     *
     * @param value the value; Java {@code null} counts as a missing value
     * @return {@link Match.Matched}, or the first {@link Match.Mismatch} found, depth first, keys and
     *         items in order
     */
    default Match match(JsonNode value) {
        Match.Mismatch found = ShapeMatcher.mismatch(this, value, "$", 0);
        return found == null ? ShapeMatcher.MATCHED : found;
    }

    /** {@return this shape in words, for messages: {@code an integer}, {@code an object with keys "add"}} */
    String described();

    /** Any value at all. */
    record Any() implements Shape {

        static final Any INSTANCE = new Any();

        @Override
        public String described() {
            return "any value";
        }
    }

    /**
     * A value of a kind.
     *
     * @param kind the kind
     */
    record Kind(JsonKind kind) implements Shape {

        /** Checks the kind. */
        public Kind {
            Objects.requireNonNull(kind, "kind");
        }

        @Override
        public String described() {
            return kind.described();
        }
    }

    /**
     * Exactly one value.
     *
     * @param value the value, a copy of what was given
     */
    record Literal(JsonNode value) implements Shape {

        /** Checks and copies the value, so the shape stays immutable. */
        public Literal {
            Objects.requireNonNull(value, "value");
            if (value.isMissingNode()) {
                throw new IllegalArgumentException("A literal needs a value, not a missing node");
            }
            value = value.deepCopy();
        }

        @Override
        public JsonNode value() {
            return value.deepCopy();
        }

        @Override
        public String described() {
            return value.toString();
        }
    }

    /**
     * A list of any length.
     *
     * @param item the shape of every item
     */
    record ListOf(Shape item) implements Shape {

        /** Checks the item shape. */
        public ListOf {
            Objects.requireNonNull(item, "item");
        }

        @Override
        public String described() {
            return "a list";
        }
    }

    /**
     * A list of fixed length.
     *
     * @param items the shape at each position
     */
    record Tuple(List<Shape> items) implements Shape {

        /** Copies the shapes. */
        public Tuple {
            items = List.copyOf(items);
        }

        @Override
        public String described() {
            return "a list of " + items.size() + (items.size() == 1 ? " item" : " items");
        }
    }

    /**
     * An object whose listed keys must be present and match; other keys are allowed.
     *
     * @param keys each required key with its shape, in the order they are checked
     */
    record ObjectShape(Map<String, Shape> keys) implements Shape {

        /** Copies the keys, keeping their order. */
        public ObjectShape {
            Map<String, Shape> copy = new LinkedHashMap<>();
            keys.forEach((key, shape) -> copy.put(Objects.requireNonNull(key, "key"),
                    Objects.requireNonNull(shape, "shape of " + key)));
            keys = Collections.unmodifiableMap(copy);
        }

        /**
         * This shape with one more required key, checked after the others.
         *
         * @param key   the key
         * @param shape the shape of its value
         * @return a new shape; this one is unchanged
         * @throws IllegalArgumentException when the key is already listed
         */
        public ObjectShape with(String key, Shape shape) {
            if (keys.containsKey(key)) {
                throw new IllegalArgumentException("Key " + ShapeMatcher.quote(key) + " is already in this shape");
            }
            Map<String, Shape> more = new LinkedHashMap<>(keys);
            more.put(key, shape);
            return new ObjectShape(more);
        }

        @Override
        public String described() {
            if (keys.isEmpty()) {
                return "an object";
            }
            List<String> quoted = new ArrayList<>();
            keys.keySet().forEach(key -> quoted.add(ShapeMatcher.quote(key)));
            return "an object with " + (keys.size() == 1 ? "key " : "keys ") + String.join(", ", quoted);
        }
    }
}
