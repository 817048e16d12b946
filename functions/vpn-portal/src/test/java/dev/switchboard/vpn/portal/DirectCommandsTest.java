package dev.switchboard.vpn.portal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.core.config.ConfigurationException;
import dev.switchboard.core.config.Env;
import dev.switchboard.vpn.VpnTags;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The sample events in {@code events/} and other direct commands, through {@code handleRequest}. */
class DirectCommandsTest extends PortalTestSupport {

    private static InputStream event(String name) throws IOException {
        return Files.newInputStream(Path.of(System.getProperty("switchboard.root"), "events", name));
    }

    @Test
    void statusEvent_off_answersTheStatusAndChangesNothing() throws IOException {
        JsonNode r = run(event("vpn-portal-status.json"));

        assertThat(r.path("ok").asBoolean()).isTrue();
        assertThat(r.path("status").path("state").asText()).isEqualTo("off");
        assertThat(emu.calls()).doesNotContain("AssociateClientVpnTargetNetwork", "CreateTags");
    }

    @Test
    void onEvent_off_startsBothSubnetsAsTheRequester() throws IOException {
        JsonNode r = run(event("vpn-portal-on.json"));

        assertThat(r.path("ok").asBoolean()).isTrue();
        assertThat(r.path("outcome").asText()).isEqualTo("started");
        assertThat(r.path("status").path("state").asText()).isEqualTo("turning-on");
        assertThat(associationStates()).hasSize(2);
        assertThat(endpointTags()).containsEntry(VpnTags.TURNED_ON_BY, "admin@example.com");
        assertThat(auditLines("vpn.on")).singleElement()
                .satisfies(a -> assertThat(a.path("sourceIp").asText()).isEqualTo("direct-invoke"));
    }

    @Test
    void offEvent_ready_disassociatesEverythingWithoutConfirmation() throws IOException {
        run(event("vpn-portal-on.json"));
        emu.advanceClock(Duration.ofMinutes(10));
        emu.seedConnection(ENDPOINT, "cvpn-connection-1", "taro", "198.51.100.1");

        JsonNode r = run(event("vpn-portal-off.json"));

        assertThat(r.path("outcome").asText()).isEqualTo("started");
        assertThat(r.path("activeConnectionsCut").asInt()).isEqualTo(1);
        assertThat(r.path("status").path("state").asText()).isEqualTo("turning-off");
        assertThat(associationStates()).containsOnly(SUBNET_A + "=disassociating", SUBNET_C + "=disassociating");
        assertThat(endpointTags()).containsEntry(VpnTags.TURNED_OFF_BY, "admin@example.com");
    }

    @Test
    void offCommand_alreadyOff_saysSoAndChangesNothing() {
        JsonNode r = command("{\"action\":\"off\"}");

        assertThat(r.path("outcome").asText()).isEqualTo("already-off");
        assertThat(emu.calls()).doesNotContain("DisassociateClientVpnTargetNetwork", "CreateTags");
    }

    @Test
    void onCommand_withoutRequestedBy_isRecordedAsDirectInvoke() {
        command("{\"action\":\"on\"}");

        assertThat(endpointTags()).containsEntry(VpnTags.TURNED_ON_BY, "direct-invoke");
    }

    @Test
    void unknownCommand_is400ListingTheValidCommands() {
        for (String bad : new String[] {"{\"command\":\"reboot\"}", "{\"action\":\"reboot\"}"}) {
            JsonNode r = command(bad);

            assertThat(r.path("ok").asBoolean()).as(bad).isFalse();
            assertThat(r.path("status").asInt()).isEqualTo(400);
            assertThat(r.path("error").asText()).isEqualTo("unknown_command");
            assertThat(r.path("message").asText()).isEqualTo("Unknown command \"reboot\". Use one of: on, off, status, repair.");
        }
        assertThat(emu.calls()).isEmpty();
    }

    @Test
    void commandMissingOrNotAString_is400SayingHowToNameIt() {
        assertThat(command("{}").path("error").asText()).isEqualTo("missing_command");
        assertThat(command("{\"requestedBy\":\"ops@example.com\"}").path("message").asText())
                .contains("{\"command\":\"...\"}", "on, off, status");
        assertThat(command("{\"command\":42}").path("error").asText()).isEqualTo("invalid_command_field");
        assertThat(command("{\"action\":42}").path("message").asText()).startsWith("\"action\" must be a string");
        assertThat(emu.calls()).isEmpty();
    }

    @Test
    void commandEnvelope_onTurnsOnLikeTheOlderActionName() {
        JsonNode r = command("{\"command\":\"on\",\"requestedBy\":\"ops@example.com\"}");

        assertThat(r.path("command").asText()).isEqualTo("on");
        assertThat(r.path("outcome").asText()).isEqualTo("started");
        assertThat(endpointTags()).containsEntry(VpnTags.TURNED_ON_BY, "ops@example.com");
    }

    @Test
    void duplicateAction_statusThenOff_is400AndTheVpnStaysOn() throws IOException {
        run(event("vpn-portal-on.json"));
        emu.advanceClock(Duration.ofMinutes(10));
        List<String> before = associationStates();

        // Jackson's default took the last duplicate: this turned the VPN off (issue 13.2).
        JsonNode r = command("{\"action\":\"status\",\"action\":\"off\"}");

        assertThat(r.path("ok").asBoolean()).isFalse();
        assertThat(r.path("status").asInt()).isEqualTo(400);
        assertThat(r.path("error").asText()).isEqualTo("duplicate_key");
        assertThat(associationStates()).isEqualTo(before).containsOnly(SUBNET_A + "=associated", SUBNET_C + "=associated");
        assertThat(emu.callCount("DisassociateClientVpnTargetNetwork")).isZero();
        assertThat(endpointTags()).doesNotContainKey(VpnTags.TURNED_OFF_BY);
    }

    @Test
    void commandAndOlderActionBoth_is400AndTheVpnStaysOn() throws IOException {
        run(event("vpn-portal-on.json"));
        emu.advanceClock(Duration.ofMinutes(10));

        JsonNode r = command("{\"command\":\"status\",\"action\":\"off\"}");

        assertThat(r.path("error").asText()).isEqualTo("ambiguous_command");
        assertThat(associationStates()).containsOnly(SUBNET_A + "=associated", SUBNET_C + "=associated");
        assertThat(emu.callCount("DisassociateClientVpnTargetNetwork")).isZero();
    }

    @Test
    void command_invalidRequestedBy_is400AndChangesNothing() {
        JsonNode r = command("{\"action\":\"on\",\"requestedBy\":\"<script>\"}");

        assertThat(r.path("status").asInt()).isEqualTo(400);
        assertThat(r.path("error").asText()).isEqualTo("invalid_requested_by");
        assertThat(emu.calls()).isEmpty();
    }

    @Test
    void albSampleEvent_withASignedToken_turnsOnAndAnswersInJapanese() throws IOException {
        String text = new String(event("vpn-portal-alb-get-root.json").readAllBytes(), StandardCharsets.UTF_8)
                .replace("REPLACE_WITH_A_TOKEN_SIGNED_AS_THE_ALB_SIGNS_IT", token(EMPLOYEE));

        JsonNode r = run(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));

        assertThat(r.path("statusCode").asInt()).isEqualTo(200);
        assertThat(r.path("statusDescription").asText()).isEqualTo("200 OK");
        assertThat(r.path("body").asText()).contains("オンにしています…");
        assertThat(associationStates()).hasSize(2);
    }

    @Test
    void albSampleEvent_asCommitted_is401AndNoEc2Call() throws IOException {
        JsonNode r = run(event("vpn-portal-alb-get-root.json"));

        assertThat(r.path("statusCode").asInt()).isEqualTo(401);
        assertThat(emu.calls()).isEmpty();
    }

    @Test
    void constructor_missingEndpointVariable_failsAtInitNamingIt() {
        Map<String, String> env = new HashMap<>(Map.of("AWS_REGION", "ap-northeast-1",
                "ALB_ARN", signer.signerArn(), "TARGET_SUBNET_IDS", SUBNET_A));

        assertThatThrownBy(() -> new VpnPortalHandler(Env.of(env)))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("CLIENT_VPN_ENDPOINT_ID");
    }

    @Test
    void constructor_routeToASubnetNotTargeted_failsAtInitNamingIt() {
        Map<String, String> env = new HashMap<>(Map.of("AWS_REGION", "ap-northeast-1",
                "ALB_ARN", signer.signerArn(), "CLIENT_VPN_ENDPOINT_ID", ENDPOINT, "TARGET_SUBNET_IDS", SUBNET_A,
                "VPN_ROUTES", "10.1.0.0/16=" + SUBNET_C));

        assertThatThrownBy(() -> new VpnPortalHandler(Env.of(env)))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("VPN_ROUTES");
    }
}
