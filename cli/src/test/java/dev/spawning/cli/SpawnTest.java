package dev.spawning.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spawning.core.testing.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spawn command line, run in this JVM: what it prints and its exit status. */
class SpawnTest {

    /** What one run printed. */
    record Run(int status, String out, String err) {
    }

    static Run spawn(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Spawn.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String fixture(String name) {
        return Fixtures.file(name).toString();
    }

    @Test
    void configPrintsExactlyTheGlobalAndLocalConfAsJson() {
        Run run = spawn("config", fixture("basic.ini") + "#test1");
        String dir = Fixtures.dir().toString();
        assertThat(run.status()).isZero();
        assertThat(run.out()).isEqualTo("{\"global_conf\": {\"here\": \"" + dir + "\", \"__file__\": \""
                + fixture("basic.ini") + "\", \"def1\": \"a\", \"def2\": \"b\", \"basepath\": \"" + dir
                + "\"}, \"local_conf\": {\"setting1\": \"foo\", \"setting2\": \"bar\", \"apppath\": \"" + dir
                + "/app\"}}\n");
    }

    @Test
    void configPassesNameValuePairsAsGlobals() {
        Run run = spawn("config", fixture("filters.ini") + "#filter2", "--type", "filter", "mode=x\"y");
        assertThat(run.out()).contains("\"mode\": \"x\\\"y\"}, \"local_conf\": {\"method_to_call\": \"lower\"}}");
    }

    @Test
    void configOfMainShowsTheLocalConfOfAFilteredApp() {
        assertThat(spawn("config", fixture("filters.ini")).out()).endsWith("\"local_conf\": {\"example\": \"test\"}}\n");
    }

    @Test
    void checkPrintsEveryMistakeWithFileAndLineAndExitsTwo() {
        String file = fixture("three_mistakes.ini");
        Run run = spawn("check", file);
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).containsExactly(
                "Error in file " + file + ": line 10: Unknown app provider 'txt' for [app:home]. Did you mean: "
                        + "text? App providers on the classpath: actors, cascade, echo, health, pages, static, text, topics, urlmap. A provider comes "
                        + "from a jar on the classpath (add one with --classpath); 'spawn factories' lists them.",
                "Error in file " + file + ": line 14: The [pipeline:api] pipeline section in " + file
                        + " has extra (disallowed) settings: cache",
                "Error in file " + file + ": line 19: Bad value substitution: option 'root' in section 'app:echo' "
                        + "contains an interpolation key 'missing' which is not a valid option name. "
                        + "Raw value: '%(missing)s/data'",
                "Warning in file " + file + ": line 18: [app:echo] debug = true is ignored: 'debug' is set in "
                        + "[DEFAULT], and a local setting with the name of a default is dropped (Paste Deploy's "
                        + "rule). Write 'set debug = true' to override the default for this section, or "
                        + "'get debug = debug' to pass the default's value on as a local setting.",
                "3 error(s), 1 warning(s) in " + file);
    }

    @Test
    void checkReportsEveryMistakeOfAServerSectionAtOnceWithTheClosestKnownName() {
        String file = fixture("server_mistakes.ini");
        Run run = spawn("check", file);
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err().lines()).containsExactly(
                "Error in file " + file + ": line 8: Unknown setting 'idle_timout' in [server:main]. Did you mean: "
                        + "idle_timeout?",
                "Error in file " + file + ": line 7: [server:main] port = '99999': expected an integer from 0 to 65535",
                "Error in file " + file + ": line 9: [server:main] header_timeout = 'soon': expected a positive "
                        + "duration such as 500ms, 30s or 5m",
                "3 error(s), 0 warning(s) in " + file);
    }

    @Test
    void checkPrintsEveryProblemAsJsonWithItsFileLineSectionAndKey() {
        String file = fixture("server_mistakes.ini");
        Run run = spawn("check", "--format", "json", file);
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEqualTo("[{\"severity\": \"error\", \"file\": \"" + file + "\", \"line\": 8, "
                + "\"section\": \"server:main\", \"key\": \"idle_timout\", \"message\": "
                + "\"Unknown setting 'idle_timout' in [server:main]. Did you mean: idle_timeout?\"},\n"
                + " {\"severity\": \"error\", \"file\": \"" + file + "\", \"line\": 7, \"section\": \"server:main\", "
                + "\"key\": \"port\", \"message\": \"port = '99999': expected an integer from 0 to 65535\"},\n"
                + " {\"severity\": \"error\", \"file\": \"" + file + "\", \"line\": 9, \"section\": \"server:main\", "
                + "\"key\": \"header_timeout\", \"message\": "
                + "\"header_timeout = 'soon': expected a positive duration such as 500ms, 30s or 5m\"}]\n");
        assertThat(spawn("check", "--format", "xml", file).err())
                .isEqualTo("--format must be text or json, not 'xml'\n");
    }

    @Test
    void checkOfASoundFileExitsZero() {
        Run run = spawn("check", fixture("basic.ini"));
        assertThat(run.status()).isZero();
        assertThat(run.out()).isEqualTo("0 error(s), 0 warning(s) in " + fixture("basic.ini") + "\n");
    }

    @Test
    void describePrintsTheComposedTree() {
        assertThat(spawn("describe", fixture("filters.ini") + "#filt2").out()).isEqualTo("""
                [filter-app:filt2] filter-app
                ├── [app:normal] text (app factory), service:text
                └── [filter-app:filt2] caps2 (filter-app factory), service:caps2
                        method_to_call = lower
                """);
    }

    @Test
    void convertPrintsTheOtherForm() {
        Run run = spawn("convert", fixture("filters.ini"), "--to", "yaml");
        assertThat(run.out()).contains("pipeline:piped:\n  pipeline: service:caps normal\n");
    }

    @Test
    void errorsGoToStandardErrorWithoutAStackTrace() {
        Run run = spawn("config", fixture("errors.ini") + "#no_next");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("Error in file " + fixture("errors.ini") + ": line 11: The "
                + "[filter-app:no_next] section in " + fixture("errors.ini") + " is missing a 'next' setting\n");
    }

    @Test
    void debugAddsTheStackTrace() {
        Run run = spawn("config", "--debug", fixture("errors.ini") + "#no_next");
        assertThat(run.err()).contains("is missing a 'next' setting\ndev.spawning.core.DeploymentException: ")
                .contains("\tat dev.spawning.core.ConfigLoader.");
    }

    @Test
    void aBadArgumentIsAUsageErrorWithStatusTwo() {
        Run run = spawn("config", fixture("basic.ini"), "--type", "widget");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("--type must be app, filter or server, not 'widget'\n");
        Run unknown = spawn("config", "--colour", fixture("basic.ini"));
        assertThat(unknown.status()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("Unknown option: '--colour'\nUsage: spawn config ");
    }

    @Test
    void aBadNameValuePairIsRefused() {
        Run run = spawn("config", fixture("basic.ini"), "novalue");
        assertThat(run.err()).isEqualTo("Expected NAME=VALUE, got 'novalue'\n");
    }

    @Test
    void setOverridesTheServerSectionAndAMalformedOneIsRefused() {
        Run bad = spawn("serve", fixture("serve.ini"), "--set", "bogus");
        assertThat(bad.status()).isEqualTo(2);
        assertThat(bad.err()).isEqualTo("--set: expected NAME=VALUE, got 'bogus'\n");
        Run refused = spawn("serve", fixture("serve.ini"), "--set", "processes=0");
        assertThat(refused.status()).isEqualTo(2);
        assertThat(refused.err()).isEqualTo("[server:main] processes = '0': expected auto or a number of processes "
                + "from 1 to 1024\n");
    }

    @Test
    void ctlSaysWhenNoControllerAnswersOrTheCommandIsWrong(@TempDir Path dir) {
        Path socket = dir.resolve("none.sock");
        Run none = spawn("ctl", "status", "--control", socket.toString());
        assertThat(none.status()).isEqualTo(2);
        assertThat(none.err()).isEqualTo("No controller answers on " + socket + " (No such file or directory); "
                + "is spawn serve running with processes > 1 or reload?\n");
        assertThat(spawn("ctl", "frob", "--control", socket.toString()).err())
                .isEqualTo("Unknown ctl command 'frob': expected one of [status, reload, stop, workers]\n");
        assertThat(spawn("ctl", "workers", "x", fixture("serve.ini")).err())
                .isEqualTo("spawn ctl workers: expected a number of workers, such as 'workers 4'\n");
        assertThat(spawn("ctl", "status").err())
                .isEqualTo("spawn ctl status: give the deployment file or --control PATH\n");
    }

    @Test
    void classpathAddsTheProvidersOfTheUsersJarsAndDirectories(@TempDir Path dir) throws Exception {
        compileProvider(dir);
        Run without = spawn("factories");
        assertThat(without.out()).doesNotContain("hello ");
        Run with = spawn("factories", "--classpath", dir.toString());
        assertThat(with.out().lines()).anySatisfy(line ->
                assertThat(line).matches("hello +app factory +" + dir.toString().replace("\\", "\\\\")
                        + " +Says hello"));
    }

    @Test
    void classpathThatDoesNotExistIsNamed() {
        Run run = spawn("factories", "--classpath", "/no/such/dir");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("--classpath /no/such/dir: no such file or directory\n");
    }

    private static void compileProvider(Path dir) throws IOException, URISyntaxException {
        Path source = dir.resolve("src/demo/Hello.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, """
                package demo;
                import dev.spawning.factory.*;
                @FactoryProvider(name = "hello", description = "Says hello")
                public final class Hello implements AppFactory {
                    public Hello() {}
                    public App create(Settings global, Settings local) {
                        return request -> Response.text(200, "hello");
                    }
                }
                """);
        Path api = Path.of(dev.spawning.factory.App.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        int status = ToolProvider.findFirst("javac").orElseThrow().run(System.out, System.err,
                "-d", dir.toString(), "-cp", api.toString(), source.toString());
        assertThat(status).isZero();
        Path services = dir.resolve("META-INF/services/dev.spawning.factory.Factory");
        Files.createDirectories(services.getParent());
        Files.write(services, List.of("demo.Hello"));
    }

    @Test
    void optionsMayComeBeforeTheCommand() {
        assertThat(Spawn.withDefaultCommand(new String[] {"--debug", "check", "a.ini"}))
                .containsExactly("check", "--debug", "a.ini");
        assertThat(Spawn.withDefaultCommand(new String[] {"--classpath", "lib/*", "a.ini", "x=1"}))
                .containsExactly("serve", "--classpath", "lib/*", "a.ini", "x=1");
        assertThat(Spawn.withDefaultCommand(new String[] {"config", "a.ini", "--debug"}))
                .containsExactly("config", "a.ini", "--debug");
        assertThat(Spawn.withDefaultCommand(new String[] {"--version"})).containsExactly("--version");
        Run run = spawn("--debug", "config", fixture("errors.ini") + "#no_next");
        assertThat(run.err()).contains("\tat dev.spawning.core.ConfigLoader.");
    }

    @Test
    void servingOnABusyPortSaysWhichAddress(@TempDir Path dir) throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Path file = dir.resolve("busy.ini");
            Files.writeString(file, "[app:main]\nuse = service:text\n\n[server:main]\nuse = service:undertow\n"
                    + "host = 127.0.0.1\nport = " + busy.getLocalPort() + "\n");
            Run run = spawn("serve", file.toString());
            assertThat(run.status()).isEqualTo(2);
            assertThat(run.err()).isEqualTo("Cannot serve: Address already in use: 127.0.0.1:" + busy.getLocalPort()
                    + "\n");
        }
    }
}
