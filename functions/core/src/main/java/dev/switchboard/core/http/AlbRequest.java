package dev.switchboard.core.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.core.identity.AsciiCase;
import dev.switchboard.core.json.Json;
import dev.switchboard.core.text.CoreErrors;
import dev.switchboard.core.text.CoreText;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A view over an ALB → Lambda request event. Header names are lower-cased (ALB already sends them so,
 * tests and the dev server may not); query values are URL-decoded here because ALB passes them raw;
 * a base64 body is decoded. Anything over {@link #MAX_BODY_BYTES} is refused with 413.
 */
public final class AlbRequest {

    /** ALB refuses Lambda requests and responses over 1 MB; we refuse earlier, before parsing. */
    public static final int MAX_BODY_BYTES = 1024 * 1024;

    private final String method;
    private final String path;
    private final Map<String, String> headers;
    private final Map<String, String> query;
    private final byte[] body;

    private AlbRequest(String method, String path, Map<String, String> headers, Map<String, String> query, byte[] body) {
        this.method = method;
        this.path = path;
        this.headers = headers;
        this.query = query;
        this.body = body;
    }

    /** True when the event is an ALB target request rather than a direct command. */
    public static boolean isAlbEvent(JsonNode event) {
        return event != null && event.path("requestContext").has("elb");
    }

    public static AlbRequest from(JsonNode event) {
        String method = AsciiCase.upper(event.path("httpMethod").asText("GET"));
        String path = event.path("path").asText("/");
        Map<String, String> headers = new LinkedHashMap<>();
        event.path("headers").fields().forEachRemaining(e ->
                headers.put(AsciiCase.lower(e.getKey()), e.getValue().asText()));
        // With multi-value headers enabled on the target group, ALB sends these instead.
        event.path("multiValueHeaders").fields().forEachRemaining(e -> {
            if (e.getValue().isArray() && !e.getValue().isEmpty()) {
                headers.putIfAbsent(AsciiCase.lower(e.getKey()), e.getValue().get(0).asText());
            }
        });
        Map<String, String> query = new LinkedHashMap<>();
        event.path("queryStringParameters").fields().forEachRemaining(e ->
                query.put(decode(e.getKey()), decode(e.getValue().asText())));
        event.path("multiValueQueryStringParameters").fields().forEachRemaining(e -> {
            if (e.getValue().isArray() && !e.getValue().isEmpty()) {
                query.putIfAbsent(decode(e.getKey()), decode(e.getValue().get(0).asText()));
            }
        });
        String rawBody = event.path("body").isTextual() ? event.path("body").asText() : "";
        boolean base64 = event.path("isBase64Encoded").asBoolean(false);
        // Base64 inflates by 4/3: check the encoded length first so a huge body is never decoded.
        long limit = base64 ? (MAX_BODY_BYTES + 2L) / 3 * 4 + 4 : MAX_BODY_BYTES;
        if (rawBody.length() > limit) {
            throw new SwitchboardException(CoreErrors.PAYLOAD_TOO_LARGE);
        }
        byte[] body;
        try {
            body = base64 ? Base64.getMimeDecoder().decode(rawBody) : rawBody.getBytes(StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new SwitchboardException(CoreErrors.MALFORMED_BODY);
        }
        if (body.length > MAX_BODY_BYTES) {
            throw new SwitchboardException(CoreErrors.PAYLOAD_TOO_LARGE);
        }
        return new AlbRequest(method, path, Map.copyOf(headers), Map.copyOf(query), body);
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new SwitchboardException(CoreErrors.MALFORMED_QUERY);
        }
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(AsciiCase.lower(name)));
    }

    public Optional<String> query(String name) {
        return Optional.ofNullable(query.get(name));
    }

    public Map<String, String> queryParameters() {
        return query;
    }

    public byte[] body() {
        return body.clone();
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The body as one JSON object, read by the one strict reader: a duplicate key or trailing text is a 400. */
    public ObjectNode jsonObject() {
        return Json.readObject(body, CoreText.THE_REQUEST_BODY);
    }

    public boolean isJsonBody() {
        return header("content-type").map(t -> AsciiCase.lower(t).startsWith("application/json")).orElse(false);
    }

    /**
     * The fields of an {@code application/x-www-form-urlencoded} body. A repeated field keeps its first
     * value. Malformed encodings are a 400.
     */
    public Map<String, String> form() {
        Map<String, String> fields = new LinkedHashMap<>();
        String text = bodyText();
        if (text.isEmpty()) {
            return Map.of();
        }
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            fields.putIfAbsent(key, value);
        }
        return Map.copyOf(fields);
    }

    /** Content negotiation: scripts ask for JSON with {@code Accept: application/json}. */
    public boolean wantsJson() {
        String accept = AsciiCase.lower(header("accept").orElse(""));
        return accept.contains("application/json") && !accept.contains("text/html");
    }

    /**
     * Whether a state-changing request came from one of our own pages. The check and our
     * {@code Referrer-Policy: same-origin} (see {@link AlbResponse}) are chosen together: under that policy the
     * Fetch standard has a browser send the real {@code Origin} on a same-origin form POST and {@code Origin: null}
     * on a cross-origin one. (Under {@code no-referrer}, which we used before, every form POST says {@code null},
     * so no real browser could ever pass.)
     * <ol>
     *   <li>{@code Sec-Fetch-Site}, which every current browser sends, must be {@code same-origin} when present.</li>
     *   <li>{@code Origin}, when present, must be our whole origin: the scheme ALB forwards in
     *       {@code X-Forwarded-Proto} (its listener's; https when absent), the {@code Host}, and the port, with
     *       the scheme's default port left out as browsers serialise it. {@code null} (sandboxed frames,
     *       cross-origin redirects) never matches, nor does userinfo, a path, another scheme or another port.</li>
     *   <li>With neither header the caller is not a browser (curl, a script): it only gets this far with the
     *       person's own ALB session cookie, so it acts for that person.</li>
     * </ol>
     */
    public boolean isFromOwnPage() {
        Optional<String> site = header("sec-fetch-site");
        if (site.isPresent() && !AsciiCase.equalsIgnoreCase(site.get().trim(), "same-origin")) {
            return false;
        }
        Optional<String> origin = header("origin");
        if (origin.isEmpty()) {
            return true;
        }
        String scheme = header("x-forwarded-proto").orElse("https").trim();
        Optional<String> ours = canonicalOrigin(scheme + "://" + header("host").orElse("").trim());
        Optional<String> theirs = canonicalOrigin(origin.get().trim());
        return ours.isPresent() && ours.equals(theirs);
    }

    /** Refuses (403 {@code cross_site}) a state change that did not come from one of our own pages. */
    public void requireFromOwnPage() {
        if (!isFromOwnPage()) {
            throw new SwitchboardException(CoreErrors.CROSS_SITE);
        }
    }

    /** An ASCII host name, IPv4 address or bracketed IPv6 address, and a port: nothing else is in an origin. */
    private static final Pattern ORIGIN = Pattern.compile(
            "((?i:https?))://([A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?|\\[[0-9A-Fa-f:.]{2,45}\\])(?::([0-9]{1,5}))?");

    /**
     * {@code scheme://host[:port]} as browsers serialise an origin (ASCII lower case, the default port left
     * out), or empty for anything else: {@code null}, userinfo, a path, a query, a non-web scheme.
     */
    static Optional<String> canonicalOrigin(String text) {
        Matcher m = ORIGIN.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        String scheme = AsciiCase.lower(m.group(1));
        String host = AsciiCase.lower(m.group(2));
        String port = m.group(3);
        boolean defaultPort = port == null || (scheme.equals("https") && port.equals("443"))
                || (scheme.equals("http") && port.equals("80"));
        return Optional.of(scheme + "://" + host + (defaultPort ? "" : ":" + Integer.parseInt(port)));
    }

    /**
     * Whether the answer should be JSON: the client asked for it, or posted JSON (a script that posts JSON
     * reads JSON back, whatever its Accept header says).
     */
    public boolean answersInJson() {
        return wantsJson() || isJsonBody();
    }

    /** The {@code Accept-Language} header, or empty. */
    public String acceptLanguage() {
        return header("accept-language").orElse("");
    }
}
