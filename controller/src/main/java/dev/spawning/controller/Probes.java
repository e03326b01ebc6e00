package dev.spawning.controller;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the operations listener ({@link OperationsListener}) serves: the metrics text, readiness
 * and liveness. Every method is called from the listener's request threads, any number at once,
 * so an implementation must be thread-safe and answer quickly.
 */
public interface Probes {

    /** {@return the metrics in Prometheus' text format (version 0.0.4); empty text when there are none} */
    String metrics();

    /** {@return empty when ready to take traffic; otherwise why not, in a few words} */
    Optional<String> notReady();

    /** {@return empty while alive; otherwise why the process should be restarted} */
    Optional<String> notLive();

    /**
     * Probes of a process that serves by itself ({@code spawn serve} without the controller):
     * alive while it answers at all.
     *
     * @param metrics  the server's metrics text, such as {@code () -> server.metrics().orElse("")}
     * @param notReady empty while the server serves; why not otherwise
     * @return the probes
     */
    static Probes of(Supplier<String> metrics, Supplier<Optional<String>> notReady) {
        return new Probes() {
            @Override
            public String metrics() {
                return metrics.get();
            }

            @Override
            public Optional<String> notReady() {
                return notReady.get();
            }

            @Override
            public Optional<String> notLive() {
                return Optional.empty();
            }
        };
    }
}
