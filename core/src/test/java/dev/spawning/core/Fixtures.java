package dev.spawning.core;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The deployment files under test resources {@code deploy/}. */
final class Fixtures {

    private Fixtures() {
    }

    static Path dir() {
        try {
            return Path.of(Fixtures.class.getResource("/deploy/basic.ini").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path file(String name) {
        return dir().resolve(name);
    }

    static Deployment deployment(String name) {
        return Deployment.of(file(name));
    }
}
