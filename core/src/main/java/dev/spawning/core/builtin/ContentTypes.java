package dev.spawning.core.builtin;

import java.util.Locale;
import java.util.Map;

/**
 * The {@code Content-Type} of a file served by {@code service:static}, from its extension (any
 * case). An explicit table of the common web types rather than the JDK's guess, which depends on
 * the platform's MIME files; an unknown or missing extension is {@code application/octet-stream}.
 * Text types are declared UTF-8.
 */
final class ContentTypes {

    static final String DEFAULT = "application/octet-stream";

    private static final String UTF_8 = "; charset=utf-8";

    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry("html", "text/html" + UTF_8),
            Map.entry("htm", "text/html" + UTF_8),
            Map.entry("css", "text/css" + UTF_8),
            Map.entry("js", "text/javascript" + UTF_8),
            Map.entry("mjs", "text/javascript" + UTF_8),
            Map.entry("txt", "text/plain" + UTF_8),
            Map.entry("csv", "text/csv" + UTF_8),
            Map.entry("md", "text/markdown" + UTF_8),
            Map.entry("ics", "text/calendar" + UTF_8),
            Map.entry("vtt", "text/vtt" + UTF_8),
            Map.entry("xml", "application/xml"),
            Map.entry("json", "application/json"),
            Map.entry("map", "application/json"),
            Map.entry("webmanifest", "application/manifest+json"),
            Map.entry("wasm", "application/wasm"),
            Map.entry("pdf", "application/pdf"),
            Map.entry("zip", "application/zip"),
            Map.entry("gz", "application/gzip"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"),
            Map.entry("webp", "image/webp"),
            Map.entry("avif", "image/avif"),
            Map.entry("ico", "image/vnd.microsoft.icon"),
            Map.entry("bmp", "image/bmp"),
            Map.entry("woff", "font/woff"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("ttf", "font/ttf"),
            Map.entry("otf", "font/otf"),
            Map.entry("mp3", "audio/mpeg"),
            Map.entry("ogg", "audio/ogg"),
            Map.entry("wav", "audio/wav"),
            Map.entry("mp4", "video/mp4"),
            Map.entry("webm", "video/webm"));

    private ContentTypes() {
    }

    /** The type of a file named {@code fileName}; {@code .htaccess} has no extension. */
    static String of(String fileName) {
        int dot = fileName.lastIndexOf('.');
        if (dot <= 0) {
            return DEFAULT;
        }
        return BY_EXTENSION.getOrDefault(fileName.substring(dot + 1).toLowerCase(Locale.ROOT), DEFAULT);
    }
}
