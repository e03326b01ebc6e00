package dev.spawning.examples.topics;

import dev.spawning.factory.Request;
import dev.spawning.factory.Response;
import dev.spawning.factory.Settings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * A {@code topics} app as mounted at {@code /topics} by urlmap, called directly as a server
 * would, with one server-stop signal for all its requests.
 */
final class TopicsClient implements AutoCloseable {

    static final String MOUNT = "/topics";

    final TopicsApp app;
    final CompletableFuture<Void> serverStopping = new CompletableFuture<>();

    private TopicsClient(TopicsApp app) {
        this.app = app;
    }

    /** An app on {@code dataDir}, with {@code keysAndValues} as further local settings. */
    static TopicsClient on(Path dataDir, String... keysAndValues) {
        Settings.Builder local = Settings.builder("app:topics").put("data_dir", dataDir.toString());
        for (int i = 0; i < keysAndValues.length; i += 2) {
            local.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return new TopicsClient((TopicsApp) new TopicsAppFactory().create(Settings.empty(), local.build()));
    }

    Response publish(String topic, String json) throws Exception {
        return call(request("POST", "/" + topic).header("Content-Type", "application/json")
                .body(json.getBytes(StandardCharsets.UTF_8)));
    }

    Response get(String pathAndQuery, String... headerNamesAndValues) throws Exception {
        Request.Builder request = request("GET", pathAndQuery);
        for (int i = 0; i < headerNamesAndValues.length; i += 2) {
            request.header(headerNamesAndValues[i], headerNamesAndValues[i + 1]);
        }
        return call(request);
    }

    Response call(Request.Builder request) throws Exception {
        return app.handle(request.build());
    }

    /** A request as urlmap hands it to an app mounted at {@code /topics}. */
    Request.Builder request(String method, String pathAndQuery) {
        int question = pathAndQuery.indexOf('?');
        String path = question < 0 ? pathAndQuery : pathAndQuery.substring(0, question);
        return Request.builder().method(method).target(MOUNT + pathAndQuery).scriptName(MOUNT).pathInfo(path)
                .serverStopping(serverStopping);
    }

    static String text(Response response) {
        if (!(response.body() instanceof Response.Body.Bytes bytes)) {
            throw new AssertionError("not a body of bytes: " + response);
        }
        return bytes.text();
    }

    @Override
    public void close() throws java.io.IOException {
        app.close();
    }
}
