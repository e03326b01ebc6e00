package dev.spawning.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spawning.factory.testing.RawHttp;
import java.util.Locale;

/**
 * Assertions the contract states in one phrase but a test would spell in several lines, such as
 * "answers 431 and closes".
 */
final class ContractAssertions {

    private ContractAssertions() {
    }

    /** The response announces that the connection closes after it. */
    static void saysClose(RawHttp.Reply reply) {
        assertThat(reply.header("Connection").map(v -> v.toLowerCase(Locale.ROOT)))
                .as("Connection header of %s", reply.status())
                .contains("close");
    }

    /** The response has status {@code code}, says {@code Connection: close}, and the socket then closes. */
    static void refusesAndCloses(RawHttp client, RawHttp.Reply reply, int code) throws Exception {
        assertThat(reply.code()).as(reply.status()).isEqualTo(code);
        saysClose(reply);
        assertThat(client.closedByServer()).as("connection closed after " + reply.status()).isTrue();
    }
}
