package dev.spawning.contract;

import dev.spawning.factory.testing.TestTls;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The certificates of the contract suite's TLS runs, made once per test JVM in a temporary
 * directory that is deleted when the JVM exits. Thread-safe (the holder idiom).
 */
final class ContractTls {

    private ContractTls() {
    }

    /** {@return the suite's certificates, made on first use} */
    static TestTls get() {
        return Holder.TLS;
    }

    private static final class Holder {
        static final TestTls TLS = make();

        private static TestTls make() {
            try {
                Path directory = Files.createTempDirectory("spawning-contract-tls");
                TestTls tls = TestTls.create(directory);
                directory.toFile().deleteOnExit();
                try (Stream<Path> files = Files.list(directory)) {
                    files.forEach(file -> file.toFile().deleteOnExit());
                }
                return tls;
            } catch (IOException failed) {
                throw new UncheckedIOException(failed);
            }
        }
    }
}
