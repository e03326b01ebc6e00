/**
 * The programs the load benchmark ({@code scripts/load-benchmark}) runs besides the deployment
 * files: {@link dev.spawning.benchmarks.RawUndertow}, the baseline server without our layers, and
 * {@link dev.spawning.benchmarks.IdleConnections}, the client that holds idle keep-alive
 * connections open; and {@link dev.spawning.benchmarks.ServerMetricsBenchmark}, the JMH measure of
 * what the metrics add to a request. Not part of any server.
 */
package dev.spawning.benchmarks;
