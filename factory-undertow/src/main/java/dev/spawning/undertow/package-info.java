/**
 * Server provider {@code undertow}: {@link dev.spawning.undertow.UndertowServerFactory} builds a
 * {@link dev.spawning.factory.Server} that speaks HTTP/1.1 through Undertow core (no servlet
 * layer) and runs each request's {@link dev.spawning.factory.App} on a virtual thread.
 *
 * <h2>Threading model</h2>
 * Undertow's IO threads (XNIO, one per core) accept, read, decode and parse; they never block and
 * never run an app. The root handler hands each parsed request to an app thread (a virtual thread
 * per request, or a pool of {@code threads} platform threads), which runs the app, reads the body
 * and writes a streamed response; it may block. The IO thread then ends the exchange (a body of
 * known bytes is written there too). An app thread that must wait for the socket parks until the
 * IO thread signals readiness, instead of using XNIO's per-thread selectors. Buffers come from one
 * pool shared by all threads, without per-thread caches. XNIO's accept thread accepts from the
 * listening socket (bound, handed over, or inherited with {@code bind = fd://0}) and counts each
 * connection before an IO thread has it. A graceful stop runs on the caller's thread and drains
 * each connection on its IO thread, by {@link dev.spawning.factory.server.Drain}'s rule. The full
 * model is in {@code docs/concurrency.md}.
 *
 * <h2>What the provider adds to Undertow</h2>
 * Undertow never parses what a client sent: each connection's bytes are decoded under Undertow's
 * parser ({@code ObservedSourceConduit}, {@code HeadScanner}) by the decoder both providers share
 * ({@link dev.spawning.factory.server.HeadDecoder}, {@link dev.spawning.factory.server.ChunkDecoder}),
 * which refuses what RFC 9112 and RFC 9110 refuse, with the same status as the coroutine
 * provider; Undertow reads a canonical form of each accepted head and body, and the app gets the
 * head as sent (target, fields in order). The provider also times out a stalled head with 408
 * ({@code header_timeout}). Each behaviour of Undertow it compensates for is named, with its
 * compensation, in {@code UndertowQuirks}, whose test asserts on plain Undertow that each still
 * exists.
 */
package dev.spawning.undertow;
