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
 * <h2>Where Undertow differs from the specification</h2>
 * <ul>
 *   <li>{@code require_host = false} is refused: Undertow 2.4 answers 400 to an HTTP/1.1 request
 *       without {@code Host} before any handler runs.</li>
 *   <li>A request head beyond Undertow's own limit (URL limit plus header limit), more than
 *       {@code max_header_count} fields, or a malformed request get Undertow's bare 400 and a
 *       close; within that limit, a long URL gets 414 and large headers 431.</li>
 *   <li>{@code header_timeout} closes the connection without a 408: Undertow sends nothing.</li>
 *   <li>Header fields reach the app grouped by name (the order of different names is lost);
 *       an empty query ({@code /p?}) arrives as {@code /p}.</li>
 * </ul>
 */
package dev.spawning.undertow;
