package dev.spawning.undertow;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.DefaultByteBufferPool;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.BlockingHandler;
import io.undertow.server.protocol.http.HttpContinue;
import io.undertow.server.protocol.http.HttpOpenListener;
import io.undertow.util.HeaderValues;
import io.undertow.util.StatusCodes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.channels.ServerSocketChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.xnio.ChannelListener;
import org.xnio.ChannelListeners;
import org.xnio.OptionMap;
import org.xnio.StreamConnection;
import org.xnio.Version;
import org.xnio.Xnio;
import org.xnio.XnioIoThread;
import org.xnio.XnioWorker;
import org.xnio.channels.AcceptingChannel;

/**
 * Runs plain Undertow, without this provider's conduits and handlers, and asserts that each
 * {@link UndertowQuirks} constant still describes it. A failure names the compensation that an
 * Undertow upgrade has made unnecessary; a new constant without a canary fails too.
 */
class UndertowQuirksTest {

    private static final int TIMEOUT_MILLIS = 2_000;

    private final Map<UndertowQuirks, Canary> canaries = Map.ofEntries(
            entry(UndertowQuirks.SERVES_ANY_VERSION, this::servesAnyVersion),
            entry(UndertowQuirks.ACCEPTS_CONTROL_BYTES_IN_TARGETS, this::acceptsControlBytesInTargets),
            entry(UndertowQuirks.LENIENT_CHUNK_FRAMING, this::lenientChunkFraming),
            entry(UndertowQuirks.GROUPS_FIELDS_BY_NAME, this::groupsFieldsByName),
            entry(UndertowQuirks.DROPS_AN_EMPTY_QUERY, this::dropsAnEmptyQuery),
            entry(UndertowQuirks.ANSWERS_A_MISSING_HOST_ITSELF, this::answersAMissingHostItself),
            entry(UndertowQuirks.FIXED_BAD_REQUEST_BYTES, this::fixedBadRequestBytes),
            entry(UndertowQuirks.SHORT_BODY_FAILS_WITH_UT000128, this::shortBodyFailsWithUt000128),
            entry(UndertowQuirks.CLOSES_ON_BODY_READ_FAILURE, this::closesOnBodyReadFailure),
            entry(UndertowQuirks.SETS_THE_CLOSE_LISTENER_ON_OPEN, this::setsTheCloseListenerOnOpen),
            entry(UndertowQuirks.CONTINUE_OVERTAKES_BUFFERED_PIPELINED_RESPONSES, this::continueOvertakesBufferedResponses),
            entry(UndertowQuirks.RFC_2616_REASON_PHRASES, this::rfc2616ReasonPhrases),
            entry(UndertowQuirks.XNIO_SERVES_ONLY_WHAT_IT_BINDS, this::xnioServesOnlyWhatItBinds));

    private Undertow undertow;
    private XnioWorker worker;
    private AcceptingChannel<StreamConnection> acceptor;

    @FunctionalInterface
    private interface Canary {
        void check() throws Exception;
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(UndertowQuirks.class)
    void quirkStillExistsInPlainUndertow(UndertowQuirks quirk) throws Exception {
        Canary canary = canaries.get(quirk);
        if (canary == null) {
            fail("no canary for " + quirk);
        }
        canary.check();
    }

    @AfterEach
    void stopUndertow() throws IOException {
        if (undertow != null) {
            undertow.stop();
        }
        if (acceptor != null) {
            acceptor.close();
        }
        if (worker != null) {
            worker.shutdownNow();
        }
    }

    private void servesAnyVersion() throws Exception {
        CompletableFuture<String> protocol = new CompletableFuture<>();
        int port = serve(exchange -> protocol.complete(exchange.getProtocol().toString()));

        String response = send(port, "GET / HTTP/9.9\r\nHost: h\r\nConnection: close\r\n\r\n");

        String behaviour = "serves HTTP/9.9 as if it were HTTP/1.1";
        String compensation = "HeadScanner's canonical version";
        assertThat(response).as(gone(behaviour, compensation)).startsWith("HTTP/1.1 200 ");
        assertThat(protocol.getNow("(handler never ran)")).as(gone(behaviour, compensation)).isEqualTo("HTTP/1.1");
    }

    private void acceptsControlBytesInTargets() throws Exception {
        CompletableFuture<String> target = new CompletableFuture<>();
        // As ServerOptions sets it: without this option Undertow answers its fixed 400 to the NUL.
        Undertow.Builder unescaped = Undertow.builder().setServerOption(UndertowOptions.ALLOW_UNESCAPED_CHARACTERS_IN_URL, true);
        int port = serve(unescaped, exchange -> target.complete(exchange.getRequestURI()));

        send(port, "GET /a\0b HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n");

        assertThat(target.getNow("(handler never ran)"))
                .as(gone("accepts a NUL in the request target", "HeadScanner's canonical target"))
                .isEqualTo("/a\0b");
    }

    private void lenientChunkFraming() throws Exception {
        CompletableFuture<String> body = new CompletableFuture<>();
        int port = serve(new BlockingHandler(exchange ->
                body.complete(new String(exchange.getInputStream().readAllBytes(), ISO_8859_1))));

        String response = send(port, "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                + "5 ;x=\1\r\nhello\r\n0\r\n\r\n");

        String behaviour = "accepts a chunk size followed by a space and an extension with a control byte";
        String compensation = "HeadScanner's re-chunking";
        assertThat(response).as(gone(behaviour, compensation)).startsWith("HTTP/1.1 200 ");
        assertThat(body.getNow("(handler never ran)")).as(gone(behaviour, compensation)).isEqualTo("hello");
    }

    private void groupsFieldsByName() throws Exception {
        CompletableFuture<List<String>> fields = new CompletableFuture<>();
        int port = serve(exchange -> fields.complete(fieldsNamed(exchange, "A", "B")));

        send(port, "GET / HTTP/1.1\r\nHost: h\r\nA: 1\r\nB: 2\r\nA: 3\r\nConnection: close\r\n\r\n");

        assertThat(fields.getNow(List.of("(handler never ran)")))
                .as(gone("groups fields by name", "Requests' head as HeadScanner decoded it"))
                .hasSize(3)
                .containsSequence("A: 1", "A: 3");
    }

    private void dropsAnEmptyQuery() throws Exception {
        CompletableFuture<List<String>> seen = new CompletableFuture<>();
        int port = serve(exchange -> seen.complete(List.of(exchange.getRequestURI(), exchange.getQueryString(),
                exchange.getRequestURL(), exchange.getRelativePath(), exchange.getResolvedPath())));

        send(port, "GET /p? HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n");

        assertThat(seen.getNow(List.of("(handler never ran)")))
                .as(gone("drops an empty query", "Requests' target as HeadScanner decoded it"))
                .containsExactly("/p", "", "http://h/p", "/p", "");
    }

    private void answersAMissingHostItself() throws Exception {
        CompletableFuture<Boolean> ran = new CompletableFuture<>();
        int port = serve(exchange -> ran.complete(true));

        String response = send(port, "GET / HTTP/1.1\r\n\r\n");

        String behaviour = "answers 400 to an HTTP/1.1 request without Host";
        String compensation = "the Host that HeadScanner's canonical heads always carry";
        assertThat(response).as(gone(behaviour, compensation)).startsWith("HTTP/1.1 400 ");
        assertThat(ran).as(gone(behaviour, compensation)).isNotDone();
    }

    private void fixedBadRequestBytes() throws Exception {
        int port = serve(exchange -> exchange.setStatusCode(200));

        // Not a missing Host: Undertow answers that one through a handler, with Date.
        String response = send(port, "GET / HTTP/1.1\r\nHost: h\r\nBad Name: v\r\n\r\n");

        assertThat(response).as(gone("answers an unparseable request with fixed bytes", "HeadScanner's refusals through AppCall"))
                .isEqualTo("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
    }

    private void shortBodyFailsWithUt000128() throws Exception {
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        int port = serve(new BlockingHandler(exchange -> failure.complete(readFailure(exchange))));

        send(port, "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 10\r\n\r\nabc", true);

        assertThat(failure.get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS))
                .as(gone("fails a body cut short with UT000128", "TrackedConnection#bodyRefused"))
                .isInstanceOf(IOException.class)
                .message().startsWith("UT000128");
    }

    private void closesOnBodyReadFailure() throws Exception {
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        int port = serve(new BlockingHandler(exchange -> {
            failure.complete(readFailure(exchange));
            if (!exchange.isResponseStarted()) {
                exchange.setStatusCode(400);
            }
        }));

        // A chunk size beyond Undertow's limit (UT000195); "zz" would not do: it reads as a last chunk.
        String response = send(port, "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "1000000000000000000\r\nhello\r\n0\r\n\r\n");

        String behaviour = "closes the connection when a body read fails";
        String compensation = "TrackedConnection#withholdsInput";
        assertThat(failure.get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)).as(gone(behaviour, compensation))
                .isInstanceOf(IOException.class);
        assertThat(response).as(gone(behaviour, compensation)).isEmpty();
    }

    private void setsTheCloseListenerOnOpen() throws Exception {
        ChannelListener<StreamConnection> sentinel = closed -> { };
        CompletableFuture<Object> afterOpen = new CompletableFuture<>();
        HttpOpenListener http = new HttpOpenListener(new DefaultByteBufferPool(false, 1024), OptionMap.EMPTY);
        http.setRootHandler(exchange -> exchange.setStatusCode(200));
        int port = bind(channel -> {
            channel.setCloseListener(sentinel);
            http.handleEvent(channel);
            afterOpen.complete(channel.getCloseListener());
        });

        send(port, "GET / HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n");

        assertThat(afterOpen.get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS))
                .as(gone("replaces the close listener when it opens a connection",
                        "ConnectionTracker's wrapping of Undertow's close listener"))
                .isNotNull()
                .isNotSameAs(sentinel);
    }

    private void continueOvertakesBufferedResponses() throws Exception {
        Undertow.Builder buffering = Undertow.builder().setServerOption(UndertowOptions.BUFFER_PIPELINED_DATA, true);
        int port = serve(buffering, new BlockingHandler(exchange -> {
            if (HttpContinue.requiresContinueResponse(exchange)) {
                HttpContinue.sendContinueResponseBlocking(exchange);
            }
            exchange.getInputStream().readAllBytes();
            exchange.getResponseSender().send(exchange.getRequestPath());
        }));

        String response = send(port, "GET /a HTTP/1.1\r\nHost: h\r\n\r\n"
                + "POST /b HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 1\r\nConnection: close\r\n\r\nx");

        assertThat(response).as(gone("sends 100 Continue ahead of the buffered responses to earlier pipelined requests",
                "RequestBody's flush of the pipelined responses before a 100 Continue")).startsWith("HTTP/1.1 100 ");
    }

    private void rfc2616ReasonPhrases() {
        String behaviour = "gives RFC 2616's reason phrases";
        String compensation = "ResponseWriter's reason phrases";
        assertThat(StatusCodes.getReason(413)).as(gone(behaviour, compensation)).isEqualTo("Request Entity Too Large");
        assertThat(StatusCodes.getReason(414)).as(gone(behaviour, compensation)).isEqualTo("Request-URI Too Large");
    }

    private void xnioServesOnlyWhatItBinds() throws Exception {
        String compensation = "XnioAcceptor";
        List<String> takingAChannel = Stream.of(Xnio.class, XnioWorker.class, XnioIoThread.class)
                .flatMap(type -> Arrays.stream(type.getMethods()))
                .filter(method -> Arrays.stream(method.getParameterTypes())
                        .anyMatch(type -> type != Object.class && type.isAssignableFrom(ServerSocketChannel.class)))
                .map(Method::toString)
                .toList();
        assertThat(takingAChannel).as(gone("lacks a public way to serve a listening channel bound elsewhere", compensation))
                .isEmpty();

        bind(connection -> { });
        assertThat(acceptor.getClass().getName())
                .as(gone("queues accepted connections out of sight before they reach an IO thread",
                        "XnioAcceptor's own hand-over"))
                .isEqualTo("org.xnio.nio.QueuedNioTcpServer2");

        assertThat(XnioAcceptor.acceptorConstructor(worker))
                .as("XNIO " + Version.getVersionString() + " no longer has the acceptor XnioAcceptor builds: rewrite it")
                .isNotNull();
    }

    private static String gone(String behaviour, String compensation) {
        return "Undertow no longer " + behaviour + ": " + compensation + " may be simplified or removed";
    }

    /** Plain Undertow with its defaults on 127.0.0.1 and an ephemeral port; returns the port. */
    private int serve(HttpHandler handler) {
        return serve(Undertow.builder(), handler);
    }

    private int serve(Undertow.Builder builder, HttpHandler handler) {
        undertow = builder.addHttpListener(0, "127.0.0.1").setHandler(handler).build();
        undertow.start();
        return ((InetSocketAddress) undertow.getListenerInfo().getFirst().getAddress()).getPort();
    }

    /** An XNIO worker accepting on 127.0.0.1 as {@link Transport} does; returns the port. */
    private int bind(ChannelListener<StreamConnection> open) throws IOException {
        worker = Xnio.getInstance(UndertowQuirksTest.class.getClassLoader()).createWorkerBuilder().build();
        acceptor = worker.createStreamConnectionServer(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                ChannelListeners.openListenerAdapter(open), OptionMap.EMPTY);
        acceptor.resumeAccepts();
        return acceptor.getLocalAddress(InetSocketAddress.class).getPort();
    }

    private static String send(int port, String request) throws IOException {
        return send(port, request, false);
    }

    /**
     * Writes {@code request}, half-closing after it if asked, and returns every byte the server
     * sends until it closes, resets, or is silent for {@link #TIMEOUT_MILLIS}.
     */
    private static String send(int port, String request, boolean halfClose) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(TIMEOUT_MILLIS);
            socket.getOutputStream().write(request.getBytes(ISO_8859_1));
            if (halfClose) {
                socket.shutdownOutput();
            }
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            try (InputStream in = socket.getInputStream()) {
                in.transferTo(received);
            } catch (SocketTimeoutException | SocketException ended) {
                // what came before the silence or the reset is the answer
            }
            return received.toString(ISO_8859_1);
        }
    }

    /** The failure of reading the whole request body, or null when it was read. */
    private static Throwable readFailure(HttpServerExchange exchange) {
        try {
            exchange.getInputStream().readAllBytes();
            return null;
        } catch (IOException failed) {
            return failed;
        }
    }

    /** The request fields with these names, as "name: value" in the order the header map gives. */
    private static List<String> fieldsNamed(HttpServerExchange exchange, String... names) {
        List<String> fields = new ArrayList<>();
        for (HeaderValues values : exchange.getRequestHeaders()) {
            String name = values.getHeaderName().toString();
            if (List.of(names).contains(name)) {
                values.forEach(value -> fields.add(name + ": " + value));
            }
        }
        return fields;
    }
}
