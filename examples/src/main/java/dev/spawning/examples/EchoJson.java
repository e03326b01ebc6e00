package dev.spawning.examples;

import dev.spawning.factory.App;
import dev.spawning.factory.Header;
import dev.spawning.factory.Headers;
import dev.spawning.factory.Request;
import dev.spawning.factory.Response;
import dev.spawning.factory.Settings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Base64;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonWriteFeature;

/**
 * The JSON answer of the {@code echo} app (see {@link EchoAppFactory} for the document's keys).
 * Escaping everything outside printable ASCII keeps the output pure ASCII, so an ISO-8859-1
 * character read from the wire comes back as <code>&#92;u00XX</code> naming its byte, never
 * re-encoded as UTF-8.
 */
final class EchoJson {

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .characterEscapes(new PrintableAsciiEscapes())
            .build();

    private final Settings globalConf;
    private final Settings localConf;

    private EchoJson(Settings globalConf, Settings localConf) {
        this.globalConf = globalConf;
        this.localConf = localConf;
    }

    static App app(Settings globalConf, Settings localConf) {
        return new EchoJson(globalConf, localConf)::answer;
    }

    private Response answer(Request request) throws IOException {
        byte[] body = request.readBody();
        // Trailers exist only once the body has been read to its end.
        Headers trailers = request.trailers();
        return Response.builder(200)
                .header("Content-Type", "application/json")
                .body(describe(request, body, trailers))
                .build();
    }

    private byte[] describe(Request request, byte[] body, Headers trailers) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = JSON.createGenerator(ObjectWriteContext.empty(), out)) {
            json.writeStartObject();
            json.writeStringProperty("method", request.method());
            json.writeStringProperty("target", request.target());
            json.writeStringProperty("version", request.version());
            json.writeStringProperty("script_name", request.scriptName());
            json.writeStringProperty("path_info", request.pathInfo());
            json.writeStringProperty("query", request.query());
            writeFields(json, "headers", request.headers());
            json.writeStringProperty("body_b64", Base64.getEncoder().encodeToString(body));
            writeFields(json, "trailers", trailers);
            json.writeStringProperty("remote_addr", ip(request.remoteAddress()));
            writeConf(json, "global_conf", globalConf);
            writeConf(json, "local_conf", localConf);
            json.writeEndObject();
        }
        return out.toByteArray();
    }

    private static void writeFields(JsonGenerator json, String name, Headers fields) {
        json.writeName(name);
        json.writeStartArray();
        for (Header field : fields.asList()) {
            json.writeStartArray();
            json.writeString(field.name());
            json.writeString(field.value());
            json.writeEndArray();
        }
        json.writeEndArray();
    }

    private static void writeConf(JsonGenerator json, String name, Settings conf) {
        json.writeName(name);
        json.writeStartObject();
        for (Map.Entry<String, String> setting : conf.asMap().entrySet()) {
            json.writeStringProperty(setting.getKey(), setting.getValue());
        }
        json.writeEndObject();
    }

    /** The peer's IP without a reverse lookup; the host string when it was never resolved. */
    private static String ip(InetSocketAddress address) {
        if (address == null) {
            return "";
        }
        return address.getAddress() != null ? address.getAddress().getHostAddress() : address.getHostString();
    }
}
