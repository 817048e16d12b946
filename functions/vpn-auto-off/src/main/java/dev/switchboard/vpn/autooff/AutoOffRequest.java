package dev.switchboard.vpn.autooff;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.core.http.AlbRequest;
import dev.switchboard.core.http.SwitchboardException;

import java.util.Iterator;
import java.util.Set;

/**
 * One auto-off run as asked for by its event.
 *
 * <p>Two shapes are accepted. EventBridge Scheduler delivers the schedule's {@code Input} verbatim, so the
 * direct shape is {@code {"mode":"force|idle","dryRun":true|false}} (both optional). A classic EventBridge
 * rule delivers a {@code "detail-type":"Scheduled Event"} envelope; the same two fields are read from its
 * {@code detail}. A missing mode means {@code idle}: it is the mode that never cuts anyone off, so an empty
 * or forgotten input cannot end live sessions. Unknown fields are refused rather than ignored, because a
 * misspelt {@code dryrun} silently ignored would turn a rehearsal into a real turn-off.
 *
 * @param trigger {@code direct} or {@code scheduled-event}, for the log
 */
public record AutoOffRequest(AutoOffMode mode, boolean dryRun, String trigger) {

    public static final String DIRECT = "direct";
    public static final String SCHEDULED_EVENT = "scheduled-event";

    private static final String USAGE = "Send {\"mode\":\"force\"|\"idle\",\"dryRun\":true|false}.";
    /** Scheduler context attributes a schedule's Input may carry (<aws.scheduler.*>); accepted and not used. */
    private static final Set<String> DIRECT_FIELDS = Set.of("mode", "dryRun",
            "scheduleArn", "scheduledTime", "executionId", "attemptNumber");
    private static final Set<String> DETAIL_FIELDS = Set.of("mode", "dryRun");
    private static final Set<String> ENVELOPE_FIELDS = Set.of("version", "id", "detail-type", "source", "account",
            "time", "region", "resources", "detail");

    /** Reads the event; anything it cannot read exactly is a 400 and nothing runs. */
    public static AutoOffRequest parse(JsonNode event) {
        if (event == null || !event.isObject()) {
            throw SwitchboardException.badRequest("malformed_event", "The event must be a JSON object. " + USAGE);
        }
        if (AlbRequest.isAlbEvent(event)) {
            throw SwitchboardException.badRequest("alb_not_supported",
                    "This function is not behind the load balancer: it takes scheduled or direct events only.");
        }
        if (event.has("detail-type")) {
            if (!"Scheduled Event".equals(event.path("detail-type").asText(null))
                    || !"aws.events".equals(event.path("source").asText(null))) {
                throw SwitchboardException.badRequest("unsupported_event",
                        "Only EventBridge \"Scheduled Event\" events from aws.events are accepted. " + USAGE);
            }
            rejectUnknown(event, ENVELOPE_FIELDS);
            JsonNode detail = event.get("detail");
            if (detail == null || detail.isNull()) {
                return new AutoOffRequest(AutoOffMode.IDLE, false, SCHEDULED_EVENT);
            }
            if (!detail.isObject()) {
                throw SwitchboardException.badRequest("malformed_event", "The event's detail must be a JSON object.");
            }
            rejectUnknown(detail, DETAIL_FIELDS);
            return new AutoOffRequest(mode(detail), dryRun(detail), SCHEDULED_EVENT);
        }
        rejectUnknown(event, DIRECT_FIELDS);
        return new AutoOffRequest(mode(event), dryRun(event), DIRECT);
    }

    private static AutoOffMode mode(JsonNode node) {
        JsonNode mode = node.get("mode");
        if (mode == null) {
            return AutoOffMode.IDLE;
        }
        if (!mode.isTextual()) {
            throw invalidMode();
        }
        return AutoOffMode.parse(mode.asText()).orElseThrow(AutoOffRequest::invalidMode);
    }

    private static SwitchboardException invalidMode() {
        return SwitchboardException.badRequest("invalid_mode", "mode must be \"force\" or \"idle\".");
    }

    private static boolean dryRun(JsonNode node) {
        JsonNode dryRun = node.get("dryRun");
        if (dryRun == null) {
            return false;
        }
        if (!dryRun.isBoolean()) {
            throw SwitchboardException.badRequest("invalid_dry_run", "dryRun must be true or false (a JSON boolean).");
        }
        return dryRun.booleanValue();
    }

    private static void rejectUnknown(JsonNode node, Set<String> allowed) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                String shown = name.length() > 40 ? name.substring(0, 40) + "…" : name;
                throw SwitchboardException.badRequest("unknown_field", "Unknown field \"" + shown + "\". " + USAGE);
            }
        }
    }
}
