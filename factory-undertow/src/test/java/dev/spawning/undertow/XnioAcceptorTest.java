package dev.spawning.undertow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.ServerSocketChannel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.xnio.OptionMap;
import org.xnio.StreamConnection;
import org.xnio.Xnio;
import org.xnio.XnioIoThread;
import org.xnio.XnioWorker;

/** XNIO's acceptor, built by reflection on a listening channel XNIO did not open. */
class XnioAcceptorTest {

    private final XnioWorker worker = Xnio.getInstance(XnioAcceptorTest.class.getClassLoader()).createWorkerBuilder().build();
    private final ServerSocketChannel listening = bound();

    @AfterEach
    void shutDown() throws IOException {
        listening.close();
        worker.shutdownNow();
    }

    @Test
    void passesEachConnectionOnTheAcceptThreadBeforeAnIoThreadHasIt() throws Exception {
        CompletableFuture<String> handedOver = new CompletableFuture<>();
        try (XnioAcceptor acceptor = XnioAcceptor.serve(worker, () -> listening, OptionMap.EMPTY, connection ->
                handedOver.complete(onWhichThread(connection)))) {
            assertThat(acceptor.address()).isEqualTo(listening.getLocalAddress());

            try (Socket client = new Socket(InetAddress.getLoopbackAddress(), acceptor.address().getPort())) {
                assertThat(handedOver.get(5, TimeUnit.SECONDS)).isEqualTo("an XNIO thread other than the connection's");
                assertThat(client.getInputStream().read()).as("closed by the test's hand-over").isEqualTo(-1);
            }
        }
    }

    @Test
    void leavesTheChannelNonBlockingAsXnioNeedsAndClosesItOnClose() throws Exception {
        XnioAcceptor acceptor = XnioAcceptor.serve(worker, () -> listening, OptionMap.EMPTY, StreamConnection::getIoThread);
        assertThat(listening.isBlocking()).isFalse();

        acceptor.close();

        assertThat(listening.isOpen()).isFalse();
        assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), acceptor.address().getPort()).close())
                .isInstanceOf(ConnectException.class);
    }

    private static String onWhichThread(StreamConnection connection) {
        XnioIoThread current = XnioIoThread.currentThread();
        String where = current == null ? "a thread outside XNIO"
                : current == connection.getIoThread() ? "the connection's IO thread" : "an XNIO thread other than the connection's";
        connection.getIoThread().execute(() -> Quietly.close(connection));
        return where;
    }

    private static ServerSocketChannel bound() {
        try {
            return ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        } catch (IOException failed) {
            throw new IllegalStateException(failed);
        }
    }
}
