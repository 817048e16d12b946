package dev.switchboard.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.core.http.SwitchboardException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One audit line ({@code core.audit.AuditLog}) as the notifier reads it: only the fields a notification names,
 * each checked and made safe for chat. Nothing else of the line is kept, so a field that should never have been
 * there (a token, a header) cannot reach a message.
 *
 * <p>Values are cut to {@link #MAX_VALUE} characters, lists to {@link #MAX_ITEMS} items; control characters and
 * backticks (which would break the chat's markdown) are dropped, and anything shaped like a JWT is blanked.
 */
public record AuditLine(String eventId, String actor, String sourceIp, String action, String target, String result,
                        ObjectNode details) {

    public static final int MAX_VALUE = 200;
    public static final int MAX_ITEMS = 20;
    /** A JWT: its header segment always starts {@code eyJ} (base64url of an opening brace and a quote). */
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_=-]{4,}\\.[A-Za-z0-9_=-]+\\.[A-Za-z0-9_=-]*");
    private static final String[] REQUIRED = {"actor", "sourceIp", "action", "target", "result"};

    /** The audit line in {@code line}, or empty when it is another kind of line (not {@code "type":"audit"}). */
    static Optional<AuditLine> from(String eventId, ObjectNode line) {
        if (!line.path("type").isTextual() || !"audit".equals(line.get("type").asText())) {
            return Optional.empty();
        }
        for (String field : REQUIRED) {
            if (!line.path(field).isTextual() || line.get(field).asText().isBlank()) {
                throw new SwitchboardException(NotifyErrors.BAD_AUDIT_LINE, safe(eventId), field + " must be non-empty text");
            }
        }
        return Optional.of(new AuditLine(safe(eventId), safe(line.get("actor").asText()), safe(line.get("sourceIp").asText()),
                safe(line.get("action").asText()), safe(line.get("target").asText()), safe(line.get("result").asText()),
                line.deepCopy()));
    }

    /** A text detail, made safe; empty when absent or not text. */
    Optional<String> text(String field) {
        JsonNode v = details.get(field);
        return v != null && v.isTextual() ? Optional.of(safe(v.asText())) : Optional.empty();
    }

    /** A whole-number detail; empty when absent or not a number. */
    Optional<Long> number(String field) {
        return number(details, field);
    }

    /** A list-of-text detail, made safe; empty list when absent or not a list (non-text items are left out). */
    List<String> list(String field) {
        return list(details, field);
    }

    /** The object detail {@code field} (Connect's before/after); empty when absent or not an object. */
    Optional<ObjectNode> object(String field) {
        JsonNode v = details.get(field);
        return v instanceof ObjectNode o ? Optional.of(o) : Optional.empty();
    }

    static Optional<Long> number(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isIntegralNumber() && v.canConvertToLong() ? Optional.of(v.asLong()) : Optional.empty();
    }

    static List<String> list(JsonNode node, String field) {
        JsonNode v = node.get(field);
        List<String> out = new ArrayList<>();
        if (v != null && v.isArray()) {
            v.forEach(item -> {
                if (item.isTextual()) {
                    out.add(safe(item.asText()));
                }
            });
        }
        return List.copyOf(out);
    }

    /** Chat-safe text: no control characters or backticks, no JWT, at most {@link #MAX_VALUE} characters. */
    static String safe(String value) {
        String redacted = JWT.matcher(value).replaceAll("[redacted]");
        StringBuilder out = new StringBuilder(Math.min(redacted.length(), MAX_VALUE + 1));
        redacted.codePoints().filter(c -> !Character.isISOControl(c) && c != '`' && c != 0x2028 && c != 0x2029)
                .forEach(out::appendCodePoint);
        if (out.codePointCount(0, out.length()) <= MAX_VALUE) {
            return out.toString();
        }
        return out.substring(0, out.offsetByCodePoints(0, MAX_VALUE - 1)) + "…";
    }
}
