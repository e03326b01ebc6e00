package dev.spawning.contract;

import static dev.spawning.contract.ContractApps.ECHO;
import static dev.spawning.contract.ContractApps.HELLO;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spawning.factory.Server;
import dev.spawning.factory.testing.RawHttp;

class ContractLimitsTest {

    private final ContractApps.Calls calls = new ContractApps.Calls();

    @ContractTest
    void answers414AndClosesForARequestLineOverUrlLengthLimit(ContractServers servers) throws Exception {
        Server server = servers.start(calls.counting(HELLO), "url_length_limit", "100");

        try (RawHttp client = RawHttp.connect(server)) {
            RawHttp.Reply reply = client.send("GET /" + "a".repeat(100) + " HTTP/1.1\r\nHost: x\r\n\r\n").read();

            ContractAssertions.refusesAndCloses(client, reply, 414);
            assertThat(reply.status()).isEqualTo("HTTP/1.1 414 URI Too Long");
            assertThat(reply.text()).isEqualTo("URI Too Long\n");
        }
        assertThat(calls.count()).isZero();
    }

    @ContractTest
    void servesARequestLineOfExactlyUrlLengthLimit(ContractServers servers) throws Exception {
        Server server = servers.start(HELLO, "url_length_limit", "100");
        String line = "GET /" + "a".repeat(100 - "GET / HTTP/1.1".length()) + " HTTP/1.1";

        try (RawHttp client = RawHttp.connect(server)) {
            assertThat(client.send(line + "\r\nHost: x\r\n\r\n").read().code()).isEqualTo(200);
        }
    }

    @ContractTest
    void answers431AndClosesForAHeaderLineOverMaxHeaderLine(ContractServers servers) throws Exception {
        Server server = servers.start(calls.counting(HELLO), "max_header_line", "100");

        try (RawHttp client = RawHttp.connect(server)) {
            RawHttp.Reply reply = client.send("GET / HTTP/1.1\r\nHost: x\r\nX-Long: " + "v".repeat(100) + "\r\n\r\n").read();

            ContractAssertions.refusesAndCloses(client, reply, 431);
            assertThat(reply.status()).isEqualTo("HTTP/1.1 431 Request Header Fields Too Large");
        }
        assertThat(calls.count()).isZero();
    }

    @ContractTest
    void servesAHeaderLineWhoseLengthWithCrlfIsJustUnderMaxHeaderLine(ContractServers servers) throws Exception {
        Server server = servers.start(HELLO, "max_header_line", "100");
        String fits = "X-Long: " + "v".repeat(89) + "\r\n";
        String over = "X-Long: " + "v".repeat(90) + "\r\n";

        try (RawHttp client = RawHttp.connect(server)) {
            assertThat(fits).hasSize(99);
            assertThat(client.send("GET / HTTP/1.1\r\nHost: x\r\n" + fits + "\r\n").read().code()).isEqualTo(200);
            assertThat(client.send("GET / HTTP/1.1\r\nHost: x\r\n" + over + "\r\n").read().code()).isEqualTo(431);
        }
    }

    @ContractTest
    void answers431AndClosesForHeadersTogetherOverMaxHeadersSize(ContractServers servers) throws Exception {
        Server server = servers.start(calls.counting(HELLO), "max_headers_size", "200");
        String headers = "X-A: " + "a".repeat(60) + "\r\nX-B: " + "b".repeat(60) + "\r\nX-C: " + "c".repeat(60) + "\r\n";

        try (RawHttp client = RawHttp.connect(server)) {
            RawHttp.Reply reply = client.send("GET / HTTP/1.1\r\nHost: x\r\n" + headers + "\r\n").read();

            ContractAssertions.refusesAndCloses(client, reply, 431);
        }
        assertThat(calls.count()).isZero();
    }

    @ContractTest
    void answers431NotA414ForOneHeaderLineOverMaxHeadersSize(ContractServers servers) throws Exception {
        Server server = servers.start(calls.counting(HELLO), "url_length_limit", "100", "max_headers_size", "200");

        try (RawHttp client = RawHttp.connect(server)) {
            RawHttp.Reply reply = client.send("GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + "v".repeat(1000) + "\r\n\r\n").read();

            ContractAssertions.refusesAndCloses(client, reply, 431);
        }
        assertThat(calls.count()).isZero();
    }

    @ContractTest
    void answers431AndClosesForMoreFieldsThanMaxHeaderCount(ContractServers servers) throws Exception {
        Server server = servers.start(calls.counting(HELLO), "max_header_count", "5");

        try (RawHttp client = RawHttp.connect(server)) {
            RawHttp.Reply reply = client.send("GET / HTTP/1.1\r\nHost: x\r\n" + "X-H: v\r\n".repeat(5) + "\r\n").read();

            ContractAssertions.refusesAndCloses(client, reply, 431);
        }
        assertThat(calls.count()).isZero();
    }

    @ContractTest
    void servesExactlyMaxHeaderCountFields(ContractServers servers) throws Exception {
        Server server = servers.start(HELLO, "max_header_count", "5");

        try (RawHttp client = RawHttp.connect(server)) {
            RawHttp.Reply reply = client.send("GET / HTTP/1.1\r\nHost: x\r\n" + "X-H: v\r\n".repeat(4) + "\r\n").read();

            assertThat(reply.code()).isEqualTo(200);
        }
    }

    @ContractTest
    void answers413AndClosesForADeclaredBodyOverMaxBodySize(ContractServers servers) throws Exception {
        Server server = servers.start(calls.counting(ECHO), "max_body_size", "1k");

        try (RawHttp client = RawHttp.connect(server)) {
            RawHttp.Reply reply = client.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1025\r\n\r\n").read();

            ContractAssertions.refusesAndCloses(client, reply, 413);
        }
        assertThat(calls.count()).isZero();
    }

    @ContractTest
    void servesADeclaredBodyOfExactlyMaxBodySize(ContractServers servers) throws Exception {
        Server server = servers.start(ECHO, "max_body_size", "1k");

        try (RawHttp client = RawHttp.connect(server)) {
            RawHttp.Reply reply = client.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1024\r\n\r\n" + "b".repeat(1024)).read();

            assertThat(reply.text()).isEqualTo("got " + "b".repeat(1024));
        }
    }

    @ContractTest
    void answers413AndClosesWhenAChunkedBodyOutgrowsMaxBodySize(ContractServers servers) throws Exception {
        Server server = servers.start(ECHO, "max_body_size", "8");

        try (RawHttp client = RawHttp.connect(server)) {
            RawHttp.Reply reply = client.send("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "6\r\nhello \r\n6\r\nworld!\r\n0\r\n\r\n").read();

            ContractAssertions.refusesAndCloses(client, reply, 413);
            assertThat(reply.status()).isEqualTo("HTTP/1.1 413 Content Too Large");
            assertThat(reply.text()).isEqualTo("Content Too Large\n");
        }
    }
}
