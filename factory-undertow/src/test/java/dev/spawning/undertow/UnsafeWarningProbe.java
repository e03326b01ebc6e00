package dev.spawning.undertow;

import dev.spawning.factory.testing.RawHttp;

import dev.spawning.factory.Response;
import dev.spawning.factory.Server;
import dev.spawning.factory.Settings;
import java.time.Duration;
import java.util.Map;

/**
 * Run in a child JVM by {@link UndertowServerTest}: starts a server, serves a request with a body
 * in and a large streamed body out (pool, chunked decoder and encoder all used), and stops, so
 * that the test can read what the JVM printed about {@code sun.misc.Unsafe}.
 */
final class UnsafeWarningProbe {

    private UnsafeWarningProbe() {
    }

    public static void main(String[] args) throws Exception {
        Server server = new UndertowServerFactory().create(Settings.empty(), Settings.of(Map.of("port", "0")));
        server.start(request -> {
            byte[] body = request.readBody();
            return Response.builder(200).body(out -> {
                for (int i = 0; i < 64; i++) {
                    out.write(new byte[4096]);
                }
                out.write(body);
            }).build();
        });
        try (RawHttp client = RawHttp.connect(server)) {
            client.send("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n").read();
        }
        System.out.println("probe " + server.stop(Duration.ofSeconds(5)).completed());
    }
}
