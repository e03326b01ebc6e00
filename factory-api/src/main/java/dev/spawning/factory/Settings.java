package dev.spawning.factory;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The settings a factory receives: the global conf or the local conf of one section, as strings
 * in file order, as Paste Deploy passes them. Typed accessors parse on demand and fail with a
 * {@link FactoryException} that names the file, line, section, key, value and what was expected:
 *
 * <pre>{@code
 * int port = local.integer("port", 8080, 0, 65535);
 * Duration grace = local.duration("graceful_timeout", Duration.ofSeconds(30));
 * boolean debug = global.bool("debug", false);
 * // Error in file /srv/app.ini: line 9: [server:main] port = 'http': expected an integer from 0 to 65535
 * }</pre>
 *
 * Immutable and thread-safe.
 */
public final class Settings {

    private static final Settings EMPTY = new Settings("", Map.of(), Map.of(), null);
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h|d)?");
    private static final BigDecimal MAX_NANOS = BigDecimal.valueOf(Long.MAX_VALUE);
    private static final List<String> TRUE = List.of("true", "yes", "on", "y", "t", "1");
    private static final List<String> FALSE = List.of("false", "no", "off", "n", "f", "0");

    private final String section;
    private final Map<String, String> values;
    private final Map<String, Origin> origins;
    private final Origin sectionOrigin;

    private Settings(String section, Map<String, String> values, Map<String, Origin> origins,
            Origin sectionOrigin) {
        this.section = section;
        this.values = values;
        this.origins = origins;
        this.sectionOrigin = sectionOrigin;
    }

    /** {@return settings of no section, with no values} */
    public static Settings empty() {
        return EMPTY;
    }

    /**
     * Settings of no particular section, in the map's iteration order, with no origins.
     *
     * @param values the keys and values; copied
     * @return the settings
     */
    public static Settings of(Map<String, String> values) {
        return builder("").putAll(values).build();
    }

    /**
     * A builder for the settings of {@code section}.
     *
     * @param section such as {@code server:main}; {@code ""} for none
     * @return a new builder with no values
     */
    public static Builder builder(String section) {
        return new Builder(section);
    }

    /** {@return a builder that starts with this section, these values and their origins} */
    public Builder toBuilder() {
        Builder builder = new Builder(section).sectionOrigin(sectionOrigin);
        values.forEach((key, value) -> builder.put(key, value, origins.get(key)));
        return builder;
    }

    /**
     * {@return the section these settings belong to, such as {@code app:main}; {@code ""} when
     * none}
     */
    public String section() {
        return section;
    }

    /** {@return where the section starts; empty when it did not come from a file} */
    public Optional<Origin> sectionOrigin() {
        return Optional.ofNullable(sectionOrigin);
    }

    /**
     * Where a setting was written.
     *
     * @param key the key
     * @return its file and line; empty when it was not written in a file, or is absent
     */
    public Optional<Origin> origin(String key) {
        return Optional.ofNullable(origins.get(key));
    }

    /** {@return every setting in file order; unmodifiable} */
    public Map<String, String> asMap() {
        return values;
    }

    /** {@return every key in file order; unmodifiable} */
    public Set<String> keys() {
        return values.keySet();
    }

    /**
     * Whether a setting is present.
     *
     * @param key the key, compared exactly
     * @return true when it has a value, even an empty one
     */
    public boolean contains(String key) {
        return values.containsKey(key);
    }

    /** {@return whether there are no settings} */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    /**
     * The value of a setting, as written.
     *
     * @param key the key
     * @return the value; empty when absent
     */
    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /**
     * The value of a setting, as written, or a default.
     *
     * @param key          the key
     * @param defaultValue what an absent setting gives
     * @return the value, or {@code defaultValue} when absent
     */
    public String get(String key, String defaultValue) {
        return values.getOrDefault(key, defaultValue);
    }

    /**
     * The value of a setting that must be present.
     *
     * @param key the key
     * @return the value, as written
     * @throws FactoryException when it is absent, naming the section
     */
    public String require(String key) {
        String value = values.get(key);
        if (value == null) {
            throw new FactoryException(section.isEmpty() ? FactoryException.Issue.of("Missing the setting '" + key + "'")
                    : new FactoryException.Issue("is missing the setting '" + key + "'", sectionOrigin, section, null));
        }
        return value;
    }

    /**
     * Paste Deploy's {@code asbool}: true/yes/on/y/t/1 or false/no/off/n/f/0, any case.
     *
     * @param key          the key, such as {@code port}
     * @param defaultValue what an absent setting gives
     * @return the value
     * @throws FactoryException when the value is present but not a boolean, naming the file, line,
     *                          section, key and value
     */
    public boolean bool(String key, boolean defaultValue) {
        return value(key, defaultValue, "a boolean (true/false, yes/no, on/off, 1/0)", Settings::parseBool);
    }

    /**
     * An integer, any {@code int}.
     *
     * @param key          the key, such as {@code port}
     * @param defaultValue what an absent setting gives
     * @return the value
     * @throws FactoryException when the value is present but not an integer, naming the file, line,
     *                          section, key and value
     */
    public int integer(String key, int defaultValue) {
        return integer(key, defaultValue, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    /**
     * An integer from {@code min} to {@code max}, both included.
     *
     * @param key          the key, such as {@code port}
     * @param defaultValue what an absent setting gives; not checked against the range
     * @param min          the least value accepted
     * @param max          the greatest value accepted
     * @return the value
     * @throws FactoryException when the value is present but not an integer in the range, naming
     *                          the file, line, section, key and value
     */
    public int integer(String key, int defaultValue, int min, int max) {
        return value(key, defaultValue, describeRange(min, max), text -> parseInt(text, min, max));
    }

    /**
     * A duration: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}, {@code 1d}; a bare number is
     * seconds; fractions such as {@code 1.5s} are allowed. At most {@code Long.MAX_VALUE} nanoseconds
     * (about 292 years); a longer one is an error.
     *
     * @param key          the key, such as {@code port}
     * @param defaultValue what an absent setting gives
     * @return the value, rounded to whole nanoseconds
     * @throws FactoryException when the value is present but not a duration, naming the file, line,
     *                          section, key and value
     */
    public Duration duration(String key, Duration defaultValue) {
        return value(key, defaultValue, "a duration such as 500ms, 30s or 5m", Settings::parseDuration);
    }

    /**
     * A size: {@code 8192}, {@code 64k}, {@code 10m}, {@code 1g} (see {@link ByteSize#parse}).
     *
     * @param key          the key, such as {@code port}
     * @param defaultValue what an absent setting gives
     * @return the value
     * @throws FactoryException when the value is present but not a size, naming the file, line,
     *                          section, key and value
     */
    public ByteSize size(String key, ByteSize defaultValue) {
        return value(key, defaultValue, "a size such as 8192, 64k or 10m", text -> ByteSize.parse(text).orElse(null));
    }

    /**
     * Paste Deploy's {@code aslist}: the value split on whitespace and line breaks.
     *
     * @param key the key
     * @return the words of the value; empty when it is absent or blank
     */
    public List<String> list(String key) {
        String value = values.get(key);
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.asList(value.trim().split("\\s+"));
    }

    /**
     * A value parsed by {@code parse}, which returns {@code null} (or throws
     * {@link IllegalArgumentException}) for text it does not accept; then the error names the
     * setting and says {@code expected}.
     *
     * @param <T>          the type of the value
     * @param key          the key, such as {@code port}
     * @param defaultValue what an absent setting gives; not parsed
     * @param expected     what a good value is, for the error, such as {@code a port number}
     * @param parse        turns the text as written into the value
     * @return the value
     * @throws FactoryException when the value is present but {@code parse} refuses it, naming the
     *                          file, line, section, key and value
     */
    public <T> T value(String key, T defaultValue, String expected, Function<String, T> parse) {
        String text = values.get(key);
        if (text == null) {
            return defaultValue;
        }
        T parsed;
        try {
            parsed = parse.apply(text);
        } catch (IllegalArgumentException bad) {
            parsed = null;
        }
        if (parsed == null) {
            throw invalid(key, expected);
        }
        return parsed;
    }

    /**
     * An error for the present value of {@code key}:
     * {@code Error in file F: line N: [server:main] port = 'x': expected an integer}. The
     * exception carries one {@link FactoryException.Issue} with the origin, section and key.
     *
     * @param key      the key whose value is bad
     * @param expected what a good value is, such as {@code an integer}
     * @return the exception, for the caller to throw
     */
    public FactoryException invalid(String key, String expected) {
        return new FactoryException(new FactoryException.Issue(key + " = '" + values.get(key) + "': expected " + expected,
                origins.get(key), section.isEmpty() ? null : section, key));
    }

    /**
     * A boolean as {@link #bool} reads it.
     *
     * @param text the text, trimmed here
     * @return {@code true}, {@code false}, or {@code null} for text that is neither
     */
    public static Boolean parseBool(String text) {
        String word = text.trim().toLowerCase(Locale.ROOT);
        return TRUE.contains(word) ? Boolean.TRUE : FALSE.contains(word) ? Boolean.FALSE : null;
    }

    /**
     * A duration as {@link #duration} reads it.
     *
     * @param text the text, trimmed here
     * @return the duration, or {@code null} for text that is not one or one too long
     */
    public static Duration parseDuration(String text) {
        Matcher m = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return null;
        }
        String unit = m.group(2) == null ? "s" : m.group(2);
        long nanosPerUnit = switch (unit) {
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            case "h" -> 3_600_000_000_000L;
            default -> 86_400_000_000_000L;
        };
        BigDecimal nanos = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(nanosPerUnit))
                .setScale(0, RoundingMode.HALF_UP);
        // Beyond Long.MAX_VALUE nanoseconds (about 292 years) Duration.toNanos() fails: refuse, never clamp.
        return nanos.compareTo(MAX_NANOS) > 0 ? null : Duration.ofNanos(nanos.longValueExact());
    }

    /** Says an open end as "at least" or "at most", not as 2147483647. */
    private static String describeRange(int min, int max) {
        boolean noMin = min == Integer.MIN_VALUE;
        boolean noMax = max == Integer.MAX_VALUE;
        if (noMax) {
            return noMin ? "an integer" : min == 0 ? "a non-negative integer"
                    : min == 1 ? "a positive integer" : "an integer of at least " + min;
        }
        return noMin ? "an integer of at most " + max : "an integer from " + min + " to " + max;
    }

    private static Integer parseInt(String text, int min, int max) {
        try {
            long value = Long.parseLong(text.trim());
            return value >= min && value <= max ? (int) value : null;
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Settings that && section.equals(that.section) && values.equals(that.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(section, values);
    }

    @Override
    public String toString() {
        return (section.isEmpty() ? "" : "[" + section + "] ") + values;
    }

    /** Collects settings in order; a later value for a key replaces the earlier one in place. */
    public static final class Builder {

        private final String section;
        private final Map<String, String> values = new LinkedHashMap<>();
        private final Map<String, Origin> origins = new LinkedHashMap<>();
        private Origin sectionOrigin;

        private Builder(String section) {
            this.section = Objects.requireNonNull(section, "section");
        }

        /**
         * Puts a value that was not written in a file.
         *
         * @param key   the key
         * @param value the value
         * @return this builder
         */
        public Builder put(String key, String value) {
            return put(key, value, null);
        }

        /**
         * Puts a value with the place it was written.
         *
         * @param key    the key
         * @param value  the value
         * @param origin where it was written; {@code null} when not from a file
         * @return this builder
         */
        public Builder put(String key, String value, Origin origin) {
            values.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            if (origin != null) {
                origins.put(key, origin);
            } else {
                origins.remove(key);
            }
            return this;
        }

        /**
         * Puts every value of {@code other}, with its origins.
         *
         * @param other settings of any section
         * @return this builder
         */
        public Builder putAll(Settings other) {
            other.values.forEach((key, value) -> put(key, value, other.origins.get(key)));
            return this;
        }

        /**
         * Puts every value of {@code other}, in its iteration order, with no origins.
         *
         * @param other keys and values
         * @return this builder
         */
        public Builder putAll(Map<String, String> other) {
            other.forEach(this::put);
            return this;
        }

        /**
         * Removes a value and its origin.
         *
         * @param key the key
         * @return this builder
         */
        public Builder remove(String key) {
            values.remove(key);
            origins.remove(key);
            return this;
        }

        /**
         * Sets where the section starts.
         *
         * @param origin the file and line of the section's header; {@code null} when not from a
         *               file
         * @return this builder
         */
        public Builder sectionOrigin(Origin origin) {
            sectionOrigin = origin;
            return this;
        }

        /**
         * Builds the settings collected so far; the builder may go on.
         *
         * @return the settings
         */
        public Settings build() {
            return new Settings(section, Collections.unmodifiableMap(new LinkedHashMap<>(values)),
                    Map.copyOf(origins), sectionOrigin);
        }
    }
}
