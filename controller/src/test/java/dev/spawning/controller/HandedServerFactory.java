package dev.spawning.controller;

import dev.spawning.factory.App;
import dev.spawning.factory.FactoryProvider;
import dev.spawning.factory.Request;
import dev.spawning.factory.Response;
import dev.spawning.factory.Server;
import dev.spawning.factory.ServerFactory;
import dev.spawning.factory.ServerFigures;
import dev.spawning.factory.Settings;
import dev.spawning.factory.StopReport;
import dev.spawning.factory.server.InheritedSocket;
import dev.spawning.factory.server.ServerSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Provider {@code handed}, for the controller's own tests: the least server that serves a handed
 * socket ({@code bind = fd://0}): one request per connection, the app's body, {@code Connection:
 * close}. Public because ServiceLoader needs it.
 */
@FactoryProvider(name = "handed", description = "Test server for bind = fd://0")
public final class HandedServerFactory implements ServerFactory {

    /** Public because ServiceLoader needs it. */
    public HandedServerFactory() {
    }

    @Override
    public Server create(Settings globalConf, Settings localConf) {
        ServerSettings settings = ServerSettings.from(localConf);
        if (!settings.inheritedSocket()) {
            throw new IllegalStateException("handed serves bind = fd://0 only");
        }
        return new HandedServer(settings.gracefulTimeout());
    }

    @Override
    public boolean servesHandedSockets() {
        return true;
    }

    private static final class HandedServer implements Server {
        private final Duration grace;
        private final AtomicLong served = new AtomicLong();
        private final AtomicInteger inFlight = new AtomicInteger();
        private final CountDownLatch stopped = new CountDownLatch(1);
        private volatile ServerSocketChannel channel;
        private volatile Thread acceptor;

        HandedServer(Duration grace) {
            this.grace = grace;
        }

        @Override
        public void start(App app) {
            channel = InheritedSocket.channel();
            acceptor = Thread.ofVirtual().start(() -> {
                while (true) {
                    try {
                        Socket socket = channel.socket().accept();
                        inFlight.incrementAndGet();
                        Thread.ofVirtual().start(() -> serve(socket, app));
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
        }

        private void serve(Socket socket, App app) {
            try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
                ByteArrayOutputStream head = new ByteArrayOutputStream();
                while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                    int b = in.read();
                    if (b < 0) {
                        return;
                    }
                    head.write(b);
                }
                Response response = app.handle(Request.builder().method("GET").target("/").header("Host", "localhost")
                        .build());
                byte[] body = ((Response.Body.Bytes) response.body()).text().getBytes(StandardCharsets.UTF_8);
                out.write(("HTTP/1.1 200 OK\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                out.write(body);
                out.flush();
                served.incrementAndGet();
            } catch (Exception e) {
                // the client went away
            } finally {
                inFlight.decrementAndGet();
            }
        }

        @Override
        public List<InetSocketAddress> addresses() {
            return List.of();
        }

        @Override
        public StopReport stop(Duration grace) {
            long start = System.nanoTime();
            try {
                channel.close();
                acceptor.join();
                long deadline = System.nanoTime() + grace.toNanos();
                while (inFlight.get() > 0 && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            stopped.countDown();
            return new StopReport(0, 0, inFlight.get(), Duration.ofNanos(System.nanoTime() - start));
        }

        @Override
        public void await() throws InterruptedException {
            stopped.await();
        }

        @Override
        public Optional<ServerFigures> figures() {
            return Optional.of(new ServerFigures(served.get(), inFlight.get(), inFlight.get()));
        }

        @Override
        public Duration gracefulTimeout() {
            return grace;
        }
    }
}
