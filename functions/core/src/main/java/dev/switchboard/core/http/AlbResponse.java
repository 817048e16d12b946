package dev.switchboard.core.http;

import dev.switchboard.core.json.Json;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A response in the shape ALB expects from a Lambda target: {@code statusCode},
 * {@code statusDescription} such as {@code 200 OK}, single-value {@code headers}, a text body.
 */
public record AlbResponse(int statusCode, String statusDescription, Map<String, String> headers, String body,
                          boolean isBase64Encoded) {

    public AlbResponse {
        // Every response, however it was built (a factory below, withHeader, or this constructor directly, as an
        // error path might), carries the one HSTS value: the ALB listener cannot add it (issue 13.5).
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(STRICT_TRANSPORT_SECURITY_HEADER, STRICT_TRANSPORT_SECURITY);
        headers = Map.copyOf(h);
    }

    static final String STRICT_TRANSPORT_SECURITY_HEADER = "strict-transport-security";

    /** One year: browsers remember to use HTTPS only; long enough to matter, renewed by every response. */
    static final String STRICT_TRANSPORT_SECURITY = "max-age=31536000";

    /**
     * Headers every response carries: nothing is cached, sniffed or framed.
     * <ul>
     *   <li>{@code Referrer-Policy: same-origin}: no Referer leaves for another site, and the browser still sends
     *       our real {@code Origin} on our own form posts, which {@link AlbRequest#isFromOwnPage()} requires
     *       ({@code no-referrer} makes every form post say {@code Origin: null}).</li>
     *   <li>{@code Strict-Transport-Security}: the ALB's listener cannot add it, so we do. Without
     *       {@code includeSubDomains}: the host name may sit under a company domain whose other hosts are not
     *       ours to force onto HTTPS. Browsers ignore it over plain HTTP (the dev server).</li>
     * </ul>
     */
    static Map<String, String> baseHeaders(String contentType) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("content-type", contentType);
        h.put("cache-control", "no-store");
        h.put("x-content-type-options", "nosniff");
        h.put("referrer-policy", "same-origin");
        h.put("x-frame-options", "DENY");
        h.put(STRICT_TRANSPORT_SECURITY_HEADER, STRICT_TRANSPORT_SECURITY);
        return h;
    }

    public static AlbResponse json(int status, Object body) {
        Map<String, String> h = baseHeaders("application/json; charset=utf-8");
        h.put("content-security-policy", "default-src 'none'; frame-ancestors 'none'");
        return new AlbResponse(status, describe(status), h, Json.write(body), false);
    }

    public static AlbResponse html(int status, String html, String contentSecurityPolicy) {
        Map<String, String> h = baseHeaders("text/html; charset=utf-8");
        h.put("content-security-policy", contentSecurityPolicy);
        return new AlbResponse(status, describe(status), h, html, false);
    }

    /** 303 See Other: after a form POST, the browser GETs the page again (no resubmission on reload). */
    public static AlbResponse seeOther(String location) {
        Map<String, String> h = baseHeaders("text/plain; charset=utf-8");
        h.put("location", location);
        return new AlbResponse(303, describe(303), h, "", false);
    }

    public AlbResponse withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new AlbResponse(statusCode, statusDescription, h, body, isBase64Encoded);
    }

    /**
     * The response as Lambda hands it to ALB, named and ordered as Jackson writes the record, built without
     * Jackson's mapper (see {@code Json}).
     */
    Map<String, Object> wireFields() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("statusCode", statusCode);
        out.put("statusDescription", statusDescription);
        out.put("headers", headers);
        out.put("body", body);
        out.put("isBase64Encoded", isBase64Encoded);
        return out;
    }

    public int bodyBytes() {
        return body.getBytes(StandardCharsets.UTF_8).length;
    }

    public static String describe(int status) {
        return status + " " + switch (status) {
            case 200 -> "OK";
            case 201 -> "Created";
            case 202 -> "Accepted";
            case 204 -> "No Content";
            case 302 -> "Found";
            case 303 -> "See Other";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 409 -> "Conflict";
            case 413 -> "Payload Too Large";
            case 415 -> "Unsupported Media Type";
            case 500 -> "Internal Server Error";
            case 501 -> "Not Implemented";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "Status";
        };
    }
}
