package dev.switchboard.notify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.core.http.SwitchboardException;
import dev.switchboard.core.json.Json;
import dev.switchboard.core.log.JsonLog;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One subscription event in, one chat message out per audit line. Every line is read and every message written
 * before the first is published, so an event with a line that cannot be read publishes nothing. A line that is
 * not an audit line (the subscription filter should deliver none) is skipped and counted.
 *
 * <p>Publishing goes in log order and stops at the first failure, which fails the invocation: CloudWatch Logs
 * invokes asynchronously, so Lambda retries the whole event (twice, by default). The messages published before
 * the failure are then published again: delivery is at least once, and a repeat carries the same {@code id} (the
 * log event's). Events hold one or two audit lines in practice (a state change writes one), so a repeat is rare;
 * a store to remember what was sent would cost more than the occasional duplicate line in a chat channel.
 */
public final class NotifierService {

    private static final JsonLog LOG = JsonLog.forClass(NotifierService.class);

    private final NotificationTopic topic;
    private final NotificationWriter writer;

    public NotifierService(NotificationTopic topic, NotifierConfig config) {
        this.topic = Objects.requireNonNull(topic);
        this.writer = new NotificationWriter(config.lang());
    }

    /** What one event led to. */
    public record Delivery(boolean ok, String messageType, String logGroup, int auditLines, int published,
                           int skipped, List<String> messageIds) {
        public Delivery {
            messageIds = List.copyOf(messageIds);
        }
    }

    public Delivery deliver(LogsSubscriptionEvent event) {
        if (event.isControl()) {
            LOG.info("CloudWatch Logs control message: nothing to notify", Map.of("logGroup", event.logGroup()));
            return new Delivery(true, event.messageType(), event.logGroup(), 0, 0, 0, List.of());
        }
        List<Notification> notifications = new ArrayList<>();
        int auditLines = 0;
        int skipped = 0;
        for (LogsSubscriptionEvent.LogEvent logEvent : event.events()) {
            ObjectNode line = Json.readObject(logEvent.message().getBytes(StandardCharsets.UTF_8), NotifyText.THE_AUDIT_LINE);
            Optional<AuditLine> audit = AuditLine.from(logEvent.id(), line);
            if (audit.isEmpty()) {
                skipped++;
                continue;
            }
            auditLines++;
            writer.write(audit.get()).ifPresent(notifications::add);
        }
        if (skipped > 0) {
            LOG.warn("skipped log lines that are not audit lines (check the subscription filter)",
                    Map.of("logGroup", event.logGroup(), "skipped", skipped));
        }
        List<String> ids = publish(event, notifications);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("logGroup", event.logGroup());
        fields.put("auditLines", auditLines);
        fields.put("published", ids.size());
        fields.put("logEventIds", notifications.stream().map(Notification::id).toList());
        LOG.info("notified", fields);
        return new Delivery(true, event.messageType(), event.logGroup(), auditLines, ids.size(), skipped, ids);
    }

    private List<String> publish(LogsSubscriptionEvent event, List<Notification> notifications) {
        List<String> ids = new ArrayList<>();
        for (Notification n : notifications) {
            try {
                ids.add(topic.publish(n.toMessage()));
            } catch (NotificationTopic.PublishException e) {
                Map<String, Object> fields = new LinkedHashMap<>();
                fields.put("code", NotifyErrors.PUBLISH_FAILED.code());
                fields.put("snsError", e.code());
                fields.put("logGroup", event.logGroup());
                fields.put("logEventId", n.id());
                fields.put("publishedBefore", ids.size());
                fields.put("notifications", notifications.size());
                // Logged here, once: the exception fails the invocation so that Lambda retries the event.
                LOG.error("could not publish a notification; failing the invocation so that Lambda retries it", fields, e);
                throw SwitchboardException.because(e, NotifyErrors.PUBLISH_FAILED, ids.size() + 1, notifications.size(),
                        e.code());
            }
        }
        return ids;
    }
}
