/**
 * Test helpers the command line's tests share with the loader's: the deployment files under test
 * resources {@code deploy/} and calls to apps without a server. Shipped in core's test jar.
 */
package dev.spawning.core.testing;
