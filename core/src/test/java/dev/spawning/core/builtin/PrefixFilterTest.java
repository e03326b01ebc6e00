package dev.spawning.core.builtin;

import static dev.spawning.core.builtin.BuiltinFixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;


import dev.spawning.factory.App;
import dev.spawning.factory.Request;
import dev.spawning.factory.Response;
import dev.spawning.factory.Settings;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the app behind {@code service:prefix} sees. */
class PrefixFilterTest {

    private final List<Request> seen = new ArrayList<>();
    private final App next = request -> {
        seen.add(request);
        return Response.text(200, "next");
    };

    /** The request the next app saw, for this request and these settings. */
    private Request through(Request request, String... keysAndValues) throws Exception {
        App filter = new PrefixFilterFactory().create(next, Settings.empty(), settings("filter-app:main", keysAndValues));
        filter.handle(request);
        return seen.getLast();
    }

    private static Request get(String target) {
        return BuiltinFixtures.get("internal:8080", target);
    }

    private static Request forwarded(String... namesAndValues) {
        Request.Builder builder = get("/").toBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            builder.header(namesAndValues[i], namesAndValues[i + 1]);
        }
        return builder.build();
    }

    @Test
    void movesThePrefixFromPathInfoToScriptName() throws Exception {
        Request seen = through(get("/app/x/y"), "prefix", "/app");
        assertThat(seen.scriptName()).isEqualTo("/app");
        assertThat(seen.pathInfo()).isEqualTo("/x/y");
    }

    @Test
    void givesSlashWhenNothingIsLeftOfThePath() throws Exception {
        assertThat(through(get("/app"), "prefix", "/app").pathInfo()).isEqualTo("/");
        assertThat(through(get("/app/"), "prefix", "/app").pathInfo()).isEqualTo("/");
    }

    @Test
    void ignoresATrailingSlashOfThePrefix() throws Exception {
        Request seen = through(get("/app/x"), "prefix", "/app/");
        assertThat(seen.scriptName()).isEqualTo("/app");
        assertThat(seen.pathInfo()).isEqualTo("/x");
    }

    @Test
    void stripsOnlyWholePathSegments() throws Exception {
        Request seen = through(get("/apple"), "prefix", "/app");
        assertThat(seen.scriptName()).isEqualTo("/app");
        assertThat(seen.pathInfo()).isEqualTo("/apple");
    }

    @Test
    void setsTheScriptNameToThePrefixEvenWhenThePathLacksItAsPasteDoes() throws Exception {
        Request seen = through(get("/x"), "prefix", "/app");
        assertThat(seen.scriptName()).isEqualTo("/app");
        assertThat(seen.pathInfo()).isEqualTo("/x");
    }

    @Test
    void replacesAnEarlierScriptNameAsPasteDoes() throws Exception {
        Request request = get("/").toBuilder().scriptName("/outer").pathInfo("/app/x").build();
        Request seen = through(request, "prefix", "/app");
        assertThat(seen.scriptName()).isEqualTo("/app");
        assertThat(seen.pathInfo()).isEqualTo("/x");
    }

    @Test
    void leavesThePathAloneWithTheDefaultPrefix() throws Exception {
        Request seen = through(get("/a/b"));
        assertThat(seen.scriptName()).isEmpty();
        assertThat(seen.pathInfo()).isEqualTo("/a/b");
    }

    @Test
    void takesTheHostFromXForwardedServer() throws Exception {
        Request seen = through(forwarded("X-Forwarded-Server", "public.example, proxy.local"));
        assertThat(seen.header("Host")).contains("public.example");
    }

    @Test
    void prefersXForwardedHostToXForwardedServer() throws Exception {
        Request seen = through(forwarded("X-Forwarded-Server", "server.example",
                "X-Forwarded-Host", "host.example:8443, proxy.local"));
        assertThat(seen.header("Host")).contains("host.example:8443");
    }

    @Test
    void takesTheRemoteAddressFromXForwardedFor() throws Exception {
        Request seen = through(forwarded("X-Forwarded-For", "203.0.113.7, 10.0.0.1"));
        assertThat(seen.remoteAddress().getHostString()).isEqualTo("203.0.113.7");
    }

    @Test
    void takesTheSchemeFromXForwardedScheme() throws Exception {
        assertThat(through(forwarded("X-Forwarded-Scheme", "https")).scheme()).isEqualTo("https");
    }

    @Test
    void takesTheSchemeFromXForwardedProto() throws Exception {
        assertThat(through(forwarded("X-Forwarded-Proto", "https")).scheme()).isEqualTo("https");
    }

    @Test
    void prefersXForwardedSchemeToXForwardedProto() throws Exception {
        Request seen = through(forwarded("X-Forwarded-Proto", "http", "X-Forwarded-Scheme", "https"));
        assertThat(seen.scheme()).isEqualTo("https");
    }

    @Test
    void removesTheForwardedHeadersItTranslated() throws Exception {
        Request seen = through(forwarded("X-Forwarded-Server", "s", "X-Forwarded-Host", "h",
                "X-Forwarded-For", "203.0.113.7", "X-Forwarded-Scheme", "https", "X-Forwarded-Proto", "https",
                "X-Other", "kept"));
        assertThat(seen.headers().names()).containsExactlyInAnyOrder("Host", "X-Other");
    }

    @Test
    void leavesTheForwardedHeadersWhenTranslationIsOff() throws Exception {
        Request request = forwarded("X-Forwarded-Host", "h", "X-Forwarded-For", "203.0.113.7",
                "X-Forwarded-Proto", "https");
        Request seen = through(request, "translate_forwarded_server", "false");
        assertThat(seen.header("Host")).contains("internal:8080");
        assertThat(seen.header("X-Forwarded-Host")).contains("h");
        assertThat(seen.header("X-Forwarded-For")).contains("203.0.113.7");
        assertThat(seen.header("X-Forwarded-Proto")).contains("https");
        assertThat(seen.scheme()).isEqualTo("http");
        assertThat(seen.remoteAddress()).isNull();
    }

    @Test
    void leavesARequestWithoutForwardedHeadersAlone() throws Exception {
        Request seen = through(get("/"));
        assertThat(seen.header("Host")).contains("internal:8080");
        assertThat(seen.scheme()).isEqualTo("http");
        assertThat(seen.remoteAddress()).isNull();
    }

    @Test
    void rewritesThePortOfTheHostWithForcePort() throws Exception {
        assertThat(through(get("/"), "force_port", "8443").header("Host")).contains("internal:8443");
        Request plain = BuiltinFixtures.get("internal", "/");
        assertThat(through(plain, "force_port", "8443").header("Host")).contains("internal:8443");
    }

    @Test
    void forcesThePortOfTheForwardedHost() throws Exception {
        Request seen = through(forwarded("X-Forwarded-Host", "public.example:80"), "force_port", "8443");
        assertThat(seen.header("Host")).contains("public.example:8443");
    }

    @Test
    void stripsThePortWithAnEmptyForcePort() throws Exception {
        assertThat(through(get("/"), "force_port", "").header("Host")).contains("internal");
    }

    @Test
    void keepsTheBracketsOfAnIpv6HostWhenForcingThePort() throws Exception {
        Request v6 = BuiltinFixtures.get("[2001:db8::1]:8080", "/");
        assertThat(through(v6, "force_port", "8443").header("Host")).contains("[2001:db8::1]:8443");
        assertThat(through(v6, "force_port", "").header("Host")).contains("[2001:db8::1]");
    }

    @Test
    void forcesTheScheme() throws Exception {
        assertThat(through(get("/"), "scheme", "https").scheme()).isEqualTo("https");
        Request seen = through(forwarded("X-Forwarded-Proto", "http"), "scheme", "https");
        assertThat(seen.scheme()).isEqualTo("https");
    }

    @Test
    void keepsTheBodyAndMethod() throws Exception {
        Request post = get("/app/x").toBuilder().method("POST").body("data".getBytes(StandardCharsets.UTF_8)).build();
        Request seen = through(post, "prefix", "/app");
        assertThat(seen.method()).isEqualTo("POST");
        assertThat(seen.readBody()).asString().isEqualTo("data");
    }
}
