package dev.spawning.core.testing;

import dev.spawning.core.Deployment;

import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * The deployment files under test resources {@code deploy/}; public for the command line's tests,
 * which read them from core's test jar.
 */
public final class Fixtures {

    private Fixtures() {
    }

    public static Path dir() {
        try {
            return Path.of(Fixtures.class.getResource("/deploy/basic.ini").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Path file(String name) {
        return dir().resolve(name);
    }

    public static Deployment deployment(String name) {
        return Deployment.of(file(name));
    }
}
