package dev.switchboard.core.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for the regional ALB key endpoint on {@code 127.0.0.1:<free port>}: {@code GET /<kid>} answers the
 * PEM registered with {@link #put}, or misbehaves as the {@link Mode} says. Counts requests so tests can assert
 * caching and that refused kids never reach it.
 */
public final class PublicKeyServer implements AutoCloseable {

    public enum Mode {
        /** 200 with the registered PEM, 404 for an unknown kid. */
        SERVE,
        /** 404 for every kid. */
        NOT_FOUND,
        /** 200 with a body that is not PEM. */
        GARBAGE,
        /** 200 with the PEM of an RSA public key. */
        RSA_KEY,
        /** Accepts, then answers nothing for {@link #hangFor} (longer than any client timeout). */
        HANG,
        /** 500. */
        SERVER_ERROR,
        /** 200 and a body of one byte every 200 ms, each read well within any read timeout (slow-loris). */
        DRIP
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, String> pems = new ConcurrentHashMap<>();
    private final List<String> paths = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile Mode mode = Mode.SERVE;
    private volatile Duration hangFor = Duration.ofSeconds(30);
    /**
     * Made once, before any request: RSA key generation inside the handler took longer than the client's read
     * timeout on a loaded machine, turning the "not an EC key" answer into a timeout (503).
     */
    private static final String RSA_PEM = AlbTokenSigner.pem(AlbTokenSigner.newRsaKeyPair().getPublic());

    private PublicKeyServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "public-key-server");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public static PublicKeyServer start() {
        try {
            return new PublicKeyServer();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A server that serves this signer's key. */
    public static PublicKeyServer serving(AlbTokenSigner signer) {
        PublicKeyServer s = start();
        s.put(signer.kid(), signer.publicKeyPem());
        return s;
    }

    /** An http URL on 127.0.0.1 where nothing listens (a port just freed). */
    public static URI unreachableUrl() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public PublicKeyServer put(String kid, String pem) {
        pems.put(kid, pem);
        return this;
    }

    public PublicKeyServer mode(Mode mode) {
        this.mode = mode;
        return this;
    }

    public PublicKeyServer hangFor(Duration duration) {
        this.hangFor = duration;
        return this;
    }

    public int requestCount() {
        return requests.get();
    }

    /** The request paths, in order, e.g. {@code /0b8e…}. */
    public List<String> requestedPaths() {
        return List.copyOf(paths);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.incrementAndGet();
            paths.add(exchange.getRequestURI().getRawPath());
            String kid = exchange.getRequestURI().getRawPath().substring(1);
            switch (mode) {
                case SERVE -> {
                    String pem = pems.get(kid);
                    if (pem == null) {
                        send(exchange, 404, "<Error><Code>NoSuchKey</Code></Error>");
                    } else {
                        send(exchange, 200, pem);
                    }
                }
                case NOT_FOUND -> send(exchange, 404, "<Error><Code>NoSuchKey</Code></Error>");
                case GARBAGE -> send(exchange, 200, "<html><body>not a key</body></html>");
                case RSA_KEY -> send(exchange, 200, RSA_PEM);
                case SERVER_ERROR -> send(exchange, 500, "internal error");
                case DRIP -> drip(exchange);
                case HANG -> {
                    try {
                        Thread.sleep(hangFor.toMillis());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        }
    }

    private void drip(HttpExchange exchange) throws IOException {
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            long until = System.nanoTime() + hangFor.toNanos();
            while (System.nanoTime() < until) {
                out.write('-');
                out.flush();
                Thread.sleep(200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException clientGone) {
            // the client gave up: that is the point
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.US_ASCII);
        exchange.getResponseHeaders().set("Content-Type", status == 200 ? "application/x-pem-file" : "text/plain");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
