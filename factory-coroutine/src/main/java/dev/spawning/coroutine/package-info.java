/** Server provider {@code coroutine}. */
package dev.spawning.coroutine;
