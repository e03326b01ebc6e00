package dev.spawning.factory.testing;

import dev.spawning.factory.Server;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A raw HTTP/1.x client over one socket, to see exactly how the server frames what it sends.
 * Reads time out after five seconds so that a broken server fails the test instead of hanging it.
 */
public final class RawHttp implements AutoCloseable {

    /** The client contexts of TLS servers, by server (see {@link #overTls}). */
    private static final Map<Server, SSLContext> TLS_CLIENTS = Collections.synchronizedMap(new WeakHashMap<>());

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private RawHttp(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /**
     * Connects to {@code server}: over TLS with the client context it was registered with
     * ({@link #overTls}), in plain text otherwise.
     */
    public static RawHttp connect(Server server) throws IOException {
        SSLContext tls = TLS_CLIENTS.get(server);
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", server.addresses().getFirst().getPort());
        return tls == null ? connect(address, Duration.ofSeconds(5)) : connect(address, Duration.ofSeconds(5), tls);
    }

    /**
     * From now on {@link #connect(Server)} opens TLS to {@code server} with {@code client}: a test
     * written for plain HTTP runs over TLS unchanged.
     */
    public static void overTls(Server server, SSLContext client) {
        TLS_CLIENTS.put(server, client);
    }

    /**
     * Connects to {@code address} over TLS with {@code client} and completes the handshake; a read
     * that waits longer than {@code readTimeout} fails.
     */
    public static RawHttp connect(InetSocketAddress address, Duration readTimeout, SSLContext client) throws IOException {
        Socket plain = new Socket();
        plain.connect(address, 5_000);
        plain.setSoTimeout((int) readTimeout.toMillis());
        SSLSocket socket = (SSLSocket) client.getSocketFactory().createSocket(plain, address.getHostString(),
                address.getPort(), true);
        try {
            socket.startHandshake();
        } catch (IOException failed) {
            socket.close();
            throw failed;
        }
        return new RawHttp(socket);
    }

    /** {@return the server's certificate chain as this TLS client received it; empty over plain text} */
    public List<java.security.cert.Certificate> serverCertificates() throws IOException {
        return socket instanceof SSLSocket tls ? List.of(tls.getSession().getPeerCertificates()) : List.of();
    }

    /** Connects to {@code address}; a read that waits longer than {@code readTimeout} fails. */
    public static RawHttp connect(InetSocketAddress address, Duration readTimeout) throws IOException {
        Socket socket = new Socket();
        socket.connect(address, 5_000);
        socket.setSoTimeout((int) readTimeout.toMillis());
        return new RawHttp(socket);
    }

    /** Sends text as ISO-8859-1 bytes; {@code \n} is sent as it is, so write {@code \r\n}. */
    public RawHttp send(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return this;
    }

    /** Half-closes the connection: the server reads the end of the input after what was sent. */
    public RawHttp endSending() throws IOException {
        socket.shutdownOutput();
        return this;
    }

    /** Reads one response, framed by its headers (or by the close of the connection). */
    public Reply read() throws IOException {
        return read(false);
    }

    /** Reads one response to a HEAD request: headers only, whatever they announce. */
    public Reply readHead() throws IOException {
        return read(true);
    }

    /** Reads the interim {@code 100 Continue} line and its blank line. */
    public String readInterim() throws IOException {
        String status = line();
        String blank = line();
        if (!blank.isEmpty()) {
            throw new IOException("Expected the end of an interim response, got: " + blank);
        }
        return status;
    }

    /**
     * Reads one chunk of a chunked body whose head {@link #readHead} has read: its data, or the
     * empty string for the last chunk (its trailer section is read too).
     */
    public String readChunk() throws IOException {
        int size = chunkSize();
        if (size == 0) {
            while (!line().isEmpty()) {
                // Trailer fields: not needed by the tests.
            }
            return "";
        }
        String data = new String(in.readNBytes(size), StandardCharsets.ISO_8859_1);
        line();
        return data;
    }

    /** True when nothing arrives before the server closes the connection (within five seconds). */
    public boolean closedByServer() throws IOException {
        try {
            return in.read() < 0;
        } catch (SocketException reset) {
            return true;
        }
    }

    /** True when no byte arrives for {@code millis}: the server is waiting, not answering. */
    public boolean silentFor(int millis) throws IOException {
        socket.setSoTimeout(millis);
        try {
            in.read();
            return false;
        } catch (SocketTimeoutException quiet) {
            return true;
        } finally {
            socket.setSoTimeout(5_000);
        }
    }

    /**
     * Reads whatever the server sends until it closes the connection, for when a test only needs
     * to know that it closes; fails with a timeout if it stays open for five seconds.
     */
    public byte[] readUntilClosed() throws IOException {
        ByteArrayOutputStream rest = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                rest.write(buffer, 0, n);
            }
        } catch (SocketException reset) {
            // A reset is a close too.
        }
        return rest.toByteArray();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private Reply read(boolean head) throws IOException {
        String status = line();
        List<String[]> headers = new ArrayList<>();
        for (String field = line(); !field.isEmpty(); field = line()) {
            int colon = field.indexOf(':');
            headers.add(new String[] {field.substring(0, colon), field.substring(colon + 1).strip()});
        }
        Reply reply = new Reply(status, headers, new byte[0], Framing.NONE);
        if (head || reply.code() == 204 || reply.code() == 304) {
            return reply;
        }
        return body(reply);
    }

    private Reply body(Reply reply) throws IOException {
        Optional<String> length = reply.header("Content-Length");
        if (reply.header("Transfer-Encoding").filter(te -> te.equalsIgnoreCase("chunked")).isPresent()) {
            return chunked(reply);
        }
        if (length.isPresent()) {
            int declared = Integer.parseInt(length.get());
            try {
                byte[] body = in.readNBytes(declared);
                return reply.with(body, body.length == declared ? Framing.LENGTH : Framing.TRUNCATED);
            } catch (SocketTimeoutException stalled) {
                return reply.with(new byte[0], Framing.STALLED);
            }
        }
        return reply.with(in.readAllBytes(), Framing.CLOSE);
    }

    private Reply chunked(Reply reply) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            for (int size = chunkSize(); size > 0; size = chunkSize()) {
                body.write(in.readNBytes(size));
                line();
            }
            while (!line().isEmpty()) {
                // Trailer fields: not needed by the tests.
            }
            return reply.with(body.toByteArray(), Framing.CHUNKED);
        } catch (SocketTimeoutException stalled) {
            return reply.with(body.toByteArray(), Framing.STALLED);
        } catch (IOException | NumberFormatException truncated) {
            return reply.with(body.toByteArray(), Framing.TRUNCATED);
        }
    }

    private int chunkSize() throws IOException {
        String line = line();
        int semicolon = line.indexOf(';');
        return Integer.parseInt(semicolon < 0 ? line : line.substring(0, semicolon), 16);
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            line.write(b);
        }
        if (b < 0) {
            throw new IOException("Connection closed after: " + line.toString(StandardCharsets.ISO_8859_1));
        }
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    /**
     * How the body of a response was delimited: {@code TRUNCATED} when the connection closed (or
     * broke) before the body's end, {@code STALLED} when the server stopped sending without
     * closing, for the whole read timeout.
     */
    public enum Framing { NONE, LENGTH, CHUNKED, CLOSE, TRUNCATED, STALLED }

    /** One response as it came over the wire. */
    public record Reply(String status, List<String[]> headers, byte[] body, Framing framing) {

        public int code() {
            return Integer.parseInt(status.split(" ")[1]);
        }

        public Optional<String> header(String name) {
            return headers.stream().filter(h -> h[0].equalsIgnoreCase(name)).map(h -> h[1]).findFirst();
        }

        public List<String> headerNames() {
            return headers.stream().map(h -> h[0].toLowerCase(Locale.ROOT)).toList();
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        Reply with(byte[] newBody, Framing newFraming) {
            return new Reply(status, headers, newBody, newFraming);
        }
    }
}
