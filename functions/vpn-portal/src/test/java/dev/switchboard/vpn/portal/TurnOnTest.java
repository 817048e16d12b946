package dev.switchboard.vpn.portal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.core.testing.AlbEvents;
import dev.switchboard.emulator.Fault;
import dev.switchboard.vpn.VpnTags;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Employees opening the page: the VPN turns on once, and the page says where it stands. */
class TurnOnTest extends PortalTestSupport {

    @Test
    void getRoot_vpnOff_pageSaysTheHourlyCostInCentsRoundedHalfUp() {
        handler = newHandler(Map.of("HOURLY_PRICE_USD", "0.0625"));  // two subnets: USD 0.125 an hour

        String page = call(navigate("/", EMPLOYEE)).path("body").asText();

        assertThat(page).contains("about USD 0.13 per hour");
    }

    @Test
    void getRoot_offAndNavigated_turnsOnBothSubnetsThenReadyOnceTheClockMoves() {
        JsonNode first = call(navigate("/", EMPLOYEE));

        assertThat(first.path("statusCode").asInt()).isEqualTo(200);
        assertThat(first.path("body").asText())
                .contains("Turning on…", "5–10 minutes", SUBNET_A + "</code> (associating)", SUBNET_C + "</code> (associating)",
                        EMPLOYEE, "content=\"15;url=/status\"");
        assertThat(associationStates()).containsExactlyInAnyOrder(SUBNET_A + "=associating", SUBNET_C + "=associating");
        assertThat(emu.callCount("AssociateClientVpnTargetNetwork")).isEqualTo(2);
        assertThat(endpointTags()).containsEntry(VpnTags.TURNED_ON_BY, EMPLOYEE)
                .containsEntry(VpnTags.TURNED_ON_BY_SUB, sub(EMPLOYEE)).containsKey(VpnTags.TURNED_ON_AT);
        assertThat(auditLines("vpn.on")).singleElement().satisfies(a -> {
            assertThat(a.path("actor").asText()).isEqualTo(EMPLOYEE);
            assertThat(a.path("actorSub").asText()).isEqualTo(sub(EMPLOYEE));
            assertThat(a.path("sourceIp").asText()).isEqualTo("203.0.113.7");
            assertThat(a.path("target").asText()).isEqualTo(ENDPOINT);
            assertThat(a.path("result").asText()).isEqualTo("ok");
            assertThat(a.path("subnets").toString()).contains(SUBNET_A, SUBNET_C);
        });

        emu.advanceClock(Duration.ofMinutes(10));
        JsonNode later = call(navigate("/status", EMPLOYEE).header("sec-fetch-site", "same-origin"));

        assertThat(later.path("body").asText()).contains("Ready", SUBNET_A + "</code> (associated)", SUBNET_C + "</code> (associated)")
                .doesNotContain("http-equiv=\"refresh\"");
        assertThat(emu.callCount("AssociateClientVpnTargetNetwork")).isEqualTo(2);
    }

    @Test
    void getRoot_japanese_saysItInJapanese() {
        JsonNode page = call(navigate("/", EMPLOYEE).header("accept-language", "ja-JP,ja;q=0.9,en;q=0.5"));

        assertThat(page.path("body").asText()).contains("lang=\"ja\"", "オンにしています…", "通常 5〜10 分かかります",
                "関連付け中", "接続している人がいない状態が 60 分続いたとき", "Asia/Tokyo");
    }

    @Test
    void getRoot_alreadyReady_startsNoNewAssociation() {
        call(navigate("/", EMPLOYEE));
        emu.advanceClock(Duration.ofMinutes(10));

        JsonNode again = call(navigate("/", "hanako@example.com"));

        assertThat(again.path("body").asText()).contains("Ready");
        assertThat(emu.callCount("AssociateClientVpnTargetNetwork")).isEqualTo(2);
        assertThat(endpointTags()).containsEntry(VpnTags.TURNED_ON_BY, EMPLOYEE);
        assertThat(auditLines("vpn.on")).hasSize(1);
    }

    @Test
    void getRoot_stillAssociating_startsNoNewAssociation() {
        call(navigate("/", EMPLOYEE));
        emu.advanceClock(Duration.ofMinutes(3));

        JsonNode again = call(navigate("/", "hanako@example.com"));

        assertThat(again.path("body").asText()).contains("Turning on…");
        assertThat(emu.callCount("AssociateClientVpnTargetNetwork")).isEqualTo(2);
        assertThat(associationStates()).hasSize(2);
    }

    @Test
    void getRoot_fiftyEmployeesAtOnce_oneAssociationPerSubnetAndFiftyNormalPages() throws Exception {
        int n = 50;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<JsonNode>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                String email = "user" + i + "@example.com";
                AlbEvents event = navigate("/", email);
                // One handler each, as 50 concurrent Lambda instances would have.
                VpnPortalHandler own = newHandler(Map.of());
                Callable<JsonNode> task = () -> {
                    start.await();
                    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                    own.handleRequest(event.toStream(), out, null);
                    return AlbEvents.response(out.toByteArray());
                };
                answers.add(pool.submit(task));
            }
            start.countDown();
            for (Future<JsonNode> f : answers) {
                JsonNode r = f.get(60, TimeUnit.SECONDS);
                assertThat(r.path("statusCode").asInt()).isEqualTo(200);
                assertThat(r.path("body").asText()).contains("Turning on…");
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(associationStates()).containsExactlyInAnyOrder(SUBNET_A + "=associating", SUBNET_C + "=associating");
        // Every handler that lost the race was told "already associated" by EC2 and started nothing.
        assertThat(auditLines("vpn.on")).flatExtracting(a -> {
            List<String> s = new ArrayList<>();
            a.path("subnets").forEach(x -> s.add(x.asText()));
            return s;
        }).containsExactlyInAnyOrder(SUBNET_A, SUBNET_C);
    }

    @Test
    void getRoot_associationsThrottled_eachSubnetAssociatedOnceAfterTheRetries() {
        emu.injectFault(Fault.throttle("ec2", 2).forAction("AssociateClientVpnTargetNetwork"));

        JsonNode page = call(navigate("/", EMPLOYEE));

        assertThat(page.path("body").asText()).contains("Turning on…");
        assertThat(associationStates()).containsExactlyInAnyOrder(SUBNET_A + "=associating", SUBNET_C + "=associating");
        assertThat(auditLines("vpn.on")).singleElement()
                .satisfies(a -> assertThat(a.path("subnets").toString()).contains(SUBNET_A, SUBNET_C));
    }

    @Test
    void getRoot_tagsRefused_turnsOnAuditsAndShowsThePageWithoutAName() {
        emu.injectFault(Fault.http500("ec2", 50).forAction("CreateTags"));

        JsonNode answer = body(call(navigate("/", EMPLOYEE).header("accept", "application/json")));

        assertThat(answer.path("state").asText()).isEqualTo("turning-on");
        assertThat(answer.path("turnedOnBy").isNull()).isTrue();
        assertThat(associationStates()).containsExactlyInAnyOrder(SUBNET_A + "=associating", SUBNET_C + "=associating");
        assertThat(auditLines("vpn.on")).singleElement()
                .satisfies(a -> assertThat(a.path("result").asText()).isEqualTo("ok"));
        assertThat(endpointTags()).doesNotContainKey(VpnTags.TURNED_ON_BY);
    }

    @Test
    void getRoot_fromAnotherSite_onlyShowsThePageWithAButton() {
        for (String site : List.of("cross-site", "same-site")) {
            JsonNode page = call(navigate("/", EMPLOYEE).header("sec-fetch-site", site));

            assertThat(page.path("statusCode").asInt()).isEqualTo(200);
            assertThat(page.path("body").asText()).contains("Off", "<form class=\"inline\" method=\"post\" action=\"/on\">",
                    "Turn the VPN on");
        }
        assertThat(emu.callCount("AssociateClientVpnTargetNetwork")).isZero();
    }

    @Test
    void getRoot_refreshUrl_neverTurnsTheVpnOn() {
        JsonNode page = call(navigate("/?refresh=1", EMPLOYEE).header("sec-fetch-site", "same-origin"));

        assertThat(page.path("body").asText()).contains("Off");
        assertThat(emu.callCount("AssociateClientVpnTargetNetwork")).isZero();
    }

    @Test
    void getRoot_noSecFetchSiteAndJson_turnsOnAndAnswersJson() {
        JsonNode r = call(AlbEvents.get("/").token(token(EMPLOYEE)).header("accept", "application/json"));

        assertThat(r.path("headers").path("content-type").asText()).startsWith("application/json");
        JsonNode status = body(r);
        assertThat(status.path("state").asText()).isEqualTo("turning-on");
        assertThat(status.path("turnedOnBy").asText()).isEqualTo(EMPLOYEE);
        assertThat(emu.callCount("AssociateClientVpnTargetNetwork")).isEqualTo(2);
    }

    @Test
    void getStatus_off_answersJsonAndChangesNothing() {
        JsonNode r = call(AlbEvents.get("/status").token(token(EMPLOYEE)).header("sec-fetch-site", "none"));

        assertThat(r.path("statusCode").asInt()).isEqualTo(200);
        JsonNode s = body(r);
        assertThat(s.path("state").asText()).isEqualTo("off");
        assertThat(s.path("endpointId").asText()).isEqualTo(ENDPOINT);
        assertThat(s.path("activeConnections").asInt()).isZero();
        assertThat(s.path("turnOff").path("idleMinutes").asInt()).isEqualTo(60);
        assertThat(s.path("turnOff").path("timeZone").asText()).isEqualTo("Asia/Tokyo");
        assertThat(s.path("turnOff").path("nightlyAt").asText()).endsWith(":00:00Z");
        assertThat(emu.calls()).doesNotContain("AssociateClientVpnTargetNetwork", "CreateTags");
    }

    @Test
    void getStatus_browserWhileOff_showsTheOffPageAndTurnsNothingOn() {
        JsonNode r = call(navigate("/status", EMPLOYEE));

        assertThat(r.path("statusCode").asInt()).isEqualTo(200);
        assertThat(r.path("headers").path("content-type").asText()).startsWith("text/html");
        assertThat(r.path("body").asText()).contains("Off", "Turn the VPN on", "action=\"/on\"");
        assertThat(emu.calls()).doesNotContain("AssociateClientVpnTargetNetwork", "CreateTags");
        assertThat(auditLines("vpn.on")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "*/*", "application/json", "application/json, text/html;q=0.9",
            "text/html;q=0, application/json", "text/plain", "text/*"})
    void getStatus_scriptAccept_keepsAnsweringJson(String accept) {
        AlbEvents event = AlbEvents.get("/status").token(token(EMPLOYEE));
        if (!accept.isEmpty()) {
            event.header("accept", accept);
        }

        JsonNode r = call(event);

        assertThat(r.path("headers").path("content-type").asText()).startsWith("application/json");
        assertThat(body(r).path("state").asText()).isEqualTo("off");
        assertThat(emu.calls()).doesNotContain("AssociateClientVpnTargetNetwork");
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
            "text/html", "application/json;q=0.5, text/html"})
    void getStatus_browserAccept_getsThePage(String accept) {
        JsonNode r = call(AlbEvents.get("/status").token(token(EMPLOYEE)).header("accept", accept));

        assertThat(r.path("headers").path("content-type").asText()).startsWith("text/html");
        assertThat(emu.calls()).doesNotContain("AssociateClientVpnTargetNetwork");
    }

    @Test
    void getStatus_ready_countsOnlyActiveConnectionsAndShowsWhoTurnedItOn() {
        call(navigate("/", EMPLOYEE));
        emu.advanceClock(Duration.ofMinutes(10));
        emu.seedConnection(ENDPOINT, "cvpn-connection-1", "taro", "198.51.100.1");
        emu.seedConnection(ENDPOINT, "cvpn-connection-2", "hanako", "198.51.100.2");
        emu.terminateConnection(ENDPOINT, "cvpn-connection-2");

        JsonNode s = body(call(AlbEvents.get("/status").token(token(EMPLOYEE))));

        assertThat(s.path("state").asText()).isEqualTo("ready");
        assertThat(s.path("activeConnections").asInt()).isEqualTo(1);
        assertThat(s.path("associatedSubnets").toString()).contains(SUBNET_A, SUBNET_C);
        assertThat(s.path("turnedOnBy").asText()).isEqualTo(EMPLOYEE);
        assertThat(s.path("hourlyCostUsd").asDouble()).isEqualTo(0.30);
    }

    @Test
    void postOn_fromOurPage_turnsOnAndRedirectsToTheReadOnlyPage() {
        JsonNode r = call(postFromPage("/on", EMPLOYEE, Map.of()));

        assertThat(r.path("statusCode").asInt()).isEqualTo(303);
        assertThat(r.path("headers").path("location").asText()).isEqualTo("/status");
        assertThat(associationStates()).hasSize(2);
    }

    @Test
    void postOn_json_answersJson() {
        JsonNode r = call(AlbEvents.post("/on").token(token(EMPLOYEE)).json("{}"));

        assertThat(r.path("statusCode").asInt()).isEqualTo(200);
        JsonNode b = body(r);
        assertThat(b.path("outcome").asText()).isEqualTo("started");
        assertThat(b.path("startedSubnets").toString()).contains(SUBNET_A, SUBNET_C);

        JsonNode again = body(call(AlbEvents.post("/on").token(token(EMPLOYEE)).json("{}")));
        assertThat(again.path("outcome").asText()).isEqualTo("already-on");
        assertThat(emu.callCount("AssociateClientVpnTargetNetwork")).isEqualTo(2);
    }

    @Test
    void routes_afterAssociation_areCreatedOnceByTheScheduleAndOnlyForAssociatedSubnets() {
        call(navigate("/", EMPLOYEE));
        command("{\"action\":\"repair\",\"requestedBy\":\"schedule\"}");
        assertThat(emu.callCount("CreateClientVpnRoute")).isZero();

        emu.advanceClock(Duration.ofMinutes(10));
        call(AlbEvents.get("/status").token(token(EMPLOYEE)));
        assertThat(emu.callCount("CreateClientVpnRoute")).as("a read never creates a route").isZero();
        command("{\"action\":\"repair\",\"requestedBy\":\"schedule\"}");
        command("{\"action\":\"repair\",\"requestedBy\":\"schedule\"}");
        call(navigate("/", EMPLOYEE));

        assertThat(emu.callCount("CreateClientVpnRoute")).isEqualTo(1);
        List<String> routes = ec2.describeClientVpnRoutes(r -> r.clientVpnEndpointId(ENDPOINT)).routes().stream()
                .filter(r -> r.destinationCidr().equals(OFFICE_CIDR)).map(r -> r.targetSubnet()).toList();
        assertThat(routes).containsExactly(SUBNET_A);
        assertThat(auditLines("vpn.route")).singleElement()
                .satisfies(a -> assertThat(a.path("actor").asText()).isEqualTo("schedule"));
    }

    @Test
    void associationFailed_isRetriedOnceByTheScheduleThenReported() {
        emu.failNextAssociation(SUBNET_C);
        call(navigate("/", EMPLOYEE));
        emu.advanceClock(Duration.ofMinutes(10));
        emu.failNextAssociation(SUBNET_C);

        JsonNode read = body(call(AlbEvents.get("/status").token(token(EMPLOYEE))));
        assertThat(emu.callCount("AssociateClientVpnTargetNetwork")).as("a read never retries").isEqualTo(2);
        assertThat(read.path("failedSubnets").toString()).isEqualTo("[\"" + SUBNET_C + "\"]");

        JsonNode retrying = command("{\"action\":\"repair\",\"requestedBy\":\"schedule\"}").path("status");

        assertThat(emu.callCount("AssociateClientVpnTargetNetwork")).isEqualTo(3);
        assertThat(retrying.path("state").asText()).isEqualTo("turning-on");
        assertThat(retrying.path("failedSubnets")).isEmpty();

        emu.advanceClock(Duration.ofMinutes(10));
        command("{\"action\":\"repair\",\"requestedBy\":\"schedule\"}");
        JsonNode reported = body(call(AlbEvents.get("/status").token(token(EMPLOYEE))));
        JsonNode page = call(navigate("/?refresh=1", EMPLOYEE));

        assertThat(emu.callCount("AssociateClientVpnTargetNetwork")).isEqualTo(3);
        assertThat(reported.path("state").asText()).isEqualTo("ready");
        assertThat(reported.path("failedSubnets").toString()).isEqualTo("[\"" + SUBNET_C + "\"]");
        assertThat(reported.path("associatedSubnets").toString()).isEqualTo("[\"" + SUBNET_A + "\"]");
        assertThat(page.path("body").asText()).contains("Subnet " + SUBNET_C + " could not be connected", "tell IT");
        assertThat(auditLines("vpn.retry")).hasSize(1);
    }
}
