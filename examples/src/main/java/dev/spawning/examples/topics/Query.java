package dev.spawning.examples.topics;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The parameters of an events request: {@code since}, {@code wait} and {@code Last-Event-ID}.
 * Other query parameters are ignored; of a parameter given twice the first counts.
 */
final class Query {

    /** The longest wait a client may ask for, in milliseconds (55 s). */
    static final long MAX_WAIT_MILLIS = 55_000;
    /** The wait when the client names none, in milliseconds (25 s). */
    static final long DEFAULT_WAIT_MILLIS = 25_000;

    private static final Pattern COUNT = Pattern.compile("[0-9]{1,18}");
    private static final Pattern SECONDS = Pattern.compile("([0-9]{1,2})(?:\\.([0-9]{1,3}))?");

    private final Map<String, String> values;

    private Query(Map<String, String> values) {
        this.values = values;
    }

    /**
     * Reads a raw query string.
     *
     * @param raw the query without its {@code ?}, percent-encoded
     * @return the parameters; empty when a parameter is not well percent-encoded
     */
    static Optional<Query> parse(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        try {
            for (String pair : raw.split("&")) {
                int equals = pair.indexOf('=');
                String name = decode(equals < 0 ? pair : pair.substring(0, equals));
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
                values.putIfAbsent(name, value);
            }
        } catch (IllegalArgumentException badEncoding) {
            return Optional.empty();
        }
        return Optional.of(new Query(values));
    }

    /** {@return the value of a parameter, decoded} */
    Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /**
     * A cursor: a non-negative integer, as {@code since} and {@code Last-Event-ID} are.
     *
     * @param text the value
     * @return the number; empty when it is not one
     */
    static Optional<Long> cursor(String text) {
        return COUNT.matcher(text).matches() ? Optional.of(Long.parseLong(text)) : Optional.empty();
    }

    /**
     * A wait: seconds from 0 to 55, with up to three decimals ({@code 25}, {@code 0.5}).
     *
     * @param text the value
     * @return the wait in milliseconds; empty when it is not one, or longer than 55 s
     */
    static Optional<Long> waitMillis(String text) {
        var m = SECONDS.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        String fraction = m.group(2) == null ? "" : m.group(2);
        long millis = Long.parseLong(m.group(1)) * 1000
                + (fraction.isEmpty() ? 0 : Long.parseLong((fraction + "00").substring(0, 3)));
        return millis <= MAX_WAIT_MILLIS ? Optional.of(millis) : Optional.empty();
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
