package dev.spawning.examples.actors;

import java.io.Serial;

/** {@code If-Match} and {@code If-None-Match} (RFC 9110, section 13.1) against one strong ETag. */
final class Preconditions {

    /** An {@code If-Match} that does not match: the request must answer 412. */
    static final class PreconditionFailed extends RuntimeException {

        @Serial
        private static final long serialVersionUID = 1L;

        PreconditionFailed(String message) {
            super(message);
        }
    }

    private Preconditions() {
    }

    /**
     * Checks {@code If-Match}: {@code *} or a list of tags compared strongly (a weak tag never
     * matches).
     *
     * @param ifMatch the field, {@code null} when absent
     * @param etag    the current strong tag, {@code null} when there is no current representation
     * @throws PreconditionFailed when the field is present and does not match
     */
    static void checkIfMatch(String ifMatch, String etag) {
        if (ifMatch == null) {
            return;
        }
        if (etag == null || !(ifMatch.strip().equals("*") || tags(ifMatch, false, etag))) {
            throw new PreconditionFailed("If-Match " + ifMatch.strip() + " does not match the actor's current ETag"
                    + (etag == null ? " (it has none: it does not exist)" : " " + etag));
        }
    }

    /**
     * Whether {@code If-None-Match} matches, so that a GET answers 304 (weak comparison).
     *
     * @param ifNoneMatch the field, {@code null} when absent
     * @param etag        the current tag
     * @return whether it matches
     */
    static boolean ifNoneMatchMatches(String ifNoneMatch, String etag) {
        return ifNoneMatch != null && (ifNoneMatch.strip().equals("*") || tags(ifNoneMatch, true, etag));
    }

    private static boolean tags(String field, boolean weak, String etag) {
        for (String tag : field.split(",")) {
            String t = tag.strip();
            if (t.startsWith("W/")) {
                if (!weak) {
                    continue;
                }
                t = t.substring(2);
            }
            if (t.equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
