package dev.spawning.controller;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A controller's directory names its owner, goes when the controller ends, and is removed by a
 * later controller when its owner is gone; nothing else in the temporary directory is touched.
 */
class RuntimeDirectoryTest {

    @TempDir
    Path temporary;

    @Test
    void theDirectoryNamesThisProcessAndIsRemovedWhenClosed() throws Exception {
        Path path;
        try (RuntimeDirectory directory = RuntimeDirectory.create()) {
            path = directory.path();
            assertThat(path.getFileName().toString()).startsWith("spawn-");
            assertThat(Files.readString(path.resolve(RuntimeDirectory.OWNER)))
                    .isEqualTo(RuntimeDirectory.ownerLine(ProcessHandle.current()))
                    .startsWith(ProcessHandle.current().pid() + " ");
            Files.writeString(path.resolve("workers.aot"), "a cache");
        }
        assertThat(path).doesNotExist();
    }

    @Test
    void theDirectoriesOfEndedControllersAreRemovedAndNothingElse() throws Exception {
        String ended = ownerLineOfAnEndedProcess();
        Path stale = directory("spawn-stale", ended);
        Files.writeString(stale.resolve("workers.aot"), "a cache");
        Path reused = directory("spawn-reused", ProcessHandle.current().pid() + " 1970-01-01T00:00:00Z "
                + namespace());
        Path live = directory("spawn-live", RuntimeDirectory.ownerLine(ProcessHandle.current()));
        Path otherNamespace = directory("spawn-container", ended.replace(namespace(), "pid:[1]"));
        Path noOwner = Files.createDirectories(temporary.resolve("spawn-someone-elses"));
        Path garbled = directory("spawn-garbled", "not a pid\n");
        Path notOurs = directory("other-stale", ended);
        Path linked = Files.createSymbolicLink(temporary.resolve("spawn-link"), notOurs);
        Path nested = directory("spawn-nested", ended);
        Files.writeString(Files.createDirectories(nested.resolve("sub")).resolve("kept"), "kept");

        assertThat(RuntimeDirectory.removeStale(temporary)).isEqualTo(2);

        assertThat(stale).doesNotExist();
        assertThat(reused).doesNotExist();
        assertThat(live.resolve(RuntimeDirectory.OWNER)).exists();
        assertThat(otherNamespace.resolve(RuntimeDirectory.OWNER)).exists();
        assertThat(noOwner).exists();
        assertThat(garbled.resolve(RuntimeDirectory.OWNER)).exists();
        assertThat(notOurs.resolve(RuntimeDirectory.OWNER)).exists();
        assertThat(linked).exists();
        assertThat(nested.resolve(RuntimeDirectory.OWNER)).exists();
        assertThat(nested.resolve("sub/kept")).exists();
    }

    private Path directory(String name, String owner) throws Exception {
        Path directory = Files.createDirectories(temporary.resolve(name));
        Files.writeString(directory.resolve(RuntimeDirectory.OWNER), owner);
        return directory;
    }

    /** The owner line of a process, written while it ran, that has ended since. */
    private static String ownerLineOfAnEndedProcess() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "60").start();
        String line = RuntimeDirectory.ownerLine(sleeper.toHandle());
        sleeper.destroyForcibly();
        assertThat(sleeper.waitFor(10, TimeUnit.SECONDS)).isTrue();
        return line;
    }

    private static String namespace() {
        return RuntimeDirectory.ownerLine(ProcessHandle.current()).strip().split(" ")[2];
    }
}
