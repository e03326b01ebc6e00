package dev.spawning.examples.pages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spawning.factory.App;
import dev.spawning.factory.Request;
import dev.spawning.factory.Response;
import dev.spawning.factory.Settings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The pages app, called directly as a server would call it once urlmap has mounted it at /pages. */
class PagesAppTest {

    private static final String WORLD = "{\"name\": \"World\"}";

    @TempDir
    Path root;

    private Path templates;
    private Path data;
    private App app;

    @BeforeEach
    void createApp() throws IOException {
        templates = Files.createDirectories(root.resolve("templates"));
        Files.copy(Path.of("templates", "greeting.mustache"), templates.resolve("greeting.mustache"));
        Files.writeString(templates.resolve("plain.mustache"), "{{title}}|{{{raw}}}");
        data = root.resolve("data");
        app = newApp();
    }

    private App newApp() {
        Settings local = Settings.builder("app:pages")
                .put("templates", templates.toString())
                .put("data_dir", data.toString())
                .put("urls", "\n/greetings/* = greeting\n/plain/* = plain")
                .put("max_body", "64")
                .build();
        return new PagesAppFactory().create(Settings.empty(), local);
    }

    @Test
    void putRendersTheGreetingStoresItAndAnswers201WithContentLocation() throws Exception {
        Response put = app.handle(put("/greetings/world", WORLD).build());

        assertThat(put.status()).isEqualTo(201);
        assertThat(text(put)).contains("<p>Hello, World!</p>").startsWith("<!DOCTYPE html>");
        assertThat(put.headers().first("Content-Type")).contains("text/html; charset=utf-8");
        assertThat(put.headers().first("Content-Location")).contains("/pages/greetings/world");
        assertThat(put.headers().first("ETag")).hasValueSatisfying(tag -> assertThat(tag).matches("\"p-[A-Za-z0-9_-]{22}\""));
        assertThat(put.headers().first("Last-Modified")).hasValueSatisfying(
                date -> assertThat(date).matches("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT"));
    }

    @Test
    void aSecondPutReplacesThePageWith200() throws Exception {
        app.handle(put("/greetings/world", WORLD).build());

        Response again = app.handle(put("/greetings/world", "{\"name\": \"Again\"}").build());

        assertThat(again.status()).isEqualTo(200);
        assertThat(text(again)).contains("Hello, Again!");
        assertThat(text(app.handle(get("/greetings/world")))).contains("Hello, Again!");
    }

    @Test
    void getAnswersExactlyTheBytesThePutAnswered() throws Exception {
        Response put = app.handle(put("/greetings/world", WORLD).build());

        Response got = app.handle(get("/greetings/world"));

        assertThat(got.status()).isEqualTo(200);
        assertThat(bytes(got)).isEqualTo(bytes(put));
        assertThat(got.headers().first("ETag")).isEqualTo(put.headers().first("ETag"));
        assertThat(got.headers().first("Last-Modified")).isEqualTo(put.headers().first("Last-Modified"));
        assertThat(got.headers().first("Content-Type")).contains("text/html; charset=utf-8");
        assertThat(got.headers().all("Vary")).containsExactly("Accept");
    }

    @Test
    void headAnswersTheSameFieldsAndBytesAsGet() throws Exception {
        app.handle(put("/greetings/world", WORLD).build());

        Response got = app.handle(get("/greetings/world"));
        Response head = app.handle(request("HEAD", "/greetings/world").build());

        assertThat(head.status()).isEqualTo(200);
        assertThat(head.headers()).isEqualTo(got.headers());
        assertThat(bytes(head)).isEqualTo(bytes(got));
    }

    @Test
    void escapesHtmlInTheData() throws Exception {
        Response put = app.handle(put("/greetings/world", "{\"name\": \"<World>\"}").build());

        assertThat(text(put)).contains("Hello, &lt;World&gt;!").doesNotContain("<World>");
    }

    @Test
    void tripleMustachesLeaveHtmlAsItIs() throws Exception {
        Response put = app.handle(put("/plain/x", "{\"title\": \"a&b\", \"raw\": \"<b>\"}").build());

        assertThat(text(put)).isEqualTo("a&amp;b|<b>");
    }

    @Test
    void ifNoneMatchWithThePageTagGives304WithTheTagAndVary() throws Exception {
        String tag = app.handle(put("/greetings/world", WORLD).build()).headers().first("ETag").orElseThrow();

        Response notModified = app.handle(getting("/greetings/world").header("If-None-Match", "\"other\", " + tag).build());
        Response weak = app.handle(getting("/greetings/world").header("If-None-Match", "W/" + tag).build());
        Response modified = app.handle(getting("/greetings/world").header("If-None-Match", "\"other\"").build());

        assertThat(notModified.status()).isEqualTo(304);
        assertThat(notModified.headers().first("ETag")).contains(tag);
        assertThat(notModified.headers().all("Vary")).containsExactly("Accept");
        assertThat(bytes(notModified)).isEmpty();
        assertThat(weak.status()).isEqualTo(304);
        assertThat(modified.status()).isEqualTo(200);
    }

    @Test
    void ifModifiedSinceGives304WhenNothingChangedSince() throws Exception {
        String date = app.handle(put("/greetings/world", WORLD).build()).headers().first("Last-Modified").orElseThrow();

        Response notModified = app.handle(getting("/greetings/world").header("If-Modified-Since", date).build());
        Response old = app.handle(getting("/greetings/world")
                .header("If-Modified-Since", "Sun, 06 Nov 1994 08:49:37 GMT").build());

        assertThat(notModified.status()).isEqualTo(304);
        assertThat(old.status()).isEqualTo(200);
    }

    @Test
    void acceptJsonAnswersTheDataAsPutWithItsOwnTag() throws Exception {
        String pageTag = app.handle(put("/greetings/world", WORLD).build()).headers().first("ETag").orElseThrow();

        Response json = app.handle(getting("/greetings/world").header("Accept", "application/json").build());

        assertThat(json.status()).isEqualTo(200);
        assertThat(text(json)).isEqualTo(WORLD);
        assertThat(json.headers().first("Content-Type")).contains("application/json");
        assertThat(json.headers().all("Vary")).containsExactly("Accept");
        String dataTag = json.headers().first("ETag").orElseThrow();
        assertThat(dataTag).matches("\"d-[A-Za-z0-9_-]{22}\"").isNotEqualTo(pageTag);
    }

    @Test
    void ifNoneMatchWithTheDataTagGives304ForJsonOnly() throws Exception {
        app.handle(put("/greetings/world", WORLD).build());
        String dataTag = app.handle(getting("/greetings/world").header("Accept", "application/json").build())
                .headers().first("ETag").orElseThrow();

        Response json = app.handle(getting("/greetings/world").header("Accept", "application/json")
                .header("If-None-Match", dataTag).build());
        Response html = app.handle(getting("/greetings/world").header("If-None-Match", dataTag).build());

        assertThat(json.status()).isEqualTo(304);
        assertThat(json.headers().first("ETag")).contains(dataTag);
        assertThat(json.headers().all("Vary")).containsExactly("Accept");
        assertThat(html.status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/html", "*/*", "text/html, application/json", "application/json;q=0.5, text/*",
        "image/png"})
    void answersThePageUnlessAcceptPrefersJson(String accept) throws Exception {
        app.handle(put("/greetings/world", WORLD).build());

        Response got = app.handle(getting("/greetings/world").header("Accept", accept).build());

        assertThat(got.headers().first("Content-Type")).contains("text/html; charset=utf-8");
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "text/html;q=0.9, application/json", "application/*", "Application/JSON"})
    void answersTheDataWhenAcceptPrefersJson(String accept) throws Exception {
        app.handle(put("/greetings/world", WORLD).build());

        Response got = app.handle(getting("/greetings/world").header("Accept", accept).build());

        assertThat(got.headers().first("Content-Type")).contains("application/json");
    }

    @Test
    void getOfAPageNeverPutIs404() throws Exception {
        Response got = app.handle(get("/greetings/nobody"));

        assertThat(got.status()).isEqualTo(404);
        assertThat(text(got)).isEqualTo("No page at /pages/greetings/nobody");
    }

    @Test
    void putWhereNoTemplateMapsIs404AndStoresNothing() throws Exception {
        List<String> before = listing();

        Response put = app.handle(put("/nothing-maps-here", WORLD).build());

        assertThat(put.status()).isEqualTo(404);
        assertThat(put.headers().first("Content-Type")).contains("text/plain; charset=utf-8");
        assertThat(text(put)).isEqualTo("No template renders /pages/nothing-maps-here");
        assertThat(listing()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/greetings", "/greetings/", "/greetings/a/b", "/greetings/..", "/greetings/.", "/"})
    void putOfAPathNoPatternMatchesIs404(String path) throws Exception {
        assertThat(app.handle(put(path, WORLD).build()).status()).isEqualTo(404);
    }

    @Test
    void putOfAnotherMediaTypeIs415AndStoresNothing() throws Exception {
        List<String> before = listing();

        Response text = app.handle(request("PUT", "/greetings/world").header("Content-Type", "text/plain")
                .body(WORLD.getBytes(StandardCharsets.UTF_8)).build());
        Response none = app.handle(request("PUT", "/greetings/world").body(WORLD.getBytes(StandardCharsets.UTF_8)).build());

        assertThat(text.status()).isEqualTo(415);
        assertThat(text(text)).isEqualTo("A page is PUT as application/json, not text/plain");
        assertThat(none.status()).isEqualTo(415);
        assertThat(text(none)).isEqualTo("A page is PUT as application/json, not a body without Content-Type");
        assertThat(listing()).isEqualTo(before);
    }

    @Test
    void acceptsJsonWithParametersAndAnyCase() throws Exception {
        Response put = app.handle(request("PUT", "/greetings/world")
                .header("Content-Type", "Application/JSON; charset=UTF-8")
                .body(WORLD.getBytes(StandardCharsets.UTF_8)).build());

        assertThat(put.status()).isEqualTo(201);
    }

    @Test
    void malformedJsonIs400AndStoresNothing() throws Exception {
        List<String> before = listing();

        Response put = app.handle(put("/greetings/world", "{\"name\": }").build());

        assertThat(put.status()).isEqualTo(400);
        assertThat(text(put)).isEqualTo("Malformed JSON at line 1, column 10: Unexpected character ('}' (code 125)):"
                + " expected a value");
        assertThat(listing()).isEqualTo(before);
    }

    @Test
    void anEmptyBodyTrailingTokensAndDuplicateKeysAre400() throws Exception {
        Response empty = app.handle(put("/greetings/world", "").build());
        Response trailing = app.handle(put("/greetings/world", "{} {}").build());
        Response duplicate = app.handle(put("/greetings/world", "{\"name\": 1, \"name\": 2}").build());

        assertThat(empty.status()).isEqualTo(400);
        assertThat(text(empty)).isEqualTo("Malformed JSON: the body is empty");
        assertThat(trailing.status()).isEqualTo(400);
        assertThat(text(trailing)).startsWith("Malformed JSON at line 1, column 4: Trailing token");
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(text(duplicate)).isEqualTo("Malformed JSON at line 1, column 19: Duplicate Object property \"name\"");
        assertThat(listing()).isEqualTo(List.of(".lock"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[1, 2]", "\"World\"", "42", "true", "null"})
    void jsonThatIsNotAnObjectIs422AndStoresNothing(String json) throws Exception {
        List<String> before = listing();

        Response put = app.handle(put("/greetings/world", json).build());

        assertThat(put.status()).isEqualTo(422);
        assertThat(text(put)).startsWith("The data of a page must be a JSON object, not ");
        assertThat(listing()).isEqualTo(before);
    }

    @Test
    void saysWhatKindOfJsonWasRejected() throws Exception {
        assertThat(text(app.handle(put("/greetings/world", "[1]").build())))
                .isEqualTo("The data of a page must be a JSON object, not an array");
        assertThat(text(app.handle(put("/greetings/world", "null").build())))
                .isEqualTo("The data of a page must be a JSON object, not null");
    }

    @Test
    void aBodyPastMaxBodyIs413() throws Exception {
        Response put = app.handle(put("/greetings/world", "{\"name\": \"" + "x".repeat(64) + "\"}").build());

        assertThat(put.status()).isEqualTo(413);
        assertThat(text(put)).isEqualTo("The body is larger than max_body (64 bytes)");
        assertThat(listing()).isEqualTo(List.of(".lock"));
    }

    @Test
    void aTemplateThatNoLongerCompilesIs500AndLeavesTheStoredPageAlone() throws Exception {
        Response first = app.handle(put("/greetings/world", WORLD).build());
        Files.writeString(templates.resolve("greeting.mustache"), "Hello, {{#name}}!");
        List<String> before = listing();

        Response put = app.handle(put("/greetings/world", "{\"name\": \"Broken\"}").build());

        assertThat(put.status()).isEqualTo(500);
        assertThat(text(put)).startsWith("Template greeting.mustache does not compile: ");
        assertThat(listing()).isEqualTo(before);
        // The page rendered before is still served while the template fails.
        assertThat(bytes(app.handle(get("/greetings/world")))).isEqualTo(bytes(first));
    }

    @Test
    void aTemplateFileRemovedAfterLoadingIs500WithoutNamingTheDirectory() throws Exception {
        Files.delete(templates.resolve("greeting.mustache"));

        Response put = app.handle(put("/greetings/world", WORLD).build());

        assertThat(put.status()).isEqualTo(500);
        assertThat(text(put)).isEqualTo("No template file greeting.mustache");
        assertThat(listing()).isEqualTo(List.of(".lock"));
    }

    @Test
    void aPathMappedToAnotherTemplateIsRenderedWithItAtTheNextGet() throws Exception {
        app.handle(put("/plain/x", "{\"title\": \"T\", \"name\": \"N\"}").build());
        App remapped = new PagesAppFactory().create(Settings.empty(), Settings.builder("app:pages")
                .put("templates", templates.toString())
                .put("data_dir", data.toString())
                .put("urls", "/plain/* = greeting")
                .build());

        Response got = remapped.handle(get("/plain/x"));

        assertThat(text(got)).contains("Hello, N!");
        assertThat(text(app.handle(get("/plain/x")))).isEqualTo("T|");
    }

    @Test
    void ifMatchWithTheCurrentTagReplaces() throws Exception {
        String tag = app.handle(put("/greetings/world", WORLD).build()).headers().first("ETag").orElseThrow();

        Response put = app.handle(put("/greetings/world", "{\"name\": \"Next\"}").header("If-Match", tag).build());

        assertThat(put.status()).isEqualTo(200);
        assertThat(put.headers().first("ETag")).isNotEqualTo(tag);
    }

    @Test
    void ifMatchWithTheDataTagReplacesToo() throws Exception {
        app.handle(put("/greetings/world", WORLD).build());
        String dataTag = app.handle(getting("/greetings/world").header("Accept", "application/json").build())
                .headers().first("ETag").orElseThrow();

        Response put = app.handle(put("/greetings/world", "{\"name\": \"Next\"}").header("If-Match", dataTag).build());

        assertThat(put.status()).isEqualTo(200);
    }

    @Test
    void ifMatchWithAnotherTagIs412AndKeepsThePage() throws Exception {
        Response first = app.handle(put("/greetings/world", WORLD).build());
        String tag = first.headers().first("ETag").orElseThrow();

        Response stale = app.handle(put("/greetings/world", "{\"name\": \"Next\"}").header("If-Match", "\"p-old\"").build());
        Response weak = app.handle(put("/greetings/world", "{\"name\": \"Next\"}").header("If-Match", "W/" + tag).build());

        assertThat(stale.status()).isEqualTo(412);
        assertThat(text(stale)).isEqualTo("If-Match: \"p-old\" does not name the page at /pages/greetings/world,"
                + " whose ETag is " + tag);
        assertThat(weak.status()).isEqualTo(412);
        assertThat(bytes(app.handle(get("/greetings/world")))).isEqualTo(bytes(first));
    }

    @Test
    void ifMatchOnAMissingPageIs412AndStoresNothing() throws Exception {
        Response star = app.handle(put("/greetings/world", WORLD).header("If-Match", "*").build());

        assertThat(star.status()).isEqualTo(412);
        assertThat(text(star)).isEqualTo("No page at /pages/greetings/world to match If-Match: *");
        assertThat(listing()).isEqualTo(List.of(".lock"));
    }

    @Test
    void ifNoneMatchStarCreatesOnlyOnce() throws Exception {
        Response created = app.handle(put("/greetings/world", WORLD).header("If-None-Match", "*").build());
        Response again = app.handle(put("/greetings/world", WORLD).header("If-None-Match", "*").build());

        assertThat(created.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(412);
        assertThat(text(again)).isEqualTo("If-None-Match: * names the page at /pages/greetings/world");
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "DELETE", "PATCH", "OPTIONS"})
    void otherMethodsAre405WithAllow(String method) throws Exception {
        Response answer = app.handle(request(method, "/greetings/world").build());

        assertThat(answer.status()).isEqualTo(405);
        assertThat(answer.headers().all("Allow")).containsExactly("GET, HEAD, PUT");
        assertThat(text(answer)).isEqualTo("Method " + method + " is not allowed here; use GET, HEAD, PUT");
    }

    @Test
    void twoInstancesOnOneDataDirectoryServeTheSameBytes() throws Exception {
        App other = newApp();

        Response put = app.handle(put("/greetings/world", WORLD).build());
        Response got = other.handle(get("/greetings/world"));
        Response replaced = other.handle(put("/greetings/world", "{\"name\": \"Other\"}").build());
        Response gotBack = app.handle(get("/greetings/world"));

        assertThat(bytes(got)).isEqualTo(bytes(put));
        assertThat(got.headers().first("ETag")).isEqualTo(put.headers().first("ETag"));
        assertThat(replaced.status()).isEqualTo(200);
        assertThat(bytes(gotBack)).isEqualTo(bytes(replaced));
        assertThat(gotBack.headers().first("ETag")).isEqualTo(replaced.headers().first("ETag"));
    }

    @Test
    void concurrentPutsFromTwoInstancesLeaveOneWholePage() throws Exception {
        App other = newApp();
        List<Thread> threads = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            App target = i % 2 == 0 ? app : other;
            String name = "n" + i;
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    target.handle(put("/greetings/race", "{\"name\": \"" + name + "\"}").build());
                } catch (Exception failed) {
                    throw new IllegalStateException(failed);
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }

        Response page = app.handle(get("/greetings/race"));
        Response json = other.handle(getting("/greetings/race").header("Accept", "application/json").build());
        String name = text(json).replaceAll(".*\"(n\\d+)\".*", "$1");

        assertThat(text(page)).contains("Hello, " + name + "!");
        assertThat(listing()).hasSize(2);
    }

    @Test
    void aChangedTemplateRendersThePageAgainWithANewTag() throws Exception {
        Response put = app.handle(put("/greetings/world", WORLD).build());
        String tag = put.headers().first("ETag").orElseThrow();
        Path template = templates.resolve("greeting.mustache");
        Files.writeString(template, "<p>Bonjour, {{name}}!</p>");
        Files.setLastModifiedTime(template, FileTime.fromMillis(Files.getLastModifiedTime(template).toMillis() + 5000));

        Response got = app.handle(get("/greetings/world"));
        Response stale = app.handle(getting("/greetings/world").header("If-None-Match", tag).build());
        Response fromOther = newApp().handle(get("/greetings/world"));

        assertThat(text(got)).isEqualTo("<p>Bonjour, World!</p>");
        assertThat(got.headers().first("ETag")).isNotEqualTo(Optional.of(tag));
        assertThat(stale.status()).isEqualTo(200);
        assertThat(bytes(fromOther)).isEqualTo(bytes(got));
        assertThat(fromOther.headers().first("ETag")).isEqualTo(got.headers().first("ETag"));
    }

    @Test
    void aTouchedTemplateThatRendersTheSameBytesKeepsTheTag() throws Exception {
        Response put = app.handle(put("/greetings/world", WORLD).build());
        Path template = templates.resolve("greeting.mustache");
        Files.setLastModifiedTime(template, FileTime.fromMillis(Files.getLastModifiedTime(template).toMillis() + 5000));

        Response got = app.handle(get("/greetings/world"));

        assertThat(bytes(got)).isEqualTo(bytes(put));
        assertThat(got.headers().first("ETag")).isEqualTo(put.headers().first("ETag"));
        assertThat(got.headers().first("Last-Modified")).isEqualTo(put.headers().first("Last-Modified"));
    }

    @Test
    void contentLocationIsPercentEncodedAndKeepsTheMountPoint() throws Exception {
        Request request = Request.builder().method("PUT").target("/site/pages/greetings/caf%C3%A9%20x")
                .header("Content-Type", "application/json").body(WORLD.getBytes(StandardCharsets.UTF_8))
                .build();
        request = request.withPath("/site/pages", request.pathInfo().substring("/site/pages".length()));

        Response put = app.handle(request);

        assertThat(put.status()).isEqualTo(201);
        assertThat(put.headers().first("Content-Location")).contains("/site/pages/greetings/caf%C3%A9%20x");
    }

    @Test
    void storesUnderTheHashOfThePathSoNoPathNamesAFileOutsideTheDataDirectory() throws Exception {
        assertThat(app.handle(put("/greetings/..\\..\\~ <x>|*?:\u0000", WORLD).build()).status()).isEqualTo(201);

        try (Stream<Path> files = Files.list(data)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> !n.equals(".lock")))
                    .singleElement().asString().matches("[0-9a-f]{64}\\.page");
        }
        try (Stream<Path> files = Files.list(root)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("templates", "data");
        }
    }

    /** A request as urlmap hands it to an app mounted at /pages; {@code path} is the path info, decoded. */
    private static Request.Builder request(String method, String path) {
        return Request.builder().method(method).target("/pages" + path).scriptName("/pages").pathInfo(path);
    }

    private static Request.Builder getting(String path) {
        return request("GET", path);
    }

    private static Request.Builder put(String path, String json) {
        return request("PUT", path).header("Content-Type", "application/json")
                .body(json.getBytes(StandardCharsets.UTF_8));
    }

    private static Request get(String path) {
        return request("GET", path).build();
    }

    private List<String> listing() throws IOException {
        try (Stream<Path> files = Files.list(data)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static byte[] bytes(Response response) {
        return ((Response.Body.Bytes) response.body()).data();
    }

    private static String text(Response response) {
        return new String(bytes(response), StandardCharsets.UTF_8);
    }
}
