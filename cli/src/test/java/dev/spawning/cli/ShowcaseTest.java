package dev.spawning.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code examples/showcase.ini} over HTTP, as a client sees it, on each provider: the actors, the
 * pages rendered on PUT, the topics and the page, mounted by urlmap behind the prefix filter
 * (../shared/spec/seed-apps.md, its tables and wire formats). The provider is swapped by a file
 * that takes the showcase's app through {@code config:} and names its own server.
 */
class ShowcaseTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Path SHOWCASE = Path.of(System.getProperty("spawning.root", ".."))
            .resolve("examples/showcase.ini").toAbsolutePath().normalize();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    Path dir;

    /** A file that serves the showcase's app on {@code provider}. */
    private Path deployment(String provider) throws Exception {
        return deployment(provider, """
                [app:main]
                use = config:%s#main
                """.formatted(SHOWCASE));
    }

    private Path deployment(String provider, String apps) throws Exception {
        return Files.writeString(dir.resolve(provider + ".ini"), apps + """

                [server:main]
                use = service:%s
                host = 127.0.0.1
                port = 0
                """.formatted(provider));
    }

    private JavaProcess serve(Path file, String... settings) throws Exception {
        List<String> args = new ArrayList<>(List.of("serve", file.toString()));
        for (String setting : settings) {
            args.addAll(List.of("--set", setting));
        }
        // The test's own temporary directory: a controller's spawn-* directory goes with it, even after a SIGKILL.
        return JavaProcess.spawn(Map.of("SHOWCASE_DATA", dir.resolve("data").toString()),
                List.of("-Djava.io.tmpdir=" + dir), args.toArray(String[]::new));
    }


    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"coroutine", "undertow"})
    void actorsAnswerEveryStatusOfTheirTableWithETagsAndShapes(String provider) throws Exception {
        try (JavaProcess spawn = serve(deployment(provider))) {
            String base = spawn.servingUrl(WAIT) + "/actors/";
            String counter = "{\"type\": \"counter\", \"state\": {\"count\": 0}}";
            assertThat(send("PUT", base + "c1", "application/json", counter).statusCode()).isEqualTo(201);
            assertThat(send("PUT", base + "c1", "application/json", counter).statusCode()).isEqualTo(200);
            assertThat(send("POST", base + "c1", "application/json", "{\"add\": 2}").statusCode()).isEqualTo(202);

            JsonNode actor = awaitVersionedState(base + "c1", 2);
            assertThat(actor.get("type").asString()).isEqualTo("counter");
            assertThat(actor.get("mailbox").size()).isZero();
            HttpResponse<String> got = send("GET", base + "c1", null, null);
            String etag = got.headers().firstValue("ETag").orElseThrow();
            assertThat(etag).startsWith("\"");
            assertThat(send("GET", base + "c1", null, null, "If-None-Match", etag).statusCode()).isEqualTo(304);
            HttpResponse<String> head = send("HEAD", base + "c1", null, null);
            assertThat(head.statusCode()).isEqualTo(200);
            assertThat(head.body()).isEmpty();

            HttpResponse<String> bogus = send("POST", base + "c1", "application/json", "{\"bogus\": 1}");
            assertThat(bogus.statusCode()).isEqualTo(422);
            assertThat(JSON.readTree(bogus.body()).get("path").asString()).isEqualTo("$");
            HttpResponse<String> notAnInteger = send("POST", base + "c1", "application/json", "{\"add\": \"x\"}");
            assertThat(notAnInteger.statusCode()).isEqualTo(422);
            assertThat(JSON.readTree(notAnInteger.body()).get("path").asString()).isEqualTo("$.add");

            assertThat(send("PUT", base + "c1", "application/json", counter, "If-Match", "\"nope\"").statusCode())
                    .isEqualTo(412);
            assertThat(send("PUT", base + "c2", "text/plain", counter).statusCode()).isEqualTo(415);
            assertThat(send("PUT", base + "c2", "application/json", "{\"type\":").statusCode()).isEqualTo(400);
            assertThat(send("PUT", base + "c2", "application/json",
                    "{\"type\": \"counter\", \"state\": {\"count\": \"many\"}}").statusCode()).isEqualTo(422);

            assertThat(JSON.readTree(send("GET", base, null, null).body()).get("actors").toString()).isEqualTo("[\"c1\"]");
            HttpResponse<String> patch = send("PATCH", base + "c1", "application/json", "{}");
            assertThat(patch.statusCode()).isEqualTo(405);
            assertThat(patch.headers().firstValue("Allow")).isPresent();
            assertThat(send("DELETE", base + "c1", null, null).statusCode()).isEqualTo(204);
            assertThat(send("DELETE", base + "c1", null, null).statusCode()).isEqualTo(404);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"coroutine", "undertow"})
    void pagesRenderOnPutAndServeTheSameBytesOnGet(String provider) throws Exception {
        try (JavaProcess spawn = serve(deployment(provider))) {
            String base = spawn.servingUrl(WAIT) + "/pages/";
            HttpResponse<String> created = send("PUT", base + "greetings/world", "application/json",
                    "{\"name\": \"<World>\"}");
            assertThat(created.statusCode()).isEqualTo(201);
            assertThat(created.body()).contains("Hello, &lt;World&gt;!");
            assertThat(created.headers().firstValue("Content-Location")).contains("/pages/greetings/world");
            HttpResponse<String> got = send("GET", base + "greetings/world", null, null);
            assertThat(got.body()).isEqualTo(created.body());
            String etag = got.headers().firstValue("ETag").orElseThrow();
            assertThat(got.headers().firstValue("Last-Modified")).isPresent();
            assertThat(send("GET", base + "greetings/world", null, null, "If-None-Match", etag).statusCode())
                    .isEqualTo(304);
            HttpResponse<String> data = send("GET", base + "greetings/world", null, null, "Accept", "application/json");
            assertThat(JSON.readTree(data.body()).get("name").asString()).isEqualTo("<World>");
            assertThat(data.headers().firstValue("Vary")).hasValueSatisfying(vary -> assertThat(vary).contains("Accept"));

            assertThat(send("PUT", base + "greetings/world", "application/json", "{\"name\": \"again\"}").statusCode())
                    .isEqualTo(200);
            assertThat(send("PUT", base + "greetings/world", "application/json", "{\"name\": \"x\"}",
                    "If-Match", "\"nope\"").statusCode()).isEqualTo(412);
            assertThat(send("PUT", base + "nothing-maps-here", "application/json", "{}").statusCode()).isEqualTo(404);
            assertThat(send("PUT", base + "greetings/other", "text/plain", "hi").statusCode()).isEqualTo(415);
            assertThat(send("PUT", base + "greetings/other", "application/json", "{\"name\":").statusCode())
                    .isEqualTo(400);
            assertThat(send("PUT", base + "greetings/other", "application/json", "[\"not\", \"an object\"]")
                    .statusCode()).as("data the template cannot take").isEqualTo(422);
            assertThat(send("GET", base + "greetings/other", null, null).statusCode())
                    .as("nothing stored when the PUT failed").isEqualTo(404);
        }
    }

    /** The showcase's pages app on templates of this test's, one of which then stops compiling. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"coroutine", "undertow"})
    void aTemplateErrorStoresNothingAndTheLastPageStaysServed(String provider) throws Exception {
        Path templates = Files.createDirectories(dir.resolve("templates"));
        Files.copy(SHOWCASE.resolveSibling("templates/greeting.mustache"), templates.resolve("greeting.mustache"));
        Path file = deployment(provider, """
                [app:main]
                use = config:%s#pages
                templates = %s
                """.formatted(SHOWCASE, templates));
        try (JavaProcess spawn = serve(file)) {
            String page = spawn.servingUrl(WAIT) + "/greetings/world";
            String first = send("PUT", page, "application/json", "{\"name\": \"World\"}").body();
            Files.writeString(templates.resolve("greeting.mustache"), "Hello, {{#name}}!");

            HttpResponse<String> broken = send("PUT", page, "application/json", "{\"name\": \"Broken\"}");
            assertThat(broken.statusCode()).isEqualTo(500);
            assertThat(broken.body()).startsWith("Template greeting.mustache does not compile: ");
            assertThat(send("GET", page, null, null).body()).as("nothing stored").isEqualTo(first);
            assertThat(send("GET", page, null, null, "Accept", "application/json").body()).contains("World")
                    .doesNotContain("Broken");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"coroutine", "undertow"})
    void topicsPublishHoldLongPollsStreamEventsAndRefuseAnOldCursor(String provider) throws Exception {
        Path file = deployment(provider, """
                [composite:main]
                use = service:urlmap
                / = showcase
                /short = short

                [app:showcase]
                use = config:%1$s#main

                # The showcase's topics app with a log of two events, for a cursor too old.
                [app:short]
                use = config:%1$s#topics
                retain = 2
                """.formatted(SHOWCASE));
        try (JavaProcess spawn = serve(file)) {
            String root = spawn.servingUrl(WAIT);
            String topics = root + "/topics/";
            HttpResponse<String> published = send("POST", topics + "news", "application/json", "{\"text\": \"one\"}");
            assertThat(published.statusCode()).isEqualTo(201);
            assertThat(JSON.readTree(published.body()).get("seq").asInt()).isEqualTo(1);

            HttpResponse<String> now = send("GET", topics + "news/events?since=0", null, null);
            assertThat(now.headers().firstValue("Cache-Control")).contains("no-store");
            JsonNode events = JSON.readTree(now.body());
            assertThat(events.get("cursor").asInt()).isEqualTo(1);
            assertThat(events.get("events").get(0).get("data").get("text").asString()).isEqualTo("one");

            CompletableFuture<HttpResponse<String>> held = HTTP.sendAsync(
                    HttpRequest.newBuilder(URI.create(topics + "news/events?since=1&wait=20")).build(),
                    HttpResponse.BodyHandlers.ofString());
            Thread.sleep(300);
            assertThat(held).as("held until a publish").isNotDone();
            send("POST", topics + "news", "application/json", "{\"text\": \"two\"}");
            JsonNode woken = JSON.readTree(held.get(5, TimeUnit.SECONDS).body());
            assertThat(woken.get("cursor").asInt()).isEqualTo(2);
            JsonNode timedOut = JSON.readTree(send("GET", topics + "news/events?since=2&wait=1", null, null).body());
            assertThat(timedOut.get("events").size()).isZero();
            assertThat(timedOut.get("cursor").asInt()).isEqualTo(2);

            assertThat(sse(topics + "news/events", "1")).contains("id: 2").doesNotContain("id: 1\n");

            for (String text : List.of("a", "b", "c", "d")) {
                send("POST", root + "/short/t", "application/json", "{\"text\": \"" + text + "\"}");
            }
            assertThat(send("GET", root + "/short/t/events?since=0", null, null).statusCode()).isEqualTo(410);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"coroutine", "undertow"})
    void thePageIsServedAsFilesAndNothingOutsideItsDirectory(String provider) throws Exception {
        try (JavaProcess spawn = serve(deployment(provider))) {
            String base = spawn.servingUrl(WAIT);
            HttpResponse<String> page = send("GET", base + "/", null, null);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("text/html"));
            assertThat(page.body()).contains("<title>Spawning showcase</title>");
            assertThat(send("GET", base + "/showcase.js", null, null).statusCode()).isEqualTo(200);
            assertThat(send("GET", base + "/%2e%2e/showcase.ini", null, null).statusCode()).isEqualTo(404);
        }
    }

    /**
     * Durability: messages answered 202 just before the worker is killed with SIGKILL are handled
     * exactly once after a restart; pages and actor states survive a stop and a start.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"coroutine", "undertow"})
    void whatWasAcceptedSurvivesASigkillAndARestart(String provider) throws Exception {
        Path file = deployment(provider);
        String page;
        try (JavaProcess spawn = serve(file, "processes=1", "reload=dev")) {
            String base = spawn.servingUrl(WAIT);
            send("PUT", base + "/actors/kept", "application/json", "{\"type\": \"counter\", \"state\": {\"count\": 0}}");
            page = send("PUT", base + "/pages/greetings/kept", "application/json", "{\"name\": \"kept\"}").body();
            for (int i = 0; i < 50; i++) {
                assertThat(send("POST", base + "/actors/kept", "application/json", "{\"add\": 1}").statusCode())
                        .isEqualTo(202);
            }
            for (ProcessHandle worker : spawn.children()) {
                new ProcessBuilder("kill", "-KILL", String.valueOf(worker.pid())).start().waitFor();
            }
            spawn.signal("KILL");
            spawn.waitFor(WAIT);
        }
        try (JavaProcess again = serve(file)) {
            String base = again.servingUrl(WAIT);
            assertThat(awaitVersionedState(base + "/actors/kept", 50).get("state").get("count").asInt()).isEqualTo(50);
            assertThat(send("GET", base + "/pages/greetings/kept", null, null).body()).isEqualTo(page);
        }
    }

    /**
     * Under the controller with two workers (connections spread over both): every worker serves
     * the same actor, page and topic; a publish wakes the long-polls held by either worker; and a
     * reload's draining worker answers its held long-polls at once with the current cursor.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"coroutine", "undertow"})
    void twoWorkersServeTheSameStateAndADrainAnswersHeldLongPolls(String provider) throws Exception {
        Path file = deployment(provider);
        try (JavaProcess spawn = serve(file, "processes=2", "control=" + dir.resolve("spawn.sock"))) {
            String base = spawn.servingUrl(WAIT);
            assertThat(send("PUT", base + "/actors/shared", "application/json",
                    "{\"type\": \"counter\", \"state\": {\"count\": 0}}").statusCode()).isEqualTo(201);
            String page = send("PUT", base + "/pages/greetings/shared", "application/json", "{\"name\": \"both\"}").body();
            List<HttpClient> clients = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                clients.add(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());
            }
            for (HttpClient client : clients) {
                for (int i = 0; i < 5; i++) {
                    assertThat(send(client, "POST", base + "/actors/shared", "{\"add\": 1}").statusCode()).isEqualTo(202);
                }
                assertThat(send(client, "GET", base + "/pages/greetings/shared", null).body()).isEqualTo(page);
            }
            assertThat(awaitVersionedState(base + "/actors/shared", 40).get("state").get("count").asInt()).isEqualTo(40);

            List<CompletableFuture<HttpResponse<String>>> held = new ArrayList<>();
            for (HttpClient client : clients) {
                held.add(client.sendAsync(HttpRequest.newBuilder(URI.create(base + "/topics/shared/events?since=0&wait=30"))
                        .build(), HttpResponse.BodyHandlers.ofString()));
            }
            Thread.sleep(500);
            send("POST", base + "/topics/shared", "application/json", "{\"n\": 1}");
            for (CompletableFuture<HttpResponse<String>> answer : held) {
                assertThat(JSON.readTree(answer.get(5, TimeUnit.SECONDS).body()).get("cursor").asInt()).isEqualTo(1);
            }

            held.clear();
            for (HttpClient client : clients) {
                held.add(client.sendAsync(HttpRequest.newBuilder(URI.create(base + "/topics/shared/events?since=1&wait=30"))
                        .build(), HttpResponse.BodyHandlers.ofString()));
            }
            Thread.sleep(500);
            long reload = System.nanoTime();
            Spawn.run(new String[] {"ctl", "reload", file.toString(), "--control", dir.resolve("spawn.sock").toString()},
                    System.out, System.err);
            for (CompletableFuture<HttpResponse<String>> answer : held) {
                HttpResponse<String> drained = answer.get(25, TimeUnit.SECONDS);
                assertThat(JSON.readTree(drained.body()).get("cursor").asInt()).isEqualTo(1);
            }
            assertThat(Duration.ofNanos(System.nanoTime() - reload)).as("answered by the drain, not the wait")
                    .isLessThan(Duration.ofSeconds(25));
        }
    }

    /** The actor's representation once its state's count is {@code count} (messages are handled after the 202). */
    private static JsonNode awaitVersionedState(String url, int count) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            JsonNode actor = JSON.readTree(send("GET", url, null, null).body());
            if (actor.get("state").get("count").asInt() == count || System.nanoTime() > deadline) {
                return actor;
            }
            Thread.sleep(50);
        }
    }

    /** The events an SSE stream sends after {@code lastEventId}, read until the first event has come. */
    private static String sse(String url, String lastEventId) throws Exception {
        HttpResponse<InputStream> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Accept", "text/event-stream").header("Last-Event-ID", lastEventId).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/event-stream"));
        StringBuilder events = new StringBuilder();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                events.append(line).append('\n');
                if (line.isEmpty() && events.toString().contains("data:")) {
                    break;
                }
            }
        }
        return events.toString();
    }

    private static HttpResponse<String> send(HttpClient client, String method, String url, String body)
            throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(WAIT).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> send(String method, String url, String contentType, String body,
            String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(WAIT).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
