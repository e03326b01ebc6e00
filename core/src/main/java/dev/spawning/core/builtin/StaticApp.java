package dev.spawning.core.builtin;

import dev.spawning.factory.App;
import dev.spawning.factory.Request;
import dev.spawning.factory.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Paste's {@code StaticURLParser}: serves the files under one directory, for GET and HEAD. The
 * path below the mount point ({@link Request#pathInfo()}) names the file; {@link DocumentRoot}
 * decides which paths may be served, and anything else is 404 without a file being opened. A
 * directory named with a trailing {@code /} serves its {@code index.html} (404 without one, never
 * a listing); named without, it is redirected (301) to the name with the {@code /}, as Paste and
 * nginx do, so relative links in the index work. Other methods: 405 with {@code Allow}.
 *
 * <p>A file is sent with {@code Content-Type} ({@link ContentTypes}), {@code Content-Length},
 * {@code ETag} and {@code Last-Modified} ({@link Validators}), and {@code Cache-Control} when
 * {@code cache_max_age} is set; a conditional GET or HEAD that matches is 304 with the same
 * validators and no body. A file of at most {@link #WHOLE_FILE_LIMIT} bytes is read at once (a
 * body of known bytes); a larger one is streamed from the file by the request's thread, exactly
 * {@code Content-Length} bytes of it (a file that shrinks meanwhile cuts the connection).
 *
 * <p>Immutable and thread-safe; each file is opened by the thread handling its request and closed
 * by it.
 */
final class StaticApp implements App {

    /** Files up to this size are read whole; larger ones are streamed in pieces of this size. */
    static final int WHOLE_FILE_LIMIT = 64 * 1024;

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final DocumentRoot root;
    private final Integer cacheMaxAge;

    /** {@code cacheMaxAge}: seconds for {@code Cache-Control: max-age}; {@code null} for none. */
    StaticApp(DocumentRoot root, Integer cacheMaxAge) {
        this.root = root;
        this.cacheMaxAge = cacheMaxAge;
    }

    @Override
    public Response handle(Request request) throws IOException {
        if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
            return Response.builder(405).header("Allow", "GET, HEAD")
                    .header("Content-Type", "text/plain; charset=utf-8")
                    .body("405 Method Not Allowed: only GET and HEAD\n").build();
        }
        return switch (root.find(request.pathInfo())) {
            case DocumentRoot.Nothing _ -> Response.text(404, "404 Not Found\n");
            case DocumentRoot.DirectoryWithoutSlash _ -> redirectToSlash(request);
            case DocumentRoot.File file -> file(request, file);
        };
    }

    private Response file(Request request, DocumentRoot.File file) throws IOException {
        String etag = Validators.etag(file.attributes());
        long modified = Validators.lastModifiedSeconds(file.attributes());
        Response.Builder response = Response.builder(200)
                .header("ETag", etag)
                .header("Last-Modified", Validators.httpDate(modified));
        if (cacheMaxAge != null) {
            response.header("Cache-Control", "max-age=" + cacheMaxAge);
        }
        if (Validators.notModified(request, etag, modified)) {
            return response.status(304).build();
        }
        response.header("Content-Type", ContentTypes.of(file.name()));
        return withBody(response, request.method().equals("HEAD"), file.path(), file.attributes().size());
    }

    /** The file's bytes and their length; for HEAD the length alone. */
    private static Response withBody(Response.Builder response, boolean head, Path path, long size)
            throws IOException {
        if (head) {
            return response.header("Content-Length", Long.toString(size)).build();
        }
        if (size <= WHOLE_FILE_LIMIT) {
            byte[] data = read(path, (int) size);
            return response.header("Content-Length", Integer.toString(data.length)).body(data).build();
        }
        return response.header("Content-Length", Long.toString(size)).body(out -> copy(path, size, out)).build();
    }

    /** At most {@code size} bytes of the file: fewer if it shrank since its size was read. */
    private static byte[] read(Path path, int size) throws IOException {
        try (InputStream in = Files.newInputStream(path, LinkOption.NOFOLLOW_LINKS)) {
            return in.readNBytes(size);
        }
    }

    /** Exactly {@code size} bytes of the file, as promised by {@code Content-Length}. */
    private static void copy(Path path, long size, OutputStream out) throws IOException {
        try (InputStream in = Files.newInputStream(path, LinkOption.NOFOLLOW_LINKS)) {
            byte[] buffer = new byte[WHOLE_FILE_LIMIT];
            long left = size;
            while (left > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    throw new IOException(path + " shrank while it was sent: " + left + " of its " + size
                            + " bytes are missing");
                }
                out.write(buffer, 0, n);
                left -= n;
            }
        }
    }

    /** 301 to the same path with a {@code /}, keeping the query; the path re-encoded for the header. */
    private static Response redirectToSlash(Request request) {
        String location = encodePath(request.scriptName() + request.pathInfo()) + "/"
                + (request.query().isEmpty() ? "" : "?" + request.query());
        return Response.builder(301).header("Location", location)
                .header("Content-Type", "text/plain; charset=utf-8")
                .body("301 Moved Permanently: " + location + "\n").build();
    }

    /**
     * A decoded path (each character one byte) percent-encoded for a {@code Location}: every byte
     * but RFC 3986's unreserved characters, sub-delimiters, {@code :}, {@code @} and {@code /}.
     */
    static String encodePath(String decoded) {
        StringBuilder out = new StringBuilder(decoded.length());
        for (int i = 0; i < decoded.length(); i++) {
            char c = decoded.charAt(i);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~!$&'()*+,;=:@/".indexOf(c) >= 0)) {
                out.append(c);
            } else {
                out.append('%').append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
            }
        }
        return out.toString();
    }
}
