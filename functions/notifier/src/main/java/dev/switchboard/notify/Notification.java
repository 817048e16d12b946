package dev.switchboard.notify;

import dev.switchboard.core.json.Json;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One chat message, in the custom-notification format of Amazon Q Developer in chat applications (formerly AWS
 * Chatbot): {@code version} "1.0", {@code source} "custom", {@code content} with {@code textType}
 * "client-markdown" (rendered in Slack's or Teams' own markdown), {@code title}, {@code description} and
 * {@code keywords}, and {@code metadata.eventType} and {@code relatedResources}. Published to the notification
 * topic as the SNS message, which is what the chat channel's configuration reads.
 *
 * @param id          the log event's id: unique per audit line, so a message published twice (a retried
 *                    invocation) can be recognised as the same
 * @param eventType   the audit action, e.g. {@code vpn.off}
 * @param title       one line
 * @param description markdown lines
 * @param keywords    short tags shown under the message
 * @param resources   what the change was made to (the endpoint, the authentication profile)
 */
public record Notification(String id, String eventType, String title, String description, List<String> keywords,
                           List<String> resources) {

    /** Amazon Q Developer's limit on a custom notification's description is generous; chat readers' is not. */
    public static final int MAX_DESCRIPTION = 3000;

    public Notification {
        keywords = List.copyOf(keywords);
        resources = List.copyOf(resources);
        if (description.length() > MAX_DESCRIPTION) {
            description = description.substring(0, MAX_DESCRIPTION - 1) + "…";
        }
    }

    /** The SNS message: the custom-notification JSON. */
    public String toMessage() {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("textType", "client-markdown");
        content.put("title", title);
        content.put("description", description);
        content.put("keywords", keywords);
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("eventType", eventType);
        metadata.put("relatedResources", resources);
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("version", "1.0");
        message.put("source", "custom");
        message.put("id", id);
        message.put("content", content);
        message.put("metadata", metadata);
        return Json.write(message);
    }
}
