package dev.spawning.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spawning.factory.App;
import dev.spawning.factory.Response;
import dev.spawning.factory.Server;
import dev.spawning.factory.testing.RawHttp;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

class ContractAccessLogTest {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final String TIME = "\\[\\d{2}/[A-Z][a-z]{2}/\\d{4}:\\d{2}:\\d{2}:\\d{2} [+-]\\d{4}]";

    /** Takes 20 ms on /slow so that the logged duration has a known floor. */
    private static final App APP = request -> switch (request.pathInfo()) {
        case "/slow" -> {
            Thread.sleep(20);
            yield Response.text(200, "hello");
        }
        case "/custom" -> Response.builder(201).header("X-Out", "out-value").body("ok").build();
        default -> Response.builder(404).build();
    };

    @ContractTest
    void writesOneCombinedFormatLinePerRequest(ContractServers servers, @TempDir Path dir) throws Exception {
        Path log = dir.resolve("access.log");
        Server server = servers.start(APP, "access_log", log.toString());

        try (RawHttp client = RawHttp.connect(server)) {
            client.send("GET /slow?y=1 HTTP/1.1\r\nHost: x\r\nReferer: http://ref/\r\nUser-Agent: agent/1.0\r\n\r\n").read();
            client.send(ContractApps.get("/missing")).read();
        }

        List<String> lines = awaitLines(log, 2);
        String slow = lines.stream().filter(line -> line.contains("/slow")).findFirst().orElseThrow();
        String missing = lines.stream().filter(line -> line.contains("/missing")).findFirst().orElseThrow();
        assertThat(lines).hasSize(2);
        assertThat(slow).matches("127\\.0\\.0\\.1 - - " + TIME
                + " \"GET /slow\\?y=1 HTTP/1\\.1\" 200 5 \"http://ref/\" \"agent/1\\.0\" \\d+");
        assertThat(Long.parseLong(slow.substring(slow.lastIndexOf(' ') + 1)))
                .as("duration in microseconds").isGreaterThanOrEqualTo(20_000);
        assertThat(missing).matches("127\\.0\\.0\\.1 - - " + TIME + " \"GET /missing HTTP/1\\.1\" 404 - \"-\" \"-\" \\d+");
    }

    @ContractTest
    void writesTheAtomsOfAnAccessLogFormat(ContractServers servers, @TempDir Path dir) throws Exception {
        Path log = dir.resolve("access.log");
        Server server = servers.start(APP, "access_log", log.toString(),
                "access_log_format", "%(m)s %(U)s %(q)s %(H)s %(s)s %(B)s %({X-In}i)s %({X-Out}o)s 100%%");

        try (RawHttp client = RawHttp.connect(server)) {
            client.send("POST /custom?c=d HTTP/1.1\r\nHost: x\r\nX-In: in-value\r\nContent-Length: 0\r\n\r\n").read();
        }

        assertThat(awaitLines(log, 1)).containsExactly("POST /custom c=d HTTP/1.1 201 2 in-value out-value 100%");
    }

    @ContractTest
    void logsARequestRefusedForTheSizeOfItsBodyWithItsStatus(ContractServers servers, @TempDir Path dir)
            throws Exception {
        Path log = dir.resolve("access.log");
        Server server = servers.start(APP, "access_log", log.toString(), "access_log_format", "%(r)s %(s)s",
                "max_body_size", "10");

        try (RawHttp client = RawHttp.connect(server)) {
            RawHttp.Reply reply = client.send("POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\n\r\n").read();
            assertThat(reply.code()).isEqualTo(413);
        }

        assertThat(awaitLines(log, 1)).containsExactly("POST /upload HTTP/1.1 413");
    }

    @ContractTest
    void writesTheSameJsonFieldsOnEveryProvider(ContractServers servers, @TempDir Path dir) throws Exception {
        Path log = dir.resolve("access.log");
        Server server = servers.start(APP, "access_log", log.toString(), "access_log_format", "json",
                "url_length_limit", "100");
        Instant before = Instant.now().minusSeconds(1);

        try (RawHttp client = RawHttp.connect(server)) {
            client.send("GET /slow?y=1 HTTP/1.1\r\nHost: x\r\nReferer: http://ref/\"q\"\r\n"
                    + "User-Agent: agent/1.0\r\n\r\n").read();
            client.send(ContractApps.get("/missing")).read();
        }
        try (RawHttp client = RawHttp.connect(server)) {
            assertThat(client.send("GET /" + "a".repeat(100) + " HTTP/1.1\r\nHost: x\r\n\r\n").read().code())
                    .isEqualTo(414);
        }

        List<Map<String, Object>> lines = new ArrayList<>();
        for (String line : awaitLines(log, 2)) {
            lines.add(JSON.readValue(line, new TypeReference<LinkedHashMap<String, Object>>() { }));
        }
        assertThat(lines).as("the 414's request line was not read: it is not logged").hasSize(2);
        Map<String, Object> slow = lines.stream().filter(line -> "/slow?y=1".equals(line.get("target"))).findFirst()
                .orElseThrow();
        Map<String, Object> missing = lines.stream().filter(line -> "/missing".equals(line.get("target")))
                .findFirst().orElseThrow();
        assertThat(slow.keySet()).containsExactly("time", "remote_addr", "method", "target", "protocol", "status",
                "bytes", "referer", "user_agent", "duration_us");
        assertThat(Instant.parse((String) slow.get("time"))).isBetween(before, Instant.now());
        assertThat((String) slow.get("time")).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
        assertThat(slow).containsEntry("remote_addr", "127.0.0.1").containsEntry("method", "GET")
                .containsEntry("protocol", "HTTP/1.1").containsEntry("status", 200).containsEntry("bytes", 5)
                .containsEntry("referer", "http://ref/\"q\"").containsEntry("user_agent", "agent/1.0");
        assertThat(((Number) slow.get("duration_us")).longValue()).isGreaterThanOrEqualTo(20_000);
        assertThat(missing).containsEntry("status", 404).containsEntry("bytes", 0).containsEntry("referer", null)
                .containsEntry("user_agent", null);
    }

    @ContractTest
    void writesTheAccessLogToStandardOutputWhenItIsADash(ContractServers servers) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            Server server = servers.start(APP, "access_log", "-", "access_log_format", "%(r)s %(s)s");
            try (RawHttp client = RawHttp.connect(server)) {
                client.send(ContractApps.get("/to-stdout")).read();
            }
            server.stop(Duration.ofSeconds(1));
        } finally {
            System.setOut(original);
        }

        assertThat(captured.toString(StandardCharsets.UTF_8)).contains("GET /to-stdout HTTP/1.1 404" + System.lineSeparator());
    }

    /** The log is written after the response, maybe on another thread: wait for it briefly. */
    static List<String> awaitLines(Path log, int count) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        List<String> lines = List.of();
        while (System.nanoTime() < deadline) {
            lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
            if (lines.size() >= count) {
                return lines;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("expected " + count + " access log line(s), found: " + lines);
    }
}
