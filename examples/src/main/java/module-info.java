/**
 * Demo and test-kit providers: {@code text}, {@code echo}, {@code caps} and {@code caps2}, the
 * Java counterparts of the apps and filters Paste Deploy's own tests use; and the seed apps of
 * Spawning's own history, {@code actors} (with its shape matching, {@code
 * dev.spawning.examples.shapes}), {@code pages} and {@code topics}.
 */
module dev.spawning.examples {
    // Transitive: the exported providers take and return its types (App, Settings, Filter).
    requires transitive dev.spawning.factory;
    requires tools.jackson.core;
    requires tools.jackson.databind;
    // mustache.java ships no module descriptor: its automatic name, from its manifest.
    requires com.github.mustachejava;

    exports dev.spawning.examples;

    provides dev.spawning.factory.Factory with
            dev.spawning.examples.TextAppFactory,
            dev.spawning.examples.EchoAppFactory,
            dev.spawning.examples.CapsFilterFactory,
            dev.spawning.examples.Caps2FilterAppFactory,
            dev.spawning.examples.pages.PagesAppFactory,
            dev.spawning.examples.actors.ActorsAppFactory,
            dev.spawning.examples.topics.TopicsAppFactory;
}
