/**
 * Small providers for demos and for testing servers and deployment files, after the apps and
 * filters of Paste Deploy's own test suite.
 *
 * <ul>
 *   <li>{@code text} ({@link dev.spawning.examples.TextAppFactory}): a fixed answer.</li>
 *   <li>{@code echo} ({@link dev.spawning.examples.EchoAppFactory}): the request as the app saw
 *       it, in JSON, or its body echoed back; the tool for checking what a server or a composite
 *       passes on.</li>
 *   <li>{@code caps} ({@link dev.spawning.examples.CapsFilterFactory}) and {@code caps2}
 *       ({@link dev.spawning.examples.Caps2FilterAppFactory}): one ASCII case mapping of the
 *       response body, offered as a filter and as a filter-app so that both protocols can be
 *       exercised with a visible effect.</li>
 *   <li>{@code topics} ({@link dev.spawning.examples.topics.TopicsAppFactory}, in its own
 *       package): Comet, long-poll and Server-Sent Events over per-topic logs shared by worker
 *       processes.</li>
 * </ul>
 *
 * <pre>{@code
 * [app:main]
 * use = service:text
 * body = Hello
 * }</pre>
 *
 * <p>Threading: every app and filter here is immutable once built and may handle any number of
 * requests at once; a request body is read only by the thread handling that request.
 */
package dev.spawning.examples;
