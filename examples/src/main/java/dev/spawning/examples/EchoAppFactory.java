package dev.spawning.examples;

import dev.spawning.factory.App;
import dev.spawning.factory.AppFactory;
import dev.spawning.factory.FactoryProvider;
import dev.spawning.factory.Request;
import dev.spawning.factory.Response;
import dev.spawning.factory.Settings;
import java.io.IOException;

/**
 * Provider {@code echo}: an app that answers with what it received, to check what a server or a
 * composite hands an app. Any method is accepted and the whole body is read.
 *
 * <p>With {@code format = json} (the default) the answer is {@code 200 application/json}: an
 * object with the keys {@code method}, {@code target}, {@code version}, {@code script_name},
 * {@code path_info}, {@code query}, {@code headers} ({@code [[name, value], ...]} in order of
 * arrival, names as sent), {@code body_b64} (standard base64), {@code trailers} (as headers, taken
 * after the body was read), {@code remote_addr} (the peer's IP, {@code ""} when unknown),
 * {@code global_conf} and {@code local_conf} (objects in file order). The document is pure ASCII:
 * request strings are raw bytes read as ISO-8859-1, and every character outside printable ASCII
 * is written as a <code>&#92;u00XX</code> escape, so each escape names the byte that was received.
 *
 * <p>With {@code format = body} the answer is {@code 200 application/octet-stream} carrying the
 * request body unchanged. Any other {@code format} fails when the factory is called.
 *
 * <pre>{@code
 * [app:mirror]
 * use = service:echo
 * format = body
 * }</pre>
 */
@FactoryProvider(name = "echo", description = "Answers with the request as JSON, or its body (format = json or body)")
public final class EchoAppFactory implements AppFactory {

    /** Public because ServiceLoader needs it. */
    public EchoAppFactory() {
    }

    @Override
    public App create(Settings globalConf, Settings localConf) {
        return switch (localConf.get("format", "json")) {
            case "json" -> EchoJson.app(globalConf, localConf);
            case "body" -> EchoAppFactory::echoBody;
            default -> throw localConf.invalid("format", "json or body");
        };
    }

    private static Response echoBody(Request request) throws IOException {
        return Response.builder(200)
                .header("Content-Type", "application/octet-stream")
                .body(request.readBody())
                .build();
    }
}
