package dev.switchboard.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.core.json.Json;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds ALB → Lambda request events in the shape ALB sends them (lower-case header names, raw query
 * values, form bodies base64-encoded), for tests and the dev server.
 */
public final class AlbEvents {

    public static final String TARGET_GROUP_ARN =
            "arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:targetgroup/switchboard-portal/0123456789abcdef";

    private final String method;
    private final String path;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final Map<String, String> query = new LinkedHashMap<>();
    private String body = "";
    private boolean base64;

    private AlbEvents(String method, String path) {
        this.method = method;
        this.path = path;
        headers.put("host", "vpn.example.com");
        headers.put("x-forwarded-for", "203.0.113.7");
        headers.put("x-forwarded-proto", "https");
        headers.put("x-forwarded-port", "443");
        headers.put("user-agent", "Mozilla/5.0 (switchboard-test)");
    }

    public static AlbEvents get(String path) {
        return new AlbEvents("GET", path);
    }

    public static AlbEvents post(String path) {
        return new AlbEvents("POST", path);
    }

    public AlbEvents header(String name, String value) {
        headers.put(name.toLowerCase(java.util.Locale.ROOT), value);
        return this;
    }

    public AlbEvents withoutHeader(String name) {
        headers.remove(name.toLowerCase(java.util.Locale.ROOT));
        return this;
    }

    /** The {@code x-amzn-oidc-data} token, as ALB adds it after Cognito sign-in. */
    public AlbEvents token(String token) {
        return header("x-amzn-oidc-data", token);
    }

    /** A raw (not URL-decoded) query value, as ALB passes it. */
    public AlbEvents query(String name, String rawValue) {
        query.put(name, rawValue);
        return this;
    }

    /** A browser form post: ALB base64-encodes the body. Values are URL-encoded here. */
    public AlbEvents form(Map<String, String> fields) {
        StringBuilder text = new StringBuilder();
        fields.forEach((k, v) -> {
            if (text.length() > 0) {
                text.append('&');
            }
            text.append(java.net.URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                    .append(java.net.URLEncoder.encode(v, StandardCharsets.UTF_8));
        });
        header("content-type", "application/x-www-form-urlencoded");
        body = Base64.getEncoder().encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
        base64 = true;
        return this;
    }

    public AlbEvents json(String jsonText) {
        header("content-type", "application/json");
        body = jsonText;
        base64 = false;
        return this;
    }

    public AlbEvents rawBody(String text, boolean isBase64) {
        body = text;
        base64 = isBase64;
        return this;
    }

    public ObjectNode toJson() {
        ObjectNode event = Json.mapper().createObjectNode();
        event.putObject("requestContext").putObject("elb").put("targetGroupArn", TARGET_GROUP_ARN);
        event.put("httpMethod", method);
        event.put("path", path);
        ObjectNode q = event.putObject("queryStringParameters");
        query.forEach(q::put);
        ObjectNode h = event.putObject("headers");
        headers.forEach(h::put);
        event.put("body", body);
        event.put("isBase64Encoded", base64);
        return event;
    }

    public InputStream toStream() {
        return new ByteArrayInputStream(Json.write(toJson()).getBytes(StandardCharsets.UTF_8));
    }

    /** Reads what a handler wrote as an ALB response. */
    public static JsonNode response(byte[] output) {
        try {
            return Json.mapper().readTree(output);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
