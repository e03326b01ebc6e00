package dev.spawning.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spawning.core.Deployment;
import dev.spawning.factory.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ControllerSettingsTest {

    @TempDir
    Path dir;

    @Test
    void absentKeysTakeTheDefaultsOfTheSpecsTable() {
        ControllerSettings settings = ControllerSettings.from(Settings.empty(), dir);
        assertThat(settings.processes()).isEqualTo(1);
        assertThat(settings.reload()).isEqualTo(ControllerSettings.Reload.OFF);
        assertThat(settings.startupTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.gracefulTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.deadman()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.control()).isEqualTo(dir.resolve("spawn.sock"));
        assertThat(settings.watch()).isEmpty();
        assertThat(settings.maxRequests()).isZero();
        assertThat(settings.maxAge()).isZero();
        assertThat(settings.maxMemory().bytes()).isZero();
        assertThat(settings.usesController()).isFalse();
    }

    @Test
    void everyKeyIsReadWithPathsRelativeToTheDeploymentFile() {
        Map<String, String> values = new java.util.LinkedHashMap<>(Map.of("processes", "auto", "reload", "dev",
                "watch", "conf templates", "classpath", "lib/app.jar", "jvm_args", "-Xmx256m -XX:+UseZGC",
                "startup_timeout", "10s", "deadman", "5s", "control", "run/ctl.sock"));
        values.putAll(Map.of("max_requests", "1000", "max_age", "1h", "max_memory", "512m"));
        ControllerSettings settings = ControllerSettings.from(Settings.of(values), dir);
        assertThat(settings.processes()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(settings.reload()).isEqualTo(ControllerSettings.Reload.DEV);
        assertThat(settings.watch()).containsExactly(dir.resolve("conf"), dir.resolve("templates"));
        assertThat(settings.classpath()).containsExactly(dir.resolve("lib/app.jar"));
        assertThat(settings.jvmArgs()).containsExactly("-Xmx256m", "-XX:+UseZGC");
        assertThat(settings.startupTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.deadman()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.control()).isEqualTo(dir.resolve("run/ctl.sock"));
        assertThat(settings.maxRequests()).isEqualTo(1000);
        assertThat(settings.maxAge()).isEqualTo(Duration.ofHours(1));
        assertThat(settings.maxMemory().bytes()).isEqualTo(512L * 1024 * 1024);
        assertThat(settings.usesController()).isTrue();
    }

    @Test
    void everyBadValueIsReportedAtOnceWithItsFileLineSectionAndKey() throws Exception {
        Path file = dir.resolve("bad.ini");
        Files.writeString(file, """
                [server:main]
                use = service:handed
                processes = many
                reload = sometimes
                startup_timeout = 0s
                max_memory = lots
                """);
        assertThatThrownBy(() -> ControllerSettings.of(Deployment.of(file), "main"))
                .isInstanceOf(ControllerException.class)
                .hasMessage(String.join("\n", List.of(
                        "Error in file " + file + ": line 3: [server:main] processes = 'many': expected auto or a "
                                + "number of processes from 1 to 1024",
                        "Error in file " + file + ": line 4: [server:main] reload = 'sometimes': expected off, dev or "
                                + "revision",
                        "Error in file " + file + ": line 5: [server:main] startup_timeout = '0s': expected a duration "
                                + "longer than 0, such as 30s",
                        "Error in file " + file + ": line 6: [server:main] max_memory = 'lots': expected a size such "
                                + "as 8192, 64k or 10m")));
    }

    @Test
    void reloadByRevisionIsRead() {
        assertThat(ControllerSettings.from(Settings.of(Map.of("reload", "revision")), dir).reload())
                .isEqualTo(ControllerSettings.Reload.REVISION);
    }

    @Test
    void commandLineOverridesWin() throws Exception {
        Path file = dir.resolve("d.ini");
        Files.writeString(file, "[server:main]\nuse = service:handed\nprocesses = 2\n");
        ControllerSettings settings = ControllerSettings.of(Deployment.of(file)
                .withServerSettings(Map.of("processes", "3")), "main");
        assertThat(settings.processes()).isEqualTo(3);
    }
}
