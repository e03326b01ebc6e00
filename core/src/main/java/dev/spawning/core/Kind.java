package dev.spawning.core;

import dev.spawning.factory.Protocol;
import java.util.List;
import java.util.Set;

/** What is asked of a deployment file: an app, a filter or a server, as in Paste Deploy. */
public enum Kind {
    /** An app: sections {@code app:}, {@code composite:}, {@code pipeline:}, {@code filter-app:}. */
    APP("app", List.of(List.of("app", "application"), List.of("composite", "composit"), List.of("pipeline"),
            List.of("filter-app")), Set.of(Protocol.APP, Protocol.COMPOSITE),
            List.of("paste.app_factory", "paste.composite_factory", "paste.composit_factory")),
    /** A filter: sections {@code filter:}. */
    FILTER("filter", List.of(List.of("filter")), Set.of(Protocol.FILTER, Protocol.FILTER_APP),
            List.of("paste.filter_factory", "paste.filter_app_factory")),
    /** A server: sections {@code server:}. */
    SERVER("server", List.of(List.of("server")), Set.of(Protocol.SERVER, Protocol.SERVER_RUNNER),
            List.of("paste.server_factory", "paste.server_runner"));

    private final String word;
    private final List<List<String>> prefixGroups;
    private final Set<Protocol> protocols;
    private final List<String> pasteKeys;

    Kind(String word, List<List<String>> prefixGroups, Set<Protocol> protocols, List<String> pasteKeys) {
        this.word = word;
        this.prefixGroups = prefixGroups;
        this.protocols = protocols;
        this.pasteKeys = pasteKeys;
    }

    /** {@return {@code app}, {@code filter} or {@code server}, as written after {@code --type}} */
    public String word() {
        return word;
    }

    /** The section prefixes that hold this kind, in groups of aliases, in lookup order. */
    List<List<String>> prefixGroups() {
        return prefixGroups;
    }

    /** Every prefix, flattened in lookup order. */
    List<String> prefixes() {
        return prefixGroups.stream().flatMap(List::stream).toList();
    }

    /** The protocols whose factories make this kind. */
    Set<Protocol> protocols() {
        return protocols;
    }

    /** The explicit factory keys of Paste Deploy for this kind, besides {@code factory}. */
    List<String> pasteKeys() {
        return pasteKeys;
    }

    /**
     * The kind whose {@link #word} is {@code word}.
     *
     * @param word {@code app}, {@code filter} or {@code server}
     * @return the kind, or {@code null} when {@code word} names none
     */
    public static Kind ofWord(String word) {
        for (Kind kind : values()) {
            if (kind.word.equals(word)) {
                return kind;
            }
        }
        return null;
    }
}
