package dev.spawning.core.builtin;

import static dev.spawning.core.builtin.BuiltinFixtures.answer;
import static dev.spawning.core.builtin.BuiltinFixtures.settings;
import static dev.spawning.core.builtin.BuiltinFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;


import dev.spawning.factory.App;
import dev.spawning.factory.Request;
import dev.spawning.factory.Response;
import dev.spawning.factory.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How a urlmap built by {@link UrlMapFactory} dispatches: the table and rules of spec section 7. */
class UrlMapTest {

    private static App urlmap(String... keysAndValues) {
        return urlmap(new FakeLoader(), keysAndValues);
    }

    private static App urlmap(FakeLoader loader, String... keysAndValues) {
        return new UrlMapFactory().create(loader, Settings.empty(), settings("composite:main", keysAndValues));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '>', quoteCharacter = '"', textBlock = """
            /             > root||/
            /foo          > foo|/foo|
            /foo/         > foo|/foo|/
            /foo/bar/baz  > foobar|/foo/bar|/baz
            /foobar       > root||/foobar
            /foo/barbaz   > foo|/foo|/barbaz
            /foo/bar      > foobar|/foo/bar|
            """)
    void movesTheLongestMatchingPrefixFromPathInfoToScriptName(String path, String expected) throws Exception {
        App map = urlmap("/", "root", "/foo", "foo", "/foo/bar", "foobar");
        assertThat(answer(map, "localhost", path)).isEqualTo(expected);
    }

    @Test
    void triesLongerPathsFirstWhateverTheFileOrder() throws Exception {
        App map = urlmap("/a", "a", "/a/b", "ab", "/a/b/c", "abc");
        assertThat(answer(map, "localhost", "/a/b/c/d")).isEqualTo("abc|/a/b/c|/d");
        assertThat(answer(map, "localhost", "/a/b/x")).isEqualTo("ab|/a/b|/x");
        assertThat(answer(map, "localhost", "/a/x")).isEqualTo("a|/a|/x");
    }

    @Test
    void collapsesSlashRunsInKeys() throws Exception {
        App map = urlmap("//foo//bar", "foobar");
        assertThat(answer(map, "localhost", "/foo/bar/x")).isEqualTo("foobar|/foo/bar|/x");
    }

    @Test
    void collapsesSlashRunsInRequestPaths() throws Exception {
        App map = urlmap("/foo/bar", "foobar", "/", "root");
        assertThat(answer(map, "localhost", "//foo///bar//x")).isEqualTo("foobar|/foo/bar|/x");
        assertThat(answer(map, "localhost", "//other")).isEqualTo("root||/other");
    }

    @Test
    void removesTheTrailingSlashOfKeys() throws Exception {
        App map = urlmap("/foo/", "foo");
        assertThat(answer(map, "localhost", "/foo")).isEqualTo("foo|/foo|");
        assertThat(answer(map, "localhost", "/foo/x")).isEqualTo("foo|/foo|/x");
    }

    @Test
    void doesNotMatchAPrefixInsideAPathSegment() throws Exception {
        App map = urlmap("/foo", "foo");
        Request request = BuiltinFixtures.get("localhost", "/foobar");
        assertThat(map.handle(request).status()).isEqualTo(404);
    }

    @Test
    void matchesADomainEntryOnTheLowercasedHostHeader() throws Exception {
        App map = urlmap("domain example.com /x", "dom", "/", "root");
        assertThat(answer(map, "EXAMPLE.com", "/x/y")).isEqualTo("dom|/x|/y");
        assertThat(answer(map, "example.org", "/x/y")).isEqualTo("root||/x/y");
    }

    @Test
    void lowercasesTheDomainOfAKey() throws Exception {
        App map = urlmap("http://Example.COM/Path", "dom");
        assertThat(answer(map, "example.com", "/Path")).isEqualTo("dom|/Path|");
    }

    @Test
    void matchesAHostOnlyEntryOnAnyPort() throws Exception {
        App map = urlmap("http://example.com/x", "dom");
        assertThat(answer(map, "example.com:8080", "/x")).isEqualTo("dom|/x|");
        assertThat(answer(map, "example.com", "/x")).isEqualTo("dom|/x|");
    }

    @Test
    void matchesAPortEntryOnlyOnThatPort() throws Exception {
        App map = urlmap("domain example.com port 8080 /x", "dom8080", "/", "root");
        assertThat(answer(map, "example.com:8080", "/x")).isEqualTo("dom8080|/x|");
        assertThat(answer(map, "example.com:8081", "/x")).isEqualTo("root||/x");
        assertThat(answer(map, "example.com", "/x")).isEqualTo("root||/x");
    }

    @Test
    void matchesAPortEntryOnAnExplicitPortOfTheHostHeader() throws Exception {
        App map = urlmap("domain example.com port 80 /", "dom80", "/", "root");
        assertThat(answer(map, "example.com:80", "/a")).isEqualTo("dom80||/a");
    }

    @Test
    void skipsDomainEntriesForARequestWithoutAHostHeader() throws Exception {
        App map = urlmap("domain example.com /", "dom", "/", "root");
        Request request = Request.builder().target("/a").version("HTTP/1.0").build();
        assertThat(text(map.handle(request))).isEqualTo("root||/a");
    }

    @Test
    void takesPort80ForHttpWhenTheHostHeaderHasNone() throws Exception {
        App map = urlmap("domain example.com port 80 /", "dom80", "http://example.com:443", "dom443");
        assertThat(answer(map, "example.com", "/a")).isEqualTo("dom80||/a");
    }

    @Test
    void takesPort443ForHttpsWhenTheHostHeaderHasNone() throws Exception {
        App map = urlmap("domain example.com port 80 /", "dom80", "http://example.com:443", "dom443");
        Request request = BuiltinFixtures.get("example.com", "/a").toBuilder().scheme("https").build();
        assertThat(text(map.handle(request))).isEqualTo("dom443||/a");
    }

    @Test
    void splitsTheHostHeaderOfAnIpv6AddressAtTheLastColonAfterTheBracket() throws Exception {
        App map = urlmap("domain [::1] port 8080 /", "v6port", "domain [::1] /", "v6");
        assertThat(answer(map, "[::1]:8080", "/a")).isEqualTo("v6port||/a");
        assertThat(answer(map, "[::1]", "/a")).isEqualTo("v6||/a");
    }

    @Test
    void triesDomainEntriesBeforeLongerPathsWithoutADomain() throws Exception {
        App map = urlmap("/x/y/z", "long", "domain example.com /", "dom");
        assertThat(answer(map, "example.com", "/x/y/z")).isEqualTo("dom||/x/y/z");
        assertThat(answer(map, "example.org", "/x/y/z")).isEqualTo("long|/x/y/z|");
    }

    @Test
    void triesHostAndPortEntriesBeforeHostOnlyEntriesOfTheSameHost() throws Exception {
        App map = urlmap("domain example.com /", "host", "domain example.com port 8080 /x", "hostport");
        assertThat(answer(map, "example.com:8080", "/x/y")).isEqualTo("hostport|/x|/y");
        assertThat(answer(map, "example.com:8080", "/z")).isEqualTo("host||/z");
        assertThat(answer(map, "example.com", "/x/y")).isEqualTo("host||/x/y");
    }

    @Test
    void triesLongerPathsFirstAmongEntriesOfOneHost() throws Exception {
        App map = urlmap("domain example.com /", "root", "domain example.com /x", "x");
        assertThat(answer(map, "example.com", "/x/y")).isEqualTo("x|/x|/y");
    }

    @Test
    void prefixesTheScriptNameAlreadySetByAnOuterComposite() throws Exception {
        Request request = BuiltinFixtures.get("localhost", "/").toBuilder()
                .scriptName("/mount").pathInfo("/foo/bar").build();
        assertThat(text(urlmap("/foo", "foo").handle(request))).isEqualTo("foo|/mount/foo|/bar");
    }

    @Test
    void composesWhenNested() throws Exception {
        FakeLoader loader = new FakeLoader().with("inner", urlmap("/inner", "leaf", "/", "innerRoot"));
        App outer = urlmap(loader, "/outer", "inner");
        assertThat(answer(outer, "localhost", "/outer/inner/x")).isEqualTo("leaf|/outer/inner|/x");
        assertThat(answer(outer, "localhost", "/outer")).isEqualTo("innerRoot|/outer|");
        assertThat(answer(outer, "localhost", "/outer/")).isEqualTo("innerRoot|/outer|/");
    }

    @Test
    void passesQueryMethodAndHeadersOnUnchanged() throws Exception {
        App seen = request -> Response.text(200,
                request.method() + " " + request.query() + " " + request.header("X-Test").orElse("-"));
        App map = urlmap(new FakeLoader().with("app", seen), "/a", "app");
        Request request = BuiltinFixtures.get("localhost", "/a/b?x=1").toBuilder()
                .method("PUT").header("X-Test", "yes").build();
        assertThat(text(map.handle(request))).isEqualTo("PUT x=1 yes");
    }
}
