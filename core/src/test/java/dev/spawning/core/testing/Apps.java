package dev.spawning.core.testing;

import dev.spawning.factory.App;
import dev.spawning.factory.Request;
import dev.spawning.factory.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** Calls apps directly, without a server, and reads what they answer; public for the command line's tests. */
public final class Apps {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Apps() {
    }

    public static Response get(App app, String target) throws Exception {
        return app.handle(Request.builder().method("GET").target(target).header("Host", "localhost").build());
    }

    public static String body(Response response) throws IOException {
        return switch (response.body()) {
            case Response.Body.Bytes bytes -> bytes.text();
            case Response.Body.Streamed streamed -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                streamed.writer().writeTo(out);
                yield out.toString(StandardCharsets.UTF_8);
            }
        };
    }

    public static String bodyOf(App app, String target) throws Exception {
        return body(get(app, target));
    }

    /** What the echo app saw, as parsed JSON. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> echo(App app, Request request) throws Exception {
        return JSON.readValue(body(app.handle(request)), Map.class);
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> json(String text) {
        return JSON.readValue(text, Map.class);
    }
}
