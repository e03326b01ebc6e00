package dev.spawning.undertow;

/**
 * Every behaviour of Undertow and its XNIO (the versions the parent POM pins) that this provider
 * compensates for, each named with the compensation. {@code UndertowQuirksTest} runs plain Undertow, without
 * this provider's conduits, and asserts that each quirk still exists: when an Undertow upgrade
 * removes one, that test names the compensation to simplify or delete.
 *
 * <p>Most compensations are one: {@link HeadScanner} decodes the client's bytes with the decoder
 * every provider shares and gives Undertow only canonical heads and chunk framing, so that none
 * of Undertow's own parsing decisions reaches a client.
 */
enum UndertowQuirks {

    /**
     * Its request parser serves a version such as {@code HTTP/9.9} as if it were HTTP/1.1, where
     * {@code spec/http-servers.md} asks for 505. Compensation: {@link HeadScanner} (Undertow sees only
     * {@code HTTP/1.0} or {@code HTTP/1.1}).
     */
    SERVES_ANY_VERSION,

    /**
     * Its request parser, with {@code ALLOW_UNESCAPED_CHARACTERS_IN_URL} (the option that lets it
     * hand on a target of raw UTF-8 bytes), also accepts control bytes such as NUL in the target;
     * without the option it refuses both with {@link #FIXED_BAD_REQUEST_BYTES}. Compensation:
     * {@link HeadScanner} (Undertow sees the target {@code /} only, and the option is off).
     */
    ACCEPTS_CONTROL_BYTES_IN_TARGETS,

    /**
     * Its chunk parser accepts a chunk size followed by spaces, and extensions of any bytes.
     * Compensation: {@link HeadScanner} re-chunks every body without extensions.
     */
    LENIENT_CHUNK_FRAMING,

    /**
     * Its header map groups fields by name, so the order of fields of different names is lost.
     * Compensation: {@link Requests} gives the app the head {@link HeadScanner} decoded.
     */
    GROUPS_FIELDS_BY_NAME,

    /**
     * It drops an empty query ({@code /p?} becomes {@code /p}) and keeps no copy of the target
     * as sent. Compensation: {@link Requests} gives the app the target {@link HeadScanner} decoded.
     */
    DROPS_AN_EMPTY_QUERY,

    /**
     * It answers an HTTP/1.1 request without {@code Host} with 400 before any handler runs, so
     * {@code require_host = false} could not serve it. Compensation: {@link HeadScanner}'s
     * canonical heads always carry {@code Host}.
     */
    ANSWERS_A_MISSING_HOST_ITSELF,

    /**
     * Its answer to a request it cannot parse is fixed bytes without {@code Date} or
     * {@code Server}, unlike every other response. Compensation: {@link HeadScanner} (Undertow
     * only parses what it wrote; every refusal is answered by {@link AppCall}).
     */
    FIXED_BAD_REQUEST_BYTES,

    /**
     * A fixed-length body cut short by the client's close fails with {@code UT000128}, once the
     * handler reads past what came. Compensation: {@link HeadScanner} sees the close inside the
     * body itself and refuses the body ({@link TrackedConnection#bodyRefused}); nothing depends
     * on Undertow's message.
     */
    SHORT_BODY_FAILS_WITH_UT000128,

    /**
     * When a body read fails inside its request channel, it closes the connection before the
     * handler can answer. Compensation: a refused body's input is withheld rather than ended
     * ({@link TrackedConnection#withholdsInput}), and the app's read fails through
     * {@link RequestBody}, so that the client gets 400.
     */
    CLOSES_ON_BODY_READ_FAILURE,

    /**
     * Its HTTP open listener installs the connection's close listener when it handles the new
     * connection, replacing any set before. Compensation: {@link ConnectionTracker} wraps the
     * listener Undertow installed, after calling it.
     */
    SETS_THE_CLOSE_LISTENER_ON_OPEN,

    /**
     * With {@code BUFFER_PIPELINED_DATA}, it holds the responses to pipelined requests back to
     * send them together, but writes a {@code 100 Continue} for a later request straight to the
     * connection, ahead of them. Compensation: {@link RequestBody} flushes the buffered responses
     * before it sends a {@code 100 Continue}.
     */
    CONTINUE_OVERTAKES_BUFFERED_PIPELINED_RESPONSES,

    /**
     * Its reason phrases are RFC 2616's ({@code 413 Request Entity Too Large}), not RFC 9110's.
     * Compensation: {@link ResponseWriter} sets the phrase of every response.
     */
    RFC_2616_REASON_PHRASES,

    /**
     * XNIO, under Undertow, accepts only on a socket it binds itself: no public method serves a
     * listening channel bound elsewhere (handed over, or inherited with {@code bind = fd://0}),
     * and the queue it puts between its accept thread and the IO threads hides a connection
     * accepted but not yet handed over. Compensation: {@link XnioAcceptor} builds XNIO's
     * package-private acceptor by reflection on every listening socket and hands each connection
     * over itself.
     */
    XNIO_SERVES_ONLY_WHAT_IT_BINDS
}
