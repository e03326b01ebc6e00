package dev.spawning.examples.pages;

import dev.spawning.factory.Request;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/** The request and response fields the pages app reads and writes, as RFC 9110 defines them. */
final class HttpFields {

    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    /** What a path segment may hold besides letters and digits (RFC 3986's pchar), and '/'. */
    private static final String PATH_CHARS = "-._~!$&'()*+,;=:@/";

    private HttpFields() {
    }

    /** {@return an IMF-fixdate, such as {@code Sun, 06 Nov 1994 08:49:37 GMT}} */
    static String httpDate(long epochMillis) {
        return HTTP_DATE.format(Instant.ofEpochMilli(epochMillis));
    }

    /**
     * Whether an {@code If-Match} or {@code If-None-Match} value names {@code tag}.
     *
     * @param field  the field's value: {@code *} or a list of entity tags
     * @param tag    the current strong tag, quoted
     * @param strong true for {@code If-Match} (a weak tag never matches), false for
     *               {@code If-None-Match} (the {@code W/} is ignored)
     * @return true when the field is {@code *} or lists the tag
     */
    static boolean listsTag(String field, String tag, boolean strong) {
        if (field.strip().equals("*")) {
            return true;
        }
        for (String listed : entityTags(field)) {
            boolean weak = listed.startsWith("W/");
            if (!(strong && weak) && (weak ? listed.substring(2) : listed).equals(tag)) {
                return true;
            }
        }
        return false;
    }

    /** The entity tags of a list, each as written ({@code W/} included); commas inside quotes are kept. */
    private static List<String> entityTags(String field) {
        List<String> tags = new ArrayList<>();
        int i = 0;
        while (i < field.length()) {
            char c = field.charAt(i);
            if (c == ',' || c == ' ' || c == '\t') {
                i++;
                continue;
            }
            int start = i;
            int quote = field.indexOf('"', i);
            int close = quote < 0 ? -1 : field.indexOf('"', quote + 1);
            if (close < 0) {
                break;
            }
            tags.add(field.substring(start, close + 1));
            i = close + 1;
        }
        return tags;
    }

    /**
     * The quality the {@code Accept} field gives a media type: that of the most specific range that
     * matches it ({@code type/subtype}, then {@code type/*}, then {@code *}{@code /*}).
     *
     * @param accept    the field's values joined with commas; {@code null} when absent
     * @param mediaType such as {@code application/json}, lower case, without parameters
     * @return from 0 to 1; 1 when there is no {@code Accept}, 0 when no range matches
     */
    static double quality(String accept, String mediaType) {
        if (accept == null) {
            return 1;
        }
        String type = mediaType.substring(0, mediaType.indexOf('/') + 1) + "*";
        double best = 0;
        int specificity = -1;
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String name = parts[0].strip().toLowerCase(Locale.ROOT);
            int rank = name.equals(mediaType) ? 2 : name.equals(type) ? 1 : name.equals("*/*") ? 0 : -1;
            if (rank > specificity) {
                specificity = rank;
                best = qValue(parts);
            }
        }
        return best;
    }

    private static double qValue(String[] parameters) {
        for (int i = 1; i < parameters.length; i++) {
            String parameter = parameters[i].strip();
            if (parameter.regionMatches(true, 0, "q=", 0, 2)) {
                try {
                    double q = Double.parseDouble(parameter.substring(2).strip());
                    return q >= 0 && q <= 1 ? q : 0;
                } catch (NumberFormatException notANumber) {
                    return 0;
                }
            }
        }
        return 1;
    }

    /** {@return the media type of a {@code Content-Type} value, lower case, without parameters} */
    static String mediaType(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    /**
     * The path of a request as a URL path: its script name (the mount point) and path info,
     * percent-encoded again, as WSGI rebuilds a URL from {@code SCRIPT_NAME} and {@code PATH_INFO}.
     *
     * @param request the request
     * @return such as {@code /pages/greetings/world}
     */
    static String url(Request request) {
        String path = request.scriptName() + request.pathInfo();
        StringBuilder url = new StringBuilder(path.length());
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c < 0x80 && PATH_CHARS.indexOf(c) >= 0 || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
                    || c >= '0' && c <= '9') {
                url.append(c);
            } else {
                url.append('%').append(HexFormat.of().withUpperCase().toHexDigits((byte) c));
            }
        }
        return url.isEmpty() ? "/" : url.toString();
    }
}
