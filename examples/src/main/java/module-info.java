/**
 * Demo and test-kit providers: {@code text}, {@code echo}, {@code caps} and {@code caps2}, the
 * Java counterparts of the apps and filters Paste Deploy's own tests use.
 */
module dev.spawning.examples {
    // Transitive: the exported providers take and return its types (App, Settings, Filter).
    requires transitive dev.spawning.factory;
    requires tools.jackson.core;
    requires tools.jackson.databind;

    exports dev.spawning.examples;
    exports dev.spawning.examples.topics;

    provides dev.spawning.factory.Factory with
            dev.spawning.examples.TextAppFactory,
            dev.spawning.examples.EchoAppFactory,
            dev.spawning.examples.CapsFilterFactory,
            dev.spawning.examples.Caps2FilterAppFactory,
            dev.spawning.examples.topics.TopicsAppFactory;
}
