package dev.spawning.controller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spawning.factory.testing.RawHttp;
import dev.spawning.factory.testing.TestTls;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS under the controller: it says {@code Serving on https://...}, and a reload re-reads the
 * certificate and key files, the way operators rotate them.
 */
class ControllerTlsTest {

    @TempDir
    Path dir;

    @Test
    void aReloadServesNewConnectionsWithTheCertificateFilesAsTheyAreNow() throws Exception {
        TestTls first = TestTls.create(dir.resolve("tls"), "first certificate");
        Path file = Files.writeString(dir.resolve("deployment.ini"), """
                [app:main]
                use = service:text
                body = over tls

                [server:main]
                use = service:coroutine
                host = 127.0.0.1
                port = 0
                processes = 2
                graceful_timeout = 5s
                certfile = %(here)s/tls/server.pem
                keyfile = %(here)s/tls/server-key.pem
                """);
        try (ControllerProcess controller = ControllerProcess.start(file)) {
            String url = controller.servingUrl();
            assertThat(url).startsWith("https://127.0.0.1:");
            InetSocketAddress address = new InetSocketAddress("127.0.0.1", URI.create(url).getPort());
            assertThat(serverSubject(address, first.client())).isEqualTo("CN=first certificate");

            TestTls second = TestTls.create(dir.resolve("tls"), "second certificate");
            controller.signal("HUP");

            assertThat(awaitSubject(address, second.client(), "CN=second certificate"))
                    .as(controller.err()).isEqualTo("CN=second certificate");
        }
    }

    /** The subject of the certificate a new connection gets, once a request over it was answered. */
    private static String serverSubject(InetSocketAddress address, SSLContext client) throws IOException {
        try (RawHttp http = RawHttp.connect(address, Duration.ofSeconds(10), client)) {
            assertThat(http.send("GET / HTTP/1.1\r\nHost: test\r\n\r\n").read().text()).isEqualTo("over tls");
            return ((X509Certificate) http.serverCertificates().getFirst()).getSubjectX500Principal().getName();
        }
    }

    /**
     * Polls with new connections until one gets {@code subject}: the old generation serves (with
     * the old certificate, which this client does not trust) until the new one has taken over.
     */
    private static String awaitSubject(InetSocketAddress address, SSLContext client, String subject)
            throws InterruptedException {
        long deadline = System.nanoTime() + ControllerProcess.WAIT.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                last = serverSubject(address, client);
                if (last.equals(subject)) {
                    return last;
                }
            } catch (IOException oldGeneration) {
                last = oldGeneration.toString();
            }
            Thread.sleep(100);
        }
        return last;
    }
}
