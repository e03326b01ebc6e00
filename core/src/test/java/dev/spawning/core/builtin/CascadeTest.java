package dev.spawning.core.builtin;

import static dev.spawning.core.builtin.BuiltinFixtures.settings;
import static dev.spawning.core.builtin.BuiltinFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;


import dev.spawning.factory.App;
import dev.spawning.factory.Request;
import dev.spawning.factory.Response;
import dev.spawning.factory.Settings;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a cascade built by {@link CascadeFactory} tries its apps. */
class CascadeTest {

    private final List<String> tried = new ArrayList<>();
    private final FakeLoader loader = new FakeLoader();

    /** Registers an app that notes its name and answers {@code status} with its name. */
    private CascadeTest answering(String name, int status) {
        loader.with(name, request -> {
            tried.add(name);
            return Response.text(status, name);
        });
        return this;
    }

    private App cascade(String... keysAndValues) {
        return new CascadeFactory().create(loader, Settings.empty(), settings("composite:main", keysAndValues));
    }

    private static Response get(App app) throws Exception {
        return app.handle(BuiltinFixtures.get("localhost", "/"));
    }

    @Test
    void triesAppsInKeyOrderSortedAsStrings() throws Exception {
        answering("second", 404).answering("tenth", 404).answering("first", 404);
        App app = cascade("app2", "second", "app10", "tenth", "app1", "first");
        get(app);
        assertThat(tried).containsExactly("first", "tenth", "second");
    }

    @Test
    void passesA404ToTheNextAppByDefault() throws Exception {
        answering("a", 404).answering("b", 200);
        Response response = get(cascade("app1", "a", "app2", "b"));
        assertThat(text(response)).isEqualTo("b");
        assertThat(tried).containsExactly("a", "b");
    }

    @Test
    void returnsAStatusOutsideCatchAtOnce() throws Exception {
        answering("a", 405).answering("b", 200);
        Response response = get(cascade("app1", "a", "app2", "b"));
        assertThat(response.status()).isEqualTo(405);
        assertThat(tried).containsExactly("a");
    }

    @Test
    void returnsASuccessAtOnce() throws Exception {
        answering("a", 200).answering("b", 200);
        assertThat(text(get(cascade("app1", "a", "app2", "b")))).isEqualTo("a");
        assertThat(tried).containsExactly("a");
    }

    @Test
    void catchesEveryStatusOfTheCatchList() throws Exception {
        answering("a", 405).answering("b", 404).answering("c", 500).answering("d", 200);
        Response response = get(cascade("catch", "404 405", "app1", "a", "app2", "b", "app3", "c", "app4", "d"));
        assertThat(response.status()).isEqualTo(500);
        assertThat(tried).containsExactly("a", "b", "c");
    }

    @Test
    void replacesTheDefaultCatchWithTheList() throws Exception {
        answering("a", 404).answering("b", 200);
        Response response = get(cascade("catch", "500", "app1", "a", "app2", "b"));
        assertThat(response.status()).isEqualTo(404);
        assertThat(tried).containsExactly("a");
    }

    @Test
    void returnsTheLastAppsAnswerEvenIfCaught() throws Exception {
        answering("a", 404).answering("b", 404);
        Response response = get(cascade("app1", "a", "app2", "b"));
        assertThat(response.status()).isEqualTo(404);
        assertThat(text(response)).isEqualTo("b");
    }

    @Test
    void letsEveryAppTriedReadTheRequestBody() throws Exception {
        List<String> bodies = new ArrayList<>();
        loader.with("a", bodyReader(bodies, 404)).with("b", bodyReader(bodies, 404)).with("c", bodyReader(bodies, 200));
        Request post = Request.builder().method("POST").target("/").header("Host", "localhost")
                .header("Content-Length", "5").body("hello".getBytes(StandardCharsets.UTF_8)).build();
        Response response = cascade("app1", "a", "app2", "b", "app3", "c").handle(post);
        assertThat(response.status()).isEqualTo(200);
        assertThat(bodies).containsExactly("hello", "hello", "hello");
    }

    @Test
    void letsEveryAppTriedReadAChunkedRequestBody() throws Exception {
        List<String> bodies = new ArrayList<>();
        loader.with("a", bodyReader(bodies, 404)).with("b", bodyReader(bodies, 200));
        Request post = Request.builder().method("POST").target("/").header("Host", "localhost")
                .header("Transfer-Encoding", "chunked").body("chunks".getBytes(StandardCharsets.UTF_8)).build();
        cascade("app1", "a", "app2", "b").handle(post);
        assertThat(bodies).containsExactly("chunks", "chunks");
    }

    @Test
    void passesTheRequestItselfOnWhenThereIsNoBody() throws Exception {
        List<Request> seen = new ArrayList<>();
        loader.with("a", request -> {
            seen.add(request);
            return Response.text(404, "a");
        });
        Request request = BuiltinFixtures.get("localhost", "/x");
        cascade("app1", "a").handle(request);
        assertThat(seen).containsExactly(request);
    }

    @Test
    void passesThePathOnUnchanged() throws Exception {
        answering("a", 404);
        App app = cascade("app1", "a", "app2", "b");
        Request request = BuiltinFixtures.get("localhost", "/").toBuilder().scriptName("/m").pathInfo("/p").build();
        assertThat(text(app.handle(request))).isEqualTo("b|/m|/p");
    }

    private static App bodyReader(List<String> bodies, int status) {
        return request -> {
            bodies.add(new String(request.readBody(), StandardCharsets.UTF_8));
            return Response.text(status, "read");
        };
    }
}
