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
 * <p>Threading: every method but {@link #closeIfIdle}, {@link #cutOff} and {@link #expireIfDue} is
 * called from the connection's one virtual thread. The first two are called by a stopping server
 * and race with the loop only through {@link #state}: a connection is closed as idle only if it is
 * still waiting for the first byte of a request, never once a read has returned a byte of one.
 * The timeouts thread calls {@link #expireIfDue}, which touches only the input's deadline.
 */
final class Connection implements Runnable {

    private static final int IDLE = 0;
    private static final int BUSY = 1;
    private static final int CLOSED = 2;
    /** How long a closing connection keeps reading (and dropping) what the client still sends. */
    private static final long LINGER_NANOS = 1_000_000_000L;

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
            SocketOutput output = new SocketOutput(socket.getOutputStream());
            input.beforeWaiting(output::flush);
            loop(input, output);
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
            Exchange.After after = serve(exchange, head);
            if (service.stopping()) {
                out.flush();
                service.ended();
            }
            if (after == Exchange.After.KEEP_ALIVE && !service.stopping()) {
                return true;
            }
            if (after == Exchange.After.CLOSE_GENTLY) {
                out.flush();
                linger();
            }
        } catch (HttpRefusal refused) {
            exchange.refuse(refused);
            linger();
        } catch (SocketTimeoutException slow) {
            exchange.refuse(new HttpRefusal(408, "the head was not complete within header_timeout"));
            linger();
        }
        return false;
    }

    private Exchange.After serve(Exchange exchange, RequestHead head) throws IOException, InterruptedException {
        if (service.appPool() == null) {
            return exchange.serve(head);
        }
        Future<Exchange.After> onPool = service.appPool().submit(() -> exchange.serve(head));
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
