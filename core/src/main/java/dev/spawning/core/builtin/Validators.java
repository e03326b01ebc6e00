package dev.spawning.core.builtin;

import dev.spawning.factory.Request;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The validators of a file served by {@code service:static} and the conditional GET (RFC 9110,
 * section 13.2.2): a strong {@code ETag} made of the file's size and modification time (to the
 * microsecond, where nginx uses the second), {@code Last-Modified} to the second, and
 * {@code If-None-Match}, which when present decides alone, before {@code If-Modified-Since}.
 * Stateless.
 */
final class Validators {

    /** IMF-fixdate, the one form an HTTP date is sent in. */
    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    /**
     * The obsolete forms a recipient must still accept: RFC 850's (a two-digit year is from 1970
     * to 2069) and C's asctime.
     */
    private static final List<DateTimeFormatter> OBSOLETE = List.of(
            new DateTimeFormatterBuilder().appendPattern("EEEE, dd-MMM-")
                    .appendValueReduced(ChronoField.YEAR, 2, 2, 1970)
                    .appendPattern(" HH:mm:ss 'GMT'").toFormatter(Locale.US),
            DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.US));

    private Validators() {
    }

    /** {@return the strong entity tag of a file with these attributes, quotes included} */
    static String etag(BasicFileAttributes attributes) {
        return "\"" + Long.toHexString(attributes.size()) + "-"
                + Long.toHexString(attributes.lastModifiedTime().to(TimeUnit.MICROSECONDS)) + "\"";
    }

    /** {@return the modification time, truncated to the second as {@code Last-Modified} sends it} */
    static long lastModifiedSeconds(BasicFileAttributes attributes) {
        return attributes.lastModifiedTime().to(TimeUnit.SECONDS);
    }

    /** {@return {@code epochSecond} as an HTTP date, such as {@code Sun, 06 Nov 1994 08:49:37 GMT}} */
    static String httpDate(long epochSecond) {
        return IMF_FIXDATE.format(Instant.ofEpochSecond(epochSecond));
    }

    /**
     * Whether a GET or HEAD of a file with these validators is answered 304: {@code If-None-Match}
     * (every field of it) lists its tag or is {@code *}, compared weakly as RFC 9110 says, so
     * {@code W/"x"} matches {@code "x"}; without {@code If-None-Match}, {@code If-Modified-Since}
     * is a valid date not before the modification time. A malformed list matches nothing, and a
     * date that does not parse, or is later than now, is ignored: the file is sent.
     */
    static boolean notModified(Request request, String etag, long lastModifiedSeconds) {
        List<String> noneMatch = request.headers().all("If-None-Match");
        if (!noneMatch.isEmpty()) {
            return noneMatch.stream().anyMatch(list -> listsTag(list, etag));
        }
        return request.header("If-Modified-Since")
                .map(Validators::parseDate)
                .filter(since -> since <= Instant.now().getEpochSecond())
                .map(since -> lastModifiedSeconds <= since)
                .orElse(false);
    }

    /** Whether {@code list} ({@code *}, or entity tags separated by commas) holds {@code etag}. */
    static boolean listsTag(String list, String etag) {
        int i = 0;
        while (i < list.length()) {
            char c = list.charAt(i);
            if (c == ' ' || c == '\t' || c == ',') {
                i++;
            } else if (c == '*') {
                return true;
            } else {
                int open = list.startsWith("W/", i) ? i + 2 : i;
                int close = open < list.length() && list.charAt(open) == '"' ? list.indexOf('"', open + 1) : -1;
                if (close < 0) {
                    return false;
                }
                if (list.substring(open, close + 1).equals(etag)) {
                    return true;
                }
                i = close + 1;
            }
        }
        return false;
    }

    /** The epoch second of an HTTP date in any of its three forms; {@code null} when it is none. */
    static Long parseDate(String text) {
        String date = text.strip();
        try {
            return DateTimeFormatter.RFC_1123_DATE_TIME.parse(date, Instant::from).getEpochSecond();
        } catch (DateTimeParseException notImf) {
            for (DateTimeFormatter form : OBSOLETE) {
                try {
                    return LocalDateTime.parse(date, form).toEpochSecond(ZoneOffset.UTC);
                } catch (DateTimeParseException notThisOne) {
                    // try the next form
                }
            }
            return null;
        }
    }
}
