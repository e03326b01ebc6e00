package dev.spawning.factory;

import java.util.ArrayList;
import java.util.List;

/** The six factory protocols, with the names Paste Deploy gives them. */
public enum Protocol {
    APP("app factory", "paste.app_factory", AppFactory.class),
    COMPOSITE("composite factory", "paste.composite_factory", CompositeFactory.class),
    FILTER("filter factory", "paste.filter_factory", FilterFactory.class),
    FILTER_APP("filter-app factory", "paste.filter_app_factory", FilterAppFactory.class),
    SERVER("server factory", "paste.server_factory", ServerFactory.class),
    SERVER_RUNNER("server runner", "paste.server_runner", ServerRunner.class);

    private final String displayName;
    private final String pasteName;
    private final Class<? extends Factory> type;

    Protocol(String displayName, String pasteName, Class<? extends Factory> type) {
        this.displayName = displayName;
        this.pasteName = pasteName;
        this.type = type;
    }

    /** Such as {@code app factory}. */
    public String displayName() {
        return displayName;
    }

    /** Such as {@code paste.app_factory}. */
    public String pasteName() {
        return pasteName;
    }

    /** The interface a factory of this protocol implements. */
    public Class<? extends Factory> type() {
        return type;
    }

    /** Every protocol that {@code type} implements, in declaration order. */
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
