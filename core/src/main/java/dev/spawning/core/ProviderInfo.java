package dev.spawning.core;

import dev.spawning.factory.Protocol;
import java.util.List;

/**
 * A provider found on a class path, as {@code spawn factories} lists it.
 *
 * @param name        the name a deployment file selects it by ({@code use = service:NAME})
 * @param protocols   the factory protocols its class implements, at least one
 * @param module      where it comes from: its Java module's name, else its jar's file name, else its directory
 * @param description what it does, in its author's words; empty when it gave none
 */
public record ProviderInfo(String name, List<Protocol> protocols, String module, String description) {

    /** Copies {@code protocols}. */
    public ProviderInfo {
        protocols = List.copyOf(protocols);
    }
}
