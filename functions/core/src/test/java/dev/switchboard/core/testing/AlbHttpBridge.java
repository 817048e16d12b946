package dev.switchboard.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.switchboard.core.json.Json;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A small stand-in for the ALB in front of Lambda targets: turns a browser's HTTP request into an ALB
 * event (lower-case headers, raw query values, base64 body, a freshly signed {@code x-amzn-oidc-data}),
 * picks the target by path prefix the way listener rules do, runs the handler in-process and writes its
 * ALB response back. Incoming {@code x-amzn-oidc-*} headers are dropped, as ALB does.
 */
public final class AlbHttpBridge implements AutoCloseable {

    /** Supplies the signed token for a request, or empty when nobody is signed in. */
    @FunctionalInterface
    public interface Identity {
        Optional<String> tokenFor(Map<String, String> lowerCaseHeaders);
    }

    /** A listener rule: requests whose path starts with {@code pathPrefix} go to {@code handler}. */
    public record Target(String pathPrefix, Function<InputStream, Object> handler) {
    }

    private final HttpServer server;
    private final Identity identity;
    private final List<Target> targets;
    private final String signInPath;

    private AlbHttpBridge(HttpServer server, Identity identity, List<Target> targets, String signInPath) {
        this.server = server;
        this.identity = identity;
        this.signInPath = signInPath;
        List<Target> sorted = new ArrayList<>(targets);
        sorted.sort(Comparator.comparingInt((Target t) -> t.pathPrefix().length()).reversed());
        this.targets = List.copyOf(sorted);
    }

    /** Starts on 127.0.0.1 ({@code port} 0 picks a free one). */
    public static AlbHttpBridge start(int port, Identity identity, List<Target> targets) {
        return start(port, identity, targets, null);
    }

    /**
     * Like {@link #start(int, Identity, List)}, but a request with nobody signed in is redirected to
     * {@code signInPath}, as {@code authenticate-cognito} redirects to the Cognito hosted UI.
     */
    public static AlbHttpBridge start(int port, Identity identity, List<Target> targets, String signInPath) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
            AlbHttpBridge bridge = new AlbHttpBridge(server, identity, targets, signInPath);
            server.createContext("/", bridge::handle);
            server.setExecutor(Executors.newFixedThreadPool(8));
            server.start();
            return bridge;
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on port " + port, e);
        }
    }

    /** Adds a path served directly (e.g. a sign-in page); more specific than the Lambda targets. */
    public void serve(String path, com.sun.net.httpserver.HttpHandler handler) {
        server.createContext(path, handler);
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            Optional<Target> target = targets.stream().filter(t -> path.startsWith(t.pathPrefix())).findFirst();
            if (target.isEmpty()) {
                send(exchange, 404, Map.of("content-type", "text/plain"), "no listener rule for " + path);
                return;
            }
            ObjectNode event = toAlbEvent(exchange);
            if (signInPath != null && !event.path("headers").has("x-amzn-oidc-data")) {
                String query = exchange.getRequestURI().getRawQuery();
                String back = exchange.getRequestURI().getRawPath() + (query == null ? "" : "?" + query);
                send(exchange, 302, Map.of("location", signInPath + "?return="
                        + java.net.URLEncoder.encode(back, StandardCharsets.UTF_8)), "");
                return;
            }
            Object answer = target.get().handler().apply(
                    new ByteArrayInputStream(Json.write(event).getBytes(StandardCharsets.UTF_8)));
            JsonNode response = Json.mapper().valueToTree(answer);
            Map<String, String> headers = new TreeMap<>();
            response.path("headers").fields().forEachRemaining(e -> headers.put(e.getKey(), e.getValue().asText()));
            String body = response.path("body").asText("");
            byte[] bytes = response.path("isBase64Encoded").asBoolean(false)
                    ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
            send(exchange, response.path("statusCode").asInt(502), headers, bytes);
        } catch (RuntimeException e) {
            send(exchange, 502, Map.of("content-type", "text/plain"), "502 Bad Gateway: the target failed");
        }
    }

    private ObjectNode toAlbEvent(HttpExchange exchange) throws IOException {
        ObjectNode event = Json.mapper().createObjectNode();
        event.putObject("requestContext").putObject("elb").put("targetGroupArn", AlbEvents.TARGET_GROUP_ARN);
        event.put("httpMethod", exchange.getRequestMethod());
        event.put("path", exchange.getRequestURI().getRawPath());
        ObjectNode query = event.putObject("queryStringParameters");
        String rawQuery = exchange.getRequestURI().getRawQuery();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                String key = eq < 0 ? pair : pair.substring(0, eq);
                if (!key.isEmpty() && !query.has(key)) {
                    query.put(key, eq < 0 ? "" : pair.substring(eq + 1));
                }
            }
        }
        Map<String, String> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!lower.startsWith("x-amzn-oidc-") && !values.isEmpty()) {
                headers.put(lower, values.get(0));
            }
        });
        headers.put("x-forwarded-for", exchange.getRemoteAddress().getAddress().getHostAddress());
        headers.put("x-forwarded-proto", "http");
        headers.put("x-forwarded-port", String.valueOf(server.getAddress().getPort()));
        identity.tokenFor(headers).ifPresent(token -> headers.put("x-amzn-oidc-data", token));
        ObjectNode h = event.putObject("headers");
        headers.forEach(h::put);
        byte[] body = exchange.getRequestBody().readAllBytes();
        event.put("body", body.length == 0 ? "" : Base64.getEncoder().encodeToString(body));
        event.put("isBase64Encoded", body.length > 0);
        return event;
    }

    private static void send(HttpExchange exchange, int status, Map<String, String> headers, String body)
            throws IOException {
        send(exchange, status, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, Map<String, String> headers, byte[] body)
            throws IOException {
        headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
