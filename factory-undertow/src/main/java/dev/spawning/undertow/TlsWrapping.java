package dev.spawning.undertow;

import dev.spawning.factory.server.TlsSettings;
import io.undertow.protocols.ssl.UndertowXnioSsl;
import io.undertow.server.DefaultByteBufferPool;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import org.xnio.OptionMap;
import org.xnio.Options;
import org.xnio.Sequence;
import org.xnio.SslClientAuthMode;
import org.xnio.StreamConnection;
import org.xnio.Xnio;

/**
 * TLS on the undertow provider: each accepted connection is wrapped, before anything reads it, in
 * Undertow's own TLS connection ({@link UndertowXnioSsl#wrapExistingConnection}, whose
 * {@code SslConduit} runs the engine on the connection's IO thread), with the protocols, cipher
 * suites and client authentication of {@link TlsSettings}. Undertow's HTTP listener then sees a
 * TLS channel: its requests say {@code https} and carry the session. Public Undertow API only.
 *
 * <p>Threading: {@link #wrap} runs on XNIO's accept thread; the handshake runs on the
 * connection's IO thread. {@link #close} runs on the thread stopping the server.
 */
final class TlsWrapping implements AutoCloseable {

    /** A TLS record and its overhead fit one buffer, as Undertow's own TLS pool sizes them. */
    static final int BUFFER_SIZE = 17 * 1024;

    private final UndertowXnioSsl ssl;
    private final OptionMap options;
    private final DefaultByteBufferPool buffers;

    private TlsWrapping(UndertowXnioSsl ssl, OptionMap options, DefaultByteBufferPool buffers) {
        this.ssl = ssl;
        this.options = options;
        this.buffers = buffers;
    }

    static TlsWrapping of(TlsSettings tls, Xnio xnio) {
        OptionMap.Builder options = OptionMap.builder()
                .set(Options.SSL_ENABLED_PROTOCOLS, Sequence.of(tls.protocols()))
                .set(Options.SSL_CLIENT_AUTH_MODE, switch (tls.certReqs()) {
                    case NONE -> SslClientAuthMode.NOT_REQUESTED;
                    case OPTIONAL -> SslClientAuthMode.REQUESTED;
                    case REQUIRED -> SslClientAuthMode.REQUIRED;
                });
        if (!tls.ciphers().isEmpty()) {
            options.set(Options.SSL_ENABLED_CIPHER_SUITES, Sequence.of(tls.ciphers()));
        }
        OptionMap built = options.getMap();
        DefaultByteBufferPool buffers = new DefaultByteBufferPool(true, BUFFER_SIZE, Transport.POOLED_BUFFERS, 0);
        return new TlsWrapping(new UndertowXnioSsl(xnio, built, buffers, tls.context()), built, buffers);
    }

    /**
     * {@return {@code connection} under TLS} The handshake begins with the client's first bytes,
     * read on the connection's IO thread like any request (a server never starts it, or its
     * conduit would wait to write before it has read).
     */
    StreamConnection wrap(StreamConnection connection) {
        return ssl.wrapExistingConnection(connection, options, false);
    }

    /** {@return the client's certificate chain in {@code session}, leaf first; empty when none} */
    static List<X509Certificate> clientCertificates(SSLSession session) {
        if (session == null) {
            return List.of();
        }
        try {
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate certificate : session.getPeerCertificates()) {
                if (certificate instanceof X509Certificate x509) {
                    chain.add(x509);
                }
            }
            return chain;
        } catch (SSLPeerUnverifiedException none) {
            return List.of();
        }
    }

    /** Frees the TLS buffers; the connections using them are closed by then. */
    @Override
    public void close() {
        buffers.close();
    }
}
