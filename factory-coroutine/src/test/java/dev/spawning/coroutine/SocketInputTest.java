package dev.spawning.coroutine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SocketInputTest {

    private static final long MILLI = 1_000_000L;

    private ServerSocket listening;
    /** The engine's side: a channel's socket, read through its adaptor, as the server has it. */
    private Socket engine;
    /** The peer that sends. */
    private Socket peer;

    @BeforeEach
    void connect() throws Exception {
        listening = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        engine = SocketChannel.open(listening.getLocalSocketAddress()).socket();
        peer = listening.accept();
    }

    @AfterEach
    void close() throws Exception {
        engine.close();
        peer.close();
        listening.close();
    }

    @Test
    void aReadPastItsDeadlineIsWokenByTheTimeoutsThreadAndFailsAsATimeout() throws Exception {
        SocketInput in = new SocketInput(engine);
        long start = System.nanoTime();
        long deadline = start + 50 * MILLI;
        AtomicBoolean woken = new AtomicBoolean();
        // A platform thread: this test is about the input, and must not depend on a free carrier
        // for the virtual scheduler while other tests of this JVM keep theirs busy.
        Thread sweeper = Thread.ofPlatform().daemon().start(() -> sweep(in, woken));

        assertThatThrownBy(() -> in.fill(deadline)).isInstanceOf(SocketTimeoutException.class);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isBetween(40L, 2_000L);
        woken.set(true);
        sweeper.join();
        assertThatThrownBy(() -> in.fill(System.nanoTime() + 1_000 * MILLI))
                .as("a timed-out input stays timed out").isInstanceOf(SocketTimeoutException.class);
    }

    @Test
    void aReadWhoseDeadlineHadPassedBeforeItBeganLeavesTheInputTimedOut() throws Exception {
        SocketInput in = new SocketInput(engine);

        assertThatThrownBy(() -> in.fill(System.nanoTime() - MILLI)).isInstanceOf(SocketTimeoutException.class);
        assertThatThrownBy(() -> in.fill(System.nanoTime() + 1_000 * MILLI))
                .as("a timed-out input stays timed out").isInstanceOf(SocketTimeoutException.class);
    }

    @Test
    void aDeadlineThatPassedWhileNoReadWasWaitingExpiresNothing() throws Exception {
        SocketInput in = new SocketInput(engine);
        in.expireIfDue(System.nanoTime() + 1_000 * MILLI);
        send("GET");

        assertThat(in.fill(System.nanoTime() + 1_000 * MILLI)).isTrue();
        assertThat(in.buffered()).isEqualTo(3);
    }

    @Test
    void aReadThatGotItsBytesIsNotCutByAnExpiryOfItsOwnDeadlineAfterwards() throws Exception {
        SocketInput in = new SocketInput(engine);
        send("GET");
        assertThat(in.fill(System.nanoTime() + 1_000 * MILLI)).isTrue();

        in.expireIfDue(System.nanoTime() + 5_000 * MILLI);
        send(" /");
        assertThat(in.fill(System.nanoTime() + 1_000 * MILLI)).isTrue();
        assertThat(in.buffered()).isEqualTo(5);
    }

    private void send(String text) throws Exception {
        OutputStream out = peer.getOutputStream();
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /**
     * What the timeouts thread does, every 10 ms, until the read is over (as the real one does for
     * as long as the server runs: a sweep that ended at a fixed time could end before a slow reader
     * armed its deadline, and leave it waiting for ever).
     */
    private static void sweep(SocketInput in, AtomicBoolean woken) {
        try {
            while (!woken.get()) {
                Thread.sleep(10);
                in.expireIfDue(System.nanoTime());
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }
}
