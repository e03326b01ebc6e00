package dev.spawning.contract;

import static dev.spawning.contract.ContractApps.get;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spawning.factory.Response;
import dev.spawning.factory.Server;
import dev.spawning.factory.testing.RawHttp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A streamed body as Comet and Server-Sent Events use it: {@code flush()} sends what was written
 * at once, as a chunk, while the app goes on; and a client that goes away makes the app's next
 * writes fail, so a long-lived stream ends instead of writing into nothing.
 */
@OverTls
class ContractStreamingTest {

    @ContractTest
    void flushSendsWhatWasWrittenAtOnceAsAChunkWhileTheAppGoesOn(ContractServers servers) throws Exception {
        CountDownLatch firstRead = new CountDownLatch(1);
        Server server = servers.start(request -> Response.builder(200).body(out -> {
            out.write("first".getBytes(StandardCharsets.UTF_8));
            out.flush();
            await(firstRead);
            out.write("second".getBytes(StandardCharsets.UTF_8));
            out.flush();
        }).build());

        try (RawHttp client = RawHttp.connect(server)) {
            RawHttp.Reply head = client.send(get("/")).readHead();
            assertThat(head.header("Transfer-Encoding")).contains("chunked");
            assertThat(client.readChunk()).as("sent before the app goes on").isEqualTo("first");
            firstRead.countDown();
            assertThat(client.readChunk()).isEqualTo("second");
            assertThat(client.readChunk()).as("the last chunk").isEmpty();
            assertThat(client.send(get("/again")).readHead().code()).as("the connection is kept").isEqualTo(200);
        } finally {
            firstRead.countDown();
        }
    }

    @ContractTest
    void aClientThatGoesAwayMakesTheAppsNextWritesFail(ContractServers servers) throws Exception {
        CompletableFuture<IOException> failed = new CompletableFuture<>();
        CountDownLatch streaming = new CountDownLatch(1);
        Server server = servers.start(request -> Response.builder(200).body(out -> {
            try {
                for (int event = 0; event < 3_000; event++) {
                    out.write(("event " + event + "\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    streaming.countDown();
                    Thread.sleep(10);
                }
                failed.complete(null);
            } catch (IOException gone) {
                failed.complete(gone);
                throw gone;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failed.complete(null);
            }
        }).build());

        try (RawHttp client = RawHttp.connect(server)) {
            client.send(get("/")).readHead();
            assertThat(client.readChunk()).startsWith("event 0");
            assertThat(streaming.await(5, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(failed.get(5, TimeUnit.SECONDS)).as("a write after the client left fails").isNotNull();
    }

    private static void await(CountDownLatch latch) throws IOException {
        try {
            if (!latch.await(5, TimeUnit.SECONDS)) {
                throw new IOException("the test did not read the first chunk");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
