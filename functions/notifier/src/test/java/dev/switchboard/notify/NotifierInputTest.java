package dev.switchboard.notify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.core.config.Env;
import dev.switchboard.core.http.SwitchboardException;
import dev.switchboard.emulator.Fault;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static dev.switchboard.emulator.AwsEmulator.DEMO_TOPIC_ARN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Events the notifier must refuse or pass over: a clear answer, an ERROR line, and nothing published. */
class NotifierInputTest extends NotifierTestSupport {

    static final String ON = "{\"type\":\"audit\",\"actor\":\"taro@example.com\",\"actorSub\":\"sub-1\",\"sourceIp\":"
            + "\"198.51.100.7\",\"action\":\"vpn.on\",\"target\":\"cvpn-endpoint-0123456789abcdef0\",\"result\":\"ok\","
            + "\"subnets\":[\"subnet-0aaa1111bbbb2222c\"]}";

    @Test
    void handle_notJson_isRefusedAndPublishesNothing() {
        assertRefused("{\"awslogs\":", "malformed_json");
    }

    @Test
    void handle_anotherKindOfEvent_isRefused() {
        assertRefused("{\"command\":\"on\"}", "not_logs_event");
        assertRefused("{\"awslogs\":{\"data\":\"H4sI\",\"extra\":1}}", "not_logs_event");
        assertRefused("{\"awslogs\":{\"data\":42}}", "not_logs_event");
    }

    @Test
    void handle_dataNotBase64_isRefused() {
        assertRefused("{\"awslogs\":{\"data\":\"not base64!\"}}", "bad_base64");
    }

    @Test
    void handle_dataNotGzip_isRefused() {
        assertRefused(awslogs("plain text".getBytes(StandardCharsets.UTF_8)), "bad_gzip");
        byte[] cut = SubscriptionEvents.gzip(SubscriptionEvents.json("DATA_MESSAGE", PORTAL_LOG_GROUP, List.of(ON))
                .getBytes(StandardCharsets.UTF_8));
        assertRefused(awslogs(java.util.Arrays.copyOf(cut, cut.length - 12)), "bad_gzip");
    }

    @Test
    void handle_gzipOfNonJson_isRefused() {
        assertRefused(SubscriptionEvents.wrap("CWL says hello"), "malformed_json");
    }

    @Test
    void handle_dataWithDuplicateKey_isRefusedNamingTheKey() {
        String json = SubscriptionEvents.json("DATA_MESSAGE", PORTAL_LOG_GROUP, List.of(ON));
        JsonNode answer = assertRefused(SubscriptionEvents.wrap(json.replace("{\"messageType\":\"DATA_MESSAGE\",",
                "{\"messageType\":\"CONTROL_MESSAGE\",\"messageType\":\"DATA_MESSAGE\",")), "duplicate_key");
        assertThat(answer.path("message").asText()).contains("\"messageType\"");
    }

    @Test
    void handle_dataUnpackingBeyondTheBound_isRefused() {
        byte[] zeros = new byte[LogsSubscriptionEvent.MAX_DATA_BYTES + 1];
        assertRefused(awslogs(SubscriptionEvents.gzip(zeros)), "data_too_large");
    }

    @Test
    void handle_unknownMessageTypeOrShape_isRefused() {
        assertRefused(SubscriptionEvents.wrap(SubscriptionEvents.json("OTHER_MESSAGE", PORTAL_LOG_GROUP, List.of(ON))),
                "bad_logs_data");
        assertRefused(SubscriptionEvents.wrap("{\"messageType\":\"DATA_MESSAGE\",\"logGroup\":\"g\",\"logEvents\":"
                + "[{\"id\":\"1\",\"timestamp\":1,\"message\":{\"type\":\"audit\"}}]}"), "bad_logs_data");
    }

    @Test
    void handle_controlMessage_isAnsweredAndPublishesNothing() {
        JsonNode answer = invoke(notifier("en"), SubscriptionEvents.control());

        assertThat(answer.path("ok").asBoolean()).isTrue();
        assertThat(answer.path("messageType").asText()).isEqualTo("CONTROL_MESSAGE");
        assertThat(answer.path("published").asInt()).isZero();
        assertThat(emu.published(DEMO_TOPIC_ARN)).isEmpty();
        assertThat(emu.calls()).isEmpty();
    }

    @Test
    void handle_lineWithDuplicateKey_refusesTheWholeBatch() {
        String twice = ON.replace("\"actor\":\"taro@example.com\"", "\"actor\":\"taro@example.com\",\"actor\":\"kate@example.com\"");

        JsonNode answer = assertRefused(SubscriptionEvents.data(PORTAL_LOG_GROUP, List.of(ON, twice)), "duplicate_key");

        assertThat(answer.path("message").asText()).contains("\"actor\"");
    }

    @Test
    void handle_auditLineWithoutActor_refusesTheWholeBatch() {
        String noActor = ON.replace("\"actor\":\"taro@example.com\",", "");

        JsonNode answer = assertRefused(SubscriptionEvents.data(PORTAL_LOG_GROUP, List.of(ON, noActor)), "bad_audit_line");

        assertThat(answer.path("message").asText()).contains("actor must be non-empty text");
    }

    @Test
    void handle_linesThatAreNotAuditLines_areSkippedAndCounted() {
        String info = "{\"time\":\"2026-12-03T00:00:00Z\",\"level\":\"INFO\",\"logger\":\"VpnService\",\"message\":\"x\"}";
        String route = ON.replace("\"vpn.on\"", "\"vpn.route\"");

        JsonNode answer = invoke(notifier("en"), SubscriptionEvents.data(PORTAL_LOG_GROUP, List.of(info, route)));

        assertThat(answer.path("ok").asBoolean()).isTrue();
        assertThat(answer.path("skipped").asInt()).isEqualTo(1);
        assertThat(answer.path("auditLines").asInt()).isEqualTo(1);
        assertThat(answer.path("published").asInt()).isZero();
        assertThat(emu.published(DEMO_TOPIC_ARN)).isEmpty();
    }

    @Test
    void handle_oddAndOversizedFields_areCutAndNeverCarryTokensOrHeaders() {
        String jwt = "eyJhbGciOiJFUzI1NiIsImtpZCI6IjEyMyJ9.eyJzdWIiOiIxMjMifQ==.c2lnbmF0dXJl";
        String odd = "{\"type\":\"audit\",\"actor\":\"" + "a".repeat(5000) + "`*bold*`\\u0007" + jwt + "\",\"actorSub\":null,"
                + "\"sourceIp\":\"198.51.100.7\",\"action\":\"vpn.on\",\"target\":\"cvpn-endpoint-0123456789abcdef0\","
                + "\"result\":\"ok\",\"subnets\":\"not a list\",\"x-amzn-oidc-data\":\"" + jwt + "\",\"token\":\"" + jwt + "\"}";
        String tokenActor = ON.replace("taro@example.com", jwt);

        invoke(notifier("en"), SubscriptionEvents.data(PORTAL_LOG_GROUP, List.of(odd, tokenActor)));

        List<String> messages = publishedText();
        assertThat(messages).hasSize(2).allSatisfy(m -> assertThat(m)
                .doesNotContain("eyJhbGci").doesNotContainIgnoringCase("x-amzn-oidc").doesNotContain("\\u0007"));
        String description = published().get(0).path("content").path("description").asText();
        assertThat(description.lines().findFirst().orElseThrow()).hasSizeLessThan(AuditLine.MAX_VALUE + 30).endsWith("….");
        assertThat(description).doesNotContain("`*bold*`").contains("Subnets being associated: –.");
        assertThat(published().get(1).path("content").path("description").asText()).startsWith("Turned on by [redacted].");
    }

    @Test
    void handle_actionItDoesNotKnow_isAnnouncedPlainly() {
        invoke(notifier("en"), SubscriptionEvents.data(PORTAL_LOG_GROUP, List.of(ON.replace("\"vpn.on\"", "\"vpn.rename\""))));

        JsonNode message = published().get(0);
        assertThat(message.path("content").path("title").asText()).isEqualTo("Switchboard: `vpn.rename` (ok)");
        assertThat(message.path("content").path("description").asText()).isEqualTo(
                "Action `vpn.rename` on `cvpn-endpoint-0123456789abcdef0`, result `ok`, by taro@example.com.");
    }

    @Test
    void handle_snsFails_failsTheInvocationSoLambdaRetries_andLogsIt() {
        emu.injectFault(Fault.http500("sns", 3));
        NotifierHandler notifier = notifier("en");
        String event = SubscriptionEvents.data(PORTAL_LOG_GROUP, List.of(ON));

        assertThatThrownBy(() -> invoke(notifier, event)).isInstanceOfSatisfying(SwitchboardException.class,
                e -> assertThat(e.code()).isEqualTo("publish_failed"));

        assertThat(emu.published(DEMO_TOPIC_ARN)).isEmpty();
        assertThat(printed).anySatisfy(line -> {
            JsonNode n = parse(line);
            assertThat(n.path("level").asText()).isEqualTo("ERROR");
            assertThat(n.path("code").asText()).isEqualTo("publish_failed");
            assertThat(n.path("snsError").asText()).isEqualTo("InternalError");
            assertThat(n.path("awsErrorCode").asText()).isEqualTo("InternalError");
        });
        // Lambda's retry of the same event, once SNS answers again.
        assertThat(invoke(notifier, event).path("published").asInt()).isEqualTo(1);
    }

    @Test
    void handle_unknownTopic_failsTheInvocation() {
        java.util.Map<String, String> env = stackEnv();
        env.put("NOTIFICATION_TOPIC_ARN", "arn:aws:sns:ap-northeast-1:123456789012:deleted");
        NotifierHandler notifier = new NotifierHandler(Env.of(env));

        assertThatThrownBy(() -> invoke(notifier, SubscriptionEvents.data(PORTAL_LOG_GROUP, List.of(ON))))
                .isInstanceOfSatisfying(SwitchboardException.class, e -> assertThat(e.getMessage()).contains("NotFound"));
    }

    @Test
    void handle_failureAfterOnePublished_retryPublishesTheFirstAgainWithTheSameId() {
        NotifierConfig config = NotifierConfig.from(Env.of(stackEnv()));
        SnsNotificationTopic real = SnsNotificationTopic.create("ap-northeast-1", DEMO_TOPIC_ARN);
        boolean[] failNext = {true};
        NotificationTopic failsAfterTheFirst = message -> {
            String id = real.publish(message);
            if (failNext[0]) {
                failNext[0] = false;
                emu.injectFault(Fault.http500("sns", 3));
            }
            return id;
        };
        NotifierHandler notifier = new NotifierHandler(failsAfterTheFirst, config);
        String off = ON.replace("\"vpn.on\"", "\"vpn.off\"");
        String event = SubscriptionEvents.data(PORTAL_LOG_GROUP, List.of(ON, off));

        assertThatThrownBy(() -> invoke(notifier, event)).isInstanceOf(SwitchboardException.class);
        assertThat(published()).hasSize(1);
        invoke(notifier, event);

        List<JsonNode> messages = published();
        assertThat(messages).extracting(m -> m.path("metadata").path("eventType").asText())
                .containsExactly("vpn.on", "vpn.on", "vpn.off");
        assertThat(messages.get(0).path("id")).isEqualTo(messages.get(1).path("id"));
    }

    private JsonNode assertRefused(String event, String code) {
        JsonNode answer = invoke(notifier("en"), event);

        assertThat(answer.path("ok").asBoolean()).as(answer.toString()).isFalse();
        assertThat(answer.path("error").asText()).isEqualTo(code);
        assertThat(answer.path("message").asText()).isNotBlank();
        assertThat(emu.published(DEMO_TOPIC_ARN)).isEmpty();
        assertThat(emu.calls()).isEmpty();
        assertThat(printed).anySatisfy(line -> assertThat(parse(line).path("level").asText()).isEqualTo("ERROR"));
        return answer;
    }

    private static String awslogs(byte[] data) {
        return "{\"awslogs\":{\"data\":\"" + Base64.getEncoder().encodeToString(data) + "\"}}";
    }
}
