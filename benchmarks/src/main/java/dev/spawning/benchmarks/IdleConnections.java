package dev.spawning.benchmarks;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The client of the idle-connection test: opens N keep-alive connections, makes one request on
 * each (so the server has really set each connection up, not just accepted it), then holds them
 * all open and silent until its standard input closes, when it reports how many the server kept
 * open and closes them. A signal ends it too (the kernel closes the sockets).
 *
 * <pre>{@code
 * java -cp 'benchmarks/target/classes:benchmarks/target/lib/*' dev.spawning.benchmarks.IdleConnections 10000 127.0.0.1 18090
 * }</pre>
 *
 * <p>Prints {@code Holding K of N connections} once every connection has its response (K is
 * less than N when opening one failed: the failure is printed, and no more are opened), and,
 * after standard input closes, {@code Still open: M of K}. Needs a file-descriptor limit above N.
 */
public final class IdleConnections {

    private IdleConnections() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3 || !args[0].matches("\\d+") || !args[2].matches("\\d{1,5}")) {
            System.err.println("usage: IdleConnections N HOST PORT");
            System.exit(2);
        }
        int wanted = Integer.parseInt(args[0]);
        InetSocketAddress address = new InetSocketAddress(args[1], Integer.parseInt(args[2]));
        List<SocketChannel> held = open(wanted, address, request(args[1], args[2]));
        System.out.println("Holding " + held.size() + " of " + wanted + " connections");
        System.out.flush();
        while (System.in.read() >= 0) {
            // Holds until standard input closes.
        }
        System.out.println("Still open: " + stillOpen(held) + " of " + held.size());
        for (SocketChannel channel : held) {
            channel.close();
        }
    }

    private static byte[] request(String host, String port) {
        String head = "GET / HTTP/1.1\r\nHost: " + host + ":" + port + "\r\n\r\n";
        return head.getBytes(StandardCharsets.US_ASCII);
    }

    /** Opens connections one after the other; stops at the first failure and keeps what it has. */
    private static List<SocketChannel> open(int wanted, InetSocketAddress address, byte[] request) {
        List<SocketChannel> held = new ArrayList<>(wanted);
        ResponseReader reader = new ResponseReader();
        for (int i = 0; i < wanted; i++) {
            try {
                SocketChannel channel = SocketChannel.open(address);
                held.add(channel);
                channel.write(ByteBuffer.wrap(request));
                reader.readOne(channel);
            } catch (IOException failed) {
                System.out.println("Connection " + (i + 1) + " failed: " + failed);
                break;
            }
        }
        return held;
    }

    /**
     * Connections the server has not closed: a non-blocking read answers 0 on an open, silent
     * connection, and -1 (or an error) on one the server closed.
     */
    private static int stillOpen(List<SocketChannel> held) {
        ByteBuffer scratch = ByteBuffer.allocate(1);
        int open = 0;
        for (SocketChannel channel : held) {
            try {
                channel.configureBlocking(false);
                scratch.clear();
                if (channel.read(scratch) == 0) {
                    open++;
                }
            } catch (IOException closed) {
                // Reset by the server: not open.
            }
        }
        return open;
    }
}
