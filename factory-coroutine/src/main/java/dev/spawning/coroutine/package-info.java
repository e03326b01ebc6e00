/**
 * Server provider {@code coroutine}: {@link dev.spawning.coroutine.CoroutineServerFactory} builds a
 * {@link dev.spawning.factory.Server} with an HTTP/1.1 engine of its own, the Java counterpart of
 * eventlet.wsgi: one virtual thread per connection runs a plain blocking loop (read a head, run
 * the app, write the response, again), so keep-alive and pipelining need no code of their own.
 *
 * <h2>Threading model</h2>
 * <ul>
 *   <li><b>The acceptor</b> (one virtual thread, {@code Acceptor}): takes a connection permit
 *       ({@code max_connections}), accepts, starts the connection's thread. Never runs request
 *       code.</li>
 *   <li><b>Connection threads</b> (a virtual thread each, {@code Connection}): parse, call the
 *       app, write; every read waits at most until the deadline of its phase (header, idle or
 *       body timeout), which <b>the timeouts thread</b> ({@code Timeouts}) enforces for all
 *       connections at once. With {@code threads = N} the app part of each request ({@code Exchange})
 *       runs on a pool of N platform threads while the connection thread waits for it.</li>
 *   <li><b>The caller of {@code stop}</b>: closes the listening channel and joins the acceptor,
 *       then drains every connection it accepted by {@code Drain}'s rule: waits for them, closes
 *       those still idle when the idle window ends, cuts off the rest when the grace period
 *       ends.</li>
 *   <li><b>Any thread</b> may read {@code figures()}: counters and connection states only.</li>
 * </ul>
 * The only state shared between connections is immutable (settings, parser, status lines) or
 * made for sharing ({@code HttpDate}'s volatile line, the access log stream, the connection set,
 * the counters and stop state of {@code Service}).
 * The only monitor is {@code Connections}', held to wait for and signal "no connection left".
 * The full model is in {@code docs/concurrency.md}.
 */
package dev.spawning.coroutine;
