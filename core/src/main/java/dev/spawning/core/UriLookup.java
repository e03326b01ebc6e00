package dev.spawning.core;

import java.nio.file.Path;

/**
 * What one URI lookup asks for ({@link Uris#load}): a section of a kind, named by a URI, relative
 * to which file, with which globals, asked by whom. Built by the caller, read by each step of the
 * lookup. Immutable.
 *
 * @param kind          the kind of section wanted
 * @param uri           {@code scheme:rest#name}, such as {@code config:other.ini#api}
 * @param name          an explicit name, which beats the URI's fragment; null for none
 * @param referrer      the file that holds the reference (its loader resolves a composite's
 *                      names), or null when a caller asks
 * @param relativeTo    the directory relative paths start from, or null
 * @param global        the global conf passed on
 * @param ref           who refers, for error messages
 * @param sectionPrefix the prefix of the section that asked, to choose between two protocols
 */
record UriLookup(Kind kind, String uri, String name, ConfigLoader referrer, Path relativeTo, Conf global, Ref ref,
        String sectionPrefix) {

    /** A lookup of {@code uri} for a section of {@code kind}, from outside any file. */
    static UriLookup of(Kind kind, String uri, Conf global, Ref ref) {
        return new UriLookup(kind, uri, null, null, null, global, ref, kind.prefixes().getFirst());
    }

    /** The same lookup with an explicit section name. */
    UriLookup named(String sectionName) {
        return new UriLookup(kind, uri, sectionName, referrer, relativeTo, global, ref, sectionPrefix);
    }

    /** The same lookup, relative paths starting from {@code directory}. */
    UriLookup relativeTo(Path directory) {
        return new UriLookup(kind, uri, name, referrer, directory, global, ref, sectionPrefix);
    }

    /** The same lookup, referred to by {@code file}, relative to its directory. */
    UriLookup from(ConfigLoader file) {
        return new UriLookup(kind, uri, name, file, file.directory(), global, ref, sectionPrefix);
    }

    /** The same lookup, asked by a section of prefix {@code prefix}. */
    UriLookup askedBy(String prefix) {
        return new UriLookup(kind, uri, name, referrer, relativeTo, global, ref, prefix);
    }
}
