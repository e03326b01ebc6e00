package dev.spawning.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spawning.factory.Server;
import dev.spawning.factory.testing.RawHttp;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in {@code static} app as a deployment file uses it: named as Paste names it
 * ({@code egg:Paste#static}), its directory given with {@code %(here)s}, mounted by urlmap and
 * served by a real server.
 */
class StaticDeploymentTest {

    private static final String SECRET = "TOP SECRET, next to the deployment file";

    @TempDir
    Path dir;

    private Path file;
    private Server server;

    @BeforeEach
    void deployment() throws Exception {
        Files.writeString(dir.resolve("secret.txt"), SECRET);
        Files.createDirectories(dir.resolve("public/css"));
        Files.writeString(dir.resolve("public/index.html"), "<h1>home</h1>");
        Files.writeString(dir.resolve("public/css/site.css"), "body { margin: 0 }");
        Files.createSymbolicLink(dir.resolve("public/escape.txt"), dir.resolve("secret.txt"));
        file = dir.resolve("site.ini");
        Files.writeString(file, """
                [composite:main]
                use = egg:Paste#urlmap
                /files = files

                [app:files]
                use = egg:Paste#static
                directory = %(here)s/public
                cache_max_age = 60

                [server:main]
                use = service:undertow
                host = 127.0.0.1
                port = 0
                graceful_timeout = 1s
                """);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(Duration.ofSeconds(1));
        }
    }

    private RawHttp serve() throws Exception {
        Deployment deployment = Deployment.of(file);
        server = deployment.server("main");
        server.start(deployment.app());
        return RawHttp.connect(server);
    }

    private static String get(String target, String... headers) {
        return "GET " + target + " HTTP/1.1\r\nHost: localhost\r\n" + String.join("", headers) + "\r\n";
    }

    @Test
    void servesTheFilesOfTheDirectoryBelowTheMountPoint() throws Exception {
        try (RawHttp http = serve()) {
            RawHttp.Reply css = http.send(get("/files/css/site.css")).read();
            assertThat(css.code()).isEqualTo(200);
            assertThat(css.text()).isEqualTo("body { margin: 0 }");
            assertThat(css.framing()).isEqualTo(RawHttp.Framing.LENGTH);
            assertThat(css.header("Content-Length")).hasValue("18");
            assertThat(css.header("Content-Type")).hasValue("text/css; charset=utf-8");
            assertThat(css.header("Cache-Control")).hasValue("max-age=60");
            assertThat(css.header("Last-Modified")).isPresent();
            String etag = css.header("ETag").orElseThrow();

            RawHttp.Reply again = http.send(get("/files/css/site.css", "If-None-Match: " + etag + "\r\n")).read();
            assertThat(again.code()).isEqualTo(304);
            assertThat(again.body()).isEmpty();
            assertThat(again.header("ETag")).hasValue(etag);

            RawHttp.Reply index = http.send(get("/files/")).read();
            assertThat(index.text()).isEqualTo("<h1>home</h1>");
        }
    }

    @Test
    void answersHeadWithTheLengthAndNoBody() throws Exception {
        try (RawHttp http = serve()) {
            RawHttp.Reply head = http.send("HEAD /files/css/site.css HTTP/1.1\r\nHost: localhost\r\n\r\n").readHead();
            assertThat(head.code()).isEqualTo(200);
            assertThat(head.header("Content-Length")).hasValue("18");
            RawHttp.Reply next = http.send(get("/files/index.html")).read();
            assertThat(next.text()).as("nothing was sent after the head").isEqualTo("<h1>home</h1>");
        }
    }

    @Test
    void redirectsTheMountPointToItsSlash() throws Exception {
        try (RawHttp http = serve()) {
            RawHttp.Reply reply = http.send(get("/files")).read();
            assertThat(reply.code()).isEqualTo(301);
            assertThat(reply.header("Location")).hasValue("/files/");
        }
    }

    @Test
    void answers405ToAPost() throws Exception {
        try (RawHttp http = serve()) {
            RawHttp.Reply reply = http.send("POST /files/index.html HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Length: 0\r\n\r\n").read();
            assertThat(reply.code()).isEqualTo(405);
            assertThat(reply.header("Allow")).hasValue("GET, HEAD");
        }
    }

    @Test
    void neverServesWhatIsOutsideTheDirectory() throws Exception {
        try (RawHttp http = serve()) {
            for (String target : new String[] {"/files/../secret.txt", "/files/%2e%2e/secret.txt",
                    "/files/css/%2E%2E/%2e%2e/secret.txt", "/files/..%2fsecret.txt", "/files/escape.txt",
                    "/files/index.html%00"}) {
                RawHttp.Reply reply = http.send(get(target)).read();
                assertThat(reply.code()).as(target).isEqualTo(404);
                assertThat(new String(reply.body(), StandardCharsets.ISO_8859_1)).doesNotContain(SECRET);
            }
        }
    }

    @Test
    void sendsAFileLargerThanOneReadWhole() throws Exception {
        byte[] data = new byte[1 << 20];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i % 251);
        }
        Files.write(dir.resolve("public/big.bin"), data);
        try (RawHttp http = serve()) {
            RawHttp.Reply reply = http.send(get("/files/big.bin")).read();
            assertThat(reply.code()).isEqualTo(200);
            assertThat(reply.body()).isEqualTo(data);
        }
    }

    @Test
    void checkReportsADirectoryThatDoesNotExistAtItsLine() throws Exception {
        Files.writeString(file, Files.readString(file).replace("%(here)s/public", "%(here)s/nowhere"));
        assertThat(Deployment.of(file).check()).extracting(Problem::text).containsExactly(
                "Error in file " + file + ": line 7: [app:files] directory = '" + dir + "/nowhere': expected an "
                        + "existing directory; there is nothing at " + dir + "/nowhere");
    }
}
