package dev.spawning.contract;

import static dev.spawning.contract.ContractApps.ECHO;
import static dev.spawning.contract.ContractApps.HELLO;
import static dev.spawning.contract.ContractApps.get;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spawning.factory.Server;
import dev.spawning.factory.testing.RawHttp;

@OverTls
class ContractPipeliningTest {

    @ContractTest
    void answersRequestsSentInOneWriteInOrder(ContractServers servers) throws Exception {
        Server server = servers.start(HELLO);

        try (RawHttp client = RawHttp.connect(server)) {
            client.send(get("/a") + get("/b") + get("/c"));

            assertThat(client.read().text()).isEqualTo("hello /a");
            assertThat(client.read().text()).isEqualTo("hello /b");
            assertThat(client.read().text()).isEqualTo("hello /c");
        }
    }

    @ContractTest
    void answersPipelinedRequestsWithBodiesInOrder(ContractServers servers) throws Exception {
        Server server = servers.start(ECHO);

        try (RawHttp client = RawHttp.connect(server)) {
            client.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\none"
                    + "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\ntwo\r\n0\r\n\r\n"
                    + "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nthree");

            assertThat(client.read().text()).isEqualTo("got one");
            assertThat(client.read().text()).isEqualTo("got two");
            assertThat(client.read().text()).isEqualTo("got three");
        }
    }

    @ContractTest
    void answersAPipelinedBatchOnHttp10KeepAliveInOrder(ContractServers servers) throws Exception {
        Server server = servers.start(HELLO);
        String keepAlive = "GET /%s HTTP/1.0\r\nConnection: keep-alive\r\n\r\n";

        try (RawHttp client = RawHttp.connect(server)) {
            client.send(keepAlive.formatted("a") + keepAlive.formatted("b") + "GET /c HTTP/1.0\r\n\r\n");

            assertThat(client.read().text()).isEqualTo("hello /a");
            assertThat(client.read().text()).isEqualTo("hello /b");
            assertThat(client.read().text()).isEqualTo("hello /c");
            assertThat(client.closedByServer()).isTrue();
        }
    }

    @ContractTest
    void answersARequestWhoseSuccessorHasOnlyBegunToArrive(ContractServers servers) throws Exception {
        Server server = servers.start(HELLO);

        try (RawHttp client = RawHttp.connect(server)) {
            client.send(get("/a") + "GET /b HTT");

            assertThat(client.read().text()).isEqualTo("hello /a");
            assertThat(client.send("P/1.1\r\nHost: x\r\n\r\n").read().text()).isEqualTo("hello /b");
        }
    }

    @ContractTest
    void answersTheRequestsBeforeAMalformedBodyThenRefusesIt(ContractServers servers) throws Exception {
        Server server = servers.start(ECHO);

        try (RawHttp client = RawHttp.connect(server)) {
            client.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\none"
                    + "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3;=\r\ntwo\r\n0\r\n\r\n");

            assertThat(client.read().text()).isEqualTo("got one");
            ContractAssertions.refusesAndCloses(client, client.read(), 400);
        }
    }

    @ContractTest
    void answersAHeadRequestWhoseChunkedBodyIsCutShortWith400(ContractServers servers) throws Exception {
        Server server = servers.start(ECHO);

        try (RawHttp client = RawHttp.connect(server)) {
            client.send("HEAD / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhe").endSending();

            ContractAssertions.refusesAndCloses(client, client.readHead(), 400);
        }
    }

    @ContractTest
    void sendsA100ContinueAfterTheResponsesToEarlierPipelinedRequests(ContractServers servers) throws Exception {
        Server server = servers.start(ECHO);

        try (RawHttp client = RawHttp.connect(server)) {
            client.send(get("/a") + "POST /b HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n");

            assertThat(client.read().text()).isEqualTo("got ");
            assertThat(client.readInterim()).isEqualTo("HTTP/1.1 100 Continue");
            assertThat(client.send("two").read().text()).isEqualTo("got two");
        }
    }
}
