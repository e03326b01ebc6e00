package dev.spawning.contract;

import java.util.List;
import java.util.Map;

/**
 * One case of the request corpus joined with its policy: the raw bytes to send, what the origin
 * parsed from them (valid cases), and the outcome our servers must give.
 *
 * @param id                  {@code valid/NAME} or {@code invalid/NAME}, as in {@code cases.json}
 * @param raw                 the exact bytes to send (one or several pipelined requests)
 * @param expected            one entry per request the origin parsed; empty for invalid cases
 * @param outcome             the outcome required with {@code settings}
 * @param settings            server settings for this case, on top of {@code port = 0}
 * @param defaultOutcome      the outcome required with default settings, when the policy names one
 * @param underscoreNamesExtra whether the echo may show header names with an underscore the origin dropped
 */
record CorpusCase(String id, byte[] raw, List<ExpectedRequest> expected, Outcome outcome,
        Map<String, String> settings, Outcome defaultOutcome, boolean underscoreNamesExtra) {

    /** What the policy requires of a case. */
    enum Outcome {
        ACCEPT("accept"), REJECT("reject"), ACCEPT_OR_REJECT("accept-or-reject"), SKIP("skip");

        private final String word;

        Outcome(String word) {
            this.word = word;
        }

        static Outcome of(String word) {
            for (Outcome outcome : values()) {
                if (outcome.word.equals(word)) {
                    return outcome;
                }
            }
            throw new IllegalArgumentException("Unknown outcome '" + word + "' (known: accept, reject, "
                    + "accept-or-reject, skip)");
        }

        @Override
        public String toString() {
            return word;
        }
    }

    /**
     * One request as the origin parsed it. Strings are raw bytes read as ISO-8859-1; header names
     * are upper-cased, fields in their order of arrival.
     */
    record ExpectedRequest(String method, String target, String version, List<Field> headers, byte[] body,
            List<Field> trailers) {
    }

    /** A header or trailer field. */
    record Field(String name, String value) {
    }
}
