package dev.spawning.examples.actors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spawning.factory.App;
import dev.spawning.factory.Request;
import dev.spawning.factory.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Requests to an app mounted at {@code /actors}, and what tests read from the answers. */
final class Exchanges {

    private Exchanges() {
    }

    static Request request(String method, String path, String contentType, String body, String... headers) {
        Request.Builder builder = Request.builder().method(method).target("/actors" + path);
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        if (body != null) {
            builder.body(body.getBytes(StandardCharsets.UTF_8));
        }
        return builder.build().withPath("/actors", path);
    }

    static Response send(App app, String method, String path, String body, String... headers) throws Exception {
        return app.handle(request(method, path, body == null ? null : "application/json", body, headers));
    }

    static String text(Response response) throws IOException {
        return switch (response.body()) {
            case Response.Body.Bytes(byte[] data) -> new String(data, StandardCharsets.UTF_8);
            case Response.Body.Streamed streamed -> throw new AssertionError("streamed body");
        };
    }

    static String etag(Response response) {
        return response.headers().first("ETag").orElseThrow();
    }

    static void await(String what, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime() < deadline).as("in time: " + what).isTrue();
            Thread.sleep(2);
        }
    }
}
