package dev.spawning.core;

import dev.spawning.factory.Origin;
import dev.spawning.factory.Settings;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A global or local conf while it is being built: ordered, mutable, each value with the place it
 * was written. Confined to the thread that loads the deployment.
 */
final class Conf {

    /** A value and where it was written ({@code null} when it came from a caller or the command line). */
    record Entry(String value, Origin origin) {
    }

    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();

    Conf() {
    }

    static Conf of(Map<String, String> values) {
        Conf conf = new Conf();
        values.forEach((key, value) -> conf.put(key, value, null));
        return conf;
    }

    static Conf of(Settings settings) {
        Conf conf = new Conf();
        settings.asMap().forEach((key, value) -> conf.put(key, value, settings.origin(key).orElse(null)));
        return conf;
    }

    Conf copy() {
        Conf copy = new Conf();
        copy.entries.putAll(entries);
        return copy;
    }

    void put(String key, String value, Origin origin) {
        entries.put(key, new Entry(value, origin));
    }

    void put(String key, Entry entry) {
        entries.put(key, entry);
    }

    /** Lays every entry of {@code other} over this conf (later values win, first positions stay). */
    void putAll(Conf other) {
        entries.putAll(other.entries);
    }

    Entry remove(String key) {
        return entries.remove(key);
    }

    Entry get(String key) {
        return entries.get(key);
    }

    boolean containsKey(String key) {
        return entries.containsKey(key);
    }

    Set<String> keys() {
        return entries.keySet();
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        entries.forEach((key, entry) -> map.put(key, entry.value()));
        return map;
    }

    Settings toSettings(String section, Origin sectionOrigin) {
        Settings.Builder builder = Settings.builder(section).sectionOrigin(sectionOrigin);
        entries.forEach((key, entry) -> builder.put(key, entry.value(), entry.origin()));
        return builder.build();
    }

    @Override
    public String toString() {
        return asMap().toString();
    }
}
