package dev.spawning.coroutine;

import dev.spawning.factory.server.TlsSettings;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * TLS over one connection's blocking {@link SocketChannel}, with an {@link SSLEngine}, on the
 * connection's own thread: {@link #input} and {@link #output} are the streams {@link SocketInput}
 * and {@link SocketOutput} read and write instead of the socket's. The handshake happens in the
 * first read or write, so that {@code header_timeout} (armed by {@link SocketInput} around every
 * read) bounds it like the first request's head; a handshake that fails is an
 * {@link IOException} that closes the connection, logged at DEBUG only.
 *
 * <p>Buffers are sized from the session once, per connection, and reused: the encrypted input,
 * the encrypted output (one record, so each flush of {@link SocketOutput}, up to 16 KiB, is one
 * wrap and one socket write) and the decrypted input a short read leaves over. A read into a
 * caller's array large enough for a whole record decrypts straight into it.
 *
 * <p>Threading: used by one thread at a time, as {@link SocketInput}: the connection's thread or,
 * with {@code threads} set, the pool thread it handed the request to.
 */
final class TlsChannel {

    private static final ByteBuffer NOTHING = ByteBuffer.allocate(0);

    private final SocketChannel channel;
    private final SSLEngine engine;
    /** Encrypted bytes received and not yet decrypted, in read mode. */
    private ByteBuffer netIn;
    /** Encrypted bytes to send, in write mode between uses. */
    private ByteBuffer netOut;
    /** Decrypted bytes not yet taken, in read mode. */
    private ByteBuffer appIn;
    private byte[] readArray;
    private ByteBuffer readView;
    private byte[] writeArray;
    private ByteBuffer writeView;
    private boolean handshaken;
    private List<X509Certificate> peerCertificates = List.of();

    private final InputStream input = new InputStream() {
        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] into, int off, int len) throws IOException {
            return TlsChannel.this.read(into, off, len);
        }
    };

    private final OutputStream output = new OutputStream() {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int off, int len) throws IOException {
            TlsChannel.this.write(bytes, off, len);
        }
    };

    TlsChannel(SocketChannel channel, TlsSettings tls) throws IOException {
        this.channel = channel;
        InetSocketAddress peer = (InetSocketAddress) channel.getRemoteAddress();
        this.engine = tls.newEngine(peer.getHostString(), peer.getPort());
        int packet = engine.getSession().getPacketBufferSize();
        this.netIn = ByteBuffer.allocate(packet).flip();
        this.netOut = ByteBuffer.allocate(packet);
        this.appIn = ByteBuffer.allocate(engine.getSession().getApplicationBufferSize()).flip();
    }

    /** The decrypted bytes the client sends; -1 at the end of its stream or its close_notify. */
    InputStream input() {
        return input;
    }

    /** Encrypts what is written and sends it at once: the caller buffers. */
    OutputStream output() {
        return output;
    }

    /** {@return the client's certificate chain, leaf first; empty when it sent none (or before the handshake)} */
    List<X509Certificate> peerCertificates() {
        return peerCertificates;
    }

    /**
     * Sends close_notify, if the handshake completed and the channel is still open; a failure is
     * ignored, since the connection is closing anyway.
     */
    void closeOutbound() {
        if (!handshaken || !channel.isOpen()) {
            return;
        }
        engine.closeOutbound();
        try {
            while (!engine.isOutboundDone()) {
                if (!wrap(NOTHING)) {
                    break;
                }
            }
        } catch (IOException ignored) {
            // the peer went first: nothing left to tell it
        }
    }

    private int read(byte[] into, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        handshakeIfNeeded();
        while (true) {
            if (appIn.hasRemaining()) {
                return take(into, off, len);
            }
            if (netIn.hasRemaining()) {
                boolean direct = len >= appIn.capacity();
                ByteBuffer target = direct ? view(into, off, len) : appIn.clear();
                SSLEngineResult result = engine.unwrap(netIn, target);
                if (!direct) {
                    appIn.flip();
                }
                switch (result.getStatus()) {
                    case OK -> {
                        afterPostHandshakeMessage(result.getHandshakeStatus());
                        if (direct && result.bytesProduced() > 0) {
                            return result.bytesProduced();
                        }
                        continue;
                    }
                    case CLOSED -> {
                        return -1;
                    }
                    case BUFFER_OVERFLOW -> {
                        appIn = ByteBuffer.allocate(engine.getSession().getApplicationBufferSize()).flip();
                        continue;
                    }
                    case BUFFER_UNDERFLOW -> {
                        // a partial record: read on
                    }
                }
            }
            if (!receive()) {
                return -1;
            }
        }
    }

    private void write(byte[] bytes, int off, int len) throws IOException {
        handshakeIfNeeded();
        ByteBuffer source = writeView(bytes, off, len);
        while (source.hasRemaining()) {
            if (!wrap(source)) {
                throw new SocketException("TLS closed: the connection cannot send");
            }
        }
    }

    /** Encrypts from {@code source} into one record and sends it; false once the engine is closed. */
    private boolean wrap(ByteBuffer source) throws IOException {
        while (true) {
            netOut.clear();
            SSLEngineResult result = engine.wrap(source, netOut);
            netOut.flip();
            send();
            switch (result.getStatus()) {
                case OK -> {
                    runTasks(result.getHandshakeStatus());
                    return true;
                }
                case CLOSED -> {
                    return false;
                }
                case BUFFER_OVERFLOW -> netOut = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
                case BUFFER_UNDERFLOW -> throw new SSLException("TLS wrap underflow");
            }
        }
    }

    private void handshakeIfNeeded() throws IOException {
        if (handshaken) {
            return;
        }
        try {
            engine.beginHandshake();
            handshake(engine.getHandshakeStatus());
        } catch (SSLException | EOFException failed) {
            Service.LOG.log(Level.DEBUG, () -> "TLS handshake failed with " + peer() + ": " + failed);
            sendAlert();
            throw failed;
        }
        handshaken = true;
        peerCertificates = certificates();
    }

    private void handshake(HandshakeStatus start) throws IOException {
        HandshakeStatus status = start;
        while (true) {
            switch (status) {
                case NEED_UNWRAP, NEED_UNWRAP_AGAIN -> status = handshakeUnwrap();
                case NEED_WRAP -> {
                    netOut.clear();
                    SSLEngineResult result = engine.wrap(NOTHING, netOut);
                    netOut.flip();
                    send();
                    if (result.getStatus() == SSLEngineResult.Status.CLOSED) {
                        throw new SSLException("TLS closed during the handshake");
                    }
                    status = result.getHandshakeStatus();
                }
                case NEED_TASK -> {
                    runDelegatedTasks();
                    status = engine.getHandshakeStatus();
                }
                case FINISHED, NOT_HANDSHAKING -> {
                    return;
                }
            }
        }
    }

    private HandshakeStatus handshakeUnwrap() throws IOException {
        while (true) {
            appIn.compact();
            SSLEngineResult result = engine.unwrap(netIn, appIn);
            appIn.flip();
            switch (result.getStatus()) {
                case OK -> {
                    return result.getHandshakeStatus();
                }
                case CLOSED -> throw new EOFException("the client closed during the TLS handshake");
                case BUFFER_OVERFLOW -> throw new SSLException("TLS handshake data larger than the session's buffer");
                case BUFFER_UNDERFLOW -> {
                    if (!receive()) {
                        throw new EOFException("the client closed during the TLS handshake");
                    }
                }
            }
        }
    }

    /** After a record of the handshake protocol once connected (a key update): answers it. */
    private void afterPostHandshakeMessage(HandshakeStatus status) throws IOException {
        if (status != HandshakeStatus.NOT_HANDSHAKING && status != HandshakeStatus.FINISHED) {
            handshake(status);
        }
    }

    private void runTasks(HandshakeStatus status) throws IOException {
        if (status == HandshakeStatus.NEED_TASK || status == HandshakeStatus.NEED_WRAP) {
            handshake(status);
        }
    }

    private void runDelegatedTasks() {
        for (Runnable task = engine.getDelegatedTask(); task != null; task = engine.getDelegatedTask()) {
            task.run();
        }
    }

    /** Reads more encrypted bytes; false at the end of the stream. */
    private boolean receive() throws IOException {
        netIn.compact();
        if (!netIn.hasRemaining()) {
            ByteBuffer larger = ByteBuffer.allocate(netIn.capacity() + engine.getSession().getPacketBufferSize());
            netIn = larger.put(netIn.flip());
        }
        int n = channel.read(netIn);
        netIn.flip();
        return n >= 0;
    }

    private void send() throws IOException {
        while (netOut.hasRemaining()) {
            channel.write(netOut);
        }
    }

    /** After a failed handshake, the alert the engine holds for the client, if it can still go. */
    private void sendAlert() {
        try {
            engine.closeOutbound();
            for (int i = 0; i < 4 && !engine.isOutboundDone(); i++) {
                netOut.clear();
                engine.wrap(NOTHING, netOut);
                netOut.flip();
                send();
            }
        } catch (IOException | RuntimeException ignored) {
            // the connection closes either way
        }
    }

    private int take(byte[] into, int off, int len) {
        int n = Math.min(len, appIn.remaining());
        appIn.get(into, off, n);
        return n;
    }

    /** A buffer over the caller's array, reused while the caller passes the same array. */
    private ByteBuffer view(byte[] array, int off, int len) {
        if (array != readArray) {
            readArray = array;
            readView = ByteBuffer.wrap(array);
        }
        return readView.limit(off + len).position(off);
    }

    private ByteBuffer writeView(byte[] array, int off, int len) {
        if (array != writeArray) {
            writeArray = array;
            writeView = ByteBuffer.wrap(array);
        }
        return writeView.limit(off + len).position(off);
    }

    private List<X509Certificate> certificates() {
        try {
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate certificate : engine.getSession().getPeerCertificates()) {
                if (certificate instanceof X509Certificate x509) {
                    chain.add(x509);
                }
            }
            return List.copyOf(chain);
        } catch (SSLPeerUnverifiedException none) {
            return List.of();
        }
    }

    private String peer() {
        try {
            return String.valueOf(channel.getRemoteAddress());
        } catch (IOException closed) {
            return "a client";
        }
    }
}
