/**
 * Server provider {@code undertow}: {@link dev.spawning.undertow.UndertowServerFactory} builds a
 * {@link dev.spawning.factory.Server} that speaks HTTP/1.1 through Undertow core (no servlet
 * layer) and runs each request's {@link dev.spawning.factory.App} on a virtual thread.
 *
 * <h2>Threading model</h2>
 * Undertow's IO threads (XNIO, one per core) accept, read and parse; they never block and never
 * run an app. The root handler hands each parsed request to an app thread (a virtual thread per
 * request, or a pool of {@code threads} platform threads), which runs the app, reads the body,
 * writes the response and ends the exchange; it may block. An app thread that must wait for the
 * socket parks until the IO thread signals readiness, instead of using XNIO's per-thread
 * selectors. Buffers come from one pool shared by all threads, without per-thread caches. A
 * graceful stop runs on the caller's thread and closes idle connections on their IO threads. The
 * full model, with the locks, is in the documentation of the server implementation
 * ({@code UndertowServer}).
 *
 * <h2>What the provider adds to Undertow</h2>
 * Each connection's bytes pass through a scanner under Undertow's parser (see
 * {@code ObservedSourceConduit}), which finds head boundaries by the body framing. It lets the
 * provider time out a stalled head with 408 ({@code header_timeout}), serve an HTTP/1.1 request
 * without {@code Host} when {@code require_host = false} (Undertow would answer 400 before any
 * handler: a {@code Host} line is inserted for Undertow and removed before the app sees the
 * head), refuse obs-fold and malformed chunk sizes that Undertow reads past, accept an
 * absolute-form target with userinfo that Undertow's parser fails on, and hand the app the target
 * exactly as sent. Undertow's own 400 for an unparseable request is rewritten with {@code Date}
 * and {@code Server}.
 *
 * <h2>Where Undertow differs from the specification</h2>
 * <ul>
 *   <li>A request head beyond Undertow's own limit (URL limit plus header limit) or with more than
 *       {@code max_header_count} fields gets 400 rather than 414 or 431; within that limit, a long
 *       URL gets 414 and large headers 431.</li>
 *   <li>Undertow's 400s for a bad or repeated {@code Host} (its host check runs before any
 *       handler) carry {@code Date} but not {@code Server}.</li>
 *   <li>Header fields reach the app grouped by name (the order of different names is lost).</li>
 *   <li>A userinfo that arrives split across two reads of the socket is not cut, so Undertow
 *       refuses that target with 400.</li>
 * </ul>
 */
package dev.spawning.undertow;
