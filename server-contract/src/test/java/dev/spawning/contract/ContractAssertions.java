package dev.spawning.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spawning.factory.testing.RawHttp;
import java.util.Locale;
import java.util.Set;

/**
 * Assertions the contract states in one phrase but a test would spell in several lines, such as
 * "answers 431 or 400 and closes" where the specification leaves the choice to the provider.
 */
final class ContractAssertions {

    /** The statuses a malformed request may get; never 500 (see the specification's Errors). */
    static final Set<Integer> MALFORMED = Set.of(400, 408, 413, 414, 431, 501);

    private ContractAssertions() {
    }

    /** The response announces that the connection closes after it. */
    static void saysClose(RawHttp.Reply reply) {
        assertThat(reply.header("Connection").map(v -> v.toLowerCase(Locale.ROOT)))
                .as("Connection header of %s", reply.status())
                .contains("close");
    }

    /** The response is one of {@code codes}, says {@code Connection: close}, and the socket then closes. */
    static void refusesAndCloses(RawHttp client, RawHttp.Reply reply, Integer... codes) throws Exception {
        assertThat(reply.code()).as(reply.status()).isIn((Object[]) codes);
        saysClose(reply);
        assertThat(client.closedByServer()).as("connection closed after " + reply.status()).isTrue();
    }
}
