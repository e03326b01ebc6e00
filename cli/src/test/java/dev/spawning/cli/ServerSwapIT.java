package dev.spawning.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The promise of the README: swapping {@code use = service:undertow} for
 * {@code use = service:coroutine} in {@code examples/hello.ini} changes nothing a client can see
 * but the {@code Server} header. Both files are served by {@code bin/spawn}; each request goes on a
 * fresh connection, half-closed after sending, and the two byte streams that come back are
 * compared whole, with the {@code Date} and {@code Server} values masked and the header fields of
 * each response sorted (the order of fields of different names carries no meaning, RFC 9110
 * section 5.3, and Undertow keeps its fields in a hash table).
 */
class ServerSwapIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Path ROOT = Path.of(System.getProperty("spawning.root", "..")).toAbsolutePath().normalize();

    private static final List<String> REQUESTS = List.of(
            "GET / HTTP/1.1\r\nHost: h\r\n\r\n",
            "HEAD / HTTP/1.1\r\nHost: h\r\n\r\n",
            "GET /any/path?q=1 HTTP/1.0\r\n\r\n",
            "GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n",
            "GET / HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n",
            "POST /form HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\n\r\nabc",
            "PUT /upload HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n",
            "GET /1 HTTP/1.1\r\nHost: h\r\n\r\nGET /2 HTTP/1.1\r\nHost: h\r\n\r\nGET /3 HTTP/1.1\r\nHost: h\r\n\r\n",
            "POST / HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n",
            "GET / HTTP/1.1\r\n\r\n",
            "GET /x HTTP/1.1\r\nHost: h\r\nContent-Length: 1, 1\r\n\r\nx",
            "GET /" + "x".repeat(9000) + " HTTP/1.1\r\nHost: h\r\n\r\n");

    @Test
    void swappingUndertowForCoroutineChangesNothingButTheServerHeader(@TempDir Path temp) throws Exception {
        String hello = Files.readString(ROOT.resolve("examples/hello.ini"));
        assertThat(hello).containsOnlyOnce("use = service:undertow");
        Path swapped = Files.writeString(temp.resolve("hello.ini"),
                hello.replace("use = service:undertow", "use = service:coroutine"));

        List<String> undertow = answers(ROOT.resolve("examples/hello.ini"));
        List<String> coroutine = answers(swapped);

        assertThat(coroutine).isEqualTo(undertow);
        assertThat(undertow.getFirst()).startsWith("HTTP/1.1 200 OK\r\n").endsWith("\r\n\r\nThis is basic app");
    }

    private static List<String> answers(Path file) throws Exception {
        Map<String, String> env = new HashMap<>(Map.of("PORT", "0"));
        env.put("JAVA_HOME", null);
        List<String> command = List.of("bash", ROOT.resolve("bin/spawn").toString(), file.toString());
        try (JavaProcess spawn = JavaProcess.start(command, env, ROOT)) {
            String line = spawn.nextLine(WAIT);
            assertThat(line).as("stderr: %s", spawn.err()).startsWith("Serving on http://");
            URI base = URI.create(line.substring("Serving on ".length()));
            List<String> answers = new ArrayList<>();
            for (String request : REQUESTS) {
                answers.add(normalized(exchange(base, request)));
            }
            spawn.terminate();
            spawn.waitFor(WAIT);
            return answers;
        }
    }

    /** Sends {@code request} on a fresh connection, half-closes, and reads until the server closes. */
    private static String exchange(URI base, String request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.shutdownOutput();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            try {
                in.transferTo(received);
            } catch (SocketTimeoutException stillOpen) {
                received.writeBytes("<still open after 5 s>".getBytes(StandardCharsets.ISO_8859_1));
            }
            return received.toString(StandardCharsets.ISO_8859_1);
        }
    }

    /** Each response with Date and Server masked and its header fields sorted. */
    private static String normalized(String stream) {
        StringBuilder out = new StringBuilder();
        String rest = stream;
        while (rest.startsWith("HTTP/")) {
            int end = rest.indexOf("\r\n\r\n");
            if (end < 0) {
                break;
            }
            String[] lines = rest.substring(0, end).split("\r\n");
            String[] fields = Arrays.copyOfRange(lines, 1, lines.length);
            for (int i = 0; i < fields.length; i++) {
                String lower = fields[i].toLowerCase(java.util.Locale.ROOT);
                fields[i] = lower.startsWith("date:") ? "Date: *" : lower.startsWith("server:") ? "Server: *" : fields[i];
            }
            Arrays.sort(fields, String.CASE_INSENSITIVE_ORDER);
            out.append(lines[0]).append("\r\n").append(String.join("\r\n", fields)).append("\r\n\r\n");
            int length = contentLength(fields);
            int bodyEnd = Math.min(rest.length(), end + 4 + length);
            out.append(rest, end + 4, bodyEnd);
            rest = rest.substring(bodyEnd);
        }
        return out.append(rest).toString();
    }

    private static int contentLength(String[] fields) {
        for (String field : fields) {
            if (field.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                return Integer.parseInt(field.substring(field.indexOf(':') + 1).strip());
            }
        }
        return 0;
    }
}
