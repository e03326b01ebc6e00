package dev.spawning.core.builtin;

import dev.spawning.factory.App;
import dev.spawning.factory.Request;
import dev.spawning.factory.Response;
import java.util.List;

/** The urlmap's answer when nothing matches: a 404 page listing the known prefixes, HTML-escaped. */
final class NotFound implements App {

    private final List<UrlMap.Entry> entries;

    NotFound(List<UrlMap.Entry> entries) {
        this.entries = entries;
    }

    @Override
    public Response handle(Request request) {
        List<String> prefixes = entries.stream()
                .map(e -> "'" + (e.where().domain() == null ? "" : "http://" + e.where().domain())
                        + e.where().path() + "'")
                .toList();
        String detail = "defined apps: " + String.join(",\n  ", prefixes)
                + "\nSCRIPT_NAME: '" + request.scriptName() + "'"
                + "\nPATH_INFO: '" + request.pathInfo() + "'"
                + "\nHTTP_HOST: '" + request.header("Host").orElse("") + "'";
        String page = "<html>\n<head><title>404 Not Found</title></head>\n<body>\n<h1>404 Not Found</h1>\n"
                + "<p>The resource could not be found.</p>\n<pre>" + escape(detail) + "</pre>\n</body>\n</html>\n";
        return Response.builder(404).header("Content-Type", "text/html; charset=utf-8").body(page).build();
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#x27;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
