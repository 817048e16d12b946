package dev.switchboard.vpn.autooff;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.emulator.Fault;
import dev.switchboard.emulator.ServiceCall;
import dev.switchboard.vpn.VpnTags;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The nightly turn-off never cuts anyone: off at once when nobody is connected, otherwise as soon as the last
 * person has been gone for NIGHTLY_IDLE_MINUTES (5 here; the day's idle is 30, grace 15). And the idle check
 * reads everything it needs in one round trip.
 */
class NightlyTest extends EmulatedVpn {

    private static final String NIGHTLY = "{\"mode\":\"nightly\"}";
    private static final String IDLE = "{\"mode\":\"idle\"}";
    private static final String CONNECTION = "cvpn-connection-0aaaaaaaaaaaaaaa1";

    /** The summary of the last {@link #callsOf} run. */
    private JsonNode summary;

    @Test
    void nightly_nobodyConnected_turnsOffAtOnce() {
        turnOn();
        emu.advanceClock(Duration.ofMinutes(GRACE_MINUTES));

        JsonNode summary = invoke(NIGHTLY);

        assertThat(summary.path("result").asText()).isEqualTo("done");
        assertThat(summary.path("reason").asText()).startsWith("nightly turn-off");
        assertThat(associationStates().values()).containsOnly("disassociating");
        assertThat(endpointTags()).containsEntry(VpnTags.TURNED_OFF_BY, "auto-off:nightly")
                .doesNotContainKey(VpnTags.NIGHTLY_SINCE);
        assertThat(logsOfType("audit").get(0).path("activeConnectionsCutOff").asInt()).isZero();
        // The month's ledger gains the on-period: two subnets for 21 minutes, and the summary says so.
        assertThat(endpointTags().get(VpnTags.USAGE)).matches(".*;subnet-seconds=25[2-9][0-9]"); // + real seconds
        JsonNode month = summary.path("month");
        // 2520–2599 subnet-seconds, as the tag above says: 0.70–0.72 hours, USD 0.11 either way.
        assertThat(month.path("associationHours").decimalValue()).isBetween(new BigDecimal("0.70"), new BigDecimal("0.72"));
        assertThat(month.path("costUsd").decimalValue()).isEqualByComparingTo("0.11");
        assertThat(month.path("alwaysOnHours").decimalValue()).isBetween(new BigDecimal("0.70"), new BigDecimal("0.72"));
    }

    @Test
    void nightly_someoneConnected_leavesThemAndTurnsOffFiveMinutesAfterTheyLeave() {
        turnOn();
        emu.seedConnection(ENDPOINT, CONNECTION, "night-owl", "172.16.0.9");
        emu.advanceClock(Duration.ofMinutes(60));

        JsonNode nightly = invoke(NIGHTLY);

        assertThat(nightly.path("decision").asText()).isEqualTo("in-use");
        assertThat(nightly.path("markedPending").asBoolean()).isTrue();
        assertThat(endpointTags()).containsEntry(VpnTags.NIGHTLY_SINCE, nightly.path("checkedAt").asText());
        emu.advanceClock(Duration.ofMinutes(50));
        assertThat(invoke(IDLE).path("decision").asText()).isEqualTo("in-use");

        emu.terminateConnection(ENDPOINT, CONNECTION);
        emu.advanceClock(Duration.ofMinutes(4));
        assertThat(invoke(IDLE).path("decision").asText()).isEqualTo("not-idle-long-enough");
        emu.advanceClock(Duration.ofMinutes(1));
        JsonNode off = invoke(IDLE);

        assertThat(off.path("result").asText()).isEqualTo("done");
        assertThat(off.path("reason").asText()).startsWith("after the nightly time");
        assertThat(connectionStates()).containsEntry(CONNECTION, "terminated");
        assertThat(logsOfType("audit")).singleElement()
                .satisfies(a -> assertThat(a.path("activeConnectionsCutOff").asInt()).isZero());
    }

    /** The case: turned on at 21:59, still associating at 22:00, used from 22:07 until 23:00. */
    @Test
    void nightly_turnOnAMinuteBefore_isNeitherCutNorTurnedOffBeforeItsFirstConnection() {
        ec2.associateClientVpnTargetNetwork(r -> r.clientVpnEndpointId(ENDPOINT).subnetId(SUBNET_A));
        tag(VpnTags.TURNED_ON_AT, emu.now().truncatedTo(ChronoUnit.SECONDS).toString());
        emu.advanceClock(Duration.ofMinutes(1));

        JsonNode nightly = invoke(NIGHTLY);
        assertThat(nightly.path("decision").asText()).isEqualTo("in-progress");
        assertThat(nightly.path("markedPending").asBoolean()).isTrue();

        emu.advanceClock(Duration.ofMinutes(5));   // 22:06, associated; nobody connected yet
        assertThat(invoke(IDLE).path("decision").asText()).isEqualTo("grace-period");
        emu.advanceClock(Duration.ofMinutes(1));   // 22:07
        emu.seedConnection(ENDPOINT, CONNECTION, "late-worker", "172.16.0.9");
        emu.advanceClock(Duration.ofMinutes(3));   // 22:10: the check that used to cut them
        assertThat(invoke(IDLE).path("decision").asText()).isEqualTo("in-use");
        emu.advanceClock(Duration.ofMinutes(50));  // 23:00
        emu.terminateConnection(ENDPOINT, CONNECTION);
        emu.advanceClock(Duration.ofMinutes(5));

        assertThat(invoke(IDLE).path("result").asText()).isEqualTo("done");
        assertThat(logsOfType("audit")).singleElement()
                .satisfies(a -> assertThat(a.path("activeConnectionsCutOff").asInt()).isZero());
    }

    @Test
    void nightly_thenATurnOnAfterIt_theMarkNoLongerStandsAndTheDayRuleApplies() {
        turnOn();
        emu.seedConnection(ENDPOINT, CONNECTION, "night-owl", "172.16.0.9");
        invoke(NIGHTLY);
        emu.terminateConnection(ENDPOINT, CONNECTION);
        // Turned on again after the nightly run (the portal records it; the VPN was never off in between).
        tag(VpnTags.TURNED_ON_AT, emu.now().plusSeconds(1).truncatedTo(ChronoUnit.SECONDS).plusSeconds(1).toString());
        emu.advanceClock(Duration.ofMinutes(2));
        emu.seedConnection(ENDPOINT, "cvpn-connection-0aaaaaaaaaaaaaaa2", "night-owl", "172.16.0.9");
        emu.terminateConnection(ENDPOINT, "cvpn-connection-0aaaaaaaaaaaaaaa2");
        emu.advanceClock(Duration.ofMinutes(10));

        JsonNode check = invoke(IDLE);

        assertThat(check.path("decision").asText()).isEqualTo("not-idle-long-enough");
        assertThat(check.path("reason").asText()).doesNotContain("nightly").contains("(30 min idle)");
    }

    @Test
    void nightly_alreadyOff_leavesNoMark() {
        int tags = emu.callCount("CreateTags");

        assertThat(invoke(NIGHTLY).path("decision").asText()).isEqualTo("already-off");
        assertThat(emu.callCount("CreateTags")).isEqualTo(tags);
    }

    @Test
    void nightly_dryRunWithPeopleConnected_leavesNoMark() {
        turnOn();
        emu.seedConnection(ENDPOINT, CONNECTION, "night-owl", "172.16.0.9");
        int tags = emu.callCount("CreateTags");

        assertThat(invoke("{\"mode\":\"nightly\",\"dryRun\":true}").path("decision").asText()).isEqualTo("in-use");
        assertThat(emu.callCount("CreateTags")).isEqualTo(tags);
    }

    // ------------------------------------------------------------------ one round trip (issue 15)

    @Test
    void idle_vpnOnWithSomeoneConnected_readsInOneSequentialRoundTrip() {
        turnOn();
        emu.seedConnection(ENDPOINT, CONNECTION, "alice", "172.16.0.9");

        List<ServiceCall> calls = callsOf(IDLE);

        assertThat(calls).extracting(ServiceCall::action).containsExactlyInAnyOrder("DescribeClientVpnEndpoints",
                "DescribeClientVpnTargetNetworks", "DescribeClientVpnConnections");
        assertThat(ServiceCall.sequentialRoundTrips(calls)).isEqualTo(1);
    }

    @Test
    void idle_vpnOff_readsInOneSequentialRoundTrip() {
        List<ServiceCall> calls = callsOf(IDLE);

        assertThat(calls).hasSize(3);
        assertThat(ServiceCall.sequentialRoundTrips(calls)).isEqualTo(1);
    }

    @Test
    void idle_connectionsOnTwoPages_oneRoundTripPlusThePage() {
        turnOn();
        for (int i = 0; i < 1001; i++) {
            emu.seedConnection(ENDPOINT, "cvpn-connection-" + i, "user" + i, "172.16.0.9");
        }

        List<ServiceCall> calls = callsOf(IDLE);

        assertThat(calls).filteredOn(c -> c.action().equals("DescribeClientVpnConnections")).hasSize(2);
        assertThat(ServiceCall.sequentialRoundTrips(calls)).isEqualTo(2);
    }

    @Test
    void idle_everyListOnSeveralPages_readsEveryPageInOneRoundTripPlusOnePerExtraPage() {
        turnOn();
        for (int i = 1; i <= 3; i++) {
            emu.seedConnection(ENDPOINT, "cvpn-connection-0aaaaaaaaaaaaaab" + i, "user" + i, "172.16.0.9");
        }
        // Only the connection on the last page is still active: a check that stopped at the first page would see
        // nobody connected for 40 minutes and turn the VPN off.
        emu.terminateConnection(ENDPOINT, "cvpn-connection-0aaaaaaaaaaaaaab1");
        emu.terminateConnection(ENDPOINT, "cvpn-connection-0aaaaaaaaaaaaaab2");
        emu.advanceClock(Duration.ofMinutes(40));
        emu.setPageLimit(1);  // EC2 may answer fewer items than MaxResults, with a NextToken

        List<ServiceCall> calls = callsOf(IDLE);

        assertThat(summary.path("decision").asText()).isEqualTo("in-use");
        assertThat(calls).extracting(ServiceCall::action).containsExactlyInAnyOrder("DescribeClientVpnEndpoints",
                "DescribeClientVpnTargetNetworks", "DescribeClientVpnTargetNetworks",
                "DescribeClientVpnConnections", "DescribeClientVpnConnections", "DescribeClientVpnConnections");
        // The lists are read side by side: the longest (three pages) sets the count.
        assertThat(ServiceCall.sequentialRoundTrips(calls)).isEqualTo(3);
    }

    @Test
    void idle_associationsOnTwoPages_turnsOffTheSubnetOnTheSecondPageToo() {
        List<String> associations = turnOn();
        emu.advanceClock(Duration.ofMinutes(60));
        emu.setPageLimit(1);

        List<ServiceCall> calls = callsOf(IDLE);

        assertThat(summary.path("result").asText()).isEqualTo("done");
        assertThat(calls).filteredOn(c -> c.action().equals("DescribeClientVpnTargetNetworks")).hasSize(2);
        assertThat(ServiceCall.sequentialRoundTrips(calls.stream()
                .filter(c -> c.action().startsWith("Describe")).toList())).isEqualTo(2);
        emu.setPageLimit(0);
        assertThat(associationStates()).containsOnlyKeys(associations).containsValues("disassociating")
                .doesNotContainValue("associated");
    }

    /** The calls of one run, every one delayed by 400 ms so that calls made at once overlap even on a loaded machine. */
    private List<ServiceCall> callsOf(String event) {
        int before = emu.callLog().size();
        emu.injectFault(new Fault("ec2", Fault.Kind.SLOW, 100, Duration.ofMillis(400), null));
        summary = invoke(event);
        assertThat(summary.path("ok").asBoolean()).as(summary.toString()).isTrue();
        List<ServiceCall> log = emu.callLog();
        return log.subList(before, log.size());
    }
}
