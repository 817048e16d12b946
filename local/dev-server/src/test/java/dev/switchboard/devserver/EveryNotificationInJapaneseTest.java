package dev.switchboard.devserver;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.core.config.Env;
import dev.switchboard.core.json.Json;
import dev.switchboard.core.log.JsonLog;
import dev.switchboard.emulator.AwsEmulator;
import dev.switchboard.emulator.EmulatorState;
import dev.switchboard.notify.NotifierHandler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of chat notification, in Japanese: each action and result the functions audit (and one they do not),
 * through the real notifier and its SNS client to the emulator. No English may be left in a title or description
 * beyond names, ids and addresses (the same reading as {@link EveryPageInJapaneseTest}).
 */
class EveryNotificationInJapaneseTest {

    private static final String ENDPOINT = "\"target\":\"cvpn-endpoint-0123456789abcdef0\"";
    private static final String PROFILE = "\"target\":\"8a3b1c2d-0000-4000-8000-000000000001\"";
    private static final String BEFORE = "{\"allowedIps\":[],\"blockedIps\":[],\"allowedIpsCount\":0,\"blockedIpsCount\":0,"
            + "\"periodicSessionDuration\":60,\"sessionInactivityDuration\":720}";

    private static AwsEmulator emulator;
    private static Consumer<String> previousSink;

    @BeforeAll
    static void start() {
        emulator = AwsEmulator.start(0);
        AwsEmulator.seedDemo(emulator);
        DevServer.pointSdkAt(emulator);
        previousSink = JsonLog.redirect(line -> { });
    }

    @AfterAll
    static void stop() {
        JsonLog.redirect(previousSink);
        emulator.close();
    }

    @Test
    void everyNotification_inJapanese_hasNoEnglishLeft() throws IOException {
        List<String> lines = List.of(
                audit("taro@example.com", "198.51.100.7", "vpn.on", ENDPOINT, "ok", "\"subnets\":[\"subnet-0aaa1111bbbb2222c\"]"),
                audit("schedule", "direct-invoke", "vpn.on", ENDPOINT, "partial", "\"subnets\":[\"subnet-0aaa1111bbbb2222c\"]"),
                audit("ops@example.com", "direct-invoke", "vpn.on", ENDPOINT, "ok", "\"subnets\":[]"),
                audit("admin@example.com", "198.51.100.7", "vpn.off", ENDPOINT, "ok",
                        "\"subnets\":[\"subnet-0aaa1111bbbb2222c\"],\"failedSubnets\":[],\"activeConnectionsCut\":0"),
                audit("admin@example.com", "198.51.100.7", "vpn.off", ENDPOINT, "partial",
                        "\"subnets\":[\"subnet-0aaa1111bbbb2222c\"],\"failedSubnets\":[\"subnet-0ddd3333eeee4444f\"],"
                                + "\"activeConnectionsCut\":1"),
                audit("admin@example.com", "direct-invoke", "vpn.off", ENDPOINT, "failed",
                        "\"subnets\":[],\"failedSubnets\":[\"subnet-0ddd3333eeee4444f\"],\"error\":\"vpn_unavailable\""),
                audit("auto-off:nightly", "schedule", "vpn.off", ENDPOINT, "ok",
                        "\"subnets\":[\"subnet-0aaa1111bbbb2222c\"],\"failures\":[],\"activeConnectionsCutOff\":0"),
                audit("auto-off:idle", "schedule", "vpn.off", ENDPOINT, "partial",
                        "\"subnets\":[\"subnet-0aaa1111bbbb2222c\"],\"failures\":[\"cvpn-assoc-0123456789abcdef0:vpn_unavailable\"],"
                                + "\"activeConnectionsCutOff\":0"),
                audit("auto-off:force", "schedule", "vpn.off", ENDPOINT, "failed",
                        "\"subnets\":[],\"failures\":[\"cvpn-assoc-0123456789abcdef0:vpn_unavailable\"],\"activeConnectionsCutOff\":3"),
                audit("schedule", "direct-invoke", "vpn.retry", ENDPOINT, "ok",
                        "\"subnet\":\"subnet-0aaa1111bbbb2222c\",\"failedAssociation\":\"cvpn-assoc-0123456789abcdef0\""),
                connect("connect.allow", "ok", "[\"203.0.113.0/24\"]", manyAllowed(), true),
                connect("connect.block", "ok", "[\"192.0.2.1\"]", BEFORE.replace("\"blockedIps\":[]", "\"blockedIps\":[\"192.0.2.1\"]")
                        .replace("\"blockedIpsCount\":0", "\"blockedIpsCount\":1"), false),
                connect("connect.remove", "failed", "[\"192.0.2.1\"]", BEFORE, false),
                connect("connect.set-sessions", "ok", "[]", BEFORE.replace(":60,", ":30,"), false),
                connect("connect.reset", "ok", "[]", BEFORE, false),
                audit("ops@example.com", "direct-invoke", "vpn.rename", ENDPOINT, "ok", "\"x\":1"));
        NotifierHandler notifier = new NotifierHandler(Env.of(Map.of("AWS_REGION", "ap-northeast-1",
                "NOTIFICATION_TOPIC_ARN", AwsEmulator.DEMO_TOPIC_ARN, "NOTIFY_LANGUAGE", "ja")));

        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        notifier.handleRequest(new ByteArrayInputStream(event(lines)), answer, null);

        List<EmulatorState.Published> published = emulator.published(AwsEmulator.DEMO_TOPIC_ARN);
        assertThat(published).as(answer.toString(StandardCharsets.UTF_8)).hasSize(lines.size());
        Map<String, String> left = new LinkedHashMap<>();
        for (EmulatorState.Published p : published) {
            JsonNode content = Json.mapper().readTree(p.message()).path("content");
            String text = content.path("title").asText() + "\n" + content.path("description").asText();
            List<String> words = EveryPageInJapaneseTest.englishWords(text);
            if (!words.isEmpty()) {
                left.put(text, String.join(" ", words));
            }
        }
        assertThat(left).isEmpty();
    }

    private static String audit(String actor, String sourceIp, String action, String target, String result, String details) {
        return "{\"type\":\"audit\",\"actor\":\"" + actor + "\",\"actorSub\":null,\"sourceIp\":\"" + sourceIp
                + "\",\"action\":\"" + action + "\"," + target + ",\"result\":\"" + result + "\"," + details + "}";
    }

    private static String connect(String action, String result, String entries, String after, boolean lockout) {
        return audit("admin@example.com", "203.0.113.7", action, PROFILE, result, "\"instanceId\":\""
                + AwsEmulator.DEMO_CONNECT_INSTANCE_ID + "\",\"entries\":" + entries + ",\"before\":" + BEFORE
                + ",\"after\":" + after + (lockout ? ",\"confirmedLockout\":true" : ""));
    }

    /** More allowed entries than a message lists, so "and N more" is said too. */
    private static String manyAllowed() {
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            entries.add("\"10.0." + i + ".0/24\"");
        }
        return BEFORE.replace("\"allowedIps\":[]", "\"allowedIps\":[" + String.join(",", entries) + "]")
                .replace("\"allowedIpsCount\":0", "\"allowedIpsCount\":31");
    }

    /** The lines as a CloudWatch Logs subscription delivers them: base64 of gzip of the JSON. */
    private static byte[] event(List<String> lines) throws IOException {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("messageType", "DATA_MESSAGE");
        data.put("owner", "123456789012");
        data.put("logGroup", "switchboard-VpnPortalLogGroup-AbCdEf123456");
        data.put("logStream", "2026/12/03/[7]0123456789abcdef0123456789abcdef");
        data.put("subscriptionFilters", List.of("switchboard-VpnPortalAuditSubscription-AbCdEf123456"));
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            events.add(Map.of("id", String.format("%056d", i), "timestamp", 1764765000000L + i, "message", lines.get(i)));
        }
        data.put("logEvents", events);
        ByteArrayOutputStream gzip = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gzip)) {
            out.write(Json.write(data).getBytes(StandardCharsets.UTF_8));
        }
        return ("{\"awslogs\":{\"data\":\"" + Base64.getEncoder().encodeToString(gzip.toByteArray()) + "\"}}")
                .getBytes(StandardCharsets.UTF_8);
    }
}
