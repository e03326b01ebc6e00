package dev.spawning.factory.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The load the zero-drop proofs run: it passes a server that drops nothing, and catches one that does. */
class KeepAliveLoadTest {

    @Test
    void aServerThatAnswersEverythingGivesNoFailures() throws Exception {
        try (ServerSocket listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                KeepAliveLoad load = KeepAliveLoad.start((InetSocketAddress) listening.getLocalSocketAddress(), 3,
                        "/", "/echo")) {
            Thread.ofVirtual().start(() -> answerEach(listening));
            for (long deadline = System.nanoTime() + 10_000_000_000L; load.requests() < 60
                    && load.failures().isEmpty() && System.nanoTime() < deadline; ) {
                Thread.sleep(10);
            }
            KeepAliveLoad.Outcome outcome = load.stop();

            assertThat(outcome.failures()).isEmpty();
            assertThat(outcome.requests()).isGreaterThanOrEqualTo(60);
            assertThat(outcome.seen()).isNotEmpty().allSatisfy(seen -> assertThat(seen.body()).isEqualTo("v1"));
        }
    }

    @Test
    void aConnectionClosedBeforeItsAnswerIsAFailure() throws Exception {
        Thread dropper;
        try (ServerSocket listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                KeepAliveLoad load = KeepAliveLoad.start((InetSocketAddress) listening.getLocalSocketAddress(), 1,
                        "/", "/echo")) {
            dropper = Thread.ofVirtual().start(() -> dropEach(listening));
            for (long deadline = System.nanoTime() + 10_000_000_000L; load.failures().isEmpty()
                    && System.nanoTime() < deadline; ) {
                Thread.sleep(10);
            }
            KeepAliveLoad.Outcome outcome = load.stop();

            assertThat(outcome.requests()).isZero();
            assertThat(outcome.failures().getFirst())
                    .startsWith("keep-alive-load-0: java.io.IOException: Connection closed after: ");
        }
        dropper.join();
    }

    /** A minimal keep-alive server: {@code v1} for a GET, the body back for a POST. */
    private static void answerEach(ServerSocket listening) {
        while (!listening.isClosed()) {
            try {
                Socket socket = listening.accept();
                Thread.ofVirtual().start(() -> answer(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static void answer(Socket socket) {
        try (socket; BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                StandardCharsets.ISO_8859_1)); OutputStream out = socket.getOutputStream()) {
            for (String request = in.readLine(); request != null; request = in.readLine()) {
                int length = 0;
                for (String field = in.readLine(); !field.isEmpty(); field = in.readLine()) {
                    if (field.startsWith("Content-Length: ")) {
                        length = Integer.parseInt(field.substring(16));
                    }
                }
                char[] body = new char[length];
                for (int read = 0; read < length; ) {
                    read += in.read(body, read, length - read);
                }
                String answer = request.startsWith("POST") ? new String(body) : "v1";
                out.write(("HTTP/1.1 200 OK\r\nContent-Length: " + answer.length() + "\r\n\r\n" + answer)
                        .getBytes(StandardCharsets.ISO_8859_1));
            }
        } catch (IOException closed) {
            // The client went away.
        }
    }

    /** Reads the start of each request and closes without answering. */
    private static void dropEach(ServerSocket listening) {
        while (!listening.isClosed()) {
            try (Socket socket = listening.accept(); InputStream in = socket.getInputStream()) {
                in.read();
            } catch (IOException closed) {
                return;
            }
        }
    }
}
