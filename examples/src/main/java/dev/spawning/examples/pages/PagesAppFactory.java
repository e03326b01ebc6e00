package dev.spawning.examples.pages;

import dev.spawning.factory.App;
import dev.spawning.factory.AppFactory;
import dev.spawning.factory.FactoryProvider;
import dev.spawning.factory.Settings;

/**
 * Provider {@code pages}: template on PUT. The body of a PUT is a page's data (a JSON object); the
 * URL chooses a Mustache template; the app renders it (HTML-escaped by default), stores data and
 * output in the data directory, and answers the rendered bytes; every later GET of the URL returns
 * exactly those bytes without rendering again.
 *
 * <table>
 *   <caption>Local settings</caption>
 *   <tr><th>key</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code templates}</td><td>(required)</td><td>the directory of the {@code NAME.mustache}
 *       files; a relative path starts at the deployment file's directory</td></tr>
 *   <tr><td>{@code urls}</td><td>(required)</td><td>which template renders which URL: one
 *       {@code PATTERN = TEMPLATE} a line (see below)</td></tr>
 *   <tr><td>{@code data_dir}</td><td>(required)</td><td>where pages are stored; created when
 *       missing; relative as {@code templates}. Processes serving the same pages share it.</td></tr>
 *   <tr><td>{@code content_type}</td><td>{@code text/html; charset=utf-8}</td><td>the
 *       {@code Content-Type} of a rendered page, which is always UTF-8</td></tr>
 *   <tr><td>{@code max_body}</td><td>{@code 1m}</td><td>the largest PUT body; a larger one is
 *       413</td></tr>
 * </table>
 *
 * <p>In {@code urls}, a {@code PATTERN} is a path below the app's mount point (its path info): its
 * segments are names, matched exactly, or {@code *}, which matches any one segment but {@code .} and
 * {@code ..}; {@code /} is the mount point itself. {@code TEMPLATE} is a file name without
 * {@code .mustache}. The first line that matches wins. Every line is checked, and every template
 * compiled, when the app is built: a bad line is an error that names {@code urls} and the line.
 *
 * <pre>{@code
 * [app:pages]
 * use = service:pages
 * templates = %(here)s/templates
 * data_dir = %(here)s/pages-data
 * urls =
 *     /greetings/* = greeting
 *     /about = about
 * }</pre>
 *
 * <table>
 *   <caption>Requests</caption>
 *   <tr><th>request</th><th>answer</th></tr>
 *   <tr><td>{@code PUT} with {@code Content-Type: application/json}</td><td>201 (created) or 200
 *       (replaced), the rendered bytes, {@code Content-Location} (the URL, mount point included),
 *       {@code ETag}, {@code Last-Modified}. Nothing is stored otherwise: 404 when no line of
 *       {@code urls} matches, 415 for another media type, 413 past {@code max_body}, 400 for
 *       malformed JSON (duplicate keys included), 422 for JSON that is not an object, 412 when
 *       {@code If-Match} does not name the stored page (or none is stored) or {@code If-None-Match}
 *       does, 500 when the template is missing or fails.</td></tr>
 *   <tr><td>{@code GET}, {@code HEAD}</td><td>200 with the stored bytes, a strong {@code ETag},
 *       {@code Last-Modified} and {@code Vary: Accept}; 304 for {@code If-None-Match} (or else
 *       {@code If-Modified-Since}); 404 when nothing is stored. With {@code Accept} preferring
 *       {@code application/json}, the stored data as PUT, with its own {@code ETag}.</td></tr>
 *   <tr><td>any other method</td><td>405 with {@code Allow: GET, HEAD, PUT}</td></tr>
 * </table>
 *
 * <p>Errors are {@code text/plain} sentences. A changed template is applied lazily: a GET that
 * finds the path's template file with another time than the one the page was rendered with renders
 * the stored data again and stores the result; the {@code ETag} and {@code Last-Modified} change
 * when the bytes do. (Only the mapped file's time is compared: after changing a partial, touch the
 * templates that include it.) While the template fails, the page stored before is served.
 */
@FactoryProvider(name = "pages", description = "Template on PUT: renders Mustache on PUT, serves the stored bytes"
        + " (templates, urls, data_dir)")
public final class PagesAppFactory implements AppFactory {

    /** Public because ServiceLoader needs it. */
    public PagesAppFactory() {
    }

    /** Checks every setting, compiles every mapped template and opens the data directory now. */
    @Override
    public App create(Settings globalConf, Settings localConf) {
        return new PagesApp(PagesSettings.from(globalConf, localConf));
    }
}
