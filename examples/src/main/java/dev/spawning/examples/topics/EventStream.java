package dev.spawning.examples.topics;

import dev.spawning.factory.Response;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * A topic's log as Server-Sent Events: each event is {@code id: SEQ}, {@code data: JSON} and a
 * blank line, flushed on its own; the stream stays open and sends each new event as it is
 * published. When nothing happens for {@code heartbeat} it sends the comment
 * {@code : heartbeat}, so that a client that went away makes a write fail and the thread ends.
 * It ends when the server begins to stop (the client reconnects with {@code Last-Event-ID} and
 * reaches a server that stays), or when the client fell so far behind that its next event is no
 * longer retained: then its last event is {@code event: gone} with the body of a 410 as its data
 * (the cursor to read again from).
 *
 * <p>Runs on the thread that handled the request, as every {@link Response.BodyWriter} does.
 */
final class EventStream implements Response.BodyWriter {

    static final String HEARTBEAT = ": heartbeat\n\n";
    static final String GONE = "event: gone\ndata: ";

    private final Topic topic;
    private final List<Event> first;
    private final long cursor;
    private final Duration heartbeat;
    private final BooleanSupplier stopping;

    /**
     * A stream that starts with {@code first}, then goes on after {@code cursor}.
     *
     * @param topic     the topic
     * @param first     the events already found after the client's cursor
     * @param cursor    the seq of the last of them (the client's cursor when there are none)
     * @param heartbeat how long the stream may stay silent
     * @param stopping  true once the server stops
     */
    EventStream(Topic topic, List<Event> first, long cursor, Duration heartbeat, BooleanSupplier stopping) {
        this.topic = topic;
        this.first = first;
        this.cursor = cursor;
        this.heartbeat = heartbeat;
        this.stopping = stopping;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        // Sends the head now: the client knows the stream is open before the first event.
        out.flush();
        send(first, out);
        long last = cursor;
        try {
            while (!stopping.getAsBoolean()) {
                switch (topic.await(last, heartbeat.toNanos())) {
                    case Topic.Read.Gone gone -> {
                        write(GONE + new String(TopicsApp.goneBody(gone), StandardCharsets.UTF_8) + "\n\n", out);
                        return;
                    }
                    case Topic.Read.Events next when next.events().isEmpty() -> {
                        if (!stopping.getAsBoolean()) {
                            write(HEARTBEAT, out);
                        }
                    }
                    case Topic.Read.Events next -> {
                        send(next.events(), out);
                        last = next.cursor();
                    }
                }
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the next event");
        }
    }

    /** {@return one event as SSE: {@code id: SEQ\ndata: JSON\n\n}} */
    static String frame(Event event) {
        return "id: " + event.seq() + "\ndata: " + Json.dataLine(event) + "\n\n";
    }

    private static void send(List<Event> events, OutputStream out) throws IOException {
        for (Event event : events) {
            write(frame(event), out);
        }
    }

    private static void write(String text, OutputStream out) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
