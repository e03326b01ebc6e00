package dev.spawning.core.builtin;

import static dev.spawning.core.builtin.BuiltinFixtures.settings;
import static dev.spawning.core.builtin.BuiltinFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;


import dev.spawning.factory.App;
import dev.spawning.factory.Request;
import dev.spawning.factory.Response;
import dev.spawning.factory.Settings;
import org.junit.jupiter.api.Test;

/** The urlmap's default 404 page. */
class NotFoundTest {

    private static App urlmap(String... keysAndValues) {
        return new UrlMapFactory().create(new FakeLoader(), Settings.empty(), settings("composite:main", keysAndValues));
    }

    @Test
    void answers404InHtmlListingTheKnownPrefixesInMatchingOrder() throws Exception {
        App map = urlmap("/", "root", "/foo", "foo", "domain example.com port 8080 /x", "x");
        Request request = BuiltinFixtures.get("other.org", "/nothing").toBuilder().pathInfo("/nothing").build();
        App fallback = new NotFound(((UrlMap) map).entries());
        Response response = fallback.handle(request);
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.headers().first("Content-Type")).contains("text/html; charset=utf-8");
        assertThat(text(response)).isEqualTo("""
                <html>
                <head><title>404 Not Found</title></head>
                <body>
                <h1>404 Not Found</h1>
                <p>The resource could not be found.</p>
                <pre>defined apps: &#x27;http://example.com:8080/x&#x27;,
                  &#x27;/foo&#x27;,
                  &#x27;&#x27;
                SCRIPT_NAME: &#x27;&#x27;
                PATH_INFO: &#x27;/nothing&#x27;
                HTTP_HOST: &#x27;other.org&#x27;</pre>
                </body>
                </html>
                """);
    }

    @Test
    void isWhatAUrlmapAnswersWhenNothingMatches() throws Exception {
        Response response = urlmap("/foo", "foo").handle(BuiltinFixtures.get("localhost", "/bar"));
        assertThat(response.status()).isEqualTo(404);
        assertThat(text(response)).contains("PATH_INFO: &#x27;/bar&#x27;");
    }

    @Test
    void escapesRequestValues() throws Exception {
        Request request = BuiltinFixtures.get("evil\"&host", "/").toBuilder()
                .scriptName("/<b>").pathInfo("/<script>alert('x')</script>").build();
        String page = text(urlmap("/foo", "foo").handle(request));
        assertThat(page).doesNotContain("<script>", "<b>", "evil\"")
                .contains("SCRIPT_NAME: &#x27;/&lt;b&gt;&#x27;")
                .contains("PATH_INFO: &#x27;/&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;&#x27;")
                .contains("HTTP_HOST: &#x27;evil&quot;&amp;host&#x27;");
    }

    @Test
    void escapesThePrefixes() throws Exception {
        String page = text(urlmap("/<i>", "i").handle(BuiltinFixtures.get("localhost", "/")));
        assertThat(page).contains("&#x27;/&lt;i&gt;&#x27;").doesNotContain("<i>");
    }
}
