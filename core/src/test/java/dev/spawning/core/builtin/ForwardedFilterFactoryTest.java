package dev.spawning.core.builtin;

import static dev.spawning.core.builtin.BuiltinFixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spawning.core.Deployment;
import dev.spawning.factory.App;
import dev.spawning.factory.FactoryException;
import dev.spawning.factory.Request;
import dev.spawning.factory.Response;
import dev.spawning.factory.Settings;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code service:forwarded} does in a pipeline, what it reads from its section, and its errors. */
class ForwardedFilterFactoryTest {

    /** Answers with what it sees: address, scheme and Host. */
    private static final App SEEN = request -> Response.text(200, request.remoteAddress().getAddress().getHostAddress()
            + " " + request.scheme() + " " + request.header("Host").orElse("-"));

    private static Request from(String peer, String... namesAndValues) {
        Request.Builder request = Request.builder().remoteAddress(new InetSocketAddress(peer, 4000))
                .header("Host", "inner");
        for (int i = 0; i < namesAndValues.length; i += 2) {
            request.header(namesAndValues[i], namesAndValues[i + 1]);
        }
        return request.build();
    }

    private static App filtered(String... keysAndValues) {
        return new ForwardedFilterFactory().create(Settings.empty(), settings("filter:forwarded", keysAndValues))
                .apply(SEEN);
    }

    @Test
    void aPipelineLoadedFromAFileSeesTheClientOfATrustedProxy(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("app.ini");
        Files.writeString(file, """
                [pipeline:main]
                pipeline = forwarded seen

                [filter:forwarded]
                use = service:forwarded
                trusted = 10.0.0.0/8

                [app:seen]
                use = service:echo
                """);
        App app = Deployment.of(file).app();

        Response trusted = app.handle(from("10.1.2.3", "X-Forwarded-For", "203.0.113.9"));
        Response untrusted = app.handle(from("127.0.0.1", "X-Forwarded-For", "203.0.113.9"));

        assertThat(BuiltinFixtures.text(trusted)).contains("\"remote_addr\":\"203.0.113.9\"");
        assertThat(BuiltinFixtures.text(untrusted)).contains("\"remote_addr\":\"127.0.0.1\"");
    }

    @Test
    void trustsTheLoopbackAddressByDefault() throws Exception {
        Response seen = filtered().handle(from("127.0.0.1", "Forwarded", "for=192.0.2.4;proto=https;host=shop"));

        assertThat(BuiltinFixtures.text(seen)).isEqualTo("192.0.2.4 https shop");
    }

    @Test
    void leavesTheRequestOfAnUntrustedPeerAlone() throws Exception {
        Response seen = filtered("trusted", "10.0.0.1").handle(from("127.0.0.1", "X-Forwarded-Proto", "https"));

        assertThat(BuiltinFixtures.text(seen)).isEqualTo("127.0.0.1 http inner");
    }

    @Test
    void rejectsAnUnknownKey() {
        assertThatThrownBy(() -> filtered("trusted", "*", "trust", "10.0.0.1"))
                .isInstanceOf(FactoryException.class)
                .hasMessage("Error in file /x/app.ini: line 8: [filter:forwarded] trust is not a setting of the "
                        + "forwarded filter (it has trusted)");
    }

    @Test
    void rejectsATrustedValueThatIsNoAddressList() {
        assertThatThrownBy(() -> filtered("trusted", "proxy.internal"))
                .isInstanceOf(FactoryException.class)
                .hasMessage("Error in file /x/app.ini: line 7: [filter:forwarded] trusted = 'proxy.internal': "
                        + "expected comma-separated IP addresses or networks (such as 10.0.0.0/8), or *");
    }
}
