package dev.spawning.controller;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The client side of the controller's control socket, as {@code spawn ctl} uses it:
 *
 * <pre>{@code
 * String json = ControlClient.send(Path.of("spawn.sock"), "status");
 * }</pre>
 *
 * Stateless; any thread.
 */
public final class ControlClient {

    private ControlClient() {
    }

    /**
     * Sends one command and returns the controller's answer.
     *
     * @param control the control socket, {@code control} of the server section
     * @param command {@code status}, {@code reload}, {@code stop} or {@code workers N}
     * @return the answer: JSON for {@code status}, a line of text for the others
     * @throws ControllerException when no controller answers on {@code control}
     */
    public static String send(Path control, String command) {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(control));
            ByteBuffer bytes = ByteBuffer.wrap((command + "\n").getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            String answer = new String(Channels.newInputStream(channel).readAllBytes(), StandardCharsets.UTF_8);
            if (answer.isEmpty()) {
                throw new ControllerException("The controller on " + control + " closed the connection without an answer");
            }
            return answer.endsWith("\n") ? answer.substring(0, answer.length() - 1) : answer;
        } catch (IOException e) {
            throw new ControllerException("No controller answers on " + control + " (" + e.getMessage()
                    + "); is spawn serve running with processes > 1 or reload?", e);
        }
    }
}
