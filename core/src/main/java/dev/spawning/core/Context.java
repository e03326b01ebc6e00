package dev.spawning.core;

import dev.spawning.factory.Settings;

/**
 * What the factory of one section receives, without building anything: Paste Deploy's
 * {@code appconfig} / {@code loadcontext}. {@code spawn config} prints it.
 *
 * @param kind       what was asked for
 * @param section    the section that defines it, such as {@code app:main}; {@code ""} for a bare URI
 * @param globalConf the global conf the factory receives
 * @param localConf  the local conf the factory receives
 */
public record Context(Kind kind, String section, Settings globalConf, Settings localConf) {
}
