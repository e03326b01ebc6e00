package dev.spawning.core.builtin;

import static dev.spawning.core.builtin.BuiltinFixtures.answer;
import static dev.spawning.core.builtin.BuiltinFixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


import dev.spawning.factory.App;
import dev.spawning.factory.FactoryException;
import dev.spawning.factory.Response;
import dev.spawning.factory.Settings;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What {@code service:urlmap} reads from its section: paths, {@code not_found_app}, and the errors. */
class UrlMapFactoryTest {

    private static final App MISSING = request -> Response.text(404, "missing " + request.pathInfo());

    private static App create(FakeLoader loader, Settings global, Settings local) {
        return new UrlMapFactory().create(loader, global, local);
    }

    @Test
    void loadsEveryAppWithItsGlobalConf() {
        FakeLoader loader = new FakeLoader();
        Settings global = Settings.of(Map.of("here", "/x"));
        create(loader, global, settings("composite:main", "/", "root", "/api", "api", "not_found_app", "missing"));
        assertThat(loader.names()).containsExactly("missing", "root", "api");
        assertThat(loader.globals()).containsOnly(global);
    }

    @Test
    void answersUnmatchedRequestsWithTheLocalNotFoundApp() throws Exception {
        FakeLoader loader = new FakeLoader().with("missing", MISSING);
        App map = create(loader, Settings.empty(), settings("composite:main", "/api", "api", "not_found_app", "missing"));
        assertThat(answer(map, "localhost", "/other")).isEqualTo("missing /other");
        assertThat(answer(map, "localhost", "/api/x")).isEqualTo("api|/api|/x");
    }

    @Test
    void fallsBackToTheNotFoundAppOfTheGlobalConfAsPasteDoes() throws Exception {
        FakeLoader loader = new FakeLoader().with("missing", MISSING);
        Settings global = settings("", "not_found_app", "missing");
        App map = create(loader, global, settings("composite:main", "/api", "api"));
        assertThat(answer(map, "localhost", "/other")).isEqualTo("missing /other");
    }

    @Test
    void prefersTheLocalNotFoundAppToTheGlobalOne() throws Exception {
        FakeLoader loader = new FakeLoader().with("missing", MISSING);
        Settings global = settings("", "not_found_app", "global404");
        App map = create(loader, global, settings("composite:main", "/api", "api", "not_found_app", "missing"));
        assertThat(answer(map, "localhost", "/other")).isEqualTo("missing /other");
        assertThat(loader.names()).doesNotContain("global404");
    }

    @Test
    void usesTheDefaultPageWhenNotFoundAppIsEmpty() throws Exception {
        FakeLoader loader = new FakeLoader();
        Settings global = settings("", "not_found_app", "global404");
        App map = create(loader, global, settings("composite:main", "/api", "api", "not_found_app", ""));
        assertThat(map.handle(BuiltinFixtures.get("localhost", "/other")).status()).isEqualTo(404);
        assertThat(loader.names()).containsExactly("api");
    }

    @Test
    void acceptsANotFoundAppAlone() throws Exception {
        FakeLoader loader = new FakeLoader().with("missing", MISSING);
        App map = create(loader, Settings.empty(), settings("composite:main", "not_found_app", "missing"));
        assertThat(answer(map, "localhost", "/")).isEqualTo("missing /");
    }

    @Test
    void rejectsTwoKeysForOneNormalisedPath() {
        Settings local = settings("composite:main", "/foo", "foo", "//foo//", "foo2");
        assertThatThrownBy(() -> create(new FakeLoader(), Settings.empty(), local))
                .isInstanceOf(FactoryException.class)
                .hasMessage("Error in file /x/app.ini: line 8: [composite:main] path expression '//foo//': "
                        + "maps the same path as '/foo'; remove one of them");
    }

    @Test
    void rejectsTwoSpellingsOfOneDomainEntry() {
        Settings local = settings("composite:main", "http://Example.com/x/", "a", "domain example.com /x", "b");
        assertThatThrownBy(() -> create(new FakeLoader(), Settings.empty(), local))
                .isInstanceOf(FactoryException.class)
                .hasMessage("Error in file /x/app.ini: line 8: [composite:main] path expression "
                        + "'domain example.com /x': maps the same path as 'http://Example.com/x/'; remove one of them");
    }

    @Test
    void acceptsOnePathOnSeveralHosts() throws Exception {
        App map = create(new FakeLoader(), Settings.empty(), settings("composite:main",
                "/x", "any", "domain a.com /x", "a", "domain a.com port 8080 /x", "a8080"));
        assertThat(answer(map, "a.com:8080", "/x")).isEqualTo("a8080|/x|");
        assertThat(answer(map, "a.com", "/x")).isEqualTo("a|/x|");
        assertThat(answer(map, "b.com", "/x")).isEqualTo("any|/x|");
    }

    @Test
    void rejectsAnEmptyUrlmap() {
        assertThatThrownBy(() -> create(new FakeLoader(), Settings.empty(), settings("composite:main")))
                .isInstanceOf(FactoryException.class)
                .hasMessage("Error in file /x/app.ini: line 6: [composite:main] maps no path: "
                        + "add settings such as '/ = home' or '/api = api'");
    }

    @Test
    void checksEveryKeyBeforeLoadingAnyApp() {
        FakeLoader loader = new FakeLoader();
        Settings local = settings("composite:main", "/", "root", "bad", "app");
        assertThatThrownBy(() -> create(loader, Settings.empty(), local)).isInstanceOf(FactoryException.class);
        assertThat(loader.names()).isEmpty();
    }

    @Test
    void reportsEveryBadKeyAtOnceOneLineEach() {
        Settings local = settings("composite:main", "foo", "a", "/x", "x", "/x/", "x2", "domain", "d");
        assertThatThrownBy(() -> create(new FakeLoader(), Settings.empty(), local))
                .isInstanceOf(FactoryException.class)
                .hasMessage("""
                        Error in file /x/app.ini: line 7: [composite:main] path expression 'foo': \
                        a path must start with / or http:// or https://
                        Error in file /x/app.ini: line 9: [composite:main] path expression '/x/': \
                        maps the same path as '/x'; remove one of them
                        Error in file /x/app.ini: line 10: [composite:main] path expression 'domain': \
                        'domain' must be followed with a domain name""");
    }
}
