package dev.spawning.factory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spawning.factory.testing.TestTls;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RequestTest {

    @TempDir
    Path directory;

    private static Request target(String target) {
        return Request.builder().target(target).build();
    }

    @Test
    void aBuilderStartsWithAGetOfTheRootOverHttp11() {
        Request request = Request.builder().build();

        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.target()).isEqualTo("/");
        assertThat(request.scheme()).isEqualTo("http");
        assertThat(request.version()).isEqualTo("HTTP/1.1");
        assertThat(request.scriptName()).isEmpty();
        assertThat(request.pathInfo()).isEqualTo("/");
        assertThat(request.query()).isEmpty();
        assertThat(request.headers()).isEqualTo(Headers.empty());
        assertThat(request.remoteAddress()).isNull();
        assertThat(request.localAddress()).isNull();
        assertThat(request.trailers()).isEqualTo(Headers.empty());
        assertThat(request).hasToString("GET / HTTP/1.1");
    }

    @Test
    void clientCertificatesAreNoneUntilSetAndAPathChangeKeepsThem() throws Exception {
        X509Certificate certificate;
        try (InputStream pem = Files.newInputStream(TestTls.create(directory).clientCertfile())) {
            certificate = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(pem);
        }

        assertThat(Request.builder().build().clientCertificates()).isEmpty();
        Request request = Request.builder().scheme("https").clientCertificates(List.of(certificate)).build();
        assertThat(request.withPath("/app", "/x").clientCertificates()).containsExactly(certificate);
        assertThat(request.clientCertificates().getFirst().getSubjectX500Principal().getName())
                .isEqualTo("CN=test client,O=Spawning tests");
    }

    @Test
    void anUnsetBodyIsEmpty() throws IOException {
        assertThat(Request.builder().build().readBody()).isEmpty();
    }

    @Test
    void pathInfoAndQueryAreDerivedFromTheTarget() {
        Request request = target("/a/b?x=1&y=2");

        assertThat(request.pathInfo()).isEqualTo("/a/b");
        assertThat(request.query()).isEqualTo("x=1&y=2");
    }

    @Test
    void pathInfoIsPercentDecoded() {
        assertThat(target("/a%20b/c%2Fd").pathInfo()).isEqualTo("/a b/c/d");
        assertThat(target("/%41%62%7e").pathInfo()).isEqualTo("/Ab~");
    }

    @Test
    void pathInfoDecodesEachByteIntoOneIso88591Character() {
        assertThat(target("/caf%C3%A9").pathInfo()).isEqualTo("/caf\u00C3\u00A9");
        assertThat(target("/%FF").pathInfo()).isEqualTo("/\u00FF");
    }

    @Test
    void pathInfoKeepsAMalformedEscapeAsItIs() {
        assertThat(target("/100%").pathInfo()).isEqualTo("/100%");
        assertThat(target("/a%4").pathInfo()).isEqualTo("/a%4");
        assertThat(target("/a%zzb").pathInfo()).isEqualTo("/a%zzb");
        assertThat(target("/%%41").pathInfo()).isEqualTo("/%A");
    }

    @Test
    void theQueryIsRawAndStopsAtAFragment() {
        assertThat(target("/p?a=%20b#frag").query()).isEqualTo("a=%20b");
        assertThat(target("/p#frag").query()).isEmpty();
        assertThat(target("/p#frag").pathInfo()).isEqualTo("/p");
    }

    @Test
    void aQuestionMarkInsideTheFragmentIsNotAQuery() {
        Request request = target("/p#frag?x=1");

        assertThat(request.query()).isEmpty();
        assertThat(request.pathInfo()).isEqualTo("/p");
    }

    @Test
    void theQueryIsEmptyWithoutAQuestionMarkAndAfterALoneOne() {
        assertThat(target("/p").query()).isEmpty();
        assertThat(target("/p?").query()).isEmpty();
        assertThat(target("/p?").pathInfo()).isEqualTo("/p");
    }

    @Test
    void theQueryStartsAfterTheFirstQuestionMark() {
        assertThat(target("/p?a=?b").query()).isEqualTo("a=?b");
    }

    @Test
    void anAbsoluteFormTargetGivesThePathAfterTheAuthority() {
        Request request = target("http://h/p?q");

        assertThat(request.pathInfo()).isEqualTo("/p");
        assertThat(request.query()).isEqualTo("q");
        assertThat(request.target()).isEqualTo("http://h/p?q");
    }

    @Test
    void anAbsoluteFormTargetWithoutAPathGivesTheRoot() {
        assertThat(target("http://example.com:8080").pathInfo()).isEqualTo("/");
        assertThat(target("http://example.com?x=1").pathInfo()).isEqualTo("/");
        assertThat(target("http://example.com?x=1").query()).isEqualTo("x=1");
    }

    @Test
    void anAbsoluteFormPathIsPercentDecoded() {
        assertThat(target("https://h/a%2Fb").pathInfo()).isEqualTo("/a/b");
    }

    @Test
    void asteriskAndAuthorityFormTargetsHaveAnEmptyPath() {
        Request options = Request.builder().method("OPTIONS").target("*").build();
        Request connect = Request.builder().method("CONNECT").target("example.com:443").build();

        assertThat(options.pathInfo()).isEmpty();
        assertThat(options.query()).isEmpty();
        assertThat(connect.pathInfo()).isEmpty();
        assertThat(connect.query()).isEmpty();
    }

    @Test
    void explicitPathInfoAndQueryWinOverTheTarget() {
        Request request = Request.builder().pathInfo("/given").target("/a?x").query("y").build();

        assertThat(request.pathInfo()).isEqualTo("/given");
        assertThat(request.query()).isEqualTo("y");
        assertThat(request.target()).isEqualTo("/a?x");
    }

    @Test
    void withPathMovesThePrefixAndKeepsEverythingElseIncludingTheBodyStream() throws IOException {
        InputStream body = new ByteArrayInputStream("hello".getBytes(StandardCharsets.UTF_8));
        Headers trailers = Headers.of("X-Checksum", "abc");
        InetSocketAddress remote = InetSocketAddress.createUnresolved("client", 50_000);
        InetSocketAddress local = InetSocketAddress.createUnresolved("server", 8080);
        Request request = Request.builder().method("POST").target("/app/items?id=3").scheme("https")
                .version("HTTP/1.0").header("Host", "h").remoteAddress(remote).localAddress(local)
                .body(body).trailers(() -> trailers).build();

        Request mounted = request.withPath("/app", "/items");

        assertThat(mounted.scriptName()).isEqualTo("/app");
        assertThat(mounted.pathInfo()).isEqualTo("/items");
        assertThat(mounted.method()).isEqualTo("POST");
        assertThat(mounted.target()).isEqualTo("/app/items?id=3");
        assertThat(mounted.query()).isEqualTo("id=3");
        assertThat(mounted.scheme()).isEqualTo("https");
        assertThat(mounted.version()).isEqualTo("HTTP/1.0");
        assertThat(mounted.headers()).isEqualTo(Headers.of("Host", "h"));
        assertThat(mounted.remoteAddress()).isSameAs(remote);
        assertThat(mounted.localAddress()).isSameAs(local);
        assertThat(mounted.body()).isSameAs(body);
        assertThat(mounted.trailers()).isSameAs(trailers);
        assertThat(mounted.readBody()).asString(StandardCharsets.UTF_8).isEqualTo("hello");
        assertThat(request.scriptName()).isEmpty();
        assertThat(request.pathInfo()).isEqualTo("/app/items");
    }

    @Test
    void toBuilderKeepsEveryPart() {
        Request request = Request.builder().method("PUT").target("/a?b").scheme("https").header("X", "1")
                .body(new byte[] {1, 2}).build();

        Request copy = request.toBuilder().build();

        assertThat(copy.method()).isEqualTo("PUT");
        assertThat(copy.target()).isEqualTo("/a?b");
        assertThat(copy.pathInfo()).isEqualTo("/a");
        assertThat(copy.query()).isEqualTo("b");
        assertThat(copy.scheme()).isEqualTo("https");
        assertThat(copy.headers()).isEqualTo(request.headers());
        assertThat(copy.body()).isSameAs(request.body());
    }

    @Test
    void toBuilderWithANewTargetDerivesPathInfoAndQueryAgain() {
        Request rewritten = target("/old?x=1").toBuilder().target("/new%20path?y=2").build();

        assertThat(rewritten.pathInfo()).isEqualTo("/new path");
        assertThat(rewritten.query()).isEqualTo("y=2");
    }

    @Test
    void toBuilderWithANewTargetKeepsAPathSplitByAComposite() {
        Request mounted = target("/app/items?x=1").withPath("/app", "/items");

        Request rewritten = mounted.toBuilder().target("/app/items?y=2").build();

        assertThat(rewritten.scriptName()).isEqualTo("/app");
        assertThat(rewritten.pathInfo()).isEqualTo("/items");
        assertThat(rewritten.query()).isEqualTo("y=2");
    }

    @Test
    void toBuilderAddsHeadersWithoutChangingTheOriginal() {
        Request request = Request.builder().header("A", "1").build();

        Request more = request.toBuilder().header("B", "2").build();

        assertThat(more.headers().names()).containsExactly("A", "B");
        assertThat(request.headers().names()).containsExactly("A");
    }

    @Test
    void headersReplacesEveryField() {
        Request request = Request.builder().header("A", "1").headers(Headers.of("B", "2")).build();

        assertThat(request.headers()).isEqualTo(Headers.of("B", "2"));
        assertThat(request.header("b")).contains("2");
        assertThat(request.header("A")).isEmpty();
    }

    @Test
    void trailersAreAskedForWhenWanted() {
        Headers.Builder arrived = Headers.builder();
        Request request = Request.builder().trailers(arrived::build).build();

        assertThat(request.trailers()).isEqualTo(Headers.empty());
        arrived.add("X-Checksum", "abc");
        assertThat(request.trailers().first("x-checksum")).contains("abc");
    }

    @Test
    void readBodyReadsTheWholeStream() throws IOException {
        Request request = Request.builder().body("a body".getBytes(StandardCharsets.UTF_8)).build();

        assertThat(request.readBody()).asString(StandardCharsets.UTF_8).isEqualTo("a body");
        assertThat(request.readBody()).isEmpty();
    }
}
