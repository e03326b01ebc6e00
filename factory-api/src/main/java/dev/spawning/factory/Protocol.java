package dev.spawning.factory;

import java.util.ArrayList;
import java.util.List;

/** The six factory protocols, with the names Paste Deploy gives them. */
public enum Protocol {
    /** {@link AppFactory}: an app from its settings. */
    APP("app factory", "paste.app_factory", AppFactory.class),
    /** {@link CompositeFactory}: an app composed of others, loaded by name. */
    COMPOSITE("composite factory", "paste.composite_factory", CompositeFactory.class),
    /** {@link FilterFactory}: a filter from its settings. */
    FILTER("filter factory", "paste.filter_factory", FilterFactory.class),
    /** {@link FilterAppFactory}: an app that wraps the next one. */
    FILTER_APP("filter-app factory", "paste.filter_app_factory", FilterAppFactory.class),
    /** {@link ServerFactory}: a server, started later. */
    SERVER("server factory", "paste.server_factory", ServerFactory.class),
    /** {@link ServerRunner}: serves an app, blocking, until stopped. */
    SERVER_RUNNER("server runner", "paste.server_runner", ServerRunner.class);

    private final String displayName;
    private final String pasteName;
    private final Class<? extends Factory> type;

    Protocol(String displayName, String pasteName, Class<? extends Factory> type) {
        this.displayName = displayName;
        this.pasteName = pasteName;
        this.type = type;
    }

    /** {@return the name in messages, such as {@code app factory}} */
    public String displayName() {
        return displayName;
    }

    /** {@return Paste Deploy's entry point group, such as {@code paste.app_factory}} */
    public String pasteName() {
        return pasteName;
    }

    /** {@return the interface a factory of this protocol implements} */
    public Class<? extends Factory> type() {
        return type;
    }

    /**
     * Every protocol that {@code type} implements, in declaration order.
     *
     * @param type a class, such as a provider's
     * @return the protocols it implements; empty when it implements none
     */
    public static List<Protocol> implementedBy(Class<?> type) {
        List<Protocol> found = new ArrayList<>();
        for (Protocol protocol : values()) {
            if (protocol.type.isAssignableFrom(type)) {
                found.add(protocol);
            }
        }
        return List.copyOf(found);
    }

    @Override
    public String toString() {
        return displayName;
    }
}
