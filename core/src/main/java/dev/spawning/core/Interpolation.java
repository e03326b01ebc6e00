package dev.spawning.core;

import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands one value as Python's {@code BasicInterpolation} does ({@code %(name)s}, {@code %%}, a
 * depth limit of 10), plus {@code ${env:NAME}}, {@code ${env:NAME:-default}}, {@code ${sys:NAME}}
 * and the escape {@code $${}. Every error starts with {@code Error in file FILE:} and names the
 * line, section, key and raw value.
 *
 * <p>One pass over the value finds what is what: {@code %} syntax, a reference from {@code ${} to
 * the first {@code }} (a {@code %} inside it is not Paste syntax), a {@code $${} that is a literal
 * {@code ${} (also before a {@code %(name)s}, where the interpolator would see no reference to
 * escape). Each reference is handed whole to {@link Lookups#expand}, that is to Commons
 * Configuration's interpolator, which resolves it.
 */
final class Interpolation {

    static final int MAX_DEPTH = 10;
    private static final Pattern KEY = Pattern.compile("%\\(([^)]+)\\)s");

    /** Where {@code %(name)s} looks names up: the section's own keys, then the defaults. */
    interface Names {

        /** The raw value of {@code name}, or empty. */
        Optional<Raw> lookup(String name);
    }

    /** A raw value; a literal one (passed in by a caller, already expanded) is not expanded again. */
    record Raw(String text, boolean literal) {
    }

    private final Lookups lookups;

    Interpolation(Lookups lookups) {
        this.lookups = lookups;
    }

    /** Expands {@code raw}, the value of {@code key} (written at {@code line}) in {@code section}. */
    String expand(Path file, int line, String section, String key, String raw, Names names) {
        if (raw.indexOf('%') < 0 && raw.indexOf('$') < 0) {
            return raw;
        }
        StringBuilder out = new StringBuilder(raw.length());
        new Run(file, line, section, key, raw, names).expand(raw, 1, out);
        return out.toString();
    }

    /** One expansion: the option being read, for error messages. */
    private final class Run {
        private final Path file;
        private final int line;
        private final String section;
        private final String key;
        private final String raw;
        private final Names names;

        Run(Path file, int line, String section, String key, String raw, Names names) {
            this.file = file;
            this.line = line;
            this.section = section;
            this.key = key;
            this.raw = raw;
            this.names = names;
        }

        /**
         * Expands {@code text}, reached through {@code depth - 1} references. As in Python, only a value
         * that still holds a {@code %} counts against the limit: a chain of ten references ending in a
         * plain value works, an eleventh reference fails.
         */
        void expand(String text, int depth, StringBuilder out) {
            if (depth > MAX_DEPTH && text.indexOf('%') >= 0) {
                throw fail("Recursion limit exceeded in value substitution: option " + PyRepr.of(key)
                        + " in section " + PyRepr.of(section)
                        + " contains an interpolation key which cannot be substituted in " + MAX_DEPTH
                        + " steps. Raw value: " + PyRepr.of(raw));
            }
            int i = 0;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (c == '%') {
                    i = percent(text, i, depth, out);
                } else if (c == '$') {
                    i = dollar(text, i, out);
                } else {
                    out.append(c);
                    i++;
                }
            }
        }

        private int percent(String text, int at, int depth, StringBuilder out) {
            char next = at + 1 < text.length() ? text.charAt(at + 1) : 0;
            if (next == '%') {
                out.append('%');
                return at + 2;
            }
            if (next != '(') {
                throw syntax("'%' must be followed by '%' or '(', found: " + PyRepr.of(text.substring(at)));
            }
            Matcher m = KEY.matcher(text).region(at, text.length());
            if (!m.lookingAt()) {
                throw syntax("bad interpolation variable reference " + PyRepr.of(text.substring(at)));
            }
            String name = m.group(1);
            Raw value = names.lookup(name).orElseThrow(() -> fail("Bad value substitution: option "
                    + PyRepr.of(key) + " in section " + PyRepr.of(section) + " contains an interpolation key "
                    + PyRepr.of(name) + " which is not a valid option name. Raw value: " + PyRepr.of(raw)));
            if (value.literal()) {
                out.append(value.text());
            } else {
                expand(value.text(), depth + 1, out);
            }
            return m.end();
        }

        /** A literal {@code ${}, a literal {@code $}, or one whole reference, expanded. */
        private int dollar(String text, int at, StringBuilder out) {
            if (text.startsWith("$${", at)) {
                out.append("${");
                return at + 3;
            }
            if (!text.startsWith("${", at)) {
                out.append('$');
                return at + 1;
            }
            int close = text.indexOf('}', at + 2);
            if (close < 0) {
                throw syntax("'${' has no closing '}' (write '$${' for a literal '${')");
            }
            out.append(variable(text.substring(at, close + 1)));
            return close + 1;
        }

        /** The value of {@code reference}, one whole {@code ${...}}, as the interpolator expands it. */
        private String variable(String reference) {
            try {
                return lookups.expand(reference);
            } catch (Lookups.Unresolved e) {
                throw unresolved(reference, e);
            }
        }

        private DeploymentException unresolved(String reference, Lookups.Unresolved e) {
            return switch (e.reason) {
                case UNKNOWN_SOURCE -> syntax(PyRepr.of(reference) + " names no known source; write '${env:NAME}' or "
                        + "'${sys:NAME}' (or '$${' for a literal '${')");
                case NO_NAME -> syntax(PyRepr.of(reference) + " names no variable; write '${" + e.prefix + ":NAME}'");
                case NOT_SET -> fail("Bad value substitution: option " + PyRepr.of(key) + " in section "
                        + PyRepr.of(section) + " refers to "
                        + (e.prefix.equals("env") ? "the environment variable " : "the system property ")
                        + PyRepr.of(e.name) + ", which is not set (give a default with '${" + e.prefix + ":" + e.name
                        + ":-value}'). Raw value: " + PyRepr.of(raw));
            };
        }

        private DeploymentException syntax(String problem) {
            return fail("Bad interpolation syntax: option " + PyRepr.of(key) + " in section " + PyRepr.of(section)
                    + ": " + problem + ". Raw value: " + PyRepr.of(raw));
        }

        private DeploymentException fail(String message) {
            return new DeploymentException(Problem.error(file, line, message).in(section, key));
        }
    }
}
