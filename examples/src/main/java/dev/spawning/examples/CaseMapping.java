package dev.spawning.examples;

import dev.spawning.factory.App;
import dev.spawning.factory.Response;
import dev.spawning.factory.Settings;

/**
 * The body mapping shared by {@code caps} and {@code caps2}: ASCII letters change case byte by
 * byte, as Python's {@code bytes.upper()} and {@code bytes.lower()} do, and every other byte
 * (UTF-8 sequences included) is left alone. A body therefore keeps its length, so a
 * {@code Content-Length} set by the wrapped app stays true; status and headers pass through.
 */
enum CaseMapping {
    UPPER('a', 'z'),
    LOWER('A', 'Z');

    static final String KEY = "method_to_call";

    private final byte first;
    private final byte last;

    CaseMapping(char first, char last) {
        this.first = (byte) first;
        this.last = (byte) last;
    }

    /** Reads {@code method_to_call} ({@code upper}, the default, or {@code lower}). */
    static CaseMapping fromSettings(Settings localConf) {
        return switch (localConf.get(KEY, "upper")) {
            case "upper" -> UPPER;
            case "lower" -> LOWER;
            default -> throw localConf.invalid(KEY, "upper or lower");
        };
    }

    /** An app that answers as {@code next} does, with the body mapped. */
    App wrap(App next) {
        return request -> apply(next.handle(request));
    }

    Response apply(Response response) {
        return response.toBuilder().body(map(response.body())).build();
    }

    Response.Body map(Response.Body body) {
        return switch (body) {
            case Response.Body.Bytes(byte[] data) -> new Response.Body.Bytes(map(data, 0, data.length));
            case Response.Body.Streamed(Response.BodyWriter writer) ->
                    new Response.Body.Streamed(out -> writer.writeTo(new CaseMappingOutputStream(out, this)));
        };
    }

    /** A mapped copy of {@code length} bytes from {@code offset}; the source is not changed. */
    byte[] map(byte[] source, int offset, int length) {
        byte[] mapped = new byte[length];
        for (int i = 0; i < length; i++) {
            mapped[i] = map(source[offset + i]);
        }
        return mapped;
    }

    /** Flipping bit 0x20 switches an ASCII letter between its two cases. */
    byte map(byte b) {
        return b >= first && b <= last ? (byte) (b ^ 0x20) : b;
    }
}
