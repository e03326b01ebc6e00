/**
 * The building blocks a server provider is made of, so that each provider writes only its engine
 * and every provider behaves the same: its settings
 * ({@link dev.spawning.factory.server.ServerSettings}, read from a {@code [server:...]} section),
 * the access log ({@link dev.spawning.factory.server.AccessLog} formats a line,
 * {@link dev.spawning.factory.server.AccessLogSink} writes it), the strict HTTP/1.1 decoder
 * ({@link dev.spawning.factory.server.HeadDecoder} and
 * {@link dev.spawning.factory.server.ChunkDecoder}, which give a
 * {@link dev.spawning.factory.server.RequestHead} or refuse the request with the status of an
 * {@link dev.spawning.factory.server.HttpRefusal}), the lifecycle of a
 * {@link dev.spawning.factory.Server} ({@link dev.spawning.factory.server.Lifecycle}), the call of
 * an app ({@link dev.spawning.factory.server.AppCalls}), the responses a server gives in place of
 * an app's ({@link dev.spawning.factory.server.ErrorResponses}), the naming of an address that
 * cannot be bound ({@link dev.spawning.factory.server.BindFailures}), and what a server trusts of
 * the proxies in front of it ({@link dev.spawning.factory.server.ProxySettings}: the PROXY
 * protocol header, {@link dev.spawning.factory.server.ProxyHeader}; the forwarding fields,
 * {@link dev.spawning.factory.server.ForwardedHeaders}; both from peers in an
 * {@link dev.spawning.factory.server.AddressSet}).
 *
 * <p>These are classes a provider calls, not interfaces found by {@link java.util.ServiceLoader}:
 * a provider is found as a {@link dev.spawning.factory.ServerFactory} of the
 * {@link dev.spawning.factory.Factory} family. Apps and deployment files never need this package.
 */
package dev.spawning.factory.server;
