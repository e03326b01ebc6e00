package dev.spawning.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spawning.core.testing.Apps;
import dev.spawning.core.testing.Fixtures;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The cases of section 10 of the specification through the command line: {@code spawn config}
 * prints what each factory receives, {@code spawn serve} serves what they build, and refuses what
 * they cannot build with status 2.
 */
class Section10CommandLineTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String DIR = Fixtures.dir().toString();
    private static final String BASIC = Fixtures.file("basic.ini").toString();

    private static Map<String, Object> config(String target) {
        SpawnTest.Run run = SpawnTest.spawn("config", target);
        assertThat(run.status()).as(run.err()).isZero();
        return Apps.json(run.out());
    }

    @Test
    void case1DefaultsAndLocalSettings() {
        assertThat(config(BASIC + "#test1")).isEqualTo(Map.of(
                "global_conf", Map.of("def1", "a", "def2", "b", "basepath", DIR, "here", DIR, "__file__", BASIC),
                "local_conf", Map.of("setting1", "foo", "setting2", "bar", "apppath", DIR + "/app")));
    }

    @Test
    void case2SetDoesNotLeak() {
        assertThat(config(BASIC + "#test2")).isEqualTo(Map.of(
                "global_conf", Map.of("def1", "test2", "def2", "b", "basepath", DIR, "here", DIR, "__file__", BASIC,
                        "another", "TEST"),
                "local_conf", Map.of("local conf", "something")));
        assertThat(config(BASIC + "#test1").get("global_conf")).asString().contains("def1=a");
    }

    @Test
    void case3UseWithSetAndAContinuedValue() {
        assertThat(config(BASIC + "#test3")).isEqualTo(Map.of(
                "global_conf", Map.of("def1", "test3", "def2", "b", "basepath", DIR, "here", DIR, "__file__", BASIC,
                        "another", "TEST"),
                "local_conf", Map.of("local conf", "something", "another", "something more\nacross several\nlines")));
    }

    @Test
    void case4Get() {
        assertThat(config(BASIC + "#test_get")).isEqualTo(Map.of(
                "global_conf", Map.of("def1", "a", "def2", "TEST", "basepath", DIR, "here", DIR, "__file__", BASIC),
                "local_conf", Map.of("def1", "a", "foo", "TEST")));
    }

    @Test
    void case7FilterWithKeepsTheLocalSettings() {
        assertThat(config(Fixtures.file("filters.ini") + "#main").get("local_conf")).isEqualTo(Map.of("example", "test"));
    }

    @Test
    void servesTheAppsOfCases1To5And7() throws Exception {
        try (JavaProcess spawn = JavaProcess.spawn(Map.of(), "serve", Fixtures.file("section10.ini").toString())) {
            String line = spawn.nextLine(WAIT);
            assertThat(line).as("stderr: %s", spawn.err()).startsWith("Serving on ");
            String base = line.substring("Serving on ".length());
            assertThat(Apps.json(SpawnProcessTest.get(base + "/test1")).get("local_conf"))
                    .isEqualTo(Map.of("setting1", "foo", "setting2", "bar", "apppath", DIR + "/app"));
            assertThat(Apps.json(SpawnProcessTest.get(base + "/test_get")).get("local_conf"))
                    .isEqualTo(Map.of("def1", "a", "foo", "TEST"));
            assertThat(SpawnProcessTest.get(base + "/piped")).isEqualTo("THIS IS BASIC APP");
            assertThat(SpawnProcessTest.get(base + "/piped2")).isEqualTo("THIS IS BASIC APP");
            assertThat(SpawnProcessTest.get(base + "/filt")).isEqualTo("this is basic app");
            assertThat(SpawnProcessTest.get(base + "/filt2")).isEqualTo("this is basic app");
            assertThat(SpawnProcessTest.get(base + "/filtered")).isEqualTo("this is basic app");
        }
    }

    @Test
    void case6ThePipelineWithAnExtraKeyIsNotServed() throws Exception {
        String filters = Fixtures.file("filters.ini").toString();
        try (JavaProcess spawn = JavaProcess.spawn(Map.of(), "serve", Fixtures.file("section10.ini").toString(),
                "--app-name", "piped3")) {
            assertThat(spawn.waitFor(WAIT)).isEqualTo(2);
            assertThat(spawn.err()).isEqualTo("Error in file " + filters + ": line 22: The [pipeline:piped3] pipeline "
                    + "section in " + filters + " has extra (disallowed) settings: extra_config_option\n");
        }
    }

    @Test
    void case8AMissingInterpolationKeyIsNotServed() throws Exception {
        try (JavaProcess spawn = JavaProcess.spawn(Map.of(), "serve", Fixtures.file("section10.ini").toString(),
                "--app-name", "bad_interpolation")) {
            assertThat(spawn.waitFor(WAIT)).isEqualTo(2);
            assertThat(spawn.err()).startsWith("Error in file " + Fixtures.file("errors.ini") + ": line 26: "
                    + "Bad value substitution: option 'path' in section 'app:bad_interpolation'");
        }
    }
}
