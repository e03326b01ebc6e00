package dev.spawning.factory.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A keep-alive load for proving that nothing is dropped (a reload, a drain): several clients, each
 * on a connection it reuses, alternate a {@code GET} of one target and a {@code POST} of a body to
 * another whose answer must be that body. A response saying {@code Connection: close} makes its
 * client connect again, as any HTTP client does; anything else that ends an exchange early (a
 * reset, a close before the answer, a status other than 200, a body not echoed) is a failure,
 * recorded with what happened. The body of each {@code GET} is recorded with when it was sent, so
 * that a test can tell which code answered after a given instant.
 *
 * <p>Each client runs on a platform thread of its own; {@link #stop()} ends them and returns the
 * outcome. The recorded lists are safe to read while the load runs.
 */
public final class KeepAliveLoad implements AutoCloseable {

    /** One {@code GET} answered: when it was sent ({@link System#nanoTime()}) and what came back. */
    public record Seen(long sentAt, String body) {
    }

    /**
     * What the load did.
     *
     * @param requests   exchanges completed with the expected answer
     * @param reconnects connections opened again after a {@code Connection: close}
     * @param failures   each exchange that did not complete, in the order they happened
     * @param seen       each {@code GET} answered, in the order they completed
     */
    public record Outcome(long requests, long reconnects, List<String> failures, List<Seen> seen) {
    }

    private final InetSocketAddress target;
    private final String getTarget;
    private final String echoTarget;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong reconnects = new AtomicLong();
    private final Queue<String> failures = new ConcurrentLinkedQueue<>();
    private final Queue<Seen> seen = new ConcurrentLinkedQueue<>();
    private final List<Thread> clients = new ArrayList<>();

    private KeepAliveLoad(InetSocketAddress target, String getTarget, String echoTarget) {
        this.target = target;
        this.getTarget = getTarget;
        this.echoTarget = echoTarget;
    }

    /**
     * Starts {@code clients} clients against {@code target}.
     *
     * @param getTarget  the target each {@code GET} asks for, such as {@code /}
     * @param echoTarget the target each {@code POST} goes to; its answer must be the body sent
     */
    public static KeepAliveLoad start(InetSocketAddress target, int clients, String getTarget, String echoTarget) {
        KeepAliveLoad load = new KeepAliveLoad(target, getTarget, echoTarget);
        for (int i = 0; i < clients; i++) {
            long seed = i;
            load.clients.add(Thread.ofPlatform().name("keep-alive-load-" + i).start(() -> load.run(new Random(seed))));
        }
        return load;
    }

    /** Exchanges completed so far. */
    public long requests() {
        return requests.get();
    }

    /** Failures so far. */
    public List<String> failures() {
        return List.copyOf(failures);
    }

    /** Stops every client after its exchange in progress and returns what the load did. */
    public Outcome stop() throws InterruptedException {
        running.set(false);
        for (Thread client : clients) {
            client.join(Duration.ofSeconds(10));
        }
        return new Outcome(requests.get(), reconnects.get(), List.copyOf(failures), List.copyOf(seen));
    }

    /** Stops the clients, as {@link #stop()} does, keeping the thread's interrupt if it is interrupted. */
    @Override
    public void close() {
        try {
            stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run(Random random) {
        RawHttp connection = null;
        boolean post = false;
        while (running.get()) {
            try {
                if (connection == null) {
                    connection = RawHttp.connect(target, Duration.ofSeconds(30));
                }
                boolean closing = post ? echo(connection, random) : get(connection);
                post = !post;
                if (closing) {
                    connection.close();
                    connection = null;
                    reconnects.incrementAndGet();
                }
            } catch (IOException | RuntimeException e) {
                failures.add(Thread.currentThread().getName() + ": " + e);
                connection = closeQuietly(connection);
            }
        }
        closeQuietly(connection);
    }

    /** One {@code GET}; returns whether the server closes the connection after it. */
    private boolean get(RawHttp connection) throws IOException {
        long sentAt = System.nanoTime();
        RawHttp.Reply reply = connection.send("GET " + getTarget + " HTTP/1.1\r\nHost: load\r\n\r\n").read();
        if (check(reply, null)) {
            seen.add(new Seen(sentAt, reply.text()));
        }
        return closes(reply);
    }

    /** One {@code POST} of a body of 1 to 4,096 bytes; returns whether the server closes after it. */
    private boolean echo(RawHttp connection, Random random) throws IOException {
        char[] body = new char[1 + random.nextInt(4096)];
        for (int i = 0; i < body.length; i++) {
            body[i] = (char) ('a' + random.nextInt(26));
        }
        String text = new String(body);
        RawHttp.Reply reply = connection.send("POST " + echoTarget + " HTTP/1.1\r\nHost: load\r\nContent-Length: "
                + text.length() + "\r\nContent-Type: text/plain\r\n\r\n" + text).read();
        check(reply, text);
        return closes(reply);
    }

    /** Counts a good answer, or records a failure; returns whether it was good. */
    private boolean check(RawHttp.Reply reply, String expectedBody) {
        if (reply.framing() == RawHttp.Framing.TRUNCATED || reply.framing() == RawHttp.Framing.STALLED) {
            failures.add(Thread.currentThread().getName() + ": a " + reply.framing() + " response: " + reply.status());
            return false;
        }
        if (reply.code() != 200 || (expectedBody != null && !expectedBody.equals(reply.text()))) {
            failures.add(Thread.currentThread().getName() + ": " + reply.status() + ", "
                    + new String(reply.body(), StandardCharsets.ISO_8859_1).length() + " body bytes"
                    + (expectedBody != null ? " (sent " + expectedBody.length() + ")" : ""));
            return false;
        }
        requests.incrementAndGet();
        return true;
    }

    private static boolean closes(RawHttp.Reply reply) {
        return reply.header("Connection").map(v -> v.toLowerCase(Locale.ROOT).contains("close")).orElse(false);
    }

    private static RawHttp closeQuietly(RawHttp connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (IOException ignored) {
                // Closing a broken connection: nothing more to learn.
            }
        }
        return null;
    }
}
