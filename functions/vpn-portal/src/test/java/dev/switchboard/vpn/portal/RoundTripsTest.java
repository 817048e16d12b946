package dev.switchboard.vpn.portal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.core.testing.AlbEvents;
import dev.switchboard.emulator.ServiceCall;
import dev.switchboard.vpn.VpnTags;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How many AWS round trips each path waits for one after another. The emulator delays every call, so calls
 * made at once overlap in its call log and calls made one after another do not; the count comes from the
 * log's times, not from how long the test took.
 */
class RoundTripsTest extends PortalTestSupport {

    @BeforeEach
    void delayEveryCall() {
        // Long enough that calls started together overlap even when a loaded machine starts a thread late.
        emu.setLatency(Duration.ofMillis(400));
    }

    @Test
    void getRoot_vpnOff_readsAtOnceThenWritesAtOnceAndReadsNothingBack() {
        JsonNode answer = body(call(navigate("/", EMPLOYEE).header("accept", "application/json")));

        assertThat(ServiceCall.sequentialRoundTrips(emu.callLog())).isEqualTo(2);
        assertThat(emu.calls()).containsExactlyInAnyOrder("DescribeClientVpnEndpoints", "DescribeClientVpnTargetNetworks",
                "AssociateClientVpnTargetNetwork", "AssociateClientVpnTargetNetwork", "CreateTags");
        // The page comes from the writes' answers: the associations EC2 started and who turned it on.
        assertThat(answer.path("state").asText()).isEqualTo("turning-on");
        assertThat(answer.path("turnedOnBy").asText()).isEqualTo(EMPLOYEE);
        assertThat(answer.path("subnets")).extracting(s -> s.path("associationId").asText())
                .containsExactlyInAnyOrderElementsOf(associationIds());
        assertThat(endpointTags()).containsEntry(VpnTags.TURNED_ON_BY, EMPLOYEE);
    }

    @Test
    void pageRefresh_whileAssociating_oneRoundTrip() {
        call(navigate("/", EMPLOYEE));
        for (String refresh : List.of(StatusPage.REFRESH_URL, "/?refresh=1")) {
            int before = emu.callLog().size();

            JsonNode page = call(navigate(refresh, EMPLOYEE).header("sec-fetch-site", "same-origin"));

            assertThat(page.path("body").asText()).as(refresh).contains("Turning on…");
            assertThat(roundTripsSince(before)).as(refresh).isEqualTo(1);
        }
    }

    @Test
    void getStatus_readyWithOnePersonConnected_oneRoundTripCountingThem() {
        call(navigate("/", EMPLOYEE));
        emu.advanceClock(Duration.ofMinutes(10));
        call(navigate("/", EMPLOYEE));  // the routes are re-created by a visit, not by a read
        emu.seedConnection(ENDPOINT, "cvpn-connection-0aaa", "taro", "172.16.0.10");
        int before = emu.callLog().size();

        JsonNode status = body(call(AlbEvents.get("/status").token(token(EMPLOYEE)).header("accept", "application/json")));

        assertThat(status.path("state").asText()).isEqualTo("ready");
        assertThat(status.path("activeConnections").asInt()).isEqualTo(1);
        assertThat(roundTripsSince(before)).isEqualTo(1);
        assertThat(emu.calls().subList(before, emu.calls().size())).containsExactlyInAnyOrder(
                "DescribeClientVpnEndpoints", "DescribeClientVpnTargetNetworks", "DescribeClientVpnConnections");
    }

    @Test
    void getRoot_alreadyReady_twoRoundTripsAndNoWrite() {
        call(navigate("/", EMPLOYEE));
        emu.advanceClock(Duration.ofMinutes(10));
        call(navigate("/", EMPLOYEE));
        int before = emu.callLog().size();

        JsonNode page = call(navigate("/", EMPLOYEE));

        assertThat(page.path("statusCode").asInt()).isEqualTo(200);
        assertThat(roundTripsSince(before)).isEqualTo(2);
        assertThat(emu.calls().subList(before, emu.calls().size())).containsExactlyInAnyOrder(
                "DescribeClientVpnEndpoints", "DescribeClientVpnTargetNetworks",
                "DescribeClientVpnConnections", "DescribeClientVpnRoutes");
    }

    @Test
    void getStatus_everyListOnSeveralPages_readsEveryPageInOneRoundTripPlusOnePerExtraPage() {
        call(navigate("/", EMPLOYEE));
        emu.advanceClock(Duration.ofMinutes(10));
        call(navigate("/", EMPLOYEE));
        for (int i = 1; i <= 3; i++) {
            emu.seedConnection(ENDPOINT, "cvpn-connection-0aaaaaaaaaaaaaab" + i, "user" + i, "172.16.0.1" + i);
        }
        emu.terminateConnection(ENDPOINT, "cvpn-connection-0aaaaaaaaaaaaaab1");
        emu.setPageLimit(1);  // EC2 may answer fewer items than MaxResults, with a NextToken
        int before = emu.callLog().size();

        JsonNode status = body(call(AlbEvents.get("/status").token(token(EMPLOYEE)).header("accept", "application/json")));

        // The second association and the last connection are only on later pages.
        assertThat(status.path("state").asText()).isEqualTo("ready");
        assertThat(status.path("subnets")).extracting(s -> s.path("status").asText()).containsExactly("associated", "associated");
        assertThat(status.path("activeConnections").asInt()).isEqualTo(2);
        assertThat(emu.calls().subList(before, emu.calls().size())).containsExactlyInAnyOrder("DescribeClientVpnEndpoints",
                "DescribeClientVpnTargetNetworks", "DescribeClientVpnTargetNetworks",
                "DescribeClientVpnConnections", "DescribeClientVpnConnections", "DescribeClientVpnConnections");
        // The lists are read side by side: the longest (three pages) sets the count.
        assertThat(roundTripsSince(before)).isEqualTo(3);
    }

    @Test
    void pageRefresh_associationsOnTwoPages_readsBothInOneRoundTripPlusThePage() {
        call(navigate("/", EMPLOYEE));
        emu.setPageLimit(1);
        int before = emu.callLog().size();

        JsonNode status = body(call(navigate("/?refresh=1", EMPLOYEE).header("sec-fetch-site", "same-origin")
                .header("accept", "application/json")));

        assertThat(status.path("subnets")).extracting(s -> s.path("status").asText()).containsExactly("associating", "associating");
        assertThat(emu.calls().subList(before, emu.calls().size()))
                .filteredOn("DescribeClientVpnTargetNetworks"::equals).hasSize(2);
        assertThat(roundTripsSince(before)).isEqualTo(2);
    }

    @Test
    void postOff_adminConfirmed_readsAtOnceCutsAtOnceTagsAndReadsNothingBack() {
        call(navigate("/", EMPLOYEE));
        emu.advanceClock(Duration.ofMinutes(10));
        emu.seedConnection(ENDPOINT, "cvpn-connection-0aaa", "taro", "172.16.0.10");
        int before = emu.callLog().size();

        JsonNode answer = body(call(AlbEvents.post("/off").token(token(ADMIN)).header("accept", "application/json")
                .json("{\"confirm\":\"yes\"}")));

        assertThat(roundTripsSince(before)).isEqualTo(3);
        assertThat(emu.calls().subList(before, emu.calls().size())).containsExactlyInAnyOrder(
                "DescribeClientVpnEndpoints", "DescribeClientVpnTargetNetworks", "DescribeClientVpnConnections",
                "DisassociateClientVpnTargetNetwork", "DisassociateClientVpnTargetNetwork", "CreateTags");
        // The page comes from the answers: the subnets EC2 is disassociating, who turned it off, who is being cut.
        assertThat(answer.path("activeConnectionsCut").asInt()).isEqualTo(1);
        JsonNode status = answer.path("status");
        assertThat(status.path("state").asText()).isEqualTo("turning-off");
        assertThat(status.path("subnets")).extracting(s -> s.path("status").asText())
                .containsExactly("disassociating", "disassociating");
        assertThat(status.path("turnedOffBy").asText()).isEqualTo(ADMIN);
        assertThat(status.path("activeConnections").asInt()).isEqualTo(1);
    }

    private static int roundTripsSince(int before) {
        List<ServiceCall> log = emu.callLog();
        return ServiceCall.sequentialRoundTrips(log.subList(before, log.size()));
    }

    private static List<String> associationIds() {
        return ec2.describeClientVpnTargetNetworks(r -> r.clientVpnEndpointId(ENDPOINT)).clientVpnTargetNetworks()
                .stream().map(t -> t.associationId()).toList();
    }
}
