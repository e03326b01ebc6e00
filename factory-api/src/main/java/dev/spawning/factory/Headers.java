package dev.spawning.factory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable, ordered, multi-valued list of header fields. Lookups ignore ASCII case; the fields
 * keep their order of arrival and the spelling of their names.
 *
 * <pre>{@code
 * Headers h = Headers.builder().add("Accept", "text/html").add("accept", "*&#47;*").build();
 * h.all("ACCEPT");   // ["text/html", "*&#47;*"]
 * h.first("Host");   // Optional.empty()
 * }</pre>
 */
public final class Headers {

    private static final Headers EMPTY = new Headers(List.of());

    private final List<Header> fields;

    private Headers(List<Header> fields) {
        this.fields = fields;
    }

    /** {@return the empty list of fields} */
    public static Headers empty() {
        return EMPTY;
    }

    /**
     * Fields from alternating names and values: {@code of("Content-Type", "text/plain")}.
     *
     * @param namesAndValues a name, its value, the next name, its value, ...
     * @return the fields, in the order given
     * @throws FactoryException for an odd count, or a name or value that {@link Header} refuses
     */
    public static Headers of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new FactoryException("Headers.of takes names and values in pairs; got an odd count: "
                    + namesAndValues.length);
        }
        Builder builder = builder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            builder.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return builder.build();
    }

    /** {@return a builder with no fields} */
    public static Builder builder() {
        return new Builder(new ArrayList<>());
    }

    /** {@return a builder that starts with these fields} */
    public Builder toBuilder() {
        return new Builder(new ArrayList<>(fields));
    }

    /**
     * The first value of the field named {@code name}.
     *
     * @param name the field name, compared without regard to ASCII case
     * @return its first value; empty when there is no such field
     */
    public Optional<String> first(String name) {
        for (Header field : fields) {
            if (field.is(name)) {
                return Optional.of(field.value());
            }
        }
        return Optional.empty();
    }

    /**
     * Every value of the field named {@code name}, in order of arrival. Values are not split at
     * commas: each field gives one.
     *
     * @param name the field name, compared without regard to ASCII case
     * @return its values, unmodifiable; empty when there is no such field
     */
    public List<String> all(String name) {
        List<String> values = new ArrayList<>(2);
        for (Header field : fields) {
            if (field.is(name)) {
                values.add(field.value());
            }
        }
        return Collections.unmodifiableList(values);
    }

    /**
     * Whether there is a field named {@code name}.
     *
     * @param name the field name, compared without regard to ASCII case
     * @return true when there is at least one
     */
    public boolean contains(String name) {
        return first(name).isPresent();
    }

    /**
     * {@return the distinct names, each spelled as its first occurrence, in order of first arrival}
     */
    public Set<String> names() {
        Map<String, String> byLowerCase = new LinkedHashMap<>();
        for (Header field : fields) {
            byLowerCase.putIfAbsent(field.name().toLowerCase(Locale.ROOT), field.name());
        }
        return Collections.unmodifiableSet(new LinkedHashSet<>(byLowerCase.values()));
    }

    /** {@return every field in order of arrival; unmodifiable} */
    public List<Header> asList() {
        return fields;
    }

    /** {@return the number of fields, each repetition of a name counted} */
    public int size() {
        return fields.size();
    }

    /** {@return whether there are no fields} */
    public boolean isEmpty() {
        return fields.isEmpty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Headers that && fields.equals(that.fields);
    }

    @Override
    public int hashCode() {
        return fields.hashCode();
    }

    @Override
    public String toString() {
        return fields.toString();
    }

    /** Collects fields; not thread-safe. */
    public static final class Builder {

        private final List<Header> fields;

        private Builder(List<Header> fields) {
            this.fields = fields;
        }

        /**
         * Adds a field after the others, keeping fields of the same name.
         *
         * @param name  the field name as spelled
         * @param value the field value
         * @return this builder
         * @throws FactoryException for a name or value that {@link Header} refuses
         */
        public Builder add(String name, String value) {
            fields.add(new Header(name, value));
            return this;
        }

        /**
         * Replaces every field named {@code name} with one field, placed where the first one was;
         * added last when there was none.
         *
         * @param name  the field name, compared without regard to ASCII case
         * @param value the field value
         * @return this builder
         * @throws FactoryException for a name or value that {@link Header} refuses
         */
        public Builder set(String name, String value) {
            Header replacement = new Header(name, value);
            int at = indexOf(name);
            remove(name);
            fields.add(at < 0 ? fields.size() : at, replacement);
            return this;
        }

        /**
         * Removes every field named {@code name}.
         *
         * @param name the field name, compared without regard to ASCII case
         * @return this builder
         */
        public Builder remove(String name) {
            fields.removeIf(field -> field.is(name));
            return this;
        }

        /**
         * Whether a field named {@code name} was added and not removed.
         *
         * @param name the field name, compared without regard to ASCII case
         * @return true when there is at least one
         */
        public boolean contains(String name) {
            return indexOf(name) >= 0;
        }

        /**
         * Builds the fields collected so far; the builder may go on.
         *
         * @return the fields, in order
         */
        public Headers build() {
            return fields.isEmpty() ? EMPTY : new Headers(List.copyOf(fields));
        }

        private int indexOf(String name) {
            for (int i = 0; i < fields.size(); i++) {
                if (fields.get(i).is(name)) {
                    return i;
                }
            }
            return -1;
        }
    }
}
