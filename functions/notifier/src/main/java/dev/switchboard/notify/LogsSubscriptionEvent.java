package dev.switchboard.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.core.http.SwitchboardException;
import dev.switchboard.core.json.Json;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * What a CloudWatch Logs subscription filter hands a Lambda function: {@code {"awslogs":{"data":"..."}}}, where
 * {@code data} is base64 of gzip of {@code {"messageType","owner","logGroup","logStream","subscriptionFilters",
 * "logEvents":[{"id","timestamp","message"}]}}. {@code CONTROL_MESSAGE} is CloudWatch Logs checking that the
 * destination is reachable and carries no log events to act on.
 *
 * <p>Every layer is read strictly (one JSON reader, duplicate keys refused) and anything else is refused with the
 * reason, before anything is published.
 *
 * @param messageType {@code DATA_MESSAGE} or {@code CONTROL_MESSAGE}
 * @param logGroup    the log group the lines come from
 * @param events      the log events, in order (empty for a control message)
 */
public record LogsSubscriptionEvent(String messageType, String logGroup, List<LogEvent> events) {

    public static final String DATA_MESSAGE = "DATA_MESSAGE";
    public static final String CONTROL_MESSAGE = "CONTROL_MESSAGE";
    /**
     * Bound on the unpacked data: CloudWatch Logs batches at most 1 MB of events, so 8 MB leaves room and stops a
     * small gzip bomb from filling the heap.
     */
    public static final int MAX_DATA_BYTES = 8 * 1024 * 1024;

    /** One log line as CloudWatch Logs delivers it. */
    public record LogEvent(String id, long timestamp, String message) {
    }

    public LogsSubscriptionEvent {
        events = List.copyOf(events);
    }

    public boolean isControl() {
        return CONTROL_MESSAGE.equals(messageType);
    }

    /** Reads the Lambda event (already parsed by the strict reader). */
    public static LogsSubscriptionEvent from(ObjectNode event) {
        JsonNode awslogs = event.get("awslogs");
        if (event.size() != 1 || awslogs == null || !awslogs.isObject() || awslogs.size() != 1
                || !awslogs.path("data").isTextual()) {
            throw new SwitchboardException(NotifyErrors.NOT_LOGS_EVENT);
        }
        byte[] gzip;
        try {
            gzip = Base64.getDecoder().decode(awslogs.get("data").asText());
        } catch (IllegalArgumentException e) {
            throw SwitchboardException.because(e, NotifyErrors.BAD_BASE64);
        }
        return parseData(Json.readObject(gunzip(gzip), NotifyText.THE_LOG_DATA));
    }

    private static byte[] gunzip(byte[] gzip) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            byte[] data = in.readNBytes(MAX_DATA_BYTES + 1);
            if (data.length > MAX_DATA_BYTES) {
                throw new SwitchboardException(NotifyErrors.DATA_TOO_LARGE, MAX_DATA_BYTES);
            }
            return data;
        } catch (IOException e) {
            // ZipException (not gzip, bad CRC) and EOFException (cut short) alike: the data is not a gzip stream.
            throw SwitchboardException.because(e, NotifyErrors.BAD_GZIP);
        }
    }

    private static LogsSubscriptionEvent parseData(ObjectNode data) {
        String type = text(data, "messageType");
        String logGroup = text(data, "logGroup");
        JsonNode logEvents = data.get("logEvents");
        if (logEvents == null || !logEvents.isArray()) {
            throw bad("logEvents must be a list");
        }
        if (!DATA_MESSAGE.equals(type) && !CONTROL_MESSAGE.equals(type)) {
            throw bad("messageType must be DATA_MESSAGE or CONTROL_MESSAGE");
        }
        List<LogEvent> events = new ArrayList<>();
        if (DATA_MESSAGE.equals(type)) {
            for (Iterator<JsonNode> it = logEvents.elements(); it.hasNext(); ) {
                JsonNode e = it.next();
                if (!e.isObject() || !e.path("id").isTextual() || !e.path("message").isTextual()
                        || !e.path("timestamp").canConvertToLong()) {
                    throw bad("each log event must have a text id, a numeric timestamp and a text message");
                }
                events.add(new LogEvent(e.get("id").asText(), e.get("timestamp").asLong(), e.get("message").asText()));
            }
        }
        return new LogsSubscriptionEvent(type, logGroup, events);
    }

    private static String text(ObjectNode data, String field) {
        JsonNode value = data.get(field);
        if (value == null || !value.isTextual()) {
            throw bad(field + " must be text");
        }
        return value.asText();
    }

    private static SwitchboardException bad(String why) {
        return new SwitchboardException(NotifyErrors.BAD_LOGS_DATA, why);
    }
}
