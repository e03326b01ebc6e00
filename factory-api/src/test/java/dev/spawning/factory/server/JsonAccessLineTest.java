package dev.spawning.factory.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spawning.factory.Headers;
import dev.spawning.factory.Request;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

class JsonAccessLineTest {

    private static final JsonFactory JSON = new JsonFactory();
    private static final ZonedDateTime START = ZonedDateTime.of(2000, 10, 10, 13, 55, 36, 7_000_000, ZoneOffset.ofHours(-7));
    private static final Duration TOOK = Duration.ofNanos(2_345_678_901L);
    private static final AccessLog LOG = AccessLog.compile("json");

    private final Request request = Request.builder()
            .method("GET")
            .target("/a%20b/c?x=1&y=2")
            .header("Host", "example.com")
            .header("Referer", "http://ref/")
            .header("User-Agent", "curl/8.5")
            .remoteAddress(new InetSocketAddress("127.0.0.1", 50123))
            .build();

    @Test
    void writesTheFixedFieldsInOrderWithTheTimeInUtc() {
        String line = LOG.line(new AccessLog.Entry(request, 200, 1234, Headers.empty(), START, TOOK));

        assertThat(line).isEqualTo("{\"time\":\"2000-10-10T20:55:36.007Z\",\"remote_addr\":\"127.0.0.1\","
                + "\"method\":\"GET\",\"target\":\"/a%20b/c?x=1&y=2\",\"protocol\":\"HTTP/1.1\",\"status\":200,"
                + "\"bytes\":1234,\"referer\":\"http://ref/\",\"user_agent\":\"curl/8.5\",\"duration_us\":2345678}");
        assertThat(LOG.format()).isEqualTo("json");
    }

    @Test
    void writesNullForAnUnknownRemoteAddressAndMissingRefererAndAgent() {
        Request bare = Request.builder().target("/").build();

        Map<String, Object> fields = parsed(LOG.line(new AccessLog.Entry(bare, 404, 0, Headers.empty(), START, TOOK)));

        assertThat(fields).containsEntry("remote_addr", null).containsEntry("referer", null)
                .containsEntry("user_agent", null).containsEntry("status", 404L).containsEntry("bytes", 0L);
        assertThat(fields.keySet()).containsExactly("time", "remote_addr", "method", "target", "protocol", "status",
                "bytes", "referer", "user_agent", "duration_us");
    }

    @Test
    void escapesQuotesBackslashesControlCharactersAndLineSeparators() {
        Request hostile = request.toBuilder()
                .headers(Headers.of("User-Agent", "a\"b\\c\td\u001b\u007f\u2028")).build();

        String line = LOG.line(new AccessLog.Entry(hostile, 200, 0, Headers.empty(), START, TOOK));

        assertThat(line).contains("\"user_agent\":\"a\\\"b\\\\c\\u0009d\\u001b\\u007f\\u2028\"");
    }

    @Test
    void escapesTheLineBreaksAndNulThatNoHeaderCanHold() {
        StringBuilder out = new StringBuilder();

        JsonAccessLine.string("a\r\n\u0000b", out);

        assertThat(out).hasToString("\"a\\u000d\\u000a\\u0000b\"");
    }

    @Test
    void readsBackEveryCharacterAHeaderMayHoldAsSentEvenASurrogateWithoutItsPair() {
        List<String> texts = new ArrayList<>();
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            if (c != '\r' && c != '\n' && c != 0) {
                all.append(c);
            }
        }
        texts.add(all.toString());
        texts.add("\ud800");
        texts.add("x\udc00y");
        texts.add("\ud83d\ude00 paired");
        for (String text : texts) {
            Request sent = request.toBuilder().headers(Headers.of("Referer", text)).build();

            String line = LOG.line(new AccessLog.Entry(sent, 200, 0, Headers.empty(), START, TOOK));

            assertThat(parsed(line).get("referer")).isEqualTo(text);
            assertThat(line.lines()).hasSize(1);
        }
    }

    /** The one object of {@code line}, read by Jackson, its fields in order. */
    private static Map<String, Object> parsed(String line) {
        Map<String, Object> fields = new LinkedHashMap<>();
        try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), line)) {
            assertThat(parser.nextToken()).isEqualTo(JsonToken.START_OBJECT);
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                fields.put(name, switch (parser.nextToken()) {
                    case VALUE_STRING -> parser.getString();
                    case VALUE_NUMBER_INT -> parser.getLongValue();
                    case VALUE_NULL -> null;
                    default -> throw new AssertionError("unexpected value of " + name + " in " + line);
                });
            }
            assertThat(parser.currentToken()).isEqualTo(JsonToken.END_OBJECT);
            assertThat(parser.nextToken()).as("nothing after the object").isNull();
        }
        return fields;
    }
}
