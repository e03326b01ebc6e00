package dev.spawning.examples;

import dev.spawning.factory.App;
import dev.spawning.factory.AppFactory;
import dev.spawning.factory.FactoryProvider;
import dev.spawning.factory.Response;
import dev.spawning.factory.Settings;

/**
 * Provider {@code text}: an app that gives every request the same answer, whatever its method,
 * path or body (the body is left unread).
 *
 * <table>
 *   <caption>Local settings</caption>
 *   <tr><th>key</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code body}</td><td>{@code This is basic app}</td><td>the body, sent as UTF-8</td></tr>
 *   <tr><td>{@code content_type}</td><td>{@code text/plain; charset=utf-8}</td>
 *       <td>the {@code Content-Type} header</td></tr>
 *   <tr><td>{@code status}</td><td>{@code 200}</td><td>the status, 100 to 999</td></tr>
 * </table>
 *
 * <pre>{@code
 * [app:teapot]
 * use = service:text
 * body = I'm a teapot
 * status = 418
 * }</pre>
 */
@FactoryProvider(name = "text", description = "Answers a fixed body (body, content_type, status)")
public final class TextAppFactory implements AppFactory {

    static final String DEFAULT_BODY = "This is basic app";
    static final String DEFAULT_CONTENT_TYPE = "text/plain; charset=utf-8";
    static final int DEFAULT_STATUS = 200;

    /** Public because ServiceLoader needs it. */
    public TextAppFactory() {
    }

    /** Validates the settings now, so a bad status fails when the deployment is loaded. */
    @Override
    public App create(Settings globalConf, Settings localConf) {
        int status = localConf.integer("status", DEFAULT_STATUS, 100, 999);
        // Built once: a Response is immutable, so every request can share it.
        Response answer = Response.builder(status)
                .header("Content-Type", localConf.get("content_type", DEFAULT_CONTENT_TYPE))
                .body(localConf.get("body", DEFAULT_BODY))
                .build();
        return request -> answer;
    }
}
