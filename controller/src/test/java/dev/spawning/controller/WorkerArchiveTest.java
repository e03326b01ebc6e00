package dev.spawning.controller;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkerArchiveTest {

    @TempDir
    Path dir;

    @Test
    void noWorkerRecordsBeforeOneHasBeenReady() {
        WorkerArchive archive = new WorkerArchive(dir);
        assertThat(archive.options(1)).isEmpty();
        assertThat(archive.options(2)).isEmpty();
        archive.loaded();
        assertThat(archive.options(3)).first().asString().isEqualTo("-XX:AOTCacheOutput=" + dir.resolve("worker-3.aot"));
    }

    @Test
    void oneWorkerRecordsAndItsFileBecomesTheArchiveOnlyOnceItHasExitedCleanly() throws Exception {
        WorkerArchive archive = new WorkerArchive(dir);
        archive.loaded();
        assertThat(archive.options(1)).containsExactly("-XX:AOTCacheOutput=" + dir.resolve("worker-1.aot"),
                "-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-Xlog:aot=off");
        assertThat(archive.options(2)).isEmpty();
        Files.writeString(dir.resolve("worker-1.aot"), "classes");
        archive.exited(2, 0);
        assertThat(dir.resolve("workers.aot")).doesNotExist();
        archive.exited(1, 0);
        assertThat(dir.resolve("workers.aot")).hasContent("classes");
        assertThat(archive.options(3)).containsExactly("-XX:AOTCache=" + dir.resolve("workers.aot"),
                "-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-Xlog:aot=off");
    }

    @Test
    void aRecorderThatFailsLeavesNoArchiveAndAnotherWorkerRecords() throws Exception {
        WorkerArchive archive = new WorkerArchive(dir);
        archive.loaded();
        archive.options(1);
        Files.writeString(dir.resolve("worker-1.aot"), "half");
        archive.exited(1, 137);
        assertThat(dir.resolve("workers.aot")).doesNotExist();
        assertThat(dir.resolve("worker-1.aot")).doesNotExist();
        assertThat(archive.options(2)).first().asString().startsWith("-XX:AOTCacheOutput=");
    }
}
