package dev.spawning.undertow;

import dev.spawning.factory.server.BindFailures;
import dev.spawning.factory.server.ServerSettings;
import io.undertow.server.DefaultByteBufferPool;
import io.undertow.server.HttpHandler;
import io.undertow.server.protocol.http.HttpOpenListener;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.xnio.ChannelListeners;
import org.xnio.StreamConnection;
import org.xnio.Xnio;
import org.xnio.XnioWorker;
import org.xnio.channels.AcceptingChannel;

/**
 * The network side of one server: the XNIO worker and its IO threads, the shared buffer pool,
 * Undertow's HTTP/1.1 listener and the listening socket. Built directly on XNIO rather than with
 * {@code Undertow.builder()}, because a graceful stop needs to see every connection (see
 * {@link ConnectionTracker}) and the builder hides the open listener.
 *
 * <p>Threading: {@link #bind} and the stop methods run on the thread calling {@code start} or
 * {@code stop}; the IO threads belong to XNIO.
 */
final class Transport {

    /** Bytes in each pooled buffer: Undertow's default for servers with plenty of memory. */
    static final int BUFFER_SIZE = 16 * 1024;

    /**
     * Buffers the pool keeps for reuse (16 MiB); beyond that a returned buffer is freed. There is
     * no per-thread cache: with a virtual thread per request, a cache per thread is a fresh
     * direct buffer per request (measured: 10k req/s and 6.5 GiB resident with Undertow's default
     * pool, 62-75k req/s and 325 MiB with this shared one).
     */
    static final int POOLED_BUFFERS = 1024;

    /**
     * XNIO announces its version at INFO on first use, which would be the first lines a user of
     * {@code spawn serve} reads. Kept at WARNING unless the application configured that logger;
     * held here because java.util.logging keeps loggers only weakly.
     */
    private static final Logger XNIO_LOGGER = quietXnio();

    private final XnioWorker worker;
    private final DefaultByteBufferPool buffers;
    private final AcceptingChannel<StreamConnection> acceptor;

    private Transport(XnioWorker worker, DefaultByteBufferPool buffers, AcceptingChannel<StreamConnection> acceptor) {
        this.worker = worker;
        this.buffers = buffers;
        this.acceptor = acceptor;
    }

    /**
     * Binds {@code settings.host():settings.port()} and accepts connections for {@code root}.
     * XNIO runs its own tasks on {@code appThreads} too, so the server has one executor.
     *
     * @throws IOException naming the address, such as {@code Address already in use: 127.0.0.1:8080};
     *                     whatever was opened is closed again
     */
    static Transport bind(ServerSettings settings, ExecutorService appThreads, HttpHandler root,
            ConnectionTracker tracker) throws IOException {
        DefaultByteBufferPool buffers = new DefaultByteBufferPool(true, BUFFER_SIZE, POOLED_BUFFERS, 0);
        XnioWorker worker = Xnio.getInstance(Transport.class.getClassLoader()).createWorkerBuilder()
                .populateFromOptions(ServerOptions.worker())
                .setExternalExecutorService(appThreads)
                .build();
        try {
            HttpOpenListener http = new HttpOpenListener(buffers, ServerOptions.undertow(settings));
            http.setRootHandler(root);
            AcceptingChannel<StreamConnection> acceptor = worker.createStreamConnectionServer(
                    new InetSocketAddress(InetAddress.getByName(settings.host()), settings.port()),
                    ChannelListeners.openListenerAdapter(tracker.openListener(http)),
                    ServerOptions.socket(settings));
            acceptor.resumeAccepts();
            return new Transport(worker, buffers, acceptor);
        } catch (IOException | RuntimeException failed) {
            worker.shutdownNow();
            buffers.close();
            throw BindFailures.named(settings, failed);
        }
    }

    /** The address the socket is bound to, with the real port when port 0 was asked for. */
    InetSocketAddress address() {
        return acceptor.getLocalAddress(InetSocketAddress.class);
    }

    /** Closes the listening socket: new connections are refused from now on. */
    void stopAccepting() {
        Quietly.close(acceptor);
    }

    /** Stops the IO threads, waiting for them until {@code deadlineNanos}, and frees the buffers. */
    void shutdown(long deadlineNanos) throws InterruptedException {
        worker.shutdown();
        if (!worker.awaitTermination(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS)) {
            worker.shutdownNow();
        }
        buffers.close();
    }

    /** Stops the IO threads without waiting, and frees the buffers: the stop was interrupted. */
    void shutdownNow() {
        worker.shutdownNow();
        buffers.close();
    }

    private static Logger quietXnio() {
        Logger logger = Logger.getLogger("org.xnio");
        if (logger.getLevel() == null) {
            logger.setLevel(Level.WARNING);
        }
        return logger;
    }
}
