package dev.switchboard.notify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.connect.rules.ConnectIpRulesHandler;
import dev.switchboard.core.config.Env;
import dev.switchboard.core.testing.AlbEvents;
import dev.switchboard.emulator.Fault;
import dev.switchboard.vpn.autooff.VpnAutoOffHandler;
import dev.switchboard.vpn.portal.VpnPortalHandler;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.switchboard.emulator.AwsEmulator.DEMO_ENDPOINT_ID;
import static dev.switchboard.emulator.AwsEmulator.DEMO_SUBNET_A;
import static dev.switchboard.emulator.AwsEmulator.DEMO_SUBNET_C;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a chat channel reads after real state changes: the portal, auto-off and Connect functions run against the
 * emulator, the lines they printed go to the notifier exactly as a CloudWatch Logs subscription delivers them, and
 * the notifier publishes through its real SNS client to the emulator's topic.
 */
class NotificationsFromTheFunctionsTest extends NotifierTestSupport {

    @Test
    void employeeTurnsOn_adminTurnsOffWithPeopleConnected_channelReadsWhoAndHowManyWereCut() {
        VpnPortalHandler portal = new VpnPortalHandler(Env.of(stackEnv()), emu.clock());
        run(portal, AlbEvents.get("/").token(token(EMPLOYEE)).header("sec-fetch-site", "none")
                .header("accept", "text/html").toStream());
        emu.advanceClock(Duration.ofMinutes(10));
        emu.seedConnection(DEMO_ENDPOINT_ID, "cvpn-connection-0a1b2c3d4e5f60001", "taro", "198.51.100.20");
        emu.seedConnection(DEMO_ENDPOINT_ID, "cvpn-connection-0a1b2c3d4e5f60002", "hanako", "198.51.100.21");
        run(portal, AlbEvents.post("/off").token(token(ADMIN)).header("sec-fetch-site", "same-origin")
                .header("origin", "https://vpn.example.com").form(Map.of("confirm", "yes")).toStream());

        JsonNode answer = invoke(notifier("en"), SubscriptionEvents.data(PORTAL_LOG_GROUP, auditLines()));

        assertThat(answer.path("ok").asBoolean()).isTrue();
        assertThat(answer.path("published").asInt()).isEqualTo(2);
        List<JsonNode> messages = published();
        assertThat(messages).hasSize(2);
        JsonNode on = messages.get(0);
        assertThat(on.path("version").asText()).isEqualTo("1.0");
        assertThat(on.path("source").asText()).isEqualTo("custom");
        assertThat(on.path("content").path("textType").asText()).isEqualTo("client-markdown");
        assertThat(on.path("content").path("title").asText()).isEqualTo("VPN turned on");
        assertThat(on.path("content").path("description").asText()).isEqualTo(
                "Turned on by taro@example.com.\nSubnets being associated: `" + DEMO_SUBNET_A + "`, `" + DEMO_SUBNET_C
                        + "`. Usable in about 5–10 minutes.");
        assertThat(on.path("metadata").path("eventType").asText()).isEqualTo("vpn.on");
        assertThat(on.path("metadata").path("relatedResources").get(0).asText()).isEqualTo(DEMO_ENDPOINT_ID);
        JsonNode off = messages.get(1);
        assertThat(off.path("content").path("title").asText()).isEqualTo("VPN turned off");
        assertThat(off.path("content").path("description").asText()).isEqualTo(
                "Turned off by admin@example.com.\n2 active connections were cut.\nSubnets disassociated: `"
                        + DEMO_SUBNET_A + "`, `" + DEMO_SUBNET_C + "`.");
        assertThat(on.path("id").asText()).isNotEqualTo(off.path("id").asText()).matches("\\d{56}");
    }

    @Test
    void morningScheduleTurnsOn_deadlineForcesOff_channelReadsTheSchedulesInJapanese() {
        VpnPortalHandler portal = new VpnPortalHandler(Env.of(stackEnv()), emu.clock());
        run(portal, command("{\"command\":\"on\",\"requestedBy\":\"schedule\"}"));
        emu.advanceClock(Duration.ofMinutes(10));
        emu.seedConnection(DEMO_ENDPOINT_ID, "cvpn-connection-0a1b2c3d4e5f60001", "taro", "198.51.100.20");
        List<String> portalLines = auditLines();
        printed.clear();
        run(new VpnAutoOffHandler(Env.of(stackEnv()), emu.clock()), command("{\"command\":\"force\"}"));

        NotifierHandler notifier = notifier("ja");
        invoke(notifier, SubscriptionEvents.data(PORTAL_LOG_GROUP, portalLines));
        invoke(notifier, SubscriptionEvents.data(AUTO_OFF_LOG_GROUP, auditLines()));

        List<JsonNode> messages = published();
        assertThat(messages).extracting(m -> m.path("content").path("title").asText())
                .containsExactly("VPN をオンにしました", "VPN をオフにしました");
        assertThat(messages.get(0).path("content").path("description").asText())
                .startsWith("オンにした経緯: 平日朝のスケジュールで実行。\n");
        assertThat(messages.get(1).path("content").path("description").asText()).isEqualTo(
                "オフになった経緯: スケジュールの期限または管理者のコマンドによるオフ。\n接続中の 1 件の接続が切断されました。\n"
                        + "関連付けを解除したサブネット: `" + DEMO_SUBNET_A + "`, `" + DEMO_SUBNET_C + "`。");
    }

    @Test
    void idleTurnOffThatStaysPartial_channelReadsWhatIsStillBilled() {
        VpnPortalHandler portal = new VpnPortalHandler(Env.of(stackEnv()), emu.clock());
        run(portal, command("{\"command\":\"on\",\"requestedBy\":\"ops@example.com\"}"));
        emu.advanceClock(Duration.ofMinutes(30));
        printed.clear();
        // Every attempt the SDK makes for the first subnet fails; the second subnet goes off.
        emu.injectFault(Fault.http500("ec2", 3).forAction("DisassociateClientVpnTargetNetwork"));
        run(new VpnAutoOffHandler(Env.of(stackEnv()), emu.clock()), command("{\"command\":\"idle\"}"));

        invoke(notifier("en"), SubscriptionEvents.data(AUTO_OFF_LOG_GROUP, auditLines()));

        JsonNode message = published().get(0);
        assertThat(message.path("content").path("title").asText()).isEqualTo("VPN only partly turned off");
        String description = message.path("content").path("description").asText();
        // One subnet went off, the other's association is still there: EC2 lists them in its own order.
        assertThat(description).startsWith("Turned off after being idle (nobody connected).\nNobody was connected.\n"
                + "Subnets disassociated: `subnet-").matches("(?s).*\nStill associated, and still billed: `cvpn-assoc-[0-9a-f]+`\\.\n"
                + "Error: `vpn_unavailable`\\.");
        assertThat(description.lines().filter(l -> l.contains(DEMO_SUBNET_A) || l.contains(DEMO_SUBNET_C))).hasSize(1);
        assertThat(message.path("content").path("keywords")).extracting(JsonNode::asText)
                .containsExactly("Switchboard", "vpn.off", "partial");
    }

    @Test
    void adminTurnOffThatFails_channelReadsThatItIsStillOn() {
        VpnPortalHandler portal = new VpnPortalHandler(Env.of(stackEnv()), emu.clock());
        run(portal, command("{\"command\":\"on\",\"requestedBy\":\"ops@example.com\"}"));
        emu.advanceClock(Duration.ofMinutes(10));
        emu.injectFault(Fault.http503("ec2", 1000).forAction("DisassociateClientVpnTargetNetwork"));
        run(portal, command("{\"command\":\"off\",\"requestedBy\":\"" + ADMIN + "\"}"));

        invoke(notifier("en"), SubscriptionEvents.data(PORTAL_LOG_GROUP, auditLines()));

        JsonNode failed = published().get(1);
        assertThat(failed.path("content").path("title").asText()).isEqualTo("VPN turn-off failed");
        assertThat(failed.path("content").path("description").asText()).startsWith(
                "Turn-off attempted by admin@example.com (a direct command).\n"
                        + "Nothing was disassociated: the VPN is still on and billed.\nStill associated, and still billed: `");
        assertThat(published().get(0).path("content").path("description").asText())
                .startsWith("Turned on by ops@example.com (a direct command).");
    }

    @Test
    void connectAdminAllowsAddresses_channelReadsBeforeAndAfter() {
        ConnectIpRulesHandler connect = new ConnectIpRulesHandler(Env.of(stackEnv()));
        run(connect, AlbEvents.post("/connect").token(token(ADMIN)).header("x-forwarded-for", "203.0.113.7")
                .header("sec-fetch-site", "same-origin").header("origin", "https://vpn.example.com")
                .header("accept", "application/json")
                .json("{\"op\":\"allow\",\"entries\":[\"203.0.113.0/24\",\"2001:db8::/32\"]}").toStream());

        invoke(notifier("en"), SubscriptionEvents.data(CONNECT_LOG_GROUP, auditLines()));

        JsonNode message = published().get(0);
        assertThat(message.path("content").path("title").asText()).isEqualTo("Amazon Connect IP rules changed");
        String description = message.path("content").path("description").asText();
        assertThat(description).startsWith("Authentication profile `").contains(
                "changed by admin@example.com.\nAllowed: `203.0.113.0/24`, `2001:db8::/32`.\n"
                        + "Allowed list: (empty: every address) → `203.0.113.0/24`, `2001:db8::/32`\n"
                        + "Blocked list: (none) → (none)\nSessions (re-authentication / inactivity, minutes): ");
        assertThat(message.path("metadata").path("eventType").asText()).isEqualTo("connect.allow");
    }

    @Test
    void everyNotification_carriesNoTokenNorOidcHeader() {
        VpnPortalHandler portal = new VpnPortalHandler(Env.of(stackEnv()), emu.clock());
        String token = token(EMPLOYEE);
        run(portal, AlbEvents.get("/").token(token).header("sec-fetch-site", "none").header("accept", "text/html")
                .toStream());
        // Even the whole log stream, not only the filtered audit lines, goes through without leaking anything.
        invoke(notifier("en"), SubscriptionEvents.data(PORTAL_LOG_GROUP, List.copyOf(printed)));

        assertThat(publishedText()).isNotEmpty().allSatisfy(text -> assertThat(text)
                .doesNotContain(token).doesNotContain(token.substring(0, 40)).doesNotContainIgnoringCase("x-amzn-oidc"));
    }

    private static InputStream command(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }

    private static void run(com.amazonaws.services.lambda.runtime.RequestStreamHandler handler, InputStream event) {
        try {
            handler.handleRequest(event, new ByteArrayOutputStream(), null);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
