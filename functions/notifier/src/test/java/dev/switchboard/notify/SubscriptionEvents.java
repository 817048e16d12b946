package dev.switchboard.notify;

import dev.switchboard.core.json.Json;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Events shaped exactly as a CloudWatch Logs subscription filter delivers them to Lambda:
 * {@code {"awslogs":{"data": base64(gzip(json))}}} with {@code messageType}, {@code owner}, {@code logGroup},
 * {@code logStream}, {@code subscriptionFilters} and {@code logEvents} of {@code id} (a 56-digit number as text),
 * {@code timestamp} (epoch milliseconds) and {@code message} (the line the function printed).
 */
final class SubscriptionEvents {

    static final String OWNER = "123456789012";
    private static long nextId = 36_000_000_000_000L;

    private SubscriptionEvents() {
    }

    static String data(String logGroup, List<String> lines) {
        return wrap(json(LogsSubscriptionEvent.DATA_MESSAGE, logGroup, lines));
    }

    static String control() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("messageType", LogsSubscriptionEvent.CONTROL_MESSAGE);
        data.put("owner", "CloudwatchLogs");
        data.put("logGroup", "");
        data.put("logStream", "");
        data.put("subscriptionFilters", List.of());
        data.put("logEvents", List.of(Map.of("id", "", "timestamp", 1764800000000L,
                "message", "CWL CONTROL MESSAGE: Checking health of destination Lambda function.")));
        return wrap(Json.write(data));
    }

    static String json(String messageType, String logGroup, List<String> lines) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("messageType", messageType);
        data.put("owner", OWNER);
        data.put("logGroup", logGroup);
        data.put("logStream", "2026/12/03/[7]0123456789abcdef0123456789abcdef");
        data.put("subscriptionFilters", List.of("switchboard-audit-notifications"));
        List<Map<String, Object>> events = new ArrayList<>();
        for (String line : lines) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("id", nextId());
            e.put("timestamp", 1764800000000L);
            e.put("message", line);
            events.add(e);
        }
        data.put("logEvents", events);
        return Json.write(data);
    }

    /** {@code {"awslogs":{"data":...}}} around the given JSON text. */
    static String wrap(String json) {
        return "{\"awslogs\":{\"data\":\"" + Base64.getEncoder().encodeToString(gzip(json.getBytes(StandardCharsets.UTF_8)))
                + "\"}}";
    }

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static synchronized String nextId() {
        return String.format("%056d", nextId++);
    }
}
