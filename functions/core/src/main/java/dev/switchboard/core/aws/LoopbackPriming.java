package dev.switchboard.core.aws;

import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;

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
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Warms the JDK's HTTP connection code for priming: the SDK's own HTTP client ({@link AwsClients#httpClient()})
 * posts a form, as an EC2 call does, to a server this class runs on the loopback interface, in this
 * process. {@link TlsPriming}'s handshakes run in memory and never reach the socket, proxy-selection,
 * connect and keep-alive code every real connection goes through (TLS, or the plain HTTP of a key
 * endpoint); this does, without leaving the machine.
 *
 * <p>Nothing of it survives into a snapshot: each connection's last answer says {@code Connection: close}, so
 * the JDK's keep-alive cache is left empty; the server socket is closed and its thread has ended before this
 * returns.
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
     * second answer closes it. Returns how many requests the server read on each connection it accepted.
     */
    static List<Integer> run(int connections) {
        List<Integer> requestsPerConnection = new CopyOnWriteArrayList<>();
        try (ServerSocket server = new ServerSocket(0, connections, InetAddress.getLoopbackAddress());
             SdkHttpClient http = AwsClients.httpClient()) {
            server.setSoTimeout(TIMEOUT_MILLIS);
            Thread answering = new Thread(() -> answer(server, connections, requestsPerConnection), "priming-loopback");
            answering.setDaemon(true);
            answering.start();
            for (int i = 0; i < connections * REQUESTS_PER_CONNECTION; i++) {
                int status = post(http, server.getLocalPort());
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

    private static int post(SdkHttpClient http, int port) throws IOException {
        SdkHttpFullRequest request = SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.POST).protocol("http").host("127.0.0.1").port(port).encodedPath("/")
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
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                return Integer.parseInt(line.substring("content-length:".length()).trim());
            }
        }
        return 0;
    }
}
