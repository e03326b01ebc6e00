package dev.spawning.factory.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spawning.factory.Headers;
import dev.spawning.factory.Request;
import dev.spawning.factory.Response;
import dev.spawning.factory.Settings;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProviderHelpersTest {

    @TempDir
    Path dir;

    @Test
    void errorResponsesGiveTheReasonPhraseAndClose() {
        Response refused = ErrorResponses.of(414);

        assertThat(refused.status()).isEqualTo(414);
        assertThat(refused.headers().first("Connection")).contains("close");
        assertThat(((Response.Body.Bytes) refused.body()).text()).isEqualTo("URI Too Long\n");
        assertThat(((Response.Body.Bytes) ErrorResponses.internalError("trace").body()).text())
                .isEqualTo("Internal Server Error\n\ntrace\n");
    }

    @Test
    void anAppCallTurnsAFailureOrAMissingResponseIntoTheFailureResponse() {
        Request request = Request.builder().build();
        Response ok = Response.text(200, "ok");
        java.util.List<Throwable> seen = new java.util.ArrayList<>();
        java.util.function.Function<Throwable, Response> onFailure = failure -> {
            seen.add(failure);
            return ErrorResponses.internalError(null);
        };

        assertThat(AppCalls.answer(r -> ok, request, onFailure)).isSameAs(ok);
        assertThat(AppCalls.answer(r -> null, request, onFailure).status()).isEqualTo(500);
        assertThat(AppCalls.answer(r -> { throw new StackOverflowError(); }, request, onFailure).status())
                .isEqualTo(500);
        assertThat(seen).hasSize(2);
        assertThat(seen.getFirst()).isInstanceOf(NullPointerException.class).hasMessage("The app returned no response");
        assertThat(seen.get(1)).isInstanceOf(StackOverflowError.class);
    }

    @Test
    void bindFailuresNameTheAddressAndKeepTheirKind() {
        ServerSettings v6 = ServerSettings.from(Settings.of(Map.of("host", "::1", "port", "8080")));

        IOException named = BindFailures.named(ServerSettings.DEFAULTS, new BindException("Address already in use"));
        assertThat(named).isInstanceOf(BindException.class).hasMessage("Address already in use: 127.0.0.1:8080");
        assertThat(BindFailures.named(v6, new IOException("Cannot assign requested address")))
                .hasMessage("Cannot assign requested address: [::1]:8080");
    }

    @Test
    void theAccessLogAppendsOneLinePerRequestInTheConfiguredFormat() throws Exception {
        Path file = dir.resolve("access.log");
        Files.writeString(file, "earlier\n");
        ServerSettings settings = ServerSettings.from(Settings.of(Map.of("access_log", file.toString(),
                "access_log_format", "%(h)s %(t)s \"%(r)s\" %(s)s %(B)s %(D)s")));
        Clock fixed = Clock.fixed(Instant.parse("2026-03-04T05:06:07Z"), ZoneOffset.ofHours(2));
        long[] now = {1_000};
        Request request = Request.builder().method("GET").target("/a?b").remoteAddress(
                new InetSocketAddress("127.0.0.1", 5000)).build();

        try (AccessLogSink sink = AccessLogSink.open(settings, fixed, () -> now[0])) {
            AccessLogSink.Start start = sink.start();
            now[0] += 1_500_000;
            sink.log(start, request, 200, 17, Headers.empty());
        }

        assertThat(Files.readAllLines(file)).containsExactly("earlier",
                "127.0.0.1 [04/Mar/2026:07:06:07 +0200] \"GET /a?b HTTP/1.1\" 200 17 1500");
    }

    @Test
    void anAccessLogThatIsOffLogsNothing() throws Exception {
        try (AccessLogSink sink = AccessLogSink.open(ServerSettings.DEFAULTS)) {
            assertThat(sink.enabled()).isFalse();
            assertThat(sink.start()).isNull();
        }
    }
}
