package dev.spawning.examples.shapes;

import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** Matches values against shapes; kept out of the records so that each stays a plain value. */
final class ShapeMatcher {

    static final Match MATCHED = new Match.Matched();
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private ShapeMatcher() {
    }

    static Match.Mismatch mismatch(Shape shape, JsonNode value, String path, int depth) {
        if (value == null || value.isMissingNode()) {
            return new Match.Mismatch(path, depth, "expected " + shape.described() + ", found nothing");
        }
        return switch (shape) {
            case Shape.Any any -> null;
            case Shape.Kind(JsonKind kind) -> kind.holds(value) ? null : expected(shape, value, path, depth);
            case Shape.Literal literal -> sameValue(literal.value(), value) ? null
                    : new Match.Mismatch(path, depth, "expected " + literal.value() + ", found " + value);
            case Shape.ListOf(Shape item) -> value.isArray() ? items(item, value, path, depth)
                    : expected(shape, value, path, depth);
            case Shape.Tuple tuple -> tuple(tuple, value, path, depth);
            case Shape.ObjectShape object -> object(object, value, path, depth);
        };
    }

    private static Match.Mismatch items(Shape item, JsonNode list, String path, int depth) {
        for (int i = 0; i < list.size(); i++) {
            Match.Mismatch found = mismatch(item, list.get(i), path + "[" + i + "]", depth + 1);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static Match.Mismatch tuple(Shape.Tuple tuple, JsonNode value, String path, int depth) {
        if (!value.isArray()) {
            return expected(tuple, value, path, depth);
        }
        if (value.size() != tuple.items().size()) {
            return new Match.Mismatch(path, depth, "expected " + tuple.described() + ", found "
                    + value.size() + (value.size() == 1 ? " item" : " items"));
        }
        for (int i = 0; i < value.size(); i++) {
            Match.Mismatch found = mismatch(tuple.items().get(i), value.get(i), path + "[" + i + "]", depth + 1);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static Match.Mismatch object(Shape.ObjectShape object, JsonNode value, String path, int depth) {
        if (!value.isObject()) {
            return expected(object, value, path, depth);
        }
        for (Map.Entry<String, Shape> key : object.keys().entrySet()) {
            JsonNode member = value.get(key.getKey());
            if (member == null) {
                // Reported at the object: the key is not there to be a place.
                return new Match.Mismatch(path, depth, "missing key " + quote(key.getKey()));
            }
            Match.Mismatch found = mismatch(key.getValue(), member, path + step(key.getKey()), depth + 1);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static Match.Mismatch expected(Shape shape, JsonNode value, String path, int depth) {
        return new Match.Mismatch(path, depth, "expected " + shape.described() + ", found "
                + JsonKind.of(value).described());
    }

    private static boolean sameValue(JsonNode expected, JsonNode value) {
        if (expected.isNumber() && value.isNumber()) {
            return expected.decimalValue().compareTo(value.decimalValue()) == 0;
        }
        return expected.equals(value);
    }

    /** {@code .key} for a plain key, {@code ['other key']} for the rest. */
    static String step(String key) {
        if (PLAIN_KEY.matcher(key).matches()) {
            return "." + key;
        }
        return "['" + key.replace("\\", "\\\\").replace("'", "\\'") + "']";
    }

    static String quote(String key) {
        return "\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
