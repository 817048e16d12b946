package dev.switchboard.emulator;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Amazon SNS {@code Publish} to a topic, as the SNS Query API (version 2010-03-31) answers it: a form-encoded
 * {@code POST /} with {@code Action=Publish&TopicArn=...&Message=...}, a {@code PublishResponse} with the
 * {@code MessageId}, and the Query protocol's {@code ErrorResponse} with the model's codes ({@code NotFound} 404 for
 * a topic that does not exist, {@code InvalidParameter} 400 for a bad argument). Published messages are kept in
 * the emulator's state, in order, for tests to read. Only topics (no phone numbers or platform endpoints).
 */
final class SnsApi {

    static final String VERSION = "2010-03-31";
    static final String NAMESPACE = "http://sns.amazonaws.com/doc/2010-03-31/";
    /** SNS's limit: 256 KiB of UTF-8 for the message (attributes count too; none are sent here). */
    static final int MAX_MESSAGE_BYTES = 262_144;

    private static final Pattern TOPIC_ARN = Pattern.compile("arn:aws[a-z-]*:sns:[a-z0-9-]+:\\d{12}:[A-Za-z0-9_-]{1,256}(\\.fifo)?");

    private final EmulatorState state;

    SnsApi(EmulatorState state) {
        this.state = state;
    }

    /** True when a Query request is SNS's rather than EC2's (both POST / with an Action). */
    static boolean isSns(Map<String, String> params, String signingService) {
        return VERSION.equals(params.get("Version")) || "sns".equals(signingService);
    }

    String handle(String action, Map<String, String> params) {
        if (!"Publish".equals(action)) {
            throw new AwsError(400, "InvalidAction", "The action " + action + " is not valid for this web service.");
        }
        return publish(params);
    }

    private String publish(Map<String, String> params) {
        String topicArn = params.get("TopicArn");
        if (topicArn == null || topicArn.isEmpty()) {
            throw invalid("Invalid parameter: TopicArn or TargetArn Reason: no value for required parameter");
        }
        if (!TOPIC_ARN.matcher(topicArn).matches()) {
            throw invalid("Invalid parameter: TopicArn");
        }
        String message = params.get("Message");
        if (message == null || message.isEmpty()) {
            throw invalid("Invalid parameter: Empty message");
        }
        if (message.getBytes(StandardCharsets.UTF_8).length > MAX_MESSAGE_BYTES) {
            throw invalid("Invalid parameter: Message too long");
        }
        String subject = params.get("Subject");
        if (subject != null && !validSubject(subject)) {
            throw invalid("Invalid parameter: Subject");
        }
        String messageId = UUID.randomUUID().toString();
        if (!state.publish(topicArn, new EmulatorState.Published(topicArn, messageId, subject, message))) {
            throw new AwsError(404, "NotFound", "Topic does not exist");
        }
        return "<?xml version=\"1.0\"?>\n" + new Xml().raw("<PublishResponse xmlns=\"" + NAMESPACE + "\">")
                .open("PublishResult").el("MessageId", messageId).close("PublishResult")
                .open("ResponseMetadata").el("RequestId", UUID.randomUUID()).close("ResponseMetadata")
                .close("PublishResponse");
    }

    /** SNS: ASCII text, no line breaks, at most 100 characters, not empty. */
    private static boolean validSubject(String subject) {
        if (subject.isEmpty() || subject.length() > 100) {
            return false;
        }
        for (int i = 0; i < subject.length(); i++) {
            char c = subject.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }

    private static AwsError invalid(String message) {
        return new AwsError(400, "InvalidParameter", message);
    }

    /** The Query protocol's error body; {@code Type} is Sender for 4xx and Receiver for 5xx. */
    static String errorXml(AwsError e) {
        return "<?xml version=\"1.0\"?>\n<ErrorResponse xmlns=\"" + NAMESPACE + "\"><Error><Type>"
                + (e.status >= 500 ? "Receiver" : "Sender") + "</Type><Code>" + Xml.escaped(e.code) + "</Code><Message>"
                + Xml.escaped(e.getMessage()) + "</Message></Error><RequestId>" + UUID.randomUUID()
                + "</RequestId></ErrorResponse>";
    }
}
