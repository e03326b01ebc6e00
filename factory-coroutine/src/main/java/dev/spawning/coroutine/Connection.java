package dev.spawning.coroutine;

import dev.spawning.factory.server.HttpRefusal;
import dev.spawning.factory.server.RequestHead;
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
 * <p>With {@code proxy_protocol}, the connection's PROXY header is read first
 * ({@link ProxyPreamble}), and its client is the remote address of every request.
 *
 * <h2>Draining</h2>
 * Once the server is stopping ({@link Service#stopping}), every response says
 * {@code Connection: close} and the connection closes after it, but a connection waiting for a
 * request is not closed at once: one accepted whose first request has not come ({@link #FRESH})
 * keeps waiting for it, up to {@code header_timeout} (the stop cuts it off when the grace period
 * ends); one idle between requests ({@link #IDLE}) waits for a next one until
 * {@link Service#idleWindowEnd}, when the stop closes it if it is still idle ({@link #closeIfIdle}).
 * A wait that ends by its deadline during a stop counts as closed idle. A response that went out
 * with keep-alive because its head was written before the stop began leaves its connection idle
 * like any other.
 *
 * <p>Threading: every method but {@link #closeIfIdle}, {@link #cutOff}, {@link #expireIfDue} and
 * {@link #inFlight} is called from the connection's one virtual thread. The first two are called by
 * a stopping server and race with the loop only through {@link #state}: a connection is closed as
 * idle only if it is still waiting for the first byte of a next request, never once a read has
 * returned a byte of one. The timeouts thread calls {@link #expireIfDue}, which touches only the
 * input's deadline; {@link #inFlight} only reads the state.
 */
final class Connection implements Runnable {

    /** Accepted; waiting for the first byte of its first request. In flight. */
    private static final int FRESH = 0;
    /** Waiting for the first byte of a next request, after an answer with keep-alive. Not in flight. */
    private static final int IDLE = 1;
    /** A request under way: from its first byte until the connection waits again. In flight. */
    private static final int BUSY = 2;
    /** Closed, or closing after its last answer (lingering). Not in flight. */
    private static final int CLOSED = 3;
    /** How long a closing connection keeps reading (and dropping) what the client still sends. */
    private static final long LINGER_NANOS = 1_000_000_000L;

    private final Service service;
    private final SocketChannel channel;
    private final Socket socket;
    private final Connections registry;
    private final AtomicInteger state = new AtomicInteger(FRESH);
    private final long acceptedNanos = System.nanoTime();
    private volatile Thread thread;
    private volatile SocketInput input;
    /** TLS over the channel when the server has {@code certfile}; null on plain connections. */
    private TlsChannel tls;

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
            SocketOutput output;
            if (service.settings().tls().isPresent()) {
                tls = new TlsChannel(channel, service.settings().tls().get());
                input = new SocketInput(socket, tls.input());
                output = new SocketOutput(tls.output());
            } else {
                input = new SocketInput(socket);
                output = new SocketOutput(socket.getOutputStream());
            }
            input.beforeWaiting(output::flush);
            loop(input, output);
        } catch (Exchange.Cut | InterruptedException cut) {
            // The response was cut off on purpose, or the server cut the connection at the end of a stop.
        } catch (IOException gone) {
            Service.LOG.log(Level.DEBUG, "Connection ended: " + gone);
        } finally {
            state.set(CLOSED);
            if (tls != null) {
                tls.closeOutbound();
            }
            close();
            registry.remove(this);
            service.metrics().connectionClosed();
        }
    }

    /**
     * Closes this connection if it waits idle for a next request with nothing of one read, and
     * counts it as closed idle; a connection still waiting for its first request is left waiting.
     */
    void closeIfIdle() {
        if (state.compareAndSet(IDLE, CLOSED)) {
            close();
            service.closedIdle();
        }
    }

    /**
     * {@return whether a request of this connection is in flight, counted from accept: it waits for
     * its first request, or serves one} An idle keep-alive connection is not in flight.
     */
    boolean inFlight() {
        int now = state.get();
        return now == FRESH || now == BUSY;
    }

    /** Wakes this connection's read if it has passed its deadline. */
    void expireIfDue(long nowNanos) {
        SocketInput reading = input;
        if (reading != null) {
            reading.expireIfDue(nowNanos);
        }
    }

    /**
     * Closes the connection whatever it is doing, and interrupts the app working for it; true if it
     * was not closing already (a connection lingering after its last answer has nothing to cut).
     */
    boolean cutOff() {
        boolean working = state.getAndSet(CLOSED) != CLOSED;
        close();
        Thread running = thread;
        if (running != null) {
            running.interrupt();
        }
        return working;
    }

    private void loop(SocketInput in, SocketOutput out) throws IOException, InterruptedException {
        InetSocketAddress remote = (InetSocketAddress) socket.getRemoteSocketAddress();
        InetSocketAddress local = (InetSocketAddress) socket.getLocalSocketAddress();
        long waitUntil = acceptedNanos + service.settings().headerTimeout().toNanos();
        if (service.settings().proxy().protocol()) {
            remote = ProxyPreamble.client(in, remote, service.settings().proxy(), waitUntil);
            if (remote == null) {
                return;
            }
        }
        Exchange exchange = new Exchange(service, in, out, remote, local, tls);
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
                state.set(CLOSED);
                out.flush();
                return;
            }
            waitUntil = System.nanoTime() + service.settings().idleTimeout().toNanos();
        }
    }

    /**
     * Waits for the first bytes of the next request; false when the connection should close
     * instead: the client closed, the wait timed out, or a stop closed it. A stop shortens an idle
     * wait to its idle window, and counts a wait that ends without a request by a timeout.
     */
    private boolean awaitRequest(SocketInput in, long deadlineNanos) {
        state.compareAndSet(BUSY, IDLE);
        int waiting = state.get();
        if (waiting == CLOSED) {
            return false;
        }
        long until = waiting == IDLE && service.stopping() ? earlier(deadlineNanos, service.idleWindowEnd())
                : deadlineNanos;
        try {
            if (!in.fill(until)) {
                return false;
            }
        } catch (SocketTimeoutException silent) {
            if (service.stopping() && state.compareAndSet(waiting, CLOSED)) {
                service.closedIdle();
            }
            return false;
        } catch (IOException closed) {
            return false;
        }
        return state.compareAndSet(waiting, BUSY);
    }

    /** Parses and serves one request; false when the connection must close after it. */
    private boolean serveOne(SocketInput in, SocketOutput out, Exchange exchange)
            throws IOException, InterruptedException {
        long begun = System.nanoTime();
        long headDeadline = begun + service.settings().headerTimeout().toNanos();
        try {
            RequestHead head = service.parser().parse(in, headDeadline);
            if (head == null) {
                return false;
            }
            Exchange.After after = serve(exchange, head, begun);
            answered(out);
            if (after == Exchange.After.KEEP_ALIVE) {
                return true;
            }
            if (after == Exchange.After.CLOSE_GENTLY) {
                out.flush();
                state.set(CLOSED);
                linger();
            }
        } catch (HttpRefusal refused) {
            refuse(exchange, refused, out, begun);
        } catch (SocketTimeoutException slow) {
            refuse(exchange, new HttpRefusal(408, "the head was not complete within header_timeout"), out, begun);
        }
        return false;
    }

    private void refuse(Exchange exchange, HttpRefusal refused, SocketOutput out, long begunNanos)
            throws IOException {
        exchange.refuse(refused, begunNanos);
        answered(out);
        state.set(CLOSED);
        linger();
    }

    /**
     * Counts a response; during a stop it is sent at once, so that the stop counts it as completed
     * only once it is out.
     */
    private void answered(SocketOutput out) throws IOException {
        if (service.stopping()) {
            out.flush();
        }
        service.answered();
    }

    private Exchange.After serve(Exchange exchange, RequestHead head, long begunNanos)
            throws IOException, InterruptedException {
        if (service.appPool() == null) {
            return exchange.serve(head, begunNanos);
        }
        Future<Exchange.After> onPool = service.appPool().submit(() -> exchange.serve(head, begunNanos));
        try {
            return onPool.get();
        } catch (InterruptedException cut) {
            onPool.cancel(true);
            throw cut;
        } catch (ExecutionException failed) {
            switch (failed.getCause()) {
                case IOException io -> throw io;
                case RuntimeException unchecked -> throw unchecked;
                case Error error -> throw error;
                default -> throw new IOException(failed.getCause());
            }
        }
    }

    /**
     * Closes gently: stops sending, and reads (and drops) what the client still sends for a
     * moment, so that the client reads the answer before the close resets the connection.
     */
    private void linger() {
        try {
            if (tls != null) {
                tls.closeOutbound();
            }
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

    /** The earlier of two {@link System#nanoTime} deadlines. */
    private static long earlier(long one, long other) {
        return one - other < 0 ? one : other;
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
