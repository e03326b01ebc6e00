package dev.spawning.undertow;

/**
 * What {@link HeadScanner} saw in one request head that Undertow's parsed exchange no longer
 * shows. Immutable.
 *
 * @param hostInserted the head had no {@code Host}; one was inserted so that Undertow would pass
 *                     the request on, and must not reach the app
 * @param folded       a header line was continued with obs-fold (RFC 9112 section 5.2), which
 *                     Undertow joins into one value instead of refusing
 * @param target       the request target exactly as sent (bytes read as ISO-8859-1), which
 *                     Undertow keeps only in part (it decodes a target with non-ASCII bytes and
 *                     drops an empty query); null when unknown (a very long request line)
 */
record HeadFacts(boolean hostInserted, boolean folded, String target) {

    /** A head with nothing to report, or one on a connection that is not tracked. */
    static final HeadFacts PLAIN = new HeadFacts(false, false, null);
}
