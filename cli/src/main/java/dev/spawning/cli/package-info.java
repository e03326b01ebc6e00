/**
 * The {@code spawn} command line: {@link dev.spawning.cli.Spawn} parses the arguments with picocli
 * and runs one command ({@code serve}, {@code check}, {@code config}, {@code describe},
 * {@code factories}, {@code convert}); each command is a package-private class that loads through
 * {@link dev.spawning.core.Deployment} and prints. A command writes to the streams
 * {@code Spawn.run} is given and reports a user's mistake as its message, with exit status 2.
 *
 * <p>Threading: a command runs on the main thread. {@code serve} loads, then serves in this
 * process and waits; the server's threads handle requests, and a shutdown hook stops the server on
 * {@code SIGTERM} or {@code SIGINT}.
 */
package dev.spawning.cli;
