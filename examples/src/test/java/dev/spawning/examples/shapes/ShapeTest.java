package dev.spawning.examples.shapes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class ShapeTest {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    private static String mismatch(Shape shape, String value) {
        Match match = shape.match(json(value));
        assertThat(match).isInstanceOf(Match.Mismatch.class);
        return match.toString();
    }

    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @CsvSource(delimiter = '|', value = {
        "string  | '\"x\"'  | true",
        "string  | 1        | false",
        "number  | 1        | true",
        "number  | 1.5      | true",
        "number  | '\"1\"'  | false",
        "integer | 1        | true",
        "integer | -12345678901234567890 | true",
        "integer | 1.5      | false",
        "integer | 2.0      | false",
        "integer | 2e0      | false",
        "boolean | true     | true",
        "boolean | false    | true",
        "boolean | 0        | false",
        "null    | null     | true",
        "null    | '{}'     | false",
        "any     | '[1,{}]' | true",
        "any     | null     | true",
    })
    void kindsMatchTheirValuesOnly(String kind, String value, boolean matches) {
        Shape shape = switch (kind) {
            case "string" -> Shape.string();
            case "number" -> Shape.number();
            case "integer" -> Shape.integer();
            case "boolean" -> Shape.bool();
            case "null" -> Shape.nullValue();
            default -> Shape.any();
        };
        assertThat(shape.match(json(value)).matches()).isEqualTo(matches);
    }

    @Test
    void aKindMismatchSaysWhatWasExpectedAndWhatWasFound() {
        assertThat(mismatch(Shape.integer(), "\"x\"")).isEqualTo("$: expected an integer, found a string");
        assertThat(mismatch(Shape.integer(), "1.5")).isEqualTo("$: expected an integer, found a number");
        assertThat(mismatch(Shape.string(), "null")).isEqualTo("$: expected a string, found null");
        assertThat(mismatch(Shape.bool(), "[]")).isEqualTo("$: expected a boolean, found a list");
        assertThat(mismatch(Shape.nullValue(), "{}")).isEqualTo("$: expected null, found an object");
        assertThat(mismatch(Shape.number(), "true")).isEqualTo("$: expected a number, found a boolean");
    }

    @Test
    void literalsMatchOneValueAndNumbersByValue() {
        assertThat(Shape.literal(true).match(json("true")).matches()).isTrue();
        assertThat(Shape.literal("on").match(json("\"on\"")).matches()).isTrue();
        assertThat(Shape.literal(1).match(json("1.0")).matches()).isTrue();
        assertThat(Shape.literal(json("{\"a\":[1,2]}")).match(json("{\"a\":[1,2]}")).matches()).isTrue();
        assertThat(mismatch(Shape.literal(true), "false")).isEqualTo("$: expected true, found false");
        assertThat(mismatch(Shape.literal("on"), "\"off\"")).isEqualTo("$: expected \"on\", found \"off\"");
        assertThat(mismatch(Shape.literal(1), "2")).isEqualTo("$: expected 1, found 2");
    }

    @Test
    void aLiteralKeepsItsOwnCopyOfTheValue() {
        ObjectNode value = (ObjectNode) json("{\"a\":1}");
        Shape shape = Shape.literal(value);
        value.put("a", 2);
        ((ObjectNode) ((Shape.Literal) shape).value()).put("a", 3);

        assertThat(shape.match(json("{\"a\":1}")).matches()).isTrue();
    }

    @Test
    void aListMatchesEveryItemAndNamesTheFirstBadIndex() {
        Shape shape = Shape.listOf(Shape.integer());

        assertThat(shape.match(json("[]")).matches()).isTrue();
        assertThat(shape.match(json("[1,2,3]")).matches()).isTrue();
        assertThat(mismatch(shape, "[1,2,\"x\",\"y\"]")).isEqualTo("$[2]: expected an integer, found a string");
        assertThat(mismatch(shape, "{}")).isEqualTo("$: expected a list, found an object");
    }

    @Test
    void aTupleHasAFixedLengthAndAShapePerPosition() {
        Shape shape = Shape.tuple(Shape.string(), Shape.integer());

        assertThat(shape.match(json("[\"a\", 1]")).matches()).isTrue();
        assertThat(mismatch(shape, "[\"a\"]")).isEqualTo("$: expected a list of 2 items, found 1 item");
        assertThat(mismatch(shape, "[\"a\", 1, 2]")).isEqualTo("$: expected a list of 2 items, found 3 items");
        assertThat(mismatch(shape, "[1, 1]")).isEqualTo("$[0]: expected a string, found an integer");
        assertThat(mismatch(shape, "[\"a\", true]")).isEqualTo("$[1]: expected an integer, found a boolean");
        assertThat(mismatch(shape, "\"a\"")).isEqualTo("$: expected a list of 2 items, found a string");
        assertThat(Shape.tuple().match(json("[]")).matches()).isTrue();
    }

    @Test
    void anObjectNeedsItsListedKeysAndAllowsOthers() {
        Shape shape = Shape.object().with("add", Shape.integer());

        assertThat(shape.match(json("{\"add\": 2}")).matches()).isTrue();
        assertThat(shape.match(json("{\"add\": 2, \"note\": \"x\"}")).matches()).isTrue();
        assertThat(mismatch(shape, "{\"add\": \"x\"}")).isEqualTo("$.add: expected an integer, found a string");
        assertThat(mismatch(shape, "{\"bogus\": 1}")).isEqualTo("$: missing key \"add\"");
        assertThat(mismatch(shape, "[]")).isEqualTo("$: expected an object with key \"add\", found a list");
        assertThat(Shape.object().match(json("{\"x\": 1}")).matches()).isTrue();
    }

    @Test
    void keysAreCheckedInTheOrderTheyWereListed() {
        Shape shape = Shape.object().with("say", Shape.string()).with("from", Shape.string());

        assertThat(mismatch(shape, "{\"from\": 1, \"say\": 2}")).isEqualTo("$.say: expected a string, found an integer");
        assertThat(mismatch(shape, "{\"say\": \"hi\"}")).isEqualTo("$: missing key \"from\"");
        assertThat(shape.described()).isEqualTo("an object with keys \"say\", \"from\"");
    }

    @Test
    void pathsGoDownThroughNestedObjectsListsAndTuples() {
        Shape shape = Shape.object().with("items", Shape.listOf(
                Shape.object().with("at", Shape.tuple(Shape.number(), Shape.number()))));

        Match match = shape.match(json("{\"items\": [{\"at\": [1, 2]}, {\"at\": [1, 2]}, {\"at\": [1, null]}]}"));

        assertThat(match).isEqualTo(new Match.Mismatch("$.items[2].at[1]", 4, "expected a number, found null"));
    }

    @Test
    void keysThatAreNotPlainNamesAreWrittenInBrackets() {
        Shape shape = Shape.object().with("a key", Shape.object().with("it's", Shape.integer()));

        assertThat(mismatch(shape, "{\"a key\": {\"it's\": \"x\"}}"))
                .isEqualTo("$['a key']['it\\'s']: expected an integer, found a string");
    }

    @Test
    void depthCountsTheStepsDownFromTheRoot() {
        Shape shape = Shape.object().with("a", Shape.object().with("b", Shape.integer()));

        assertThat(((Match.Mismatch) shape.match(json("1"))).depth()).isZero();
        assertThat(((Match.Mismatch) shape.match(json("{\"a\": {}}"))).depth()).isEqualTo(1);
        assertThat(((Match.Mismatch) shape.match(json("{\"a\": {\"b\": true}}"))).depth()).isEqualTo(2);
    }

    @Test
    void aMissingValueMatchesNothing() {
        assertThat(Shape.any().match(null)).isEqualTo(new Match.Mismatch("$", 0, "expected any value, found nothing"));
        assertThat(mismatch(Shape.integer(), "{}").toString()).startsWith("$:");
    }

    @Test
    void shapesAreImmutableValues() {
        Shape.ObjectShape base = Shape.object().with("a", Shape.integer());
        Shape.ObjectShape more = base.with("b", Shape.string());
        Map<String, Shape> keys = new LinkedHashMap<>();
        keys.put("a", Shape.integer());
        Shape.ObjectShape fromMap = new Shape.ObjectShape(keys);
        keys.put("b", Shape.string());

        assertThat(base.keys()).containsOnlyKeys("a");
        assertThat(more.keys()).containsOnlyKeys("a", "b");
        assertThat(fromMap).isEqualTo(base);
        assertThat(Shape.listOf(Shape.integer())).isEqualTo(Shape.listOf(Shape.integer()));
        assertThatThrownBy(() -> base.with("a", Shape.string()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Key \"a\" is already in this shape");
        assertThatThrownBy(() -> more.keys().put("c", Shape.any())).isInstanceOf(UnsupportedOperationException.class);
    }
}
