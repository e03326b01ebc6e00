package dev.spawning.undertow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class UndertowServerTest {

    @Test
    void startsServesAndStopsWithoutASunMiscUnsafeWarningOnThisJdk() throws Exception {
        String javaCommand = ProcessHandle.current().info().command().orElseThrow();
        Process child = new ProcessBuilder(javaCommand, "-cp", System.getProperty("java.class.path"),
                UnsafeWarningProbe.class.getName())
                .redirectErrorStream(true)
                .start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(child.waitFor()).as(output).isZero();
        assertThat(output).contains("probe 0").doesNotContain("sun.misc.Unsafe").doesNotContain("WARNING: A terminally");
    }
}
