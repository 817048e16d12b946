package dev.switchboard.core.aws;

import dev.switchboard.core.identity.AsciiCase;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Warms the JDK's HTTP connection code for priming: the SDK's HTTP client (URL connections with Nagle off,
 * as {@link AwsClients#httpClient()} builds it) posts a form, as an EC2 call does, to a server this class runs
 * on the loopback interface, in this process: over plain HTTP (the key endpoint's kind locally), then over
 * HTTPS. {@link TlsPriming}'s handshakes run in memory and never reach the socket, proxy-selection, connect,
 * TLS-socket and keep-alive code every real connection goes through; this does, without leaving the machine.
 *
 * <p>Nothing of it survives into a snapshot: the HTTPS side uses throw-away TLS contexts
 * ({@link TlsPriming.Contexts}), never the JVM's default one, so no session reaches real connections; each
 * connection's last answer says {@code Connection: close}, so the JDK's keep-alive cache is left empty; the
 * server socket is closed and its thread has ended before this returns.
 */
final class LoopbackPriming {

    private static final byte[] FORM = "Action=DescribeClientVpnEndpoints&Version=2016-11-15"
            .getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ANSWER = "<DescribeClientVpnEndpointsResponse/>".getBytes(StandardCharsets.US_ASCII);
    private static final int TIMEOUT_MILLIS = 2_000;
    private static final int REQUESTS_PER_CONNECTION = 2;

    private LoopbackPriming() {
    }

    /**
     * Makes two requests on each of {@code connections} connections: the first answer keeps the connection
     * alive, so the second request reuses it from the JDK's keep-alive cache (as a warm call does), and the
     * second answer closes it; plain HTTP first, then HTTPS. Returns how many requests the server read on each
     * connection it accepted.
     */
    static List<Integer> run(int connections) {
        List<Integer> requestsPerConnection = new ArrayList<>(run(connections, null));
        requestsPerConnection.addAll(run(connections, TlsPriming.Contexts.create()));
        return requestsPerConnection;
    }

    /** Over plain HTTP, or, with {@code tls}, over HTTPS on throw-away contexts (the default one is not used). */
    private static List<Integer> run(int connections, TlsPriming.Contexts tls) {
        List<Integer> requestsPerConnection = new CopyOnWriteArrayList<>();
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (ServerSocket server = tls == null ? new ServerSocket(0, connections, loopback)
                : tls.server().getServerSocketFactory().createServerSocket(0, connections, loopback);
             SdkHttpClient http = UrlConnectionHttpClient.create(new NoDelayConnections(AwsClients.CONNECT_TIMEOUT,
                     AwsClients.SOCKET_TIMEOUT, tls == null ? null : tls.client().getSocketFactory()))) {
            server.setSoTimeout(TIMEOUT_MILLIS);
            Thread answering = new Thread(() -> answer(server, connections, requestsPerConnection), "priming-loopback");
            answering.setDaemon(true);
            answering.start();
            for (int i = 0; i < connections * REQUESTS_PER_CONNECTION; i++) {
                int status = post(http, tls == null ? "http" : "https", server.getLocalPort());
                if (status != 200) {
                    throw new IllegalStateException("loopback answered " + status);
                }
            }
            answering.join(TIMEOUT_MILLIS);
            return List.copyOf(requestsPerConnection);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while priming", e);
        }
    }

    private static int post(SdkHttpClient http, String protocol, int port) throws IOException {
        SdkHttpFullRequest request = SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.POST).protocol(protocol).host("127.0.0.1").port(port).encodedPath("/")
                .putHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .putHeader("Content-Length", Integer.toString(FORM.length))
                .build();
        HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder().request(request)
                .contentStreamProvider(() -> new ByteArrayInputStream(FORM)).build()).call();
        if (response.responseBody().isPresent()) {
            try (InputStream body = response.responseBody().get()) {
                body.readAllBytes();
            }
        }
        return response.httpResponse().statusCode();
    }

    /** Accepts {@code connections} connections and answers two requests on each, closing it with the second. */
    private static void answer(ServerSocket server, int connections, List<Integer> requestsPerConnection) {
        for (int i = 0; i < connections; i++) {
            try (Socket connection = server.accept()) {
                connection.setSoTimeout(TIMEOUT_MILLIS);
                InputStream in = connection.getInputStream();
                OutputStream out = connection.getOutputStream();
                int read = 0;
                while (read < REQUESTS_PER_CONNECTION) {
                    in.readNBytes(contentLength(head(in)));
                    read++;
                    String close = read == REQUESTS_PER_CONNECTION ? "Connection: close\r\n" : "";
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/xml;charset=UTF-8\r\nContent-Length: "
                            + ANSWER.length + "\r\n" + close + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(ANSWER);
                    out.flush();
                }
                requestsPerConnection.add(read);
            } catch (IOException e) {
                return;
            }
        }
    }

    private static String head(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed in the request head");
            }
            head.write(b);
            matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (AsciiCase.lower(line).startsWith("content-length:")) {
                return Integer.parseInt(line.substring("content-length:".length()).trim());
            }
        }
        return 0;
    }
}
