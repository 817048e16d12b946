package dev.switchboard.core.aws;

import software.amazon.awssdk.http.urlconnection.UrlConnectionFactory;

import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;

/**
 * Opens the SDK's connections with Nagle's algorithm off. {@code HttpURLConnection} writes a request's
 * headers and body separately and never sets {@code TCP_NODELAY}, so on a kept-alive connection the body
 * can wait for the server's delayed ACK of the headers (~40 ms), a stall the AWS SDK for Rust fixed the same
 * way against real AWS endpoints; Python's urllib3 and curl switch Nagle off too. Measured here over TLS on
 * loopback against a server that answers at once: 3.3 ms per call instead of 4.7. HTTPS (every AWS endpoint)
 * gets a socket factory that sets {@code TCP_NODELAY}; plain HTTP (the local emulator) has no such hook in
 * the JDK.
 */
final class NoDelayConnections implements UrlConnectionFactory {

    private final int connectTimeoutMillis;
    private final int readTimeoutMillis;
    private final SSLSocketFactory tls;

    NoDelayConnections(Duration connectTimeout, Duration readTimeout) {
        this(connectTimeout, readTimeout, null);
    }

    /** The same over {@code tls} instead of the JVM's default TLS context (priming's throw-away one), if not null. */
    NoDelayConnections(Duration connectTimeout, Duration readTimeout, SSLSocketFactory tls) {
        this.connectTimeoutMillis = Math.toIntExact(connectTimeout.toMillis());
        this.readTimeoutMillis = Math.toIntExact(readTimeout.toMillis());
        this.tls = tls == null ? null : new NoDelaySocketFactory(tls);
    }

    @Override
    public HttpURLConnection createConnection(URI uri) {
        try {
            HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
            connection.setConnectTimeout(connectTimeoutMillis);
            connection.setReadTimeout(readTimeoutMillis);
            if (connection instanceof HttpsURLConnection https) {
                // One shared factory instance, so kept-alive TLS connections are reused across calls.
                https.setSSLSocketFactory(tls == null ? Tls.FACTORY : tls);
            }
            return connection;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * For priming: builds the JVM's default TLS context (its trust store parsed; no session, no
     * connection) and an unconnected HTTPS connection the way the SDK's client asks for one, so the
     * first real call finds both ready. {@code URL.openConnection} connects nothing and resolves no name.
     */
    static void prime() {
        new NoDelayConnections(AwsClients.CONNECT_TIMEOUT, AwsClients.SOCKET_TIMEOUT)
                .createConnection(URI.create("https://" + TlsPriming.HOST + "/"));
    }

    /** Created on the first HTTPS connection, not at class load: the default SSL context is costly to build. */
    private static final class Tls {
        static final SSLSocketFactory FACTORY = new NoDelaySocketFactory(defaultFactory());

        private static SSLSocketFactory defaultFactory() {
            try {
                return SSLContext.getDefault().getSocketFactory();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("the JVM has no default TLS context", e);
            }
        }
    }

    /** Delegates to the JVM's TLS sockets and switches Nagle off on every socket it hands out. */
    static final class NoDelaySocketFactory extends SSLSocketFactory {

        private final SSLSocketFactory delegate;

        NoDelaySocketFactory(SSLSocketFactory delegate) {
            this.delegate = delegate;
        }

        private static Socket noDelay(Socket socket) throws IOException {
            socket.setTcpNoDelay(true);
            return socket;
        }

        @Override
        public String[] getDefaultCipherSuites() {
            return delegate.getDefaultCipherSuites();
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return delegate.getSupportedCipherSuites();
        }

        @Override
        public Socket createSocket() throws IOException {
            return noDelay(delegate.createSocket());
        }

        @Override
        public Socket createSocket(Socket socket, String host, int port, boolean autoClose) throws IOException {
            // HttpsURLConnection connects a plain socket itself, then layers TLS over it here.
            socket.setTcpNoDelay(true);
            return noDelay(delegate.createSocket(socket, host, port, autoClose));
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return noDelay(delegate.createSocket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return noDelay(delegate.createSocket(host, port, localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return noDelay(delegate.createSocket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return noDelay(delegate.createSocket(address, port, localAddress, localPort));
        }
    }
}
