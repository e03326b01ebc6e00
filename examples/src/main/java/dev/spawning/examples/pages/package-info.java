/**
 * Provider {@code pages} ({@link dev.spawning.examples.pages.PagesAppFactory}): template on PUT, one
 * of the apps from Spawning's own history. A PUT renders a Mustache template with the JSON it
 * carries and stores data and output, atomically, in a data directory; GET serves the stored
 * bytes.
 *
 * <p>Threading: the app keeps no state in memory; each request reads the data directory. Writers
 * (a PUT, a GET that renders a page again after its template changed) hold the directory's lock, a
 * file lock shared with other processes plus a lock of this JVM, while they read, decide and
 * rename; readers take no lock, since a rename replaces a page whole.
 */
package dev.spawning.examples.pages;
