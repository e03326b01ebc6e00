package dev.spawning.examples;

import dev.spawning.factory.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Reads a response body in tests the way a server would send it, streamed or not. */
final class Bodies {

    private Bodies() {
    }

    static byte[] bytes(Response response) throws IOException {
        return switch (response.body()) {
            case Response.Body.Bytes(byte[] data) -> data;
            case Response.Body.Streamed(Response.BodyWriter writer) -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                writer.writeTo(out);
                yield out.toByteArray();
            }
        };
    }

    static String utf8(Response response) throws IOException {
        return new String(bytes(response), StandardCharsets.UTF_8);
    }
}
