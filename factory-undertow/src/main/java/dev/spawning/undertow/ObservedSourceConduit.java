package dev.spawning.undertow;

import dev.spawning.factory.server.ProxyHeader;
import dev.spawning.factory.server.ServerSettings;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.xnio.channels.StreamSinkChannel;
import org.xnio.conduits.AbstractStreamSourceConduit;
import org.xnio.conduits.ConduitReadableByteChannel;
import org.xnio.conduits.Conduits;
import org.xnio.conduits.StreamSourceConduit;

/**
 * Sits under Undertow's parser on one connection: reads what the client sends, has the
 * connection's {@link HeadScanner} decode it, and gives Undertow the canonical bytes the scanner
 * writes instead. Tells its {@link TrackedConnection} when bytes arrive, so that a graceful stop
 * can tell an idle connection from one whose next request has begun, and a stalled head can be
 * timed out.
 *
 * <p>The client's bytes go into a per-connection buffer that stays small while the connection is
 * idle and grows only as far as a long line or a chunked body needs; a fixed-length body passes
 * straight from the socket to Undertow's buffer. Canonical bytes that do not fit Undertow's buffer wait in
 * {@link #pending}, and the reader is woken for them, since the socket will not signal them.
 *
 * <p>With {@code proxy_protocol}, the connection's first bytes are its PROXY header
 * ({@link ProxyHeader}): decoded and consumed here before the scanner sees any byte; a
 * connection whose first bytes are no header or a malformed one is closed without an answer, as
 * the coroutine provider closes it.
 *
 * <p>Threading: called by whichever thread reads the connection (its IO thread, or the app
 * thread reading a body or parsing a pipelined request), one at a time; {@link #holdsInput} is
 * also read by the thread ending an exchange, after its reads.
 */
final class ObservedSourceConduit extends AbstractStreamSourceConduit<StreamSourceConduit> {

    /** The client's bytes a connection holds at first, and again whenever it has none pending. */
    static final int SMALL = 1024;

    /** The most client bytes read at once. */
    private static final int READ_AT_ONCE = 16 * 1024;

    private final TrackedConnection tracked;
    private final HeadScanner scanner;
    private final byte[] small = new byte[SMALL];
    private byte[] raw = small;
    private int rawLimit;
    /** Canonical bytes written but not yet taken by Undertow; null when there are none. */
    private ByteBuffer pending;
    private volatile boolean holding;
    /** The peer while its PROXY header is awaited; null once read, or without {@code proxy_protocol}. */
    private volatile InetSocketAddress proxyPeer;

    ObservedSourceConduit(StreamSourceConduit next, ServerSettings settings, TrackedConnection tracked) {
        super(next);
        this.tracked = tracked;
        this.scanner = new HeadScanner(settings, tracked);
    }

    /** From now on, the connection's first bytes must be a PROXY header sent by {@code peer}. */
    void awaitProxyHeader(InetSocketAddress peer) {
        proxyPeer = peer;
    }

    /** Whether the PROXY header is still awaited: the connection has not begun its first request. */
    boolean awaitsProxyHeader() {
        return proxyPeer != null;
    }

    /** Whether client bytes were read that Undertow has not been given yet. */
    boolean holdsInput() {
        return holding;
    }

    /** Whether part of a head has arrived and is not complete yet. */
    boolean headBegun() {
        return scanner.headBegun();
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        try {
            return readCanonical(dst);
        } finally {
            holding = rawLimit > 0 || pending != null;
        }
    }

    private int readCanonical(ByteBuffer dst) throws IOException {
        if (pending != null) {
            return deliverPending(dst);
        }
        if (scanner.isEnded()) {
            return tracked.withholdsInput() ? 0 : -1;
        }
        long through = scanner.passThrough();
        if (through > 0 && rawLimit == 0) {
            return passThrough(dst, through);
        }
        int start = dst.position();
        HeadScanner.Output out = output(dst);
        while (dst.position() == start && pending == null && !scanner.isEnded()) {
            int count = readRaw();
            if (count == 0) {
                return 0;
            }
            if (count < 0) {
                scanner.ended(out);
            } else {
                tracked.bytesRead();
                if (proxyPeer != null && !proxyHeaderRead()) {
                    if (!tracked.channel().isOpen()) {
                        return -1;
                    }
                    continue;
                }
                keep(scanner.scan(raw, 0, rawLimit, out));
            }
        }
        if (dst.position() > start) {
            return dst.position() - start;
        }
        if (pending != null) {
            return deliverPending(dst);
        }
        return tracked.withholdsInput() ? 0 : -1;
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
        for (int i = offset; i < offset + length; i++) {
            if (dsts[i].hasRemaining()) {
                return read(dsts[i]);
            }
        }
        return 0;
    }

    @Override
    public long transferTo(long position, long count, FileChannel target) throws IOException {
        return target.transferFrom(new ConduitReadableByteChannel(this), position, count);
    }

    @Override
    public long transferTo(long count, ByteBuffer throughBuffer, StreamSinkChannel target) throws IOException {
        return Conduits.transfer(this, count, throughBuffer, target);
    }

    @Override
    public void resumeReads() {
        if (pending != null || (scanner.isEnded() && !tracked.withholdsInput())) {
            next.wakeupReads();
        } else if (!scanner.isEnded()) {
            next.resumeReads();
        }
    }

    @Override
    public void awaitReadable() throws IOException {
        if (pending == null && !scanner.isEnded()) {
            next.awaitReadable();
        }
    }

    @Override
    public void awaitReadable(long time, TimeUnit timeUnit) throws IOException {
        if (pending == null && !scanner.isEnded()) {
            next.awaitReadable(time, timeUnit);
        }
    }

    /** A fixed-length body's bytes, straight from the socket into Undertow's buffer. */
    private int passThrough(ByteBuffer dst, long through) throws IOException {
        int limit = dst.limit();
        dst.limit((int) Math.min(limit, dst.position() + through));
        int count;
        try {
            count = super.read(dst);
        } finally {
            dst.limit(limit);
        }
        if (count > 0) {
            tracked.bytesRead();
            scanner.passed(count);
        } else if (count < 0) {
            scanner.ended(output(dst));
            return tracked.withholdsInput() ? 0 : -1;
        }
        return count;
    }

    /**
     * Consumes the PROXY header if all of it has arrived, and tells the connection its client;
     * false while more bytes are needed, or once a refused header has closed the connection.
     */
    private boolean proxyHeaderRead() {
        InetSocketAddress peer = proxyPeer;
        ProxyHeader header;
        try {
            header = ProxyHeader.decode(raw, 0, rawLimit);
        } catch (ProtocolException refused) {
            UndertowServer.LOG.log(System.Logger.Level.DEBUG, () -> "Connection from " + peer + " refused: "
                    + refused.getMessage());
            rawLimit = 0;
            Quietly.close(tracked.channel());
            return false;
        }
        if (header == null) {
            return false;
        }
        keep(header.length());
        tracked.proxied(header.clientOf(peer), rawLimit > 0);
        proxyPeer = null;
        return true;
    }

    /** Reads client bytes after those pending in {@link #raw}; grows it when it is full. */
    private int readRaw() throws IOException {
        if (rawLimit == raw.length) {
            raw = Arrays.copyOf(raw, raw.length * 2);
        } else if (raw == small && rawLimit == 0 && scanner.inBody()) {
            raw = new byte[READ_AT_ONCE];
        }
        int count = super.read(ByteBuffer.wrap(raw, rawLimit, Math.min(raw.length - rawLimit, READ_AT_ONCE)));
        rawLimit += Math.max(count, 0);
        return count;
    }

    /** Drops the {@code consumed} bytes at the start of {@link #raw}, keeping the rest. */
    private void keep(int consumed) {
        int rest = rawLimit - consumed;
        if (rest == 0 && !scanner.inBody()) {
            raw = small;
        } else if (consumed > 0 && rest > 0) {
            byte[] into = rest <= SMALL ? small : raw;
            System.arraycopy(raw, consumed, into, 0, rest);
            raw = into;
        }
        rawLimit = rest;
    }

    private int deliverPending(ByteBuffer dst) {
        int count = Math.min(pending.remaining(), dst.remaining());
        dst.put(dst.position(), pending, pending.position(), count);
        dst.position(dst.position() + count);
        pending.position(pending.position() + count);
        if (!pending.hasRemaining()) {
            pending = null;
        }
        return count;
    }

    /** Writes into {@code dst} while it has room, then into {@link #pending}. */
    private HeadScanner.Output output(ByteBuffer dst) {
        return (bytes, from, count) -> {
            int direct = pending == null ? Math.min(count, dst.remaining()) : 0;
            dst.put(bytes, from, direct);
            if (direct < count) {
                hold(bytes, from + direct, count - direct);
            }
        };
    }

    private void hold(byte[] bytes, int from, int count) {
        if (pending == null) {
            pending = ByteBuffer.allocate(Math.max(count, SMALL)).flip();
        }
        if (pending.capacity() - pending.limit() < count) {
            ByteBuffer larger = ByteBuffer.allocate(pending.remaining() + count + SMALL);
            larger.put(pending).flip();
            pending = larger;
        }
        int end = pending.limit();
        pending.limit(end + count);
        pending.put(end, bytes, from, count);
    }
}
