package dev.spawning.coroutine;

import dev.spawning.factory.Headers;
import dev.spawning.factory.Response;
import dev.spawning.factory.spi.ErrorResponses;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.channels.SocketChannel;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One client connection and its request loop: wait for a request, parse its head, serve it, and
 * again while the connection is kept alive. Pipelined requests are simply the next bytes of the
 * input; their responses stay in the output buffer until no further request is waiting, so a
 * pipelined batch is answered with one write.
 *
 * <p>Threading: every method but {@link #closeIfIdle} and {@link #cutOff} is called from the
 * connection's one virtual thread. Those two are called by a stopping server and race with the
 * loop only through {@link #state}: a connection is closed as idle only if it is still waiting for
 * the first byte of a request, never once a byte of one has been read.
 */
final class Connection implements Runnable {

    private static final int IDLE = 0;
    private static final int BUSY = 1;
    private static final int CLOSED = 2;
    /** How long a refused request's connection keeps reading (and dropping) what the client sends. */
    private static final long LINGER_NANOS = 1_000_000_000L;
    /** Stands for a request refused before its head could be read: answered in HTTP/1.1. */
    private static final RequestHead REFUSED = new RequestHead("GET", "/", true, Headers.empty(), -1,
            false, true, false, false);

    private final Service service;
    private final SocketChannel channel;
    private final Socket socket;
    private final Connections registry;
    private final AtomicInteger state = new AtomicInteger(IDLE);
    private final long acceptedNanos = System.nanoTime();
    private volatile Thread thread;
    private volatile SocketInput input;

    Connection(Service service, SocketChannel channel, Connections registry) {
        this.service = service;
        this.channel = channel;
        this.socket = channel.socket();
        this.registry = registry;
    }

    @Override
    public void run() {
        thread = Thread.currentThread();
        try {
            input = new SocketInput(socket);
            loop(input, new SocketOutput(socket.getOutputStream()));
        } catch (Exchange.Cut | InterruptedException cut) {
            // The response was cut off on purpose, or the server cut the connection at the end of a stop.
        } catch (IOException gone) {
            Service.LOG.log(Level.DEBUG, "Connection ended: " + gone);
        } finally {
            state.set(CLOSED);
            close();
            registry.remove(this);
        }
    }

    /** Closes this connection if it waits for a request with nothing of one read; true if it did. */
    boolean closeIfIdle() {
        if (state.compareAndSet(IDLE, CLOSED)) {
            close();
            return true;
        }
        return false;
    }

    /** Wakes this connection's read if it has passed its deadline. */
    void expireIfDue(long nowNanos) {
        SocketInput reading = input;
        if (reading != null) {
            reading.expireIfDue(nowNanos);
        }
    }

    /** Closes the connection whatever it is doing, and interrupts the app working for it. */
    void cutOff() {
        state.set(CLOSED);
        close();
        Thread running = thread;
        if (running != null) {
            running.interrupt();
        }
    }

    private void loop(SocketInput in, SocketOutput out) throws IOException, InterruptedException {
        InetSocketAddress remote = (InetSocketAddress) socket.getRemoteSocketAddress();
        InetSocketAddress local = (InetSocketAddress) socket.getLocalSocketAddress();
        Exchange exchange = new Exchange(service, in, out, remote, local);
        long waitUntil = acceptedNanos + service.settings().headerTimeout().toNanos();
        while (true) {
            if (in.buffered() == 0) {
                out.flush();
                out.shrink();
                in.shrink();
                if (!awaitRequest(in, waitUntil)) {
                    return;
                }
            }
            if (!serveOne(in, out, exchange)) {
                out.flush();
                return;
            }
            waitUntil = System.nanoTime() + service.settings().idleTimeout().toNanos();
        }
    }

    /**
     * Waits idle for the first bytes of the next request; false when the connection should close
     * instead: the server is stopping, the client closed, the wait timed out, or a stop closed it.
     */
    private boolean awaitRequest(SocketInput in, long deadlineNanos) {
        if (!state.compareAndSet(BUSY, IDLE) && state.get() != IDLE) {
            return false;
        }
        if (service.stopping()) {
            return false;
        }
        try {
            if (!in.fill(deadlineNanos)) {
                return false;
            }
        } catch (IOException closedOrTimedOut) {
            return false;
        }
        return state.compareAndSet(IDLE, BUSY);
    }

    /** Parses and serves one request; false when the connection must close after it. */
    private boolean serveOne(SocketInput in, SocketOutput out, Exchange exchange)
            throws IOException, InterruptedException {
        long headDeadline = System.nanoTime() + service.settings().headerTimeout().toNanos();
        try {
            RequestHead head = service.parser().parse(in, headDeadline);
            if (head == null) {
                return false;
            }
            boolean keep = serve(exchange, head);
            if (service.stopping()) {
                out.flush();
                service.ended();
                return false;
            }
            return keep;
        } catch (HttpError refused) {
            refuse(out, refused.status());
        } catch (SocketTimeoutException slow) {
            refuse(out, 408);
        }
        return false;
    }

    private boolean serve(Exchange exchange, RequestHead head) throws IOException, HttpError, InterruptedException {
        if (service.appPool() == null) {
            return exchange.serve(head);
        }
        Future<Boolean> onPool = service.appPool().submit(() -> exchange.serve(head));
        try {
            return onPool.get();
        } catch (InterruptedException cut) {
            onPool.cancel(true);
            throw cut;
        } catch (ExecutionException failed) {
            switch (failed.getCause()) {
                case IOException io -> throw io;
                case HttpError refused -> throw refused;
                case RuntimeException unchecked -> throw unchecked;
                case Error error -> throw error;
                default -> throw new IOException(failed.getCause());
            }
        }
    }

    /**
     * Answers a request the server refuses, then closes gently: stops sending, and reads (and
     * drops) what the client still sends for a moment, so that the client reads the answer before
     * the close resets the connection.
     */
    private void refuse(SocketOutput out, int status) throws IOException {
        Response refusal = ErrorResponses.of(status);
        ResponseWriter.head(out, REFUSED, refusal, true);
        ResponseWriter.bytes(out, REFUSED, refusal, ((Response.Body.Bytes) refusal.body()).data());
        out.flush();
        linger();
    }

    private void linger() {
        try {
            socket.shutdownOutput();
            socket.setSoTimeout((int) (LINGER_NANOS / 1_000_000));
            byte[] sink = new byte[4096];
            long until = System.nanoTime() + LINGER_NANOS;
            while (System.nanoTime() < until && socket.getInputStream().read(sink) >= 0) {
                // dropped
            }
        } catch (IOException ignored) {
            // the client went away first: nothing left to protect
        }
    }

    private void close() {
        closeQuietly(channel);
    }

    static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing is all that was asked
        }
    }
}
