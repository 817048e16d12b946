package dev.switchboard.core.aws;

import org.junit.jupiter.api.Test;

import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class NoDelayConnectionsTest {

    private final NoDelayConnections connections = new NoDelayConnections(Duration.ofSeconds(2), Duration.ofSeconds(10));

    @Test
    void createConnection_https_usesNoDelayTlsSocketsAndTheTimeouts() {
        HttpURLConnection connection = connections.createConnection(URI.create("https://ec2.ap-northeast-1.amazonaws.com/"));

        assertThat(connection).isInstanceOf(HttpsURLConnection.class);
        assertThat(((HttpsURLConnection) connection).getSSLSocketFactory())
                .isInstanceOf(NoDelayConnections.NoDelaySocketFactory.class);
        assertThat(connection.getConnectTimeout()).isEqualTo(2000);
        assertThat(connection.getReadTimeout()).isEqualTo(10_000);
    }

    @Test
    void createConnection_twice_sharesOneTlsFactorySoConnectionsAreReused() {
        HttpsURLConnection first = (HttpsURLConnection) connections.createConnection(URI.create("https://a.example/"));
        HttpsURLConnection second = (HttpsURLConnection) connections.createConnection(URI.create("https://b.example/"));

        assertThat(first.getSSLSocketFactory()).isSameAs(second.getSSLSocketFactory());
    }

    @Test
    void createConnection_plainHttp_keepsTimeouts() {
        HttpURLConnection connection = connections.createConnection(URI.create("http://127.0.0.1:4566/"));

        assertThat(connection).isNotInstanceOf(HttpsURLConnection.class);
        assertThat(connection.getReadTimeout()).isEqualTo(10_000);
    }

    @Test
    void noDelaySocketFactory_layeredOverAConnectedSocket_switchesNagleOff() throws Exception {
        var factory = new NoDelayConnections.NoDelaySocketFactory(SSLContext.getDefault().getSocketFactory());
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket plain = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
            assertThat(plain.getTcpNoDelay()).isFalse();

            try (Socket tls = factory.createSocket(plain, "localhost", server.getLocalPort(), true)) {
                assertThat(tls.getTcpNoDelay()).isTrue();
                assertThat(plain.getTcpNoDelay()).isTrue();
            }
        }
    }

    @Test
    void noDelaySocketFactory_unconnectedSocket_switchesNagleOff() throws Exception {
        var factory = new NoDelayConnections.NoDelaySocketFactory(SSLContext.getDefault().getSocketFactory());

        try (Socket socket = factory.createSocket()) {
            assertThat(socket.getTcpNoDelay()).isTrue();
        }
    }
}
