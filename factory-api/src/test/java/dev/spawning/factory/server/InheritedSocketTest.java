package dev.spawning.factory.server;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spawning.factory.FactoryException;
import org.junit.jupiter.api.Test;

/** bind = fd://0 in a process whose standard input is not a listening socket (the test JVM's is a pipe). */
class InheritedSocketTest {

    @Test
    void standardInputThatIsNotASocketIsAClearError() {
        assertThatThrownBy(InheritedSocket::channel)
                .isInstanceOf(FactoryException.class)
                .hasMessage("bind = fd://0: standard input is not a socket; start the server from a process that "
                        + "passes one, such as spawn with processes > 1, or set host and port instead");
    }
}
