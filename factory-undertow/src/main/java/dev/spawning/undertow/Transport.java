package dev.spawning.undertow;

import dev.spawning.factory.server.BindFailures;
import dev.spawning.factory.server.InheritedSocket;
import dev.spawning.factory.server.ServerSettings;
import io.undertow.server.DefaultByteBufferPool;
import io.undertow.server.HttpHandler;
import io.undertow.server.protocol.http.HttpOpenListener;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.xnio.Xnio;
import org.xnio.XnioWorker;

/**
 * The network side of one server: the XNIO worker and its IO threads, the shared buffer pool,
 * Undertow's HTTP/1.1 listener and the listening socket. Built directly on XNIO rather than with
 * {@code Undertow.builder()}, because a graceful stop needs to see every connection (see
 * {@link ConnectionTracker}) and the builder hides the open listener; the socket is bound here
 * (or handed over, or inherited) and accepted from by {@link XnioAcceptor}, so that every
 * listening socket is served one way.
 *
 * <p>Threading: {@link #open} and the stop methods run on the thread calling {@code start} or
 * {@code stop}; the IO threads and the accept thread belong to XNIO.
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
    private final XnioAcceptor acceptor;
    /** TLS on every connection accepted, when the settings have {@code certfile}; null otherwise. */
    private final TlsWrapping tls;

    private Transport(XnioWorker worker, DefaultByteBufferPool buffers, XnioAcceptor acceptor, TlsWrapping tls) {
        this.worker = worker;
        this.buffers = buffers;
        this.acceptor = acceptor;
        this.tls = tls;
    }

    /**
     * Accepts connections for {@code root} on {@code handed}, the socket {@code bind = fd://0}
     * names when {@code handed} is null and the settings ask for it, or else a socket bound to
     * {@code settings.host():settings.port()}. The listening socket is the transport's from now
     * on, closed when it stops or when this fails. It is taken only once XNIO is known to serve
     * it: closing the inherited socket also points this process's standard streams at
     * {@code /dev/null} (the JDK's {@code System.inheritedChannel} does so), which would hide the
     * failure. XNIO runs its own tasks on {@code appThreads} too, so the server has one executor.
     *
     * @throws IOException      naming the address when it cannot be bound, such as
     *                          {@code Address already in use: 127.0.0.1:8080}; whatever was
     *                          opened is closed again
     * @throws dev.spawning.factory.FactoryException when {@code bind = fd://0} and standard input
     *                          is not a listening socket, or this XNIO cannot serve a socket
     */
    static Transport open(ServerSettings settings, ServerSocketChannel handed, ExecutorService appThreads,
            HttpHandler root, ConnectionTracker tracker) throws IOException {
        DefaultByteBufferPool buffers = new DefaultByteBufferPool(true, BUFFER_SIZE, POOLED_BUFFERS, 0);
        XnioWorker worker = Xnio.getInstance(Transport.class.getClassLoader()).createWorkerBuilder()
                .populateFromOptions(ServerOptions.worker())
                .setExternalExecutorService(appThreads)
                .build();
        TlsWrapping tls = settings.tls().map(on -> TlsWrapping.of(on, worker.getXnio())).orElse(null);
        try {
            HttpOpenListener http = new HttpOpenListener(buffers, ServerOptions.undertow(settings));
            http.setRootHandler(root);
            XnioAcceptor acceptor = XnioAcceptor.serve(worker, () -> listening(settings, handed),
                    ServerOptions.socket(settings), tracker::admitsAnother,
                    connection -> tracker.accepted(tls == null ? connection : tls.wrap(connection), http));
            return new Transport(worker, buffers, acceptor, tls);
        } catch (IOException | RuntimeException failed) {
            if (handed != null) {
                Quietly.close(handed);
            }
            worker.shutdownNow();
            buffers.close();
            if (tls != null) {
                tls.close();
            }
            throw failed;
        }
    }

    /** The address the socket is bound to, with the real port when port 0 was asked for. */
    InetSocketAddress address() {
        return acceptor.address();
    }

    /**
     * Closes the listening socket: new connections are refused (or left to the other processes
     * holding it) from now on. Once this returns, every connection accepted is tracked.
     */
    void stopAccepting() {
        acceptor.close();
    }

    /** Stops the IO threads, waiting for them until {@code deadlineNanos}, and frees the buffers. */
    void shutdown(long deadlineNanos) throws InterruptedException {
        worker.shutdown();
        if (!worker.awaitTermination(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS)) {
            worker.shutdownNow();
        }
        closeBuffers();
    }

    /** Stops the IO threads without waiting, and frees the buffers: the stop was interrupted. */
    void shutdownNow() {
        worker.shutdownNow();
        closeBuffers();
    }

    private void closeBuffers() {
        buffers.close();
        if (tls != null) {
            tls.close();
        }
    }

    private static ServerSocketChannel listening(ServerSettings settings, ServerSocketChannel handed)
            throws IOException {
        if (handed != null) {
            return handed;
        }
        return settings.inheritedSocket() ? InheritedSocket.channel() : bind(settings);
    }

    /**
     * Binds {@code host:port} with the listen {@code backlog}, reusing an address still in
     * TIME_WAIT, as XNIO's own bind does.
     */
    private static ServerSocketChannel bind(ServerSettings settings) throws IOException {
        ServerSocketChannel channel = ServerSocketChannel.open();
        try {
            channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            channel.bind(new InetSocketAddress(InetAddress.getByName(settings.host()), settings.port()),
                    settings.backlog());
            return channel;
        } catch (IOException | RuntimeException failed) {
            Quietly.close(channel);
            throw BindFailures.named(settings, failed);
        }
    }

    private static Logger quietXnio() {
        Logger logger = Logger.getLogger("org.xnio");
        if (logger.getLevel() == null) {
            logger.setLevel(Level.WARNING);
        }
        return logger;
    }
}
