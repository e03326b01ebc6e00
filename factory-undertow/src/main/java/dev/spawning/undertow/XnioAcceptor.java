package dev.spawning.undertow;

import dev.spawning.factory.AcceptGate;
import dev.spawning.factory.FactoryException;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.net.InetSocketAddress;
import java.nio.channels.Channel;
import java.nio.channels.ServerSocketChannel;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.xnio.ChannelListener;
import org.xnio.OptionMap;
import org.xnio.StreamConnection;
import org.xnio.Version;
import org.xnio.XnioWorker;
import org.xnio.channels.AcceptingChannel;

/**
 * Accepts connections on a listening socket the server did not get from XNIO: one it bound
 * itself, one handed to it, or one inherited ({@code bind = fd://0}). XNIO has no public way to
 * serve an existing channel ({@link UndertowQuirks#XNIO_SERVES_ONLY_WHAT_IT_BINDS}); after its own
 * bind, {@code XnioWorker.createStreamConnectionServer} builds the package-private
 * {@code NioTcpServer(worker, channel, options, true)}, which this class builds by reflection, for
 * the XNIO version the parent POM pins ({@link #WRITTEN_FOR}). XNIO then wraps that acceptor in a
 * queue that hands each connection to its IO thread out of sight; this class does the hand-over
 * itself, so that the server counts a connection from the moment it is accepted.
 *
 * <p>Threading: {@link #serve} and {@link #close} run on the thread starting or stopping the
 * server; {@link #acceptReady} on XNIO's accept thread. A lock makes marking the acceptor closed
 * and accepting one connection exclusive, so that once {@link #close} returns, every connection
 * accepted has been passed on and no other will be; XNIO's own close runs outside that lock, since
 * it waits for the accept thread.
 */
final class XnioAcceptor implements AutoCloseable {

    /** The XNIO release whose internals this class was written against. */
    static final String WRITTEN_FOR = "3.8.16.Final";

    /** The package-private acceptor XNIO builds after binding, and the worker type it needs. */
    static final String ACCEPTOR_CLASS = "org.xnio.nio.NioTcpServer";
    static final String WORKER_CLASS = "org.xnio.nio.NioXnioWorker";

    /** Connections taken per wake-up before the accept thread turns to other work, as XNIO's own queue does. */
    private static final int ACCEPTS_PER_WAKEUP = 128;

    private final AcceptingChannel<?> acceptor;
    private final InetSocketAddress address;
    private final BooleanSupplier admitted;
    private final Consumer<StreamConnection> accepted;
    private final Object acceptLock = new Object();
    /** Set under {@link #acceptLock} by {@link #close}: no accept begins after it. */
    private boolean closed;

    private XnioAcceptor(AcceptingChannel<?> acceptor, InetSocketAddress address, BooleanSupplier admitted,
            Consumer<StreamConnection> accepted) {
        this.acceptor = acceptor;
        this.address = address;
        this.admitted = admitted;
        this.accepted = accepted;
    }

    /** Where the listening socket comes from: bound now, handed over, or inherited. */
    @FunctionalInterface
    interface Listening {
        ServerSocketChannel open() throws IOException;
    }

    /**
     * Accepts on the socket {@code listening} opens, from now on, passing each connection to
     * {@code accepted} on XNIO's accept thread (which must hand it to the connection's own IO
     * thread, and never block). The socket is opened only once this XNIO is known to have what
     * this class builds; it is closed by {@link #close}, or here if serving it fails.
     *
     * <p>XNIO's selector needs the channel in non-blocking mode, so this sets it, although
     * {@code ServerFactory} asks a server to leave the mode alone: the mode belongs to the socket,
     * shared by every process holding it (for {@code bind = fd://0}: the controller and every
     * worker). Those processes cope: a JDK channel or {@code ServerSocket} in blocking mode waits
     * for the socket itself when an accept finds nothing ready.
     *
     * @param options the acceptor's XNIO options ({@link ServerOptions#socket})
     * @throws FactoryException when this XNIO lacks what this class builds by reflection, or
     *                          {@code listening} fails so
     * @throws IOException      when {@code listening} fails so, or the channel cannot be
     *                          registered with XNIO's selector
     */
    static XnioAcceptor serve(XnioWorker worker, Listening listening, OptionMap options,
            Consumer<StreamConnection> accepted) throws IOException {
        return serve(worker, listening, options, () -> true, accepted);
    }

    /**
     * As {@link #serve(XnioWorker, Listening, OptionMap, Consumer)}, asking {@code admitted} on the
     * accept thread before each accept: while it says no, accepts are suspended (the socket's
     * connections are left to the other processes holding it) and it is asked again after
     * {@link AcceptGate#RECHECK}.
     */
    static XnioAcceptor serve(XnioWorker worker, Listening listening, OptionMap options, BooleanSupplier admitted,
            Consumer<StreamConnection> accepted) throws IOException {
        Constructor<?> constructor = acceptorConstructor(worker);
        ServerSocketChannel channel = listening.open();
        try {
            channel.configureBlocking(false);
            XnioAcceptor serving = new XnioAcceptor(newAcceptor(constructor, worker, channel, options),
                    (InetSocketAddress) channel.getLocalAddress(), admitted, accepted);
            ChannelListener<Channel> ready = ignored -> serving.acceptReady();
            serving.acceptor.getAcceptSetter().set(ready);
            serving.acceptor.resumeAccepts();
            return serving;
        } catch (IOException | RuntimeException failed) {
            Quietly.close(channel);
            throw failed;
        }
    }

    /**
     * XNIO's acceptor constructor, {@code NioTcpServer(NioXnioWorker, ServerSocketChannel,
     * OptionMap, boolean)}, made accessible: XNIO's jars are not modules of their own, so their
     * packages are open.
     *
     * @throws FactoryException naming the XNIO version found and the one this was written for
     */
    static Constructor<?> acceptorConstructor(XnioWorker worker) {
        try {
            ClassLoader loader = worker.getClass().getClassLoader();
            Class<?> acceptorClass = Class.forName(ACCEPTOR_CLASS, false, loader);
            Constructor<?> constructor = acceptorClass.getDeclaredConstructor(Class.forName(WORKER_CLASS, false, loader),
                    ServerSocketChannel.class, OptionMap.class, boolean.class);
            if (!AcceptingChannel.class.isAssignableFrom(acceptorClass)) {
                throw new ClassCastException(ACCEPTOR_CLASS + " is not an AcceptingChannel");
            }
            constructor.setAccessible(true);
            return constructor;
        } catch (ReflectiveOperationException | RuntimeException missing) {
            throw new FactoryException("The undertow provider cannot serve a listening socket with XNIO "
                    + Version.getVersionString() + ": it builds XNIO's " + ACCEPTOR_CLASS + "(" + WORKER_CLASS
                    + ", ServerSocketChannel, OptionMap, boolean) by reflection, as found in XNIO " + WRITTEN_FOR
                    + ", and found " + missing + "; use XNIO " + WRITTEN_FOR, missing);
        }
    }

    /** The address the socket is bound to, as it was when serving began. */
    InetSocketAddress address() {
        return address;
    }

    /**
     * Closes the listening socket (XNIO's acceptor closes its channel): new connections are
     * refused, or left to the other processes holding the socket. Once this returns, no connection
     * is being accepted.
     */
    @Override
    public void close() {
        synchronized (acceptLock) {
            closed = true;
        }
        // Outside the lock: XNIO's close waits for its accept thread, which may be waiting for the lock.
        Quietly.close(acceptor);
    }

    /** On the accept thread: the socket has connections waiting. */
    private void acceptReady() {
        for (int i = 0; i < ACCEPTS_PER_WAKEUP; i++) {
            synchronized (acceptLock) {
                if (closed) {
                    return;
                }
                if (!admitted.getAsBoolean()) {
                    pauseAccepts();
                    return;
                }
                StreamConnection connection = acceptOne();
                if (connection == null) {
                    return;
                }
                accepted.accept(connection);
            }
        }
    }

    /** Under the lock, on the accept thread: accepts stop until the gate is asked again, {@link AcceptGate#RECHECK} later. */
    private void pauseAccepts() {
        acceptor.suspendAccepts();
        acceptor.getIoThread().executeAfter(this::resumeAccepts, AcceptGate.RECHECK.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** On the accept thread: accepts resume unless the acceptor closed meanwhile; a waiting connection wakes {@link #acceptReady}. */
    private void resumeAccepts() {
        synchronized (acceptLock) {
            if (!closed) {
                acceptor.resumeAccepts();
            }
        }
    }

    /** The next connection, or null when none is waiting, the socket is closed or XNIO backs off. */
    private StreamConnection acceptOne() {
        try {
            return (StreamConnection) acceptor.accept();
        } catch (IOException closed) {
            return null;
        }
    }

    private static AcceptingChannel<?> newAcceptor(Constructor<?> constructor, XnioWorker worker,
            ServerSocketChannel listening, OptionMap options) throws IOException {
        try {
            return (AcceptingChannel<?>) constructor.newInstance(worker, listening, options, true);
        } catch (InvocationTargetException failed) {
            if (failed.getCause() instanceof IOException io) {
                throw io;
            }
            if (failed.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException("XNIO cannot accept on " + listening + ": " + failed.getCause(), failed.getCause());
        } catch (ReflectiveOperationException failed) {
            throw new FactoryException("The undertow provider cannot build XNIO's " + ACCEPTOR_CLASS + ": " + failed,
                    failed);
        }
    }
}
