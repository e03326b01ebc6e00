package dev.spawning.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spawning.factory.Request;
import dev.spawning.factory.Response;
import dev.spawning.factory.Server;
import dev.spawning.factory.testing.RawHttp;
import dev.spawning.factory.testing.TestTls;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * TLS as a user configures it: client certificates by {@code cert_reqs}, protocols, and what a
 * client that does not speak TLS gets. The protocol tests run over TLS too (see {@link OverTls}).
 */
class ContractTlsTest {

    private final TestTls tls = ContractTls.get();
    private final AtomicInteger served = new AtomicInteger();

    private Response subject(Request request) {
        served.incrementAndGet();
        return Response.text(200, request.clientCertificates().isEmpty() ? "no certificate"
                : request.clientCertificates().getFirst().getSubjectX500Principal().getName());
    }

    private Server start(ContractServers servers, String certReqs) throws Exception {
        return servers.start(this::subject, "certfile", tls.certfile().toString(), "keyfile", tls.keyfile().toString(),
                "ca_certs", tls.caCerts().toString(), "cert_reqs", certReqs);
    }

    private static RawHttp connect(Server server, SSLContext client) throws IOException {
        return RawHttp.connect(address(server), Duration.ofSeconds(5), client);
    }

    private static InetSocketAddress address(Server server) {
        return new InetSocketAddress("127.0.0.1", server.addresses().getFirst().getPort());
    }

    @ContractTest
    void requiredServesAClientWithACertificateAndTheAppReadsItsSubject(ContractServers servers) throws Exception {
        Server server = start(servers, "required");

        try (RawHttp client = connect(server, tls.clientWithCertificate())) {
            RawHttp.Reply reply = client.send(ContractApps.get("/")).read();

            assertThat(reply.code()).isEqualTo(200);
            assertThat(reply.text()).isEqualTo("CN=test client,O=Spawning tests");
            assertThat(((X509Certificate) client.serverCertificates().getFirst()).getSubjectX500Principal().getName())
                    .as("the server presents certfile's leaf").isEqualTo("CN=test server");
        }
    }

    @ContractTest
    void requiredRefusesAClientWithoutACertificateBeforeTheApp(ContractServers servers) throws Exception {
        Server server = start(servers, "required");

        assertThatThrownBy(() -> {
            // TLS 1.3 lets the client finish its side first: the refusal arrives as the first read fails.
            try (RawHttp client = connect(server, tls.client())) {
                client.send(ContractApps.get("/")).read();
            }
        }).isInstanceOf(IOException.class);
        assertThat(served).as("the app is never called").hasValue(0);
    }

    @ContractTest
    void optionalServesClientsWithAndWithoutACertificate(ContractServers servers) throws Exception {
        Server server = start(servers, "optional");

        try (RawHttp with = connect(server, tls.clientWithCertificate()); RawHttp without = connect(server, tls.client())) {
            assertThat(with.send(ContractApps.get("/")).read().text()).isEqualTo("CN=test client,O=Spawning tests");
            assertThat(without.send(ContractApps.get("/")).read().text()).isEqualTo("no certificate");
        }
    }

    @ContractTest
    void noneAsksForNoCertificate(ContractServers servers) throws Exception {
        Server server = servers.start(this::subject, tls.serverSettings());

        try (RawHttp client = connect(server, tls.clientWithCertificate())) {
            assertThat(client.send(ContractApps.get("/")).read().text()).isEqualTo("no certificate");
        }
    }

    @ContractTest
    void readsAPkcs1RsaKeyAndASec1EcKey(ContractServers servers) throws Exception {
        Server rsa = servers.start(this::subject, "certfile", tls.certfile().toString(),
                "keyfile", tls.rsaKeyfile().toString());
        Server ec = servers.start(this::subject, "certfile", tls.ecCertfile().toString(),
                "keyfile", tls.ecKeyfile().toString());

        for (Server server : new Server[] {rsa, ec}) {
            try (RawHttp client = connect(server, tls.client())) {
                assertThat(client.send(ContractApps.get("/")).read().code()).isEqualTo(200);
            }
        }
    }

    @ContractTest
    void sslProtocolsLimitsTheProtocolsOffered(ContractServers servers) throws Exception {
        Server server = servers.start(this::subject, "certfile", tls.certfile().toString(),
                "keyfile", tls.keyfile().toString(), "ssl_protocols", "TLSv1.2");

        try (SSLSocket socket = socket(server, "TLSv1.2", "TLSv1.3")) {
            socket.startHandshake();
            assertThat(socket.getSession().getProtocol()).isEqualTo("TLSv1.2");
        }
        try (SSLSocket only13 = socket(server, "TLSv1.3")) {
            assertThatThrownBy(only13::startHandshake).isInstanceOf(IOException.class);
        }
    }

    @ContractTest
    void aClientSpeakingPlainHttpToATlsServerIsClosedAndTheServerServesOn(ContractServers servers) throws Exception {
        Server server = servers.start(this::subject, tls.serverSettings());

        try (RawHttp plain = RawHttp.connect(address(server), Duration.ofSeconds(5))) {
            plain.send(ContractApps.get("/"));
            assertThat(plain.readUntilClosed()).as("no HTTP answer").doesNotContain((byte) 'H', (byte) 'T');
        } catch (IOException reset) {
            // closed by a reset: as good as closed
        }
        try (RawHttp client = connect(server, tls.client())) {
            assertThat(client.send(ContractApps.get("/")).read().code()).isEqualTo(200);
        }
        assertThat(served).hasValue(1);
    }

    private SSLSocket socket(Server server, String... protocols) throws IOException {
        SSLSocket socket = (SSLSocket) tls.client().getSocketFactory().createSocket("127.0.0.1",
                server.addresses().getFirst().getPort());
        socket.setSoTimeout(5_000);
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setProtocols(protocols);
        socket.setSSLParameters(parameters);
        return socket;
    }
}
