package dev.spawning.examples.topics;

import dev.spawning.factory.Request;
import java.io.Serial;
import java.util.Optional;

/**
 * What a {@code GET /NAME/events} asks for: where to start, how long to wait, and whether it wants
 * an event stream ({@code Accept: text/event-stream}) rather than one JSON answer.
 *
 * @param since      the last seq the client has seen: {@code Last-Event-ID} for a stream that
 *                   sends one, else {@code since}; 0 by default
 * @param waitMillis how long a long-poll may wait for an event, in milliseconds (25 s by default)
 * @param stream     whether the client wants Server-Sent Events
 */
record PollRequest(long since, long waitMillis, boolean stream) {

    static final String EVENT_STREAM = "text/event-stream";

    /**
     * Reads the request's query and fields.
     *
     * @param request a GET of a topic's events
     * @return what it asks for
     * @throws BadRequest naming the bad parameter and what it must be
     */
    static PollRequest of(Request request) throws BadRequest {
        Query query = Query.parse(request.query())
                .orElseThrow(() -> new BadRequest("The query is not well percent-encoded"));
        boolean stream = acceptsEventStream(request);
        Optional<String> lastEventId = stream ? request.header("Last-Event-ID") : Optional.empty();
        String cursorName = lastEventId.isPresent() ? "Last-Event-ID" : "since";
        String cursorText = lastEventId.or(() -> query.get("since")).orElse("0");
        long since = Query.cursor(cursorText).orElseThrow(() -> new BadRequest(
                cursorName + " = '" + cursorText + "': expected a non-negative integer"));
        Optional<String> waitText = query.get("wait");
        long waitMillis = waitText.isEmpty() ? Query.DEFAULT_WAIT_MILLIS
                : Query.waitMillis(waitText.get()).orElseThrow(() -> new BadRequest(
                        "wait = '" + waitText.get() + "': expected seconds from 0 to 55, such as 25 or 0.5"));
        return new PollRequest(since, waitMillis, stream);
    }

    private static boolean acceptsEventStream(Request request) {
        for (String accept : request.headers().all("Accept")) {
            for (String range : accept.split(",")) {
                if (range.split(";", 2)[0].strip().equalsIgnoreCase(EVENT_STREAM)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A parameter of the request is malformed: a 400 whose message says which and why. */
    static final class BadRequest extends Exception {

        @Serial
        private static final long serialVersionUID = 1L;

        BadRequest(String message) {
            super(message, null, false, false);
        }
    }
}
