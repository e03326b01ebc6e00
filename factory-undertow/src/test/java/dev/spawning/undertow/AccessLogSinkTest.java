package dev.spawning.undertow;

import dev.spawning.factory.testing.RawHttp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spawning.factory.Response;
import dev.spawning.factory.Server;
import dev.spawning.factory.Settings;
import dev.spawning.factory.server.ServerSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class AccessLogSinkTest {

    private static final Clock FIXED = Clock.fixed(Instant.parse("2026-03-04T05:06:07Z"), ZoneOffset.ofHours(2));

    @RegisterExtension
    final Servers servers = new Servers();

    @TempDir
    Path dir;

    /** A monotonic clock that stands still: every request takes 0 microseconds. */
    private final Clocks clocks = new Clocks(FIXED, () -> 42L);

    @Test
    void appendsOneCombinedFormatLinePerRequestToTheFile() throws Exception {
        Path log = dir.resolve("access.log");
        Files.writeString(log, "earlier line\n");
        Server server = start(Map.of("access_log", log.toString()));

        try (RawHttp client = RawHttp.connect(server)) {
            client.send("GET /a?b=1 HTTP/1.1\r\nHost: x\r\nReferer: http://r/\r\nUser-Agent: raw/1\r\n\r\n").read();
            client.send("HEAD /gone HTTP/1.1\r\nHost: x\r\n\r\n").readHead();
        }
        server.stop(java.time.Duration.ofSeconds(1));

        List<String> lines = Files.readAllLines(log);
        assertThat(lines.getFirst()).isEqualTo("earlier line");
        // A line is written once its response is out, so the next request's line may come first.
        assertThat(lines.subList(1, lines.size())).containsExactlyInAnyOrder(
                "127.0.0.1 - - [04/Mar/2026:07:06:07 +0200] \"GET /a?b=1 HTTP/1.1\" 200 5 \"http://r/\" \"raw/1\" 0",
                "127.0.0.1 - - [04/Mar/2026:07:06:07 +0200] \"HEAD /gone HTTP/1.1\" 200 - \"-\" \"-\" 0");
    }

    @Test
    void usesTheConfiguredFormatWithResponseHeaders() throws Exception {
        Path log = dir.resolve("custom.log");
        Server server = start(Map.of("access_log", log.toString(),
                "access_log_format", "%(m)s %(U)s %(q)s %(H)s %(s)s %(B)s %({Content-Type}o)s %({Host}i)s %(M)s"));

        try (RawHttp client = RawHttp.connect(server)) {
            client.send("GET /p%20q?x HTTP/1.1\r\nHost: example\r\n\r\n").read();
        }
        server.stop(java.time.Duration.ofSeconds(1));

        assertThat(Files.readAllLines(log)).containsExactly("GET /p q x HTTP/1.1 200 5 text/plain example 0");
    }

    @Test
    void logsTheRequestsTheServerAnswersItself() throws Exception {
        Path log = dir.resolve("limits.log");
        Server server = start(Map.of("access_log", log.toString(), "url_length_limit", "20", "max_header_line", "20",
                "access_log_format", "%(r)s %(s)s %(b)s"));

        try (RawHttp client = RawHttp.connect(server)) {
            client.send("GET /" + "x".repeat(30) + " HTTP/1.1\r\nHost: x\r\n\r\n").read();
        }
        try (RawHttp client = RawHttp.connect(server)) {
            client.send("GET /y HTTP/1.1\r\nHost: x\r\nX-Long: " + "v".repeat(30) + "\r\n\r\n").read();
        }
        server.stop(java.time.Duration.ofSeconds(1));

        assertThat(Files.readAllLines(log)).as("a request whose request line was never read has nothing to log")
                .isEqualTo(List.of("GET /y HTTP/1.1 431 32"));
    }

    private Server start(Map<String, String> settings) throws Exception {
        Map<String, String> local = new java.util.HashMap<>(settings);
        local.put("port", "0");
        Server server = new UndertowServer(ServerSettings.from(Settings.of(local)), clocks, null);
        return servers.start(server, request -> Response.builder(200).header("Content-Type", "text/plain").body("hello").build());
    }
}
