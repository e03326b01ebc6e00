package dev.spawning.controller;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The operations listener on {@code metrics_bind}, apart from the app's URLs so that they never
 * mix: {@code GET /metrics} (Prometheus' text, {@code text/plain; version=0.0.4; charset=utf-8}),
 * {@code GET /health/live} and {@code GET /health/ready}, each 200 {@code {"status":"UP"}} or 503
 * {@code {"status":"DOWN","reason":"..."}} ({@code application/json}, {@code Cache-Control:
 * no-store}), for Kubernetes' probes; 404 for any other path, 405 with {@code Allow: GET, HEAD}
 * for any other method. HEAD answers GET's status and headers without the body. What it answers
 * comes from {@link Probes}: the controller's (readiness follows its generations and reloads;
 * metrics summed over its workers) or, in {@code spawn serve} without the controller, the
 * server's own.
 *
 * <p>Readiness under the controller: ready when a generation is serving (all its
 * {@code processes} workers READY and none draining) and no reload is under way; not ready from a
 * reload's trigger until its new generation has taken over (success) or the reload has failed and
 * the old generation serves on (failure), nor while no generation is serving (at start, after a
 * crash until the replacement is ready), nor once the controller stops. The app's socket keeps
 * accepting throughout, so nothing is dropped; a balancer that honours readiness just prefers
 * other replicas while this one's capacity is in flux. Liveness: the controller's loop has gone
 * round in the last 15 s. In {@code spawn serve} without the controller: ready once the server
 * has started, not ready once it stops; always alive while it answers.
 *
 * <pre>{@code
 * try (OperationsListener listener = OperationsListener.start(address, probes)) {
 *     out.println("Metrics on " + listener.url());
 *     ...
 * }
 * }</pre>
 *
 * <p>It serves with the JDK's own HTTP server ({@code com.sun.net.httpserver}, module
 * {@code jdk.httpserver}): small, part of the JDK, enough for probes and a scrape, and
 * independent of the server providers, which the controller never runs itself (an app's provider
 * may be neither of ours). Threads: the JDK server's dispatcher thread accepts and reads
 * requests; each exchange is answered on a virtual thread of this listener's executor, which only
 * reads the thread-safe {@link Probes}; {@link #close} stops both.
 */
public final class OperationsListener implements AutoCloseable {

    private static final String JSON = "application/json";

    private final HttpServer server;
    private final ExecutorService executor;
    private final Probes probes;

    private OperationsListener(HttpServer server, ExecutorService executor, Probes probes) {
        this.server = server;
        this.executor = executor;
        this.probes = probes;
    }

    /**
     * Binds {@code address} and serves {@code probes} until closed.
     *
     * @param address the {@code metrics_bind} address, resolved here (an unresolved one too)
     * @param probes  what to answer
     * @return the listener, serving
     * @throws ControllerException naming the address and the system's reason, such as
     *         {@code Cannot bind metrics_bind = 127.0.0.1:9100: Address already in use}
     */
    public static OperationsListener start(InetSocketAddress address, Probes probes) {
        String where = "metrics_bind = " + address.getHostString() + ":" + address.getPort();
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(address.getHostString()),
                    address.getPort()), 0);
        } catch (UnknownHostException e) {
            throw new ControllerException("Cannot bind " + where + ": unknown host", e);
        } catch (IOException e) {
            throw new ControllerException("Cannot bind " + where + ": " + e.getMessage(), e);
        }
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        OperationsListener listener = new OperationsListener(server, executor, probes);
        server.createContext("/", listener::answer);
        server.setExecutor(executor);
        server.start();
        return listener;
    }

    /** {@return the bound address, as {@code http://HOST:PORT}} */
    public String url() {
        InetSocketAddress address = server.getAddress();
        String host = address.getAddress().getHostAddress();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
    }

    /** Stops answering and closes the socket at once. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                send(exchange, 405, "text/plain; charset=utf-8", "405 Method Not Allowed: only GET and HEAD\n");
                return;
            }
            switch (exchange.getRequestURI().getPath()) {
                case "/metrics" -> send(exchange, 200, MetricsText.CONTENT_TYPE, probes.metrics());
                case "/health/live" -> status(exchange, probes.notLive());
                case "/health/ready" -> status(exchange, probes.notReady());
                default -> send(exchange, 404, "text/plain; charset=utf-8", "404 Not Found\n");
            }
        }
    }

    private static void status(HttpExchange exchange, Optional<String> down) throws IOException {
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        if (down.isEmpty()) {
            send(exchange, 200, JSON, "{\"status\":\"UP\"}");
        } else {
            send(exchange, 503, JSON, "{\"status\":\"DOWN\",\"reason\":\"" + jsonString(down.get()) + "\"}");
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String jsonString(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
