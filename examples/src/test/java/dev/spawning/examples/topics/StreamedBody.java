package dev.spawning.examples.topics;

import dev.spawning.factory.Response;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Runs a streamed body's writer on a thread of its own, as a server would, and keeps what the
 * client would have received: the bytes written up to the last flush. {@link #disconnect()} acts
 * as a client gone: every later write fails.
 */
final class StreamedBody {

    private final Object lock = new Object();
    // Guarded by lock.
    private final StringBuilder written = new StringBuilder();
    private String flushed = "";
    private boolean gone;
    private final Thread thread;
    private volatile Throwable failure;

    private StreamedBody(Response.BodyWriter writer) {
        thread = Thread.ofVirtual().name("streamed-body").start(() -> {
            try {
                writer.writeTo(new Sink());
            } catch (Throwable t) {
                failure = t;
            }
        });
    }

    static StreamedBody start(Response response) {
        if (!(response.body() instanceof Response.Body.Streamed(Response.BodyWriter writer))) {
            throw new AssertionError("not a streamed body: " + response);
        }
        return new StreamedBody(writer);
    }

    /** Waits until the flushed text ends with {@code suffix}; returns the whole flushed text. */
    String awaitFlushedEnding(String suffix, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (!flushed.endsWith(suffix)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("after " + timeout + " the client has " + quoted(flushed)
                            + ", not ending with " + quoted(suffix));
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
            return flushed;
        }
    }

    String flushed() {
        synchronized (lock) {
            return flushed;
        }
    }

    void disconnect() {
        synchronized (lock) {
            gone = true;
        }
    }

    /** Waits for the writer to return; true when it did in time. */
    boolean awaitEnd(Duration timeout) throws InterruptedException {
        return thread.join(timeout);
    }

    Throwable failure() {
        return failure;
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\n", "\\n") + "\"";
    }

    private final class Sink extends OutputStream {

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int off, int len) throws IOException {
            synchronized (lock) {
                if (gone) {
                    throw new IOException("Broken pipe");
                }
                written.append(new String(bytes, off, len, StandardCharsets.UTF_8));
            }
        }

        @Override
        public void flush() throws IOException {
            synchronized (lock) {
                if (gone) {
                    throw new IOException("Broken pipe");
                }
                flushed = written.toString();
                lock.notifyAll();
            }
        }
    }
}
