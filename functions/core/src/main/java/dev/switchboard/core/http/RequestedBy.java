package dev.switchboard.core.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.core.text.CoreErrors;

import java.util.regex.Pattern;

/**
 * Who asked for a direct command ({@code "requestedBy"}), for the audit line. IAM already decided the
 * invoker may; this only keeps the audit trail readable: a name or e-mail, no markup or control characters.
 */
public final class RequestedBy {

    /** The actor and the source of a direct command that names nobody. */
    public static final String DIRECT_INVOKE = "direct-invoke";

    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{N}@._:+/ -]{1,128}");

    private RequestedBy() {
    }

    /** The trimmed {@code requestedBy} of a command; {@link #DIRECT_INVOKE} when absent, null or blank. */
    public static String of(JsonNode command) {
        JsonNode node = command.get("requestedBy");
        if (node == null || node.isNull() || (node.isTextual() && node.textValue().isBlank())) {
            return DIRECT_INVOKE;
        }
        if (!node.isTextual() || !ALLOWED.matcher(node.textValue().trim()).matches()) {
            throw new SwitchboardException(CoreErrors.INVALID_REQUESTED_BY);
        }
        return node.textValue().trim();
    }
}
