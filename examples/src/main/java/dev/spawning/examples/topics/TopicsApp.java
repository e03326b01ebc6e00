package dev.spawning.examples.topics;

import dev.spawning.factory.App;
import dev.spawning.factory.Request;
import dev.spawning.factory.Response;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import tools.jackson.databind.JsonNode;

/**
 * The {@code topics} app: routes {@code /NAME} and {@code /NAME/events} (below its mount point)
 * and answers them; see {@link TopicsAppFactory} for what each request gets. Thread-safe: any
 * number of requests at once, each on its own thread, most of them possibly waiting.
 */
final class TopicsApp implements App, AutoCloseable {

    private static final String JSON = "application/json";

    private final TopicsSettings settings;
    private final TopicStore store;
    // The server's stop signal this app listens to: one action per server, not one per request.
    private final AtomicReference<CompletionStage<Void>> watchedStop = new AtomicReference<>();

    TopicsApp(TopicsSettings settings) {
        this.settings = settings;
        this.store = TopicStore.open(settings.dataDir(), settings.retain(), settings.pollInterval());
    }

    @Override
    public Response handle(Request request) throws IOException, InterruptedException {
        watchStop(request);
        String[] parts = request.pathInfo().startsWith("/") ? request.pathInfo().substring(1).split("/", -1)
                : new String[0];
        boolean events = parts.length == 2 && parts[1].equals("events");
        if (parts.length != 1 && !events || parts[0].isEmpty()) {
            return error(404, "Not found: a topic is published to at /NAME and read at /NAME/events");
        }
        if (!TopicName.isValid(parts[0])) {
            return error(400, "'" + parts[0] + "' is not a topic name: " + TopicName.RULE);
        }
        return events ? events(request, parts[0]) : publish(request, parts[0]);
    }

    /**
     * {@return how many requests wait for an event of this topic now (for tests and diagnostics)}
     *
     * @param name a valid topic name
     * @throws IOException when the topic's file cannot be opened
     */
    int waiting(String name) throws IOException {
        return store.topic(name).waiting();
    }

    /** Ends the held requests and streams; the store's watcher stops. */
    @Override
    public void close() throws IOException {
        store.close();
    }

    private void watchStop(Request request) {
        CompletionStage<Void> stage = request.serverStopping();
        CompletionStage<Void> seen = watchedStop.get();
        if (seen != stage && watchedStop.compareAndSet(seen, stage)) {
            stage.thenRun(store::stop);
        }
    }

    private Response publish(Request request, String name) throws IOException {
        if (!request.method().equals("POST")) {
            return notAllowed(request, "POST", "a topic takes POST (publish); read it at /" + name + "/events");
        }
        if (!isJson(request.header("Content-Type").orElse(""))) {
            return error(415, "An event is published as JSON: send Content-Type: application/json");
        }
        long max = settings.maxEventSize().bytes();
        byte[] body = request.body().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        if (body.length > max) {
            return error(413, "An event is at most " + max + " bytes");
        }
        Optional<JsonNode> data = Json.parse(body);
        if (data.isEmpty()) {
            return error(400, "The body is not one well-formed JSON value");
        }
        long seq = store.topic(name).publish(data.get());
        return json(201, Json.published(seq));
    }

    private Response events(Request request, String name) throws IOException, InterruptedException {
        if (!request.method().equals("GET")) {
            return notAllowed(request, "GET", "events are read with GET; publish with POST to /" + name);
        }
        PollRequest poll;
        try {
            poll = PollRequest.of(request);
        } catch (PollRequest.BadRequest bad) {
            return error(400, bad.getMessage());
        }
        Topic topic = store.topic(name);
        // Takes in what other processes appended, so that a read needs no wait for the watcher.
        topic.refresh();
        long waitNanos = poll.stream() || store.stopping() ? 0 : TimeUnit.MILLISECONDS.toNanos(poll.waitMillis());
        return switch (topic.await(poll.since(), waitNanos)) {
            case Topic.Read.Gone gone -> gone(gone);
            case Topic.Read.Events found when poll.stream() -> Response.builder(200)
                    .header("Content-Type", PollRequest.EVENT_STREAM)
                    .header("Cache-Control", "no-store")
                    .body(new EventStream(topic, found.events(), found.cursor(), settings.heartbeat(),
                            store::stopping))
                    .build();
            case Topic.Read.Events found -> json(200, topic.pollAnswer(poll.since(), found));
        };
    }

    private static Response gone(Topic.Read.Gone gone) {
        return json(410, goneBody(gone));
    }

    /**
     * {@return the body of a 410 (and of an event stream's last event, {@code gone}): why, and the
     * cursor to read again from}
     */
    static byte[] goneBody(Topic.Read.Gone gone) {
        long restart = gone.firstRetained() - 1;
        String why = gone.since() > gone.lastSeq()
                ? gone.since() + " is after the last event, " + gone.lastSeq() + " (the log was started again)"
                : gone.since() + " is older than the retained log, which starts after " + restart;
        return Json.error("The cursor " + why + "; read again from cursor " + restart, restart);
    }

    private static boolean isJson(String contentType) {
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return type.equals(JSON) || type.startsWith("application/") && type.endsWith("+json");
    }

    private static Response notAllowed(Request request, String allow, String hint) {
        return error(405, request.method() + " is not allowed here: " + hint).toBuilder()
                .header("Allow", allow)
                .build();
    }

    private static Response error(int status, String message) {
        return json(status, Json.error(message));
    }

    private static Response json(int status, byte[] body) {
        return Response.builder(status)
                .header("Content-Type", JSON)
                .header("Cache-Control", "no-store")
                .body(body)
                .build();
    }
}
