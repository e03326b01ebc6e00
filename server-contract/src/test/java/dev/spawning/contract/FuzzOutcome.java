package dev.spawning.contract;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What one server did with one input: the status codes it sent, interim ones included, how the
 * connection ended, and how many bytes at the end did not parse as a response. Two outcomes
 * {@linkplain #sameAs match} when their statuses, their unparsed tails (present or not) and their
 * closing match; a reset counts as a close, since whether the peer's close is a FIN or a reset
 * depends on whether it had read every byte, which is timing. Immutable.
 *
 * @param statuses the status codes in order
 * @param ending   how the read ended
 * @param unparsed bytes at the end that were not a whole response
 * @param received everything the server sent
 */
record FuzzOutcome(List<Integer> statuses, Ending ending, int unparsed, byte[] received) {

    /** How the client's read ended. */
    enum Ending {
        /** The server closed the connection (end of stream). */
        CLOSED,
        /** The connection was reset: the server closed it with bytes unread. */
        RESET,
        /** Nothing came for the silence timeout: the server kept the connection open. */
        SILENT
    }

    static FuzzOutcome of(byte[] received, Ending ending) {
        FuzzResponses.Parsed parsed = FuzzResponses.parse(received);
        return new FuzzOutcome(parsed.statuses(), ending, parsed.unparsed(), received);
    }

    boolean closed() {
        return ending != Ending.SILENT;
    }

    /** The part the comparison looks at, for example {@code 100 200, closed}. */
    String key() {
        String codes = statuses.isEmpty() ? "no response"
                : statuses.stream().map(String::valueOf).collect(Collectors.joining(" "));
        return codes + (unparsed > 0 ? " + unparsed bytes" : "") + (closed() ? ", closed" : ", kept open");
    }

    boolean sameAs(FuzzOutcome other) {
        return key().equals(other.key());
    }

    /** The key with the ending told exactly and the unparsed bytes shown. */
    String describe() {
        String detail = ending == Ending.RESET ? " (reset)" : "";
        String tail = unparsed > 0 ? " unparsed: "
                + FuzzBytes.escape(Arrays.copyOfRange(received, received.length - unparsed, received.length), 120) : "";
        return key() + detail + tail;
    }
}
