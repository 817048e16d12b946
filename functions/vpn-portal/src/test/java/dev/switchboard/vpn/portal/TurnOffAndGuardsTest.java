package dev.switchboard.vpn.portal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.core.testing.AlbEvents;
import dev.switchboard.emulator.Fault;
import dev.switchboard.vpn.VpnTags;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Turning off, refusing what must be refused, and what users see when EC2 misbehaves. */
class TurnOffAndGuardsTest extends PortalTestSupport {

    private void turnOnAndWait() {
        call(navigate("/", EMPLOYEE));
        emu.advanceClock(Duration.ofMinutes(10));
        emu.seedConnection(ENDPOINT, "cvpn-connection-1", "taro", "198.51.100.1");
        emu.seedConnection(ENDPOINT, "cvpn-connection-2", "hanako", "198.51.100.2");
    }

    @Test
    void getRoot_admin_seesTheOffFormWithTheCountToBeCut() {
        turnOnAndWait();

        String page = call(navigate("/", ADMIN)).path("body").asText();
        String employeePage = call(navigate("/", EMPLOYEE)).path("body").asText();

        assertThat(page).contains("action=\"/off\"", "ends 2 active connections", "name=\"confirm\" value=\"yes\"",
                "hanako", "taro");
        assertThat(employeePage).doesNotContain("action=\"/off\"", "hanako");
    }

    @Test
    void postOff_nonAdmin_isForbiddenAndChangesNothing() {
        turnOnAndWait();

        JsonNode r = call(postFromPage("/off", EMPLOYEE, Map.of("confirm", "yes")));

        assertThat(r.path("statusCode").asInt()).isEqualTo(403);
        assertThat(r.path("body").asText()).contains("Only administrators can turn the VPN off.");
        assertThat(emu.callCount("DisassociateClientVpnTargetNetwork")).isZero();
        assertThat(associationStates()).containsOnly(SUBNET_A + "=associated", SUBNET_C + "=associated");
    }

    @Test
    void postOff_adminWithoutConfirm_is400WithTheCountAndChangesNothing() {
        turnOnAndWait();

        JsonNode r = call(postFromPage("/off", ADMIN, Map.of()));
        JsonNode json = call(AlbEvents.post("/off").token(token(ADMIN)).header("accept", "application/json")
                .json("{\"confirm\":\"no\"}"));

        assertThat(r.path("statusCode").asInt()).isEqualTo(400);
        assertThat(r.path("body").asText()).contains("ends 2 active connection(s)");
        assertThat(json.path("statusCode").asInt()).isEqualTo(400);
        assertThat(body(json).path("error").asText()).isEqualTo("confirmation_required");
        assertThat(emu.callCount("DisassociateClientVpnTargetNetwork")).isZero();
        assertThat(endpointTags()).doesNotContainKey(VpnTags.TURNED_OFF_BY);
    }

    @Test
    void postOff_adminConfirmed_disassociatesTagsAuditsAndNeverTurnsBackOn() {
        turnOnAndWait();

        JsonNode r = call(postFromPage("/off", ADMIN, Map.of("confirm", "yes")));

        assertThat(r.path("statusCode").asInt()).isEqualTo(303);
        assertThat(r.path("headers").path("location").asText()).isEqualTo("/status");
        assertThat(associationStates()).containsOnly(SUBNET_A + "=disassociating", SUBNET_C + "=disassociating");
        assertThat(endpointTags()).containsEntry(VpnTags.TURNED_OFF_BY, ADMIN).containsKey(VpnTags.TURNED_OFF_AT);
        assertThat(endpointTags()).containsEntry(VpnTags.TURNED_OFF_BY_SUB, sub(ADMIN));
        assertThat(auditLines("vpn.off")).singleElement().satisfies(a -> {
            assertThat(a.path("actor").asText()).isEqualTo(ADMIN);
            assertThat(a.path("actorSub").asText()).isEqualTo(sub(ADMIN));
            assertThat(a.path("activeConnectionsCut").asInt()).isEqualTo(2);
        });
        assertThat(call(navigate("/status", ADMIN)).path("body").asText()).contains("Turning off…");

        // A page left open, and a second admin click, do nothing more.
        call(postFromPage("/off", ADMIN, Map.of("confirm", "yes")));
        assertThat(emu.callCount("DisassociateClientVpnTargetNetwork")).isEqualTo(2);
        JsonNode onWhileOff = call(postFromPage("/on", EMPLOYEE, Map.of()));
        assertThat(onWhileOff.path("statusCode").asInt()).isEqualTo(409);
        emu.advanceClock(Duration.ofMinutes(5));
        assertThat(call(navigate("/status", ADMIN).header("sec-fetch-site", "same-origin")).path("body").asText())
                .contains("Off");
        assertThat(associationStates()).isEmpty();
        assertThat(emu.callCount("AssociateClientVpnTargetNetwork")).isEqualTo(2);
    }

    @Test
    void postOff_taggingFailsAfterDisassociation_auditsAtOnceAndSaysItIsTurningOff() {
        turnOnAndWait();
        logLines.clear();
        // EC2 keeps refusing CreateTags (past the SDK's retries) once the subnets are being disassociated.
        emu.injectFault(Fault.http500("ec2", 50).forAction("CreateTags"));

        JsonNode r = call(postFromPage("/off", ADMIN, Map.of("confirm", "yes")));

        assertThat(associationStates()).containsOnly(SUBNET_A + "=disassociating", SUBNET_C + "=disassociating");
        assertThat(r.path("statusCode").asInt()).isEqualTo(200);
        assertThat(r.path("body").asText()).contains("The VPN is turning off", "2 active connection(s) are being cut",
                "Recording who turned it off on the VPN failed; the audit log has your name.")
                .doesNotContain("try again in a minute");
        assertThat(auditLines("vpn.off")).singleElement().satisfies(a -> {
            assertThat(a.path("actor").asText()).isEqualTo(ADMIN);
            assertThat(a.path("actorSub").asText()).isEqualTo(sub(ADMIN));
            assertThat(a.path("result").asText()).isEqualTo("ok");
            assertThat(a.path("activeConnectionsCut").asInt()).isEqualTo(2);
            assertThat(a.path("subnets").toString()).contains(SUBNET_A, SUBNET_C);
        });
        assertThat(endpointTags()).doesNotContainKey(VpnTags.TURNED_OFF_BY);
        assertThat(logLines).anySatisfy(l -> assertThat(l).contains("\"level\":\"ERROR\"",
                "could not record who did on the endpoint's tags"));
    }

    @Test
    void postOffJson_taggingFailsAfterDisassociation_okButNotRecorded() {
        turnOnAndWait();
        emu.injectFault(Fault.http500("ec2", 50).forAction("CreateTags"));

        JsonNode r = call(AlbEvents.post("/off").token(token(ADMIN)).header("accept", "application/json")
                .json("{\"confirm\":\"yes\"}"));

        assertThat(r.path("statusCode").asInt()).isEqualTo(200);
        JsonNode b = body(r);
        assertThat(b.path("ok").asBoolean()).isTrue();
        assertThat(b.path("outcome").asText()).isEqualTo("started");
        assertThat(b.path("recorded").asBoolean()).isFalse();
        assertThat(b.path("warnings").toString()).contains("Recording who turned it off on the VPN failed");
        assertThat(b.path("status").path("state").asText()).isEqualTo("turning-off");
        assertThat(auditLines("vpn.off")).hasSize(1);
    }

    @Test
    void postOff_endpointUnreadable_stillCutsAuditsAndSaysWhoIsNotRecorded() {
        turnOnAndWait();
        // EC2 refuses the endpoint's description past the SDK's three attempts; the associations read fine.
        emu.injectFault(Fault.http503("ec2", 3).forAction("DescribeClientVpnEndpoints"));

        JsonNode r = call(AlbEvents.post("/off").token(token(ADMIN)).header("accept", "application/json")
                .json("{\"confirm\":\"yes\"}"));

        assertThat(r.path("statusCode").asInt()).isEqualTo(200);
        assertThat(body(r).path("recorded").asBoolean()).isFalse();
        assertThat(body(r).path("status").path("state").asText()).isEqualTo("turning-off");
        assertThat(associationStates()).containsOnly(SUBNET_A + "=disassociating", SUBNET_C + "=disassociating");
        assertThat(auditLines("vpn.off")).singleElement()
                .satisfies(a -> assertThat(a.path("result").asText()).isEqualTo("ok"));
        assertThat(endpointTags()).doesNotContainKey(VpnTags.TURNED_OFF_BY);
    }

    @Test
    void postOff_everyDisassociationRefused_is503AuditedAsFailedAndNothingChanged() {
        turnOnAndWait();
        emu.injectFault(Fault.http503("ec2", 1000).forAction("DisassociateClientVpnTargetNetwork"));

        JsonNode r = call(postFromPage("/off", ADMIN, Map.of("confirm", "yes")));

        assertThat(r.path("statusCode").asInt()).isEqualTo(503);
        assertThat(associationStates()).containsOnly(SUBNET_A + "=associated", SUBNET_C + "=associated");
        assertThat(endpointTags()).doesNotContainKey(VpnTags.TURNED_OFF_BY);
        assertThat(auditLines("vpn.off")).singleElement().satisfies(a -> {
            assertThat(a.path("result").asText()).isEqualTo("failed");
            assertThat(a.path("failedSubnets").toString()).contains(SUBNET_A, SUBNET_C);
        });
    }

    @Test
    void postOff_oneSubnetRefused_cutsTheOtherAuditsPartialAndSaysWhichOneStillCosts() {
        turnOnAndWait();
        String refused = ec2.describeClientVpnTargetNetworks(r -> r.clientVpnEndpointId(ENDPOINT))
                .clientVpnTargetNetworks().stream().filter(t -> t.targetNetworkId().equals(SUBNET_C))
                .findFirst().orElseThrow().associationId();
        // Every attempt for that one association fails, however the turn-off orders or overlaps its calls.
        emu.injectFault(Fault.http503("ec2", 1000).forAction("DisassociateClientVpnTargetNetwork")
                .where("AssociationId", refused));

        JsonNode r = call(postFromPage("/off", ADMIN, Map.of("confirm", "yes")));

        // 200, not the usual redirect: the admin must read that one subnet is still associated, and still billed.
        assertThat(r.path("statusCode").asInt()).isEqualTo(200);
        assertThat(r.path("body").asText()).contains(SUBNET_C, SUBNET_A);
        assertThat(associationStates()).containsOnly(SUBNET_A + "=disassociating", SUBNET_C + "=associated");
        assertThat(auditLines("vpn.off")).singleElement().satisfies(a -> {
            assertThat(a.path("result").asText()).isEqualTo("partial");
            assertThat(a.path("subnets").toString()).isEqualTo("[\"" + SUBNET_A + "\"]");
            assertThat(a.path("failedSubnets").toString()).isEqualTo("[\"" + SUBNET_C + "\"]");
            assertThat(a.path("activeConnectionsCut").asInt()).isEqualTo(2);
        });
        assertThat(endpointTags()).containsEntry(VpnTags.TURNED_OFF_BY, ADMIN);
    }

    @Test
    void postOn_fromAnotherSite_isRefusedAndChangesNothing() {
        for (String site : List.of("cross-site", "same-site", "none")) {
            JsonNode r = call(AlbEvents.post("/on").token(token(EMPLOYEE)).header("sec-fetch-site", site).form(Map.of()));
            assertThat(r.path("statusCode").asInt()).as(site).isEqualTo(403);
        }
        assertThat(emu.calls()).isEmpty();
    }

    @Test
    void postOff_originWithAnotherSchemePortOrUserinfo_isRefusedAndTheVpnStaysOn() {
        turnOnAndWait();
        List<String> before = associationStates();

        for (String origin : List.of("http://vpn.example.com", "https://x@vpn.example.com",
                "https://vpn.example.com:8443", "null")) {
            JsonNode r = call(AlbEvents.post("/off").token(token(ADMIN)).header("sec-fetch-site", "same-origin")
                    .header("origin", origin).form(Map.of("confirm", "yes")));
            assertThat(r.path("statusCode").asInt()).as(origin).isEqualTo(403);
        }
        assertThat(associationStates()).isEqualTo(before);
        assertThat(emu.callCount("DisassociateClientVpnTargetNetwork")).isZero();
        assertThat(endpointTags()).doesNotContainKey(VpnTags.TURNED_OFF_BY);
    }

    @Test
    void postOn_originNotOurHost_isRefusedAndChangesNothing() {
        for (String origin : List.of("https://evil.example.net", "null", "https://vpn.example.com.evil.net")) {
            JsonNode r = call(AlbEvents.post("/on").token(token(EMPLOYEE)).header("sec-fetch-site", "same-origin")
                    .header("origin", origin).form(Map.of()));
            assertThat(r.path("statusCode").asInt()).as(origin).isEqualTo(403);
            assertThat(r.path("body").asText()).contains("Changes are accepted only from this site");
        }
        assertThat(emu.calls()).isEmpty();
    }

    @Test
    void postOff_malformedForm_is400AndChangesNothing() {
        turnOnAndWait();

        JsonNode r = call(AlbEvents.post("/off").token(token(ADMIN)).header("sec-fetch-site", "same-origin")
                .header("content-type", "application/x-www-form-urlencoded")
                .rawBody(Base64.getEncoder().encodeToString("confirm=%zz".getBytes()), true));

        assertThat(r.path("statusCode").asInt()).isEqualTo(400);
        assertThat(emu.callCount("DisassociateClientVpnTargetNetwork")).isZero();
    }

    @Test
    void postOn_malformedJson_is400AndChangesNothing() {
        JsonNode r = call(AlbEvents.post("/on").token(token(EMPLOYEE)).header("accept", "application/json")
                .json("{not json"));

        assertThat(r.path("statusCode").asInt()).isEqualTo(400);
        assertThat(body(r).path("error").asText()).isEqualTo("malformed_json");
        assertThat(emu.calls()).isEmpty();
    }

    @Test
    void postOff_jsonBodyConfirmingTwice_is400AndNothingIsTurnedOff() {
        turnOnAndWait();
        List<String> before = associationStates();

        JsonNode r = call(AlbEvents.post("/off").token(token(ADMIN)).header("accept", "application/json")
                .json("{\"confirm\":\"no\",\"confirm\":\"yes\"}"));

        assertThat(r.path("statusCode").asInt()).isEqualTo(400);
        assertThat(body(r).path("error").asText()).isEqualTo("duplicate_key");
        assertThat(body(r).path("message").asText()).contains("\"confirm\"");
        assertThat(associationStates()).isEqualTo(before).allSatisfy(a -> assertThat(a).endsWith("=associated"));
        assertThat(emu.callCount("DisassociateClientVpnTargetNetwork")).isZero();
        assertThat(endpointTags()).doesNotContainKey(VpnTags.TURNED_OFF_BY);
    }

    @Test
    void postOff_jsonBodyWithTrailingContent_is400AndNothingIsTurnedOff() {
        turnOnAndWait();

        JsonNode r = call(AlbEvents.post("/off").token(token(ADMIN)).header("accept", "application/json")
                .json("{\"confirm\":\"yes\"} trailing"));
        JsonNode second = call(AlbEvents.post("/off").token(token(ADMIN)).header("accept", "application/json")
                .json("{\"confirm\":\"no\"}{\"confirm\":\"yes\"}"));

        assertThat(body(r).path("error").asText()).isEqualTo("malformed_json");
        assertThat(body(second).path("error").asText()).isEqualTo("trailing_content");
        assertThat(emu.callCount("DisassociateClientVpnTargetNetwork")).isZero();
        assertThat(endpointTags()).doesNotContainKey(VpnTags.TURNED_OFF_BY);
    }

    @Test
    void postOn_oversizedBody_is413AndChangesNothing() {
        String big = "x=" + "a".repeat(1024 * 1024 + 10);
        JsonNode r = call(AlbEvents.post("/on").token(token(EMPLOYEE)).header("sec-fetch-site", "same-origin")
                .header("content-type", "application/x-www-form-urlencoded").rawBody(big, false));

        assertThat(r.path("statusCode").asInt()).isEqualTo(413);
        assertThat(emu.calls()).isEmpty();
    }

    @Test
    void anyRequest_missingOrForgedToken_is401AndNoEc2Call() {
        JsonNode missing = call(AlbEvents.get("/").header("sec-fetch-site", "none"));
        JsonNode otherAlb = call(AlbEvents.get("/").header("sec-fetch-site", "none").token(
                signer.sameKeyAs("arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:loadbalancer/app/other/1234567890abcdef")
                        .sign("s", EMPLOYEE, "taro")));
        JsonNode tampered = call(AlbEvents.post("/off").token(signer.token().sub("s").email(EMPLOYEE).username("taro")
                .tamperEmail(ADMIN).build()).form(Map.of("confirm", "yes")));

        assertThat(missing.path("statusCode").asInt()).isEqualTo(401);
        assertThat(otherAlb.path("statusCode").asInt()).isEqualTo(401);
        assertThat(tampered.path("statusCode").asInt()).isEqualTo(401);
        assertThat(emu.calls()).isEmpty();
    }

    @Test
    void unknownPathOrMethod_is404Or405() {
        assertThat(call(AlbEvents.get("/admin").token(token(EMPLOYEE))).path("statusCode").asInt()).isEqualTo(404);
        assertThat(call(AlbEvents.get("/on").token(token(EMPLOYEE))).path("statusCode").asInt()).isEqualTo(405);
        assertThat(emu.calls()).isEmpty();
    }

    @Test
    void getStatus_throttledTwiceThenOk_answersNormally() {
        // One action: the status's reads are made at once, so a fault for "the next two calls" lands on any of them.
        emu.injectFault(Fault.throttle("ec2", 2).forAction("DescribeClientVpnEndpoints"));

        JsonNode r = call(AlbEvents.get("/status").token(token(EMPLOYEE)));

        assertThat(r.path("statusCode").asInt()).isEqualTo(200);
        assertThat(body(r).path("state").asText()).isEqualTo("off");
        assertThat(emu.callCount("DescribeClientVpnEndpoints")).isEqualTo(3);
    }

    @Test
    void getRoot_ec2KeepsFailing_is503TryAgainWithoutInternals() {
        emu.injectFault(Fault.http503("ec2", 1000));

        JsonNode r = call(navigate("/", EMPLOYEE));

        assertThat(r.path("statusCode").asInt()).isEqualTo(503);
        assertThat(r.path("body").asText()).contains("try again in a minute")
                .doesNotContain("Exception", "software.amazon", "Unavailable", "overloaded", "at dev.");
        assertThat(logLines).anySatisfy(l -> assertThat(l).contains("\"level\":\"ERROR\"", "Ec2Exception"));
    }

    @Test
    void getRoot_unknownEndpoint_isMisconfiguredPageAndErrorLog() {
        handler = newHandler(Map.of("CLIENT_VPN_ENDPOINT_ID", "cvpn-endpoint-0ffffffffffffffff"));

        JsonNode r = call(navigate("/", EMPLOYEE));

        assertThat(r.path("statusCode").asInt()).isEqualTo(500);
        assertThat(r.path("body").asText()).contains("The VPN is misconfigured. Please tell IT.")
                .doesNotContain("Exception", "InvalidClientVpnEndpointId", "does not exist", "software.amazon");
        assertThat(logLines).anySatisfy(l -> assertThat(l).contains("\"level\":\"ERROR\"", "vpn_misconfigured",
                "Ec2Exception", "cvpn-endpoint-0ffffffffffffffff' does not exist"));
        assertThat(emu.calls()).doesNotContain("AssociateClientVpnTargetNetwork");
    }
}
