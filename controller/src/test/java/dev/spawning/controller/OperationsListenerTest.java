package dev.spawning.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the operations listener answers on {@code metrics_bind}, from the probes it is given. */
class OperationsListenerTest {

    private final AtomicReference<Optional<String>> notReady = new AtomicReference<>(Optional.empty());
    private final OperationsListener listener = OperationsListener.start(
            InetSocketAddress.createUnresolved("127.0.0.1", 0),
            Probes.of(() -> "# TYPE up gauge\nup 1.0\n", notReady::get));

    @AfterEach
    void close() {
        listener.close();
    }

    /** An answer: status, content type and body. */
    private record Answer(int status, String type, String body, String allow) {
    }

    private Answer send(String method, String path) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create(listener.url() + path).toURL().openConnection();
        connection.setRequestMethod(method);
        int status = connection.getResponseCode();
        InputStream body = status < 400 ? connection.getInputStream() : connection.getErrorStream();
        String text = body == null ? "" : new String(body.readAllBytes(), StandardCharsets.UTF_8);
        return new Answer(status, connection.getContentType(), text, connection.getHeaderField("Allow"));
    }

    @Test
    void servesTheMetricsAsPrometheusText() throws Exception {
        assertThat(send("GET", "/metrics"))
                .isEqualTo(new Answer(200, "text/plain; version=0.0.4; charset=utf-8", "# TYPE up gauge\nup 1.0\n", null));
    }

    @Test
    void answersLivenessAndReadinessUpAsJson() throws Exception {
        assertThat(send("GET", "/health/live")).isEqualTo(new Answer(200, "application/json", "{\"status\":\"UP\"}", null));
        assertThat(send("GET", "/health/ready")).isEqualTo(new Answer(200, "application/json", "{\"status\":\"UP\"}", null));
    }

    @Test
    void answersNotReadyWith503AndTheReasonWhileLivenessStaysUp() throws Exception {
        notReady.set(Optional.of("reload under way: generation \"2\" is starting"));
        assertThat(send("GET", "/health/ready")).isEqualTo(new Answer(503, "application/json",
                "{\"status\":\"DOWN\",\"reason\":\"reload under way: generation \\\"2\\\" is starting\"}", null));
        assertThat(send("GET", "/health/live").status()).isEqualTo(200);
    }

    @Test
    void answersHeadWithoutABody() throws Exception {
        assertThat(send("HEAD", "/health/ready")).isEqualTo(new Answer(200, "application/json", "", null));
    }

    @Test
    void answersOtherPathsWith404AndOtherMethodsWith405() throws Exception {
        assertThat(send("GET", "/").status()).isEqualTo(404);
        assertThat(send("GET", "/health").status()).isEqualTo(404);
        assertThat(send("POST", "/metrics")).isEqualTo(new Answer(405, "text/plain; charset=utf-8",
                "405 Method Not Allowed: only GET and HEAD\n", "GET, HEAD"));
    }

    @Test
    void refusesAnAddressInUseNamingTheSetting() {
        int port = URI.create(listener.url()).getPort();
        assertThatThrownBy(() -> OperationsListener.start(InetSocketAddress.createUnresolved("127.0.0.1", port),
                Probes.of(() -> "", Optional::empty)))
                .isInstanceOf(ControllerException.class)
                .hasMessage("Cannot bind metrics_bind = 127.0.0.1:" + port + ": Address already in use");
    }
}
