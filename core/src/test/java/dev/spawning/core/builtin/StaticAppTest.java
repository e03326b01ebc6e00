package dev.spawning.core.builtin;

import static dev.spawning.core.builtin.BuiltinFixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spawning.core.testing.Apps;
import dev.spawning.factory.App;
import dev.spawning.factory.Request;
import dev.spawning.factory.Response;
import dev.spawning.factory.Settings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What {@code service:static} answers, called directly: files, validators, 304, HEAD, 405, traversal. */
class StaticAppTest {

    /** 2024-01-02T03:04:05.123456Z: the modification time of every file here. */
    private static final Instant MODIFIED = Instant.parse("2024-01-02T03:04:05.123456Z");
    private static final String LAST_MODIFIED = "Tue, 02 Jan 2024 03:04:05 GMT";
    /** The ETag of hello.txt: its size (5) and its modification time in microseconds, in hex. */
    private static final String HELLO_ETAG = "\"5-" + Long.toHexString(1_704_164_645_123_456L) + "\"";
    private static final String SECRET = "TOP SECRET, outside the directory";

    @TempDir
    Path top;

    private Path publicDir;
    private App app;

    @BeforeEach
    void files() throws IOException {
        Files.writeString(top.resolve("secret.txt"), SECRET);
        publicDir = Files.createDirectory(top.resolve("public"));
        write("hello.txt", "hello");
        write("index.html", "<h1>home</h1>");
        write("sub/index.html", "<h1>sub</h1>");
        write("sub/page.html", "<p>page</p>");
        write("café.txt", "accent");
        Files.createDirectories(publicDir.resolve("empty"));
        Files.createDirectories(publicDir.resolve("dir/index.html"));
        Files.createSymbolicLink(publicDir.resolve("link-in.txt"), Path.of("hello.txt"));
        Files.createSymbolicLink(publicDir.resolve("link-out.txt"), top.resolve("secret.txt"));
        Files.createSymbolicLink(publicDir.resolve("link-dir-out"), top);
        Files.createSymbolicLink(publicDir.resolve("sub/up"), Path.of(".."));
        app = app();
    }

    private void write(String name, String text) throws IOException {
        Path file = publicDir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        Files.setLastModifiedTime(file, FileTime.from(MODIFIED));
    }

    private App app(String... moreSettings) {
        String[] keysAndValues = new String[moreSettings.length + 2];
        keysAndValues[0] = "directory";
        keysAndValues[1] = publicDir.toString();
        System.arraycopy(moreSettings, 0, keysAndValues, 2, moreSettings.length);
        return new StaticAppFactory().create(Settings.empty(), settings("app:files", keysAndValues));
    }

    private static Request request(String method, String target, String... headers) {
        Request.Builder request = Request.builder().method(method).target(target).header("Host", "localhost");
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return request.build();
    }

    private Response get(String target, String... headers) throws Exception {
        return app.handle(request("GET", target, headers));
    }

    private static byte[] bytes(Response response) throws IOException {
        return switch (response.body()) {
            case Response.Body.Bytes bytes -> bytes.data();
            case Response.Body.Streamed streamed -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                streamed.writer().writeTo(out);
                yield out.toByteArray();
            }
        };
    }

    @Test
    void servesAFileWithItsTypeLengthAndValidators() throws Exception {
        Response response = get("/hello.txt");
        assertThat(response.status()).isEqualTo(200);
        assertThat(Apps.body(response)).isEqualTo("hello");
        assertThat(response.headers().first("Content-Type")).hasValue("text/plain; charset=utf-8");
        assertThat(response.headers().first("Content-Length")).hasValue("5");
        assertThat(response.headers().first("ETag")).hasValue(HELLO_ETAG);
        assertThat(response.headers().first("Last-Modified")).hasValue(LAST_MODIFIED);
        assertThat(response.headers().contains("Cache-Control")).isFalse();
    }

    @Test
    void ignoresTheQuery() throws Exception {
        assertThat(Apps.body(get("/hello.txt?v=3"))).isEqualTo("hello");
    }

    @Test
    void servesAFileBelowTheMountPointFromThePathInfo() throws Exception {
        Request mounted = request("GET", "/static/sub/page.html").withPath("/static", "/sub/page.html");
        assertThat(Apps.body(app.handle(mounted))).isEqualTo("<p>page</p>");
    }

    @Test
    void servesAFileWhoseNameIsUtf8PercentEncoded() throws Exception {
        assertThat(Apps.body(get("/caf%C3%A9.txt"))).isEqualTo("accent");
    }

    @Test
    void followsASymbolicLinkThatStaysInsideTheDirectory() throws Exception {
        Response response = get("/link-in.txt");
        assertThat(response.status()).isEqualTo(200);
        assertThat(Apps.body(response)).isEqualTo("hello");
        assertThat(response.headers().first("ETag")).hasValue(HELLO_ETAG);
    }

    @Test
    void takesTheTypeFromTheRequestedNameAsNginxDoesNotFromTheLinksTarget() throws Exception {
        Files.createSymbolicLink(publicDir.resolve("greeting.html"), Path.of("hello.txt"));
        assertThat(get("/greeting.html").headers().first("Content-Type")).hasValue("text/html; charset=utf-8");
    }

    @Test
    void answersHeadWithTheHeadersOfGetAndNoBody() throws Exception {
        Response response = app.handle(request("HEAD", "/hello.txt"));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(Response.Body.EMPTY);
        assertThat(response.headers().first("Content-Length")).hasValue("5");
        assertThat(response.headers().first("Content-Type")).hasValue("text/plain; charset=utf-8");
        assertThat(response.headers().first("ETag")).hasValue(HELLO_ETAG);
        assertThat(response.headers().first("Last-Modified")).hasValue(LAST_MODIFIED);
    }

    @Test
    void addsCacheControlWhenCacheMaxAgeIsSet() throws Exception {
        app = app("cache_max_age", "3600");
        assertThat(get("/hello.txt").headers().first("Cache-Control")).hasValue("max-age=3600");
        assertThat(get("/hello.txt", "If-None-Match", HELLO_ETAG).headers().first("Cache-Control"))
                .hasValue("max-age=3600");
    }

    // Conditional requests

    @Test
    void answers304WithTheValidatorsAndNoBodyWhenIfNoneMatchHoldsTheETag() throws Exception {
        Response response = get("/hello.txt", "If-None-Match", HELLO_ETAG);
        assertThat(response.status()).isEqualTo(304);
        assertThat(response.body()).isEqualTo(Response.Body.EMPTY);
        assertThat(response.headers().first("ETag")).hasValue(HELLO_ETAG);
        assertThat(response.headers().first("Last-Modified")).hasValue(LAST_MODIFIED);
        assertThat(response.headers().contains("Content-Length")).isFalse();
    }

    @ParameterizedTest(name = "If-None-Match: {0}")
    @ValueSource(strings = {"*", "\"other\", ETAG", "\"a\",ETAG,\"b\"", "W/ETAG", "\"with,comma\", ETAG"})
    void answers304WhenIfNoneMatchIsAStarOrAListHoldingTheETag(String header) throws Exception {
        assertThat(get("/hello.txt", "If-None-Match", header.replace("ETAG", HELLO_ETAG)).status()).isEqualTo(304);
    }

    @Test
    void answers304WhenAnyOfSeveralIfNoneMatchFieldsHoldsTheETag() throws Exception {
        assertThat(get("/hello.txt", "If-None-Match", "\"other\"", "If-None-Match", HELLO_ETAG).status())
                .isEqualTo(304);
    }

    @ParameterizedTest(name = "If-None-Match: {0}")
    @ValueSource(strings = {"\"other\"", "\"5-0\"", "ETAG", "\"unclosed"})
    void sendsTheFileWhenIfNoneMatchDoesNotHoldTheETag(String header) throws Exception {
        Response response = get("/hello.txt", "If-None-Match", header.replace("ETAG", HELLO_ETAG.replace("\"", "")));
        assertThat(response.status()).isEqualTo(200);
        assertThat(Apps.body(response)).isEqualTo("hello");
    }

    @Test
    void letsAnIfNoneMatchThatDoesNotMatchDecideAloneOverIfModifiedSince() throws Exception {
        Response response = get("/hello.txt", "If-None-Match", "\"other\"", "If-Modified-Since", LAST_MODIFIED);
        assertThat(response.status()).isEqualTo(200);
        assertThat(Apps.body(response)).isEqualTo("hello");
    }

    @ParameterizedTest(name = "If-Modified-Since: {0}")
    @ValueSource(strings = {LAST_MODIFIED, "Wed, 03 Jan 2024 00:00:00 GMT", "Tuesday, 02-Jan-24 03:04:05 GMT",
            "Tue Jan  2 03:04:05 2024"})
    void answers304WhenIfModifiedSinceIsNotBeforeTheModificationTime(String since) throws Exception {
        Response response = get("/hello.txt", "If-Modified-Since", since);
        assertThat(response.status()).isEqualTo(304);
        assertThat(response.headers().first("ETag")).hasValue(HELLO_ETAG);
        assertThat(response.headers().first("Last-Modified")).hasValue(LAST_MODIFIED);
    }

    @ParameterizedTest(name = "If-Modified-Since: {0}")
    @ValueSource(strings = {"Tue, 02 Jan 2024 03:04:04 GMT", "yesterday", "", "Fri, 01 Jan 2100 00:00:00 GMT"})
    void sendsTheFileWhenIfModifiedSinceIsEarlierInvalidOrInTheFuture(String since) throws Exception {
        assertThat(get("/hello.txt", "If-Modified-Since", since).status()).isEqualTo(200);
    }

    @Test
    void answersAConditionalHeadWith304Too() throws Exception {
        Response response = app.handle(request("HEAD", "/hello.txt", "If-None-Match", HELLO_ETAG));
        assertThat(response.status()).isEqualTo(304);
        assertThat(response.body()).isEqualTo(Response.Body.EMPTY);
    }

    @Test
    void changesTheETagWhenTheFileChanges() throws Exception {
        Files.writeString(publicDir.resolve("hello.txt"), "hello, world");
        Response response = get("/hello.txt", "If-None-Match", HELLO_ETAG);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().first("ETag")).isPresent().get().isNotEqualTo(HELLO_ETAG);
    }

    // Directories

    @Test
    void servesTheIndexOfTheDirectoryAndOfASubdirectory() throws Exception {
        Response root = get("/");
        assertThat(Apps.body(root)).isEqualTo("<h1>home</h1>");
        assertThat(root.headers().first("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(Apps.body(get("/sub/"))).isEqualTo("<h1>sub</h1>");
    }

    @Test
    void answers404ForADirectoryWithoutAnIndexAndNeverListsIt() throws Exception {
        Response response = get("/empty/");
        assertThat(response.status()).isEqualTo(404);
        assertThat(Apps.body(response)).isEqualTo("404 Not Found\n");
        assertThat(get("/dir/").status()).as("an index.html that is a directory").isEqualTo(404);
    }

    @Test
    void redirectsADirectoryNamedWithoutItsSlashKeepingTheQuery() throws Exception {
        Response response = get("/sub?x=1");
        assertThat(response.status()).isEqualTo(301);
        assertThat(response.headers().first("Location")).hasValue("/sub/?x=1");
        assertThat(get("/empty").headers().first("Location")).hasValue("/empty/");
    }

    @Test
    void redirectsTheMountPointItselfToItsSlash() throws Exception {
        Request mounted = request("GET", "/my%20files").withPath("/my files", "");
        Response response = app.handle(mounted);
        assertThat(response.status()).isEqualTo(301);
        assertThat(response.headers().first("Location")).hasValue("/my%20files/");
    }

    @Test
    void answers404ForAMissingFileAndForAFileNamedAsADirectory() throws Exception {
        assertThat(get("/missing.txt").status()).isEqualTo(404);
        assertThat(get("/hello.txt/").status()).isEqualTo(404);
        assertThat(get("/hello.txt/more").status()).isEqualTo(404);
    }

    // Methods

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"POST", "PUT", "DELETE", "OPTIONS", "PATCH", "get"})
    void answers405WithAllowToAnyOtherMethod(String method) throws Exception {
        for (String target : new String[] {"/hello.txt", "/missing.txt"}) {
            Response response = app.handle(request(method, target));
            assertThat(response.status()).isEqualTo(405);
            assertThat(response.headers().all("Allow")).containsExactly("GET, HEAD");
        }
    }

    // Paths that leave the directory

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/../secret.txt", "/%2e%2e/secret.txt", "/a/%2E%2E/%2e%2e/secret.txt",
            "/..%2fsecret.txt", "/%2e%2e%2fsecret.txt", "/sub/..%2f..%2fsecret.txt", "/sub/%2e%2e/%2e%2e/secret.txt",
            "/..%5csecret.txt", "/%c0%ae%c0%ae/secret.txt", "/link-out.txt", "/link-dir-out/secret.txt",
            "/sub/up/../secret.txt", "/sub/up/link-dir-out/secret.txt", "/hello.txt%00", "/%00/../secret.txt",
            "/hello.txt%00.html", "/./hello.txt", "/sub/../hello.txt", "/%ff.txt"})
    void answers404ForAPathThatCouldLeaveTheDirectoryAndNeverSendsWhatIsOutside(String target) throws Exception {
        for (String method : new String[] {"GET", "HEAD"}) {
            Response response = app.handle(request(method, target));
            assertThat(response.status()).as(method + " " + target).isEqualTo(404);
            assertThat(new String(bytes(response), StandardCharsets.UTF_8)).isEqualTo("404 Not Found\n")
                    .doesNotContain(SECRET);
            assertThat(response.headers().contains("ETag")).isFalse();
        }
    }

    @Test
    void servesAFileReachedThroughALinkToAnInsideDirectory() throws Exception {
        assertThat(Apps.body(get("/sub/up/hello.txt"))).isEqualTo("hello");
    }

    // Large files

    @Test
    void streamsAFileLargerThanTheLimitWithItsLength() throws Exception {
        byte[] data = pattern(StaticApp.WHOLE_FILE_LIMIT * 3 + 7);
        Files.write(publicDir.resolve("big.bin"), data);
        Response response = get("/big.bin");
        assertThat(response.body()).isInstanceOf(Response.Body.Streamed.class);
        assertThat(response.headers().first("Content-Length")).hasValue(Integer.toString(data.length));
        assertThat(response.headers().first("Content-Type")).hasValue("application/octet-stream");
        assertThat(bytes(response)).isEqualTo(data);
    }

    @Test
    void readsAFileOfAtMostTheLimitAtOnce() throws Exception {
        byte[] data = pattern(StaticApp.WHOLE_FILE_LIMIT);
        Files.write(publicDir.resolve("limit.bin"), data);
        Response response = get("/limit.bin");
        assertThat(response.body()).isEqualTo(new Response.Body.Bytes(data));
        assertThat(response.headers().first("Content-Length")).hasValue(Integer.toString(data.length));
    }

    @Test
    void failsTheStreamWhenTheFileShrinksAfterItsLengthWasSent() throws Exception {
        Path big = publicDir.resolve("big.bin");
        Files.write(big, pattern(StaticApp.WHOLE_FILE_LIMIT * 2));
        Response response = get("/big.bin");
        try (FileChannel channel = FileChannel.open(big, StandardOpenOption.WRITE)) {
            channel.truncate(100);
        }
        assertThatThrownBy(() -> bytes(response)).isInstanceOf(IOException.class)
                .hasMessage(big.toRealPath() + " shrank while it was sent: " + (StaticApp.WHOLE_FILE_LIMIT * 2 - 100)
                        + " of its " + StaticApp.WHOLE_FILE_LIMIT * 2 + " bytes are missing");
    }

    private static byte[] pattern(int length) {
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++) {
            data[i] = (byte) (i * 31 + i / 251);
        }
        return data;
    }
}
