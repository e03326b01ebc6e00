package dev.spawning.examples.pages;

import dev.spawning.factory.Request;
import java.util.Optional;

/**
 * The preconditions of a PUT (RFC 9110, section 13): {@code If-Match} and {@code If-None-Match},
 * checked against the page stored now. Either representation's entity tag names the page: a client
 * that read the data as JSON may PUT with that tag.
 */
final class Preconditions {

    private Preconditions() {
    }

    /**
     * Why a PUT may not replace the stored page, if it may not.
     *
     * @param request the PUT
     * @param stored  the page stored now; {@code null} when none
     * @param url     the page's URL, for the message
     * @return the text of a 412 answer; empty when the PUT may go on
     */
    static Optional<String> refusal(Request request, StoredPage stored, String url) {
        Optional<String> ifMatch = request.header("If-Match");
        if (ifMatch.isPresent()) {
            if (stored == null) {
                return Optional.of("No page at " + url + " to match If-Match: " + ifMatch.get());
            }
            if (!names(ifMatch.get(), stored, true)) {
                return Optional.of("If-Match: " + ifMatch.get() + " does not name the page at " + url
                        + ", whose ETag is " + stored.pageTag());
            }
        }
        Optional<String> ifNoneMatch = request.header("If-None-Match");
        if (ifNoneMatch.isPresent() && stored != null && names(ifNoneMatch.get(), stored, false)) {
            return Optional.of("If-None-Match: " + ifNoneMatch.get() + " names the page at " + url);
        }
        return Optional.empty();
    }

    private static boolean names(String field, StoredPage stored, boolean strong) {
        return HttpFields.listsTag(field, stored.pageTag(), strong)
                || HttpFields.listsTag(field, stored.dataTag(), strong);
    }
}
