package dev.spawning.controller;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteOrder;
import java.nio.channels.Channel;
import java.nio.channels.ServerSocketChannel;

/**
 * Binds the controller's listening socket once, with the C library through the foreign-function
 * API, and puts it on descriptor 0, where every worker started with its standard input inherited
 * receives it ({@code bind = fd://0}). Java's own channels cannot do this: the JDK opens sockets
 * close-on-exec and offers no {@code dup2}. Linux only (the constants are Linux's). Called once, on
 * the controller's main thread, before any worker starts; the socket's blocking mode is never
 * touched, since every process holding it shares it.
 */
@SuppressWarnings("restricted") // the controller's JVM runs with --enable-native-access=ALL-UNNAMED
final class ListeningSocket {

    private static final int AF_INET = 2;
    private static final int AF_INET6 = 10;
    private static final int SOCK_STREAM = 1;
    private static final int SOL_SOCKET = 1;
    private static final int SO_REUSEADDR = 2;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CALL_STATE.varHandle(
            java.lang.foreign.MemoryLayout.PathElement.groupElement("errno"));
    private static final SymbolLookup LIBC = LINKER.defaultLookup();

    private static final MethodHandle SOCKET = function("socket",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
    private static final MethodHandle SETSOCKOPT = function("setsockopt", FunctionDescriptor.of(ValueLayout.JAVA_INT,
            ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT));
    private static final MethodHandle BIND = function("bind", FunctionDescriptor.of(ValueLayout.JAVA_INT,
            ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT));
    private static final MethodHandle LISTEN = function("listen",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
    private static final MethodHandle DUP2 = function("dup2",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
    private static final MethodHandle CLOSE = function("close",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
    private static final MethodHandle STRERROR = LINKER.downcallHandle(LIBC.find("strerror").orElseThrow(),
            FunctionDescriptor.of(ValueLayout.ADDRESS.withTargetLayout(
                    java.lang.foreign.MemoryLayout.sequenceLayout(1024, ValueLayout.JAVA_BYTE)), ValueLayout.JAVA_INT));

    private ListeningSocket() {
    }

    /**
     * Binds {@code host:port} with {@code SO_REUSEADDR}, listens with {@code backlog}, moves the
     * socket to descriptor 0 and returns it as this process's inherited channel.
     *
     * @throws ControllerException naming the address and the system's reason, such as
     *         {@code Cannot bind 127.0.0.1:8080: Address already in use}
     */
    static ServerSocketChannel bindOnStandardInput(String host, int port, int backlog) {
        InetAddress address = resolve(host, port);
        String where = new InetSocketAddress(address, port).getHostString() + ":" + port;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            boolean v6 = address instanceof Inet6Address;
            int fd = check(state, (int) SOCKET.invokeExact(state, v6 ? AF_INET6 : AF_INET, SOCK_STREAM, 0),
                    "Cannot open a socket for " + where);
            try {
                MemorySegment one = arena.allocateFrom(ValueLayout.JAVA_INT, 1);
                check(state, (int) SETSOCKOPT.invokeExact(state, fd, SOL_SOCKET, SO_REUSEADDR, one, 4),
                        "Cannot set SO_REUSEADDR on " + where);
                MemorySegment sockaddr = sockaddr(arena, address, port);
                check(state, (int) BIND.invokeExact(state, fd, sockaddr, (int) sockaddr.byteSize()), "Cannot bind " + where);
                check(state, (int) LISTEN.invokeExact(state, fd, backlog), "Cannot listen on " + where);
                check(state, (int) DUP2.invokeExact(state, fd, 0), "Cannot move the socket of " + where + " to descriptor 0");
            } finally {
                int ignored = (int) CLOSE.invokeExact(state, fd);
            }
        } catch (ControllerException e) {
            throw e;
        } catch (Throwable e) {
            throw new ControllerException("Cannot bind " + where + ": " + e, e);
        }
        return inherited(where);
    }

    /** The socket already on descriptor 0: this controller was itself handed one ({@code bind = fd://0}). */
    static ServerSocketChannel inherited(String where) {
        Channel channel;
        try {
            channel = System.inheritedChannel();
        } catch (IOException e) {
            throw new ControllerException("Cannot read the socket of " + where + " on descriptor 0: " + e.getMessage(), e);
        }
        if (channel instanceof ServerSocketChannel listening) {
            return listening;
        }
        throw new ControllerException("The socket of " + where + " is not on descriptor 0 as a listening socket: "
                + channel);
    }

    private static InetAddress resolve(String host, int port) {
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new ControllerException("Cannot bind " + host + ":" + port + ": unknown host");
        }
    }

    private static MemorySegment sockaddr(Arena arena, InetAddress address, int port) {
        byte[] bytes = address.getAddress();
        ValueLayout.OfShort bigEndian = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
        if (address instanceof Inet4Address) {
            MemorySegment in = arena.allocate(16);
            in.set(ValueLayout.JAVA_SHORT_UNALIGNED, 0, (short) AF_INET);
            in.set(bigEndian, 2, (short) port);
            MemorySegment.copy(bytes, 0, in, ValueLayout.JAVA_BYTE, 4, 4);
            return in;
        }
        MemorySegment in6 = arena.allocate(28);
        in6.set(ValueLayout.JAVA_SHORT_UNALIGNED, 0, (short) AF_INET6);
        in6.set(bigEndian, 2, (short) port);
        MemorySegment.copy(bytes, 0, in6, ValueLayout.JAVA_BYTE, 8, 16);
        if (address instanceof Inet6Address v6 && v6.getScopeId() != 0) {
            in6.set(ValueLayout.JAVA_INT_UNALIGNED, 24, v6.getScopeId());
        }
        return in6;
    }

    private static int check(MemorySegment state, int result, String what) throws Throwable {
        if (result >= 0) {
            return result;
        }
        int errno = (int) ERRNO.get(state, 0L);
        MemorySegment text = (MemorySegment) STRERROR.invokeExact(errno);
        throw new ControllerException(what + ": " + text.getString(0));
    }

    private static MethodHandle function(String name, FunctionDescriptor descriptor) {
        return LINKER.downcallHandle(LIBC.find(name).orElseThrow(), descriptor, Linker.Option.captureCallState("errno"));
    }
}
