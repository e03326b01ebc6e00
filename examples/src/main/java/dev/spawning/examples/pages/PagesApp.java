package dev.spawning.examples.pages;

import dev.spawning.factory.App;
import dev.spawning.factory.Request;
import dev.spawning.factory.Response;
import java.io.IOException;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/**
 * The pages app: PUT renders and stores, GET and HEAD serve what was stored (see
 * {@link PagesAppFactory}). It keeps no state of its own: each request reads the data directory,
 * so any number of instances, in any number of processes, serve the same bytes. Thread-safe.
 */
final class PagesApp implements App {

    static final String ALLOW = "GET, HEAD, PUT";
    private static final String JSON = "application/json";

    private final PagesSettings settings;
    private final String pageMediaType;

    PagesApp(PagesSettings settings) {
        this.settings = settings;
        this.pageMediaType = HttpFields.mediaType(settings.contentType());
    }

    @Override
    public Response handle(Request request) throws Exception {
        return switch (request.method()) {
            case "GET", "HEAD" -> get(request);
            case "PUT" -> put(request);
            default -> Response.builder(405).header("Allow", ALLOW)
                    .header("Content-Type", "text/plain; charset=utf-8")
                    .body("Method " + request.method() + " is not allowed here; use " + ALLOW)
                    .build();
        };
    }

    private Response get(Request request) throws Exception {
        String path = pathOf(request);
        Optional<StoredPage> stored = settings.store().read(path);
        if (stored.isEmpty()) {
            return Response.text(404, "No page at " + HttpFields.url(request));
        }
        StoredPage page = fresh(stored.get());
        boolean json = wantsJson(request);
        String tag = json ? page.dataTag() : page.pageTag();
        long modified = json ? page.dataModified() : page.outputModified();
        Response.Builder answer = notModified(request, tag, modified) ? Response.builder(304)
                : Response.builder(200).header("Content-Type", json ? JSON : settings.contentType())
                        .body(json ? page.data() : page.output());
        return answer.header("ETag", tag)
                .header("Last-Modified", HttpFields.httpDate(modified))
                .header("Vary", "Accept")
                .build();
    }

    /**
     * The page as its template renders it now: rendered again (lazily, here) when the path's
     * template or its file's time differ from those it was rendered with. When the template fails,
     * the stored page is served as it is.
     */
    private StoredPage fresh(StoredPage page) throws Exception {
        Optional<String> template = settings.routes().templateFor(page.path());
        if (template.isEmpty() || isCurrent(page, template.get())) {
            return page;
        }
        return settings.store().locked(() -> rerender(page, template.get()));
    }

    /** Under the lock: renders the page as stored now, unless another writer did it meanwhile. */
    private StoredPage rerender(StoredPage seen, String template) throws IOException {
        StoredPage current = settings.store().read(seen.path()).orElse(seen);
        if (isCurrent(current, template)) {
            return current;
        }
        long templateModified = settings.templates().modified(template);
        byte[] output;
        try {
            output = settings.templates().render(template, PageData.parse(current.data()));
        } catch (Templates.TemplateException | PageData.Rejected failed) {
            return current;
        }
        StoredPage next = current.rerendered(template, templateModified, output, System.currentTimeMillis());
        settings.store().write(next);
        return next;
    }

    private boolean isCurrent(StoredPage page, String template) {
        return page.template().equals(template) && page.templateModified() == settings.templates().modified(template);
    }

    private Response put(Request request) throws Exception {
        String path = pathOf(request);
        Optional<String> template = settings.routes().templateFor(path);
        if (template.isEmpty()) {
            return Response.text(404, "No template renders " + HttpFields.url(request));
        }
        String type = request.header("Content-Type").map(HttpFields::mediaType).orElse("");
        if (!type.equals(JSON)) {
            return Response.text(415, "A page is PUT as application/json, not "
                    + (type.isEmpty() ? "a body without Content-Type" : type));
        }
        byte[] body = readBody(request);
        if (body == null) {
            return Response.text(413, "The body is larger than max_body (" + settings.maxBody().bytes() + " bytes)");
        }
        long templateModified = settings.templates().modified(template.get());
        byte[] output;
        try {
            Map<?, ?> data = PageData.parse(body);
            output = settings.templates().render(template.get(), data);
        } catch (PageData.Rejected rejected) {
            return Response.text(rejected.status(), rejected.getMessage());
        } catch (Templates.TemplateException failed) {
            return Response.text(500, failed.getMessage());
        }
        long now = System.currentTimeMillis();
        StoredPage page = new StoredPage(path, template.get(), templateModified, now, now, body, output);
        return settings.store().locked(() -> store(request, page));
    }

    /** Under the lock: checks the preconditions against the stored page, then replaces it. */
    private Response store(Request request, StoredPage page) throws IOException {
        StoredPage old = settings.store().read(page.path()).orElse(null);
        Optional<String> refused = Preconditions.refusal(request, old, HttpFields.url(request));
        if (refused.isPresent()) {
            return Response.text(412, refused.get());
        }
        StoredPage stored = page.replacing(old);
        settings.store().write(stored);
        return Response.builder(old == null ? 201 : 200)
                .header("Content-Type", settings.contentType())
                .header("Content-Location", HttpFields.url(request))
                .header("ETag", stored.pageTag())
                .header("Last-Modified", HttpFields.httpDate(stored.outputModified()))
                .body(stored.output())
                .build();
    }

    /** {@return the body, or {@code null} when it is longer than {@code max_body}} */
    private byte[] readBody(Request request) throws IOException {
        long limit = settings.maxBody().bytes();
        byte[] body = request.body().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        return body.length > limit ? null : body;
    }

    private boolean wantsJson(Request request) {
        String accept = request.headers().all("Accept").isEmpty() ? null
                : String.join(",", request.headers().all("Accept"));
        double json = HttpFields.quality(accept, JSON);
        return json > 0 && json > HttpFields.quality(accept, pageMediaType);
    }

    /** {@code If-None-Match} (weak comparison), or else {@code If-Modified-Since}, to the second. */
    private static boolean notModified(Request request, String tag, long modified) {
        Optional<String> noneMatch = request.header("If-None-Match");
        if (noneMatch.isPresent()) {
            return HttpFields.listsTag(noneMatch.get(), tag, false);
        }
        Optional<String> since = request.header("If-Modified-Since");
        try {
            return since.isPresent() && modified / 1000
                    <= ZonedDateTime.parse(since.get().strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toEpochSecond();
        } catch (DateTimeParseException notADate) {
            return false;
        }
    }

    /** The path below the mount point that names the page; {@code /} for the mount point itself. */
    private static String pathOf(Request request) {
        return request.pathInfo().isEmpty() ? "/" : request.pathInfo();
    }
}
