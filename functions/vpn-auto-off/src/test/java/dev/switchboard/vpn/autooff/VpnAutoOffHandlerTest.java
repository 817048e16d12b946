package dev.switchboard.vpn.autooff;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.emulator.AwsEmulator;
import dev.switchboard.emulator.Fault;
import dev.switchboard.vpn.VpnTags;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** The function end to end: events in, the real SDK over HTTP to the emulator, summary and state out. */
class VpnAutoOffHandlerTest extends EmulatedVpn {

    private static final String DISASSOCIATE = "DisassociateClientVpnTargetNetwork";
    private static final String DESCRIBE_CONNECTIONS = "DescribeClientVpnConnections";
    private static final String CREATE_TAGS = "CreateTags";

    // ------------------------------------------------------------------ force

    @Test
    void force_nobodyConnected_disassociatesEverySubnetTagsAndAudits() {
        List<String> ids = turnOn();
        int tagsBefore = emu.callCount(CREATE_TAGS);

        JsonNode summary = invoke("{\"mode\":\"force\"}");

        assertThat(summary.path("ok").asBoolean()).isTrue();
        assertThat(summary.path("result").asText()).isEqualTo("done");
        assertThat(summary.path("decision").asText()).isEqualTo("turn-off");
        assertThat(texts(summary.path("disassociated"))).containsExactlyElementsOf(ids);
        assertThat(summary.path("found").path("activeConnections").asInt()).isZero();
        assertThat(associationStates()).containsOnly(Map.entry(ids.get(0), "disassociating"),
                Map.entry(ids.get(1), "disassociating"));
        assertThat(emu.callCount(DISASSOCIATE)).isEqualTo(2);
        assertThat(emu.callCount(CREATE_TAGS)).isEqualTo(tagsBefore + 1);
        assertThat(endpointTags()).containsEntry(VpnTags.TURNED_OFF_BY, "auto-off:force")
                .containsEntry(VpnTags.TURNED_OFF_AT, summary.path("checkedAt").asText());
        assertThat(summary.path("tagged").asBoolean()).isTrue();

        JsonNode saving = summary.path("saving");
        assertThat(saving.path("subnetsStopped").asInt()).isEqualTo(2);
        assertThat(saving.path("hourlyCostStopped").decimalValue()).isEqualByComparingTo("0.30");
        assertThat(saving.path("estimatedSavingUntil").asText()).endsWith("T00:00+09:00");

        List<JsonNode> audit = logsOfType("audit");
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).path("actor").asText()).isEqualTo("auto-off:force");
        assertThat(audit.get(0).path("sourceIp").asText()).isEqualTo("schedule");
        assertThat(audit.get(0).path("action").asText()).isEqualTo("vpn.off");
        assertThat(audit.get(0).path("target").asText()).isEqualTo(ENDPOINT);
        assertThat(audit.get(0).path("result").asText()).isEqualTo("ok");
        assertThat(texts(audit.get(0).path("disassociated"))).containsExactlyElementsOf(ids);
        List<JsonNode> summaryLines = logsOfType("auto-off");
        assertThat(summaryLines).hasSize(1);
        JsonNode line = summaryLines.get(0);
        assertThat(line.path("level").asText()).isEqualTo("INFO");
        for (String field : List.of("mode", "dryRun", "found", "decision", "reason", "result", "disassociated",
                "failures", "saving")) {
            assertThat(line.path(field)).as(field).isEqualTo(summary.path(field));
        }
    }

    @Test
    void force_peopleConnected_namesThemThenCutsThemOff() {
        List<String> ids = turnOn();
        emu.seedConnection(ENDPOINT, "cvpn-connection-0aaaaaaaaaaaaaaa1", "alice", "172.16.0.10");
        emu.seedConnection(ENDPOINT, "cvpn-connection-0aaaaaaaaaaaaaaa2", "bob", "172.16.0.11");
        emu.seedConnection(ENDPOINT, "cvpn-connection-0aaaaaaaaaaaaaaa3", "carol", "172.16.0.12");
        emu.terminateConnection(ENDPOINT, "cvpn-connection-0aaaaaaaaaaaaaaa3");

        JsonNode summary = invoke("{\"mode\":\"force\"}");

        assertThat(summary.path("result").asText()).isEqualTo("done");
        assertThat(summary.path("found").path("activeConnections").asInt()).isEqualTo(2);
        assertThat(texts(summary.path("found").path("activeUsernames"))).containsExactly("alice", "bob");
        assertThat(texts(summary.path("disassociated"))).containsExactlyElementsOf(ids);
        List<JsonNode> lines = logs();
        JsonNode warning = lines.stream()
                .filter(l -> l.path("message").asText().equals("turning the VPN off with people connected"))
                .findFirst().orElseThrow();
        assertThat(warning.path("level").asText()).isEqualTo("WARN");
        assertThat(warning.path("activeConnections").asInt()).isEqualTo(2);
        assertThat(texts(warning.path("activeUsernames"))).containsExactly("alice", "bob");
        assertThat(lines.indexOf(warning)).isLessThan(lines.indexOf(logsOfType("audit").get(0)));
        assertThat(logsOfType("audit").get(0).path("activeConnectionsCutOff").asInt()).isEqualTo(2);

        emu.advanceClock(Duration.ofMinutes(3));
        assertThat(associationStates()).isEmpty();
        assertThat(connectionStates()).containsOnly(
                Map.entry("cvpn-connection-0aaaaaaaaaaaaaaa1", "terminated"),
                Map.entry("cvpn-connection-0aaaaaaaaaaaaaaa2", "terminated"),
                Map.entry("cvpn-connection-0aaaaaaaaaaaaaaa3", "terminated"));
    }

    @Test
    void force_subnetAssociatedByHandOutsideTargets_leavesItAloneAndWarns() {
        List<String> ids = turnOn();
        String outside = "subnet-0fff5555aaaa6666b";
        emu.seedSubnet(outside, AwsEmulator.DEMO_VPC_ID, "ap-northeast-1d");
        String handMade = ec2.associateClientVpnTargetNetwork(r -> r.clientVpnEndpointId(ENDPOINT).subnetId(outside))
                .associationId();
        emu.advanceClock(Duration.ofMinutes(6));

        JsonNode summary = invoke("{\"mode\":\"force\"}");

        assertThat(summary.path("result").asText()).isEqualTo("done");
        assertThat(texts(summary.path("disassociated"))).containsExactlyElementsOf(ids);
        assertThat(texts(summary.path("leftAlone"))).containsExactly(handMade);
        assertThat(associationStates()).containsEntry(handMade, "associated");
        assertThat(logsOfType("auto-off").get(0).path("level").asText()).isEqualTo("WARN");

        emu.advanceClock(Duration.ofMinutes(3));
        JsonNode next = invoke("{\"mode\":\"force\"}");

        assertThat(next.path("decision").asText()).isEqualTo("already-off");
        assertThat(next.path("reason").asText()).contains(outside);
        assertThat(emu.callCount(DISASSOCIATE)).isEqualTo(2);
    }

    @Test
    void force_alreadyOff_changesNothing() {
        JsonNode summary = invoke("{\"mode\":\"force\"}");

        assertThat(summary.path("ok").asBoolean()).isTrue();
        assertThat(summary.path("result").asText()).isEqualTo("no-op");
        assertThat(summary.path("decision").asText()).isEqualTo("already-off");
        assertThat(emu.callCount(DISASSOCIATE)).isZero();
        assertThat(emu.callCount(CREATE_TAGS)).isZero();
        assertThat(logsOfType("audit")).isEmpty();
    }

    @Test
    void force_whileAssociating_skipsAndWarns() {
        ec2.associateClientVpnTargetNetwork(r -> r.clientVpnEndpointId(ENDPOINT).subnetId(SUBNET_A));

        JsonNode summary = invoke("{\"mode\":\"force\"}");

        assertThat(summary.path("result").asText()).isEqualTo("no-op");
        assertThat(summary.path("decision").asText()).isEqualTo("in-progress");
        assertThat(summary.path("reason").asText()).startsWith("in progress, skipped").contains(SUBNET_A + " associating");
        assertThat(summary.path("found").path("associations").get(0).path("status").asText()).isEqualTo("associating");
        assertThat(emu.callCount(DISASSOCIATE)).isZero();
        assertThat(associationStates().values()).containsOnly("associating");
        assertThat(logsOfType("auto-off").get(0).path("level").asText()).isEqualTo("WARN");
    }

    @Test
    void idle_whileOneSubnetIsDisassociating_skips() {
        List<String> ids = turnOn();
        emu.advanceClock(Duration.ofMinutes(IDLE_MINUTES));
        ec2.disassociateClientVpnTargetNetwork(r -> r.clientVpnEndpointId(ENDPOINT).associationId(ids.get(0)));
        int before = emu.callCount(DISASSOCIATE);

        JsonNode summary = invoke("{\"mode\":\"idle\"}");

        assertThat(summary.path("decision").asText()).isEqualTo("in-progress");
        assertThat(emu.callCount(DISASSOCIATE)).isEqualTo(before);
        assertThat(associationStates()).containsEntry(ids.get(1), "associated");
    }

    // ------------------------------------------------------------------ idle

    @Test
    void idle_activeConnection_changesNothing() {
        List<String> ids = turnOn();
        emu.seedConnection(ENDPOINT, "cvpn-connection-0bbbbbbbbbbbbbbb1", "alice", "172.16.0.10");
        emu.advanceClock(Duration.ofMinutes(IDLE_MINUTES + GRACE_MINUTES + 10));

        JsonNode summary = invoke("{\"mode\":\"idle\"}");

        assertThat(summary.path("result").asText()).isEqualTo("no-op");
        assertThat(summary.path("decision").asText()).isEqualTo("in-use");
        assertThat(texts(summary.path("found").path("activeUsernames"))).containsExactly("alice");
        assertThat(emu.callCount(DISASSOCIATE)).isZero();
        assertThat(associationStates()).containsOnly(Map.entry(ids.get(0), "associated"),
                Map.entry(ids.get(1), "associated"));
    }

    @Test
    void idle_onlyTerminatedConnectionsEndedLongEnoughAgo_turnsOff() {
        List<String> ids = turnOn();
        emu.advanceClock(Duration.ofMinutes(GRACE_MINUTES));
        emu.seedConnection(ENDPOINT, "cvpn-connection-0ccccccccccccccc1", "alice", "172.16.0.10");
        emu.advanceClock(Duration.ofMinutes(10));
        emu.terminateConnection(ENDPOINT, "cvpn-connection-0ccccccccccccccc1");
        Instant ended = emu.now().truncatedTo(ChronoUnit.SECONDS);
        emu.advanceClock(Duration.ofMinutes(IDLE_MINUTES).plusSeconds(5));

        JsonNode summary = invoke("{\"mode\":\"idle\"}");

        assertThat(summary.path("result").asText()).isEqualTo("done");
        assertThat(summary.path("found").path("idleSince").asText()).isEqualTo(ended.toString());
        assertThat(summary.path("found").path("activeConnections").asInt()).isZero();
        assertThat(texts(summary.path("disassociated"))).containsExactlyElementsOf(ids);
        assertThat(endpointTags()).containsEntry(VpnTags.TURNED_OFF_BY, "auto-off:idle");
        assertThat(logsOfType("audit").get(0).path("actor").asText()).isEqualTo("auto-off:idle");
    }

    @Test
    void idle_connectionEndedRecently_waitsUntilIdleLongEnough() {
        turnOn();
        emu.advanceClock(Duration.ofMinutes(GRACE_MINUTES + 20));
        emu.seedConnection(ENDPOINT, "cvpn-connection-0ddddddddddddddd1", "bob", "172.16.0.11");
        emu.advanceClock(Duration.ofMinutes(5));
        emu.terminateConnection(ENDPOINT, "cvpn-connection-0ddddddddddddddd1");
        Instant ended = emu.now().truncatedTo(ChronoUnit.SECONDS);
        emu.advanceClock(Duration.ofMinutes(IDLE_MINUTES - 5));

        JsonNode summary = invoke("{\"mode\":\"idle\"}");

        assertThat(summary.path("decision").asText()).isEqualTo("not-idle-long-enough");
        assertThat(summary.path("found").path("idleSince").asText()).isEqualTo(ended.toString());
        assertThat(summary.path("found").path("idleOffAfter").asText())
                .isEqualTo(ended.plus(Duration.ofMinutes(IDLE_MINUTES)).toString());
        assertThat(emu.callCount(DISASSOCIATE)).isZero();
    }

    @Test
    void idle_insideGracePeriod_changesNothing() {
        turnOn();  // 6 minutes ago; nobody ever connected
        int tagCalls = emu.callCount(CREATE_TAGS);

        JsonNode summary = invoke("{\"mode\":\"idle\"}");

        assertThat(summary.path("decision").asText()).isEqualTo("grace-period");
        assertThat(summary.path("result").asText()).isEqualTo("no-op");
        assertThat(emu.callCount(DISASSOCIATE)).isZero();
        assertThat(emu.callCount(CREATE_TAGS)).isEqualTo(tagCalls);
    }

    @Test
    void idle_afterGraceAndIdleWithNoConnectionEver_turnsOffMeasuredFromTurnOn() {
        List<String> ids = turnOn();
        String turnedOnAt = endpointTags().get(VpnTags.TURNED_ON_AT);
        emu.advanceClock(Duration.ofMinutes(IDLE_MINUTES));  // 36 min after the turn-on

        JsonNode summary = invoke("{\"mode\":\"idle\"}");

        assertThat(summary.path("result").asText()).isEqualTo("done");
        assertThat(summary.path("found").path("turnedOnAt").asText()).isEqualTo(turnedOnAt);
        assertThat(summary.path("found").path("idleSince").asText()).isEqualTo(turnedOnAt);
        assertThat(associationStates()).containsOnly(Map.entry(ids.get(0), "disassociating"),
                Map.entry(ids.get(1), "disassociating"));
    }

    @Test
    void idle_turnOnTagMissing_waitsRatherThanGuess() {
        ec2.associateClientVpnTargetNetwork(r -> r.clientVpnEndpointId(ENDPOINT).subnetId(SUBNET_A));
        emu.advanceClock(Duration.ofHours(3));

        JsonNode summary = invoke("{\"mode\":\"idle\"}");

        assertThat(summary.path("decision").asText()).isEqualTo("turn-on-unknown");
        assertThat(emu.callCount(DISASSOCIATE)).isZero();
        assertThat(logsOfType("auto-off").get(0).path("level").asText()).isEqualTo("WARN");
    }

    @Test
    void idle_ruleDisabled_readsInOneRoundTripAndReportsDisabled() {
        turnOn();
        emu.advanceClock(Duration.ofHours(5));
        int callsBefore = emu.calls().size();

        JsonNode summary = invoke(handler(Map.of("IDLE_MINUTES", "0")), stream("{\"mode\":\"idle\"}"));

        assertThat(summary.path("decision").asText()).isEqualTo("idle-rule-disabled");
        assertThat(summary.path("reason").asText()).contains("disabled");
        // The tags are read (an unfinished scheduled turn-off or a nightly mark would still be acted on), with
        // the rest in the same round trip.
        assertThat(emu.calls().subList(callsBefore, emu.calls().size())).containsExactlyInAnyOrder(
                "DescribeClientVpnEndpoints", "DescribeClientVpnTargetNetworks", DESCRIBE_CONNECTIONS);
        assertThat(emu.callCount(DISASSOCIATE)).isZero();
    }

    // ------------------------------------------------------------------ paging

    @Test
    void idle_onlyActiveConnectionOnSecondPage_changesNothing() {
        turnOn();
        emu.advanceClock(Duration.ofMinutes(GRACE_MINUTES));
        seedEndedConnections(1000);
        emu.seedConnection(ENDPOINT, "cvpn-connection-1", "late-page-user", "172.16.3.1");
        emu.advanceClock(Duration.ofMinutes(IDLE_MINUTES + 1));
        int pagesBefore = emu.callCount(DESCRIBE_CONNECTIONS);

        JsonNode summary = invoke("{\"mode\":\"idle\"}");

        assertThat(emu.callCount(DESCRIBE_CONNECTIONS) - pagesBefore).isEqualTo(2);
        assertThat(summary.path("decision").asText()).isEqualTo("in-use");
        assertThat(texts(summary.path("found").path("activeUsernames"))).containsExactly("late-page-user");
        assertThat(emu.callCount(DISASSOCIATE)).isZero();
    }

    @Test
    void idle_latestEndOnSecondPage_measuresIdleFromIt() {
        turnOn();
        emu.advanceClock(Duration.ofMinutes(GRACE_MINUTES));
        seedEndedConnections(1000);
        emu.seedConnection(ENDPOINT, "cvpn-connection-1", "late-page-user", "172.16.3.1");
        emu.advanceClock(Duration.ofMinutes(20));
        emu.terminateConnection(ENDPOINT, "cvpn-connection-1");
        Instant lastEnd = emu.now().truncatedTo(ChronoUnit.SECONDS);
        // 35 min after the first page's ends, 15 after the second page's: idle only if page 2 were missed.
        emu.advanceClock(Duration.ofMinutes(15));

        JsonNode summary = invoke("{\"mode\":\"idle\"}");

        assertThat(summary.path("decision").asText()).isEqualTo("not-idle-long-enough");
        assertThat(summary.path("found").path("idleSince").asText()).isEqualTo(lastEnd.toString());
        assertThat(emu.callCount(DISASSOCIATE)).isZero();
    }

    private static void seedEndedConnections(int count) {
        for (int i = 0; i < count; i++) {
            String id = String.format("cvpn-connection-0%016d", i);
            emu.seedConnection(ENDPOINT, id, "user" + i, "172.16.0.1");
            emu.terminateConnection(ENDPOINT, id);
        }
    }

    // ------------------------------------------------------------------ dry run

    @Test
    void dryRun_forceWithPeopleConnected_saysWhatItWouldDoAndChangesNothing() {
        List<String> ids = turnOn();
        emu.seedConnection(ENDPOINT, "cvpn-connection-0eeeeeeeeeeeeeee1", "alice", "172.16.0.10");
        Map<String, String> tagsBefore = endpointTags();
        int tagCalls = emu.callCount(CREATE_TAGS);

        JsonNode summary = invoke("{\"mode\":\"force\",\"dryRun\":true}");

        assertThat(summary.path("dryRun").asBoolean()).isTrue();
        assertThat(summary.path("result").asText()).isEqualTo("dry-run");
        assertThat(summary.path("decision").asText()).isEqualTo("turn-off");
        assertThat(summary.path("reason").asText()).startsWith("dry run, nothing changed");
        assertThat(summary.path("saving").path("subnetsStopped").asInt()).isEqualTo(2);
        assertThat(texts(summary.path("disassociated"))).isEmpty();
        assertThat(emu.callCount(DISASSOCIATE)).isZero();
        assertThat(emu.callCount(CREATE_TAGS)).isEqualTo(tagCalls);
        assertThat(endpointTags()).isEqualTo(tagsBefore);
        assertThat(associationStates()).containsOnly(Map.entry(ids.get(0), "associated"),
                Map.entry(ids.get(1), "associated"));
        assertThat(connectionStates()).containsOnly(Map.entry("cvpn-connection-0eeeeeeeeeeeeeee1", "active"));
        assertThat(logsOfType("audit")).isEmpty();
    }

    // ------------------------------------------------------------------ faults

    @Test
    void force_disassociateThrottledBriefly_sdkRetriesAndSucceeds() {
        List<String> ids = turnOn();
        emu.injectFault(Fault.throttle("ec2", 2).forAction(DISASSOCIATE));

        JsonNode summary = invoke("{\"mode\":\"force\"}");

        assertThat(summary.path("result").asText()).isEqualTo("done");
        assertThat(texts(summary.path("disassociated"))).containsExactlyElementsOf(ids);
        assertThat(emu.callCount(DISASSOCIATE)).isEqualTo(2 + 2);
    }

    @Test
    void force_disassociateThrottledPersistently_reportsFailureAndLeavesStateConsistent() {
        List<String> ids = turnOn();
        Map<String, String> tagsBefore = endpointTags();
        emu.injectFault(Fault.throttle("ec2", 100).forAction(DISASSOCIATE));

        JsonNode summary = invoke("{\"mode\":\"force\"}");

        assertThat(summary.path("ok").asBoolean()).isFalse();
        assertThat(summary.path("result").asText()).isEqualTo("failed");
        assertThat(summary.path("failures")).hasSize(2);
        assertThat(summary.path("failures").get(0).path("error").asText()).isEqualTo("vpn_unavailable");
        assertThat(summary.toString()).doesNotContain("RequestLimitExceeded");
        assertThat(emu.callCount(DISASSOCIATE)).isEqualTo(2 * SDK_ATTEMPTS);
        assertThat(associationStates()).containsOnly(Map.entry(ids.get(0), "associated"),
                Map.entry(ids.get(1), "associated"));
        // No TURNED_OFF tags (it did not go off); only the mark the idle checks finish from.
        assertThat(endpointTags()).containsAllEntriesOf(tagsBefore).hasSize(tagsBefore.size() + 1)
                .containsEntry(VpnTags.OFF_PENDING_SINCE, summary.path("checkedAt").asText());
        assertThat(summary.path("markedPending").asBoolean()).isTrue();
        assertThat(logsOfType("audit").get(0).path("result").asText()).isEqualTo("failed");
        JsonNode line = logsOfType("auto-off").get(0);
        assertThat(line.path("level").asText()).isEqualTo("ERROR");
        assertThat(line.path("rootCause").asText()).contains("Ec2Exception");
        assertThat(line.path("failures").get(0).path("associationId").asText()).isEqualTo(ids.get(0));
    }

    @Test
    void run_describeThrottledPersistently_answers503AndDoesNothing() {
        turnOn();
        emu.injectFault(Fault.throttle("ec2", 100).forAction("DescribeClientVpnTargetNetworks"));

        JsonNode answer = invoke("{\"mode\":\"force\"}");

        assertThat(answer.path("ok").asBoolean()).isFalse();
        assertThat(answer.path("status").asInt()).isEqualTo(503);
        assertThat(answer.path("error").asText()).isEqualTo("vpn_unavailable");
        assertThat(answer.path("message").asText()).doesNotContain("RequestLimitExceeded");
        assertThat(emu.callCount(DISASSOCIATE)).isZero();
        assertThat(logs()).anySatisfy(l -> assertThat(l.path("level").asText()).isEqualTo("ERROR"));
    }

    @Test
    void force_oneOfTwoDisassociationsFails_reportsPartialThenNextRunFinishes() {
        List<String> ids = turnOn();
        Map<String, String> tagsBefore = endpointTags();
        // Exactly one call's worth of attempts: the first subnet fails, the second goes through.
        emu.injectFault(Fault.throttle("ec2", SDK_ATTEMPTS).forAction(DISASSOCIATE));

        JsonNode first = invoke("{\"mode\":\"force\"}");

        assertThat(first.path("ok").asBoolean()).isFalse();
        assertThat(first.path("result").asText()).isEqualTo("partial");
        assertThat(texts(first.path("disassociated"))).containsExactly(ids.get(1));
        assertThat(first.path("failures")).hasSize(1);
        assertThat(first.path("failures").get(0).path("associationId").asText()).isEqualTo(ids.get(0));
        assertThat(first.path("failures").get(0).path("subnetId").asText()).isEqualTo(SUBNET_A);
        assertThat(first.path("saving").path("subnetsStopped").asInt()).isEqualTo(1);
        assertThat(associationStates()).containsOnly(Map.entry(ids.get(0), "associated"),
                Map.entry(ids.get(1), "disassociating"));
        assertThat(endpointTags()).containsAllEntriesOf(tagsBefore).hasSize(tagsBefore.size() + 1)
                .containsEntry(VpnTags.OFF_PENDING_SINCE, first.path("checkedAt").asText());
        JsonNode audit = logsOfType("audit").get(0);
        assertThat(audit.path("result").asText()).isEqualTo("partial");
        assertThat(texts(audit.path("disassociated"))).containsExactly(ids.get(1));
        assertThat(logsOfType("auto-off").get(0).path("level").asText()).isEqualTo("ERROR");

        emu.advanceClock(Duration.ofMinutes(3));  // the accepted disassociation completes
        logLines.clear();
        JsonNode retry = invoke("{\"mode\":\"force\"}");

        assertThat(retry.path("result").asText()).isEqualTo("done");
        assertThat(texts(retry.path("disassociated"))).containsExactly(ids.get(0));
        assertThat(associationStates()).containsOnly(Map.entry(ids.get(0), "disassociating"));
        assertThat(endpointTags()).containsEntry(VpnTags.TURNED_OFF_BY, "auto-off:force");
        assertThat(logsOfType("audit").get(0).path("result").asText()).isEqualTo("ok");
    }

    // ------------------------------------------------------------------ unfinished scheduled turn-off

    @Test
    void idle_afterPartialScheduledTurnOff_finishesItEvenWithPeopleConnected() {
        List<String> ids = turnOn();
        emu.injectFault(Fault.throttle("ec2", SDK_ATTEMPTS).forAction(DISASSOCIATE));
        JsonNode nightly = invoke("{\"mode\":\"force\"}");
        assertThat(nightly.path("result").asText()).isEqualTo("partial");
        emu.advanceClock(Duration.ofMinutes(3));  // the accepted disassociation completes
        emu.seedConnection(ENDPOINT, "cvpn-connection-0late", "night-owl", "172.16.0.9");
        logLines.clear();

        JsonNode check = invoke("{\"mode\":\"idle\"}");

        assertThat(check.path("result").asText()).isEqualTo("done");
        assertThat(check.path("finishing").asText()).isEqualTo(nightly.path("checkedAt").asText());
        assertThat(check.path("reason").asText()).startsWith("finishing the scheduled turn-off")
                .contains("cutting off 1 active connection");
        assertThat(texts(check.path("disassociated"))).containsExactly(ids.get(0));
        assertThat(endpointTags()).containsEntry(VpnTags.TURNED_OFF_BY, "auto-off:force");
        JsonNode audit = logsOfType("audit").get(0);
        assertThat(audit.path("actor").asText()).isEqualTo("auto-off:force");
        assertThat(audit.path("mode").asText()).isEqualTo("force");
    }

    @Test
    void idle_afterScheduledTurnOffMetAnAssociation_finishesItOnceSettled() {
        ec2.associateClientVpnTargetNetwork(r -> r.clientVpnEndpointId(ENDPOINT).subnetId(SUBNET_A));
        tag(VpnTags.TURNED_ON_AT, emu.now().minusSeconds(60).toString());
        JsonNode nightly = invoke("{\"mode\":\"force\"}");
        assertThat(nightly.path("decision").asText()).isEqualTo("in-progress");
        assertThat(nightly.path("markedPending").asBoolean()).isTrue();
        emu.advanceClock(Duration.ofMinutes(6));  // associated now, inside the grace period
        emu.seedConnection(ENDPOINT, "cvpn-connection-0late", "night-owl", "172.16.0.9");

        JsonNode check = invoke("{\"mode\":\"idle\"}");

        assertThat(check.path("result").asText()).isEqualTo("done");
        assertThat(associationStates().values()).containsOnly("disassociating");
    }

    @Test
    void idle_afterUnfinishedScheduledTurnOffThenATurnOn_respectsTheTurnOn() {
        List<String> ids = turnOn();
        emu.injectFault(Fault.throttle("ec2", SDK_ATTEMPTS).forAction(DISASSOCIATE));
        invoke("{\"mode\":\"force\"}");
        emu.advanceClock(Duration.ofMinutes(3));
        // Someone turns the VPN on again after the nightly run (the portal records it).
        tag(VpnTags.TURNED_ON_AT, emu.now().toString());
        emu.seedConnection(ENDPOINT, "cvpn-connection-0late", "night-owl", "172.16.0.9");
        int before = emu.callCount(DISASSOCIATE);

        JsonNode check = invoke("{\"mode\":\"idle\"}");

        assertThat(check.path("decision").asText()).isEqualTo("in-use");
        assertThat(check.path("finishing").isNull()).isTrue();
        assertThat(emu.callCount(DISASSOCIATE)).isEqualTo(before);
        assertThat(associationStates()).containsEntry(ids.get(0), "associated");
    }

    @Test
    void pendingTurnOff_markOlderThanTurnOnOrTurnOff_doesNotStand() {
        Instant mark = Instant.parse("2026-11-21T13:00:00Z");
        var pending = Map.of(VpnTags.OFF_PENDING_SINCE, mark.toString());

        assertThat(endpointWith(pending).standingMark(VpnTags.OFF_PENDING_SINCE).orElse(null)).isEqualTo(mark);
        assertThat(endpointWith(Map.of(VpnTags.OFF_PENDING_SINCE, mark.toString(),
                VpnTags.TURNED_ON_AT, "2026-11-21T13:05:00Z")).standingMark(VpnTags.OFF_PENDING_SINCE).orElse(null)).isNull();
        assertThat(endpointWith(Map.of(VpnTags.OFF_PENDING_SINCE, mark.toString(),
                VpnTags.TURNED_OFF_AT, "2026-11-21T13:20:00Z")).standingMark(VpnTags.OFF_PENDING_SINCE).orElse(null)).isNull();
        assertThat(endpointWith(Map.of(VpnTags.OFF_PENDING_SINCE, "not a time")).standingMark(VpnTags.OFF_PENDING_SINCE).orElse(null))
                .isNull();
        assertThat(endpointWith(Map.of()).standingMark(VpnTags.OFF_PENDING_SINCE).orElse(null)).isNull();
    }

    @Test
    void dryRun_forceWhileAssociating_leavesNoMark() {
        ec2.associateClientVpnTargetNetwork(r -> r.clientVpnEndpointId(ENDPOINT).subnetId(SUBNET_A));
        int tagsBefore = emu.callCount(CREATE_TAGS);

        JsonNode summary = invoke("{\"mode\":\"force\",\"dryRun\":true}");

        assertThat(summary.path("decision").asText()).isEqualTo("in-progress");
        assertThat(emu.callCount(CREATE_TAGS)).isEqualTo(tagsBefore);
        assertThat(endpointTags()).doesNotContainKey(VpnTags.OFF_PENDING_SINCE);
    }

    private static dev.switchboard.vpn.Endpoint endpointWith(Map<String, String> tags) {
        return new dev.switchboard.vpn.Endpoint(ENDPOINT, "available", tags);
    }

    // ------------------------------------------------------------------ event files and shapes

    @Test
    void eventFile_force_turnsOff() {
        List<String> ids = turnOn();

        JsonNode summary = invoke(handler(Map.of()), eventFile("vpn-auto-off-force.json"));

        assertThat(summary.path("mode").asText()).isEqualTo("force");
        assertThat(summary.path("trigger").asText()).isEqualTo("direct");
        assertThat(texts(summary.path("disassociated"))).containsExactlyElementsOf(ids);
    }

    @Test
    void eventFile_idle_runsTheIdleRule() {
        turnOn();

        JsonNode summary = invoke(handler(Map.of()), eventFile("vpn-auto-off-idle.json"));

        assertThat(summary.path("mode").asText()).isEqualTo("idle");
        assertThat(summary.path("decision").asText()).isEqualTo("grace-period");
        assertThat(emu.callCount(DISASSOCIATE)).isZero();
    }

    @Test
    void eventFile_dryRun_changesNothing() {
        turnOn();

        JsonNode summary = invoke(handler(Map.of()), eventFile("vpn-auto-off-dry-run.json"));

        assertThat(summary.path("dryRun").asBoolean()).isTrue();
        assertThat(summary.path("result").asText()).isEqualTo("dry-run");
        assertThat(emu.callCount(DISASSOCIATE)).isZero();
    }

    @Test
    void eventFile_schedulerInputWithContextAttributes_isAcceptedAsNightly() {
        List<String> ids = turnOn();
        emu.advanceClock(Duration.ofMinutes(GRACE_MINUTES));

        JsonNode summary = invoke(handler(Map.of()), eventFile("vpn-auto-off-scheduler.json"));

        assertThat(summary.path("mode").asText()).isEqualTo("nightly");
        assertThat(summary.path("result").asText()).isEqualTo("done");
        assertThat(texts(summary.path("disassociated"))).containsExactlyElementsOf(ids);
    }

    @Test
    void eventFile_classicScheduledEvent_runsIdleByDefault() {
        List<String> ids = turnOn();
        emu.advanceClock(Duration.ofMinutes(IDLE_MINUTES));

        JsonNode summary = invoke(handler(Map.of()), eventFile("vpn-auto-off-scheduled-event.json"));

        assertThat(summary.path("mode").asText()).isEqualTo("idle");
        assertThat(summary.path("trigger").asText()).isEqualTo("scheduled-event");
        assertThat(texts(summary.path("disassociated"))).containsExactlyElementsOf(ids);
    }

    // ------------------------------------------------------------------ bad input: clear error, nothing done

    @Test
    void handleRequest_unknownMode_refusedWithoutCallingAws() {
        assertRefused("{\"command\":\"now\"}", 400, "unknown_command");
    }

    @Test
    void handleRequest_nonBooleanDryRun_refusedWithoutCallingAws() {
        assertRefused("{\"mode\":\"force\",\"dryRun\":\"true\"}", 400, "invalid_dry_run");
    }

    @Test
    void handleRequest_nonObjectEvent_refusedWithoutCallingAws() {
        assertRefused("[\"force\"]", 400, "not_json_object");
    }

    @Test
    void handleRequest_invalidJson_refusedWithoutCallingAws() {
        assertRefused("{\"mode\":", 400, "malformed_json");
    }

    @Test
    void handleRequest_duplicateDryRun_refusedAndNothingTurnedOff() {
        // Jackson's default took the last duplicate: this performed a real forced turn-off (issue 13.2).
        assertRefused("{\"mode\":\"force\",\"dryRun\":true,\"dryRun\":false}", 400, "duplicate_key");
    }

    @Test
    void handleRequest_duplicateCommand_refusedAndNothingTurnedOff() {
        assertRefused("{\"command\":\"idle\",\"command\":\"force\"}", 400, "duplicate_key");
    }

    @Test
    void handleRequest_commandAndItsOlderNameBoth_refusedRatherThanGuessed() {
        assertRefused("{\"command\":\"idle\",\"mode\":\"force\"}", 400, "ambiguous_command");
    }

    @Test
    void handleRequest_trailingSecondObject_refusedAndNothingTurnedOff() {
        assertRefused("{\"mode\":\"force\",\"dryRun\":true} {\"dryRun\":false}", 400, "trailing_content");
    }

    @Test
    void handleRequest_refused_logsOneWarningWithTheCodeAndTheReason() {
        assertRefused("{\"command\":\"force\",\"dryrun\":true}", 400, "unknown_field");

        assertThat(logs()).filteredOn(l -> l.path("code").asText().equals("unknown_field")).singleElement()
                .satisfies(l -> {
                    assertThat(l.path("level").asText()).isEqualTo("WARN");
                    assertThat(l.path("status").asInt()).isEqualTo(400);
                    assertThat(l.path("command").asText()).isEqualTo("force");
                    assertThat(l.path("message").asText()).startsWith("Unknown field \"dryrun\"");
                });
    }

    @Test
    void handleRequest_commandEnvelope_forceTurnsOff() {
        List<String> ids = turnOn();

        JsonNode summary = invoke("{\"command\":\"force\"}");

        assertThat(summary.path("result").asText()).isEqualTo("done");
        assertThat(texts(summary.path("disassociated"))).containsExactlyElementsOf(ids);
    }

    @Test
    void handleRequest_misspeltDryRun_refusedRatherThanRunForReal() {
        assertRefused("{\"mode\":\"force\",\"dryrun\":true}", 400, "unknown_field");
    }

    @Test
    void handleRequest_albRequest_refusedWithoutCallingAws() {
        assertRefused("{\"requestContext\":{\"elb\":{\"targetGroupArn\":\"arn:aws:elasticloadbalancing:ap-northeast-1:"
                + "123456789012:targetgroup/switchboard/0123456789abcdef\"}},\"httpMethod\":\"GET\",\"path\":\"/\","
                + "\"headers\":{}}", 400, "alb_not_supported");
    }

    private void assertRefused(String event, int status, String error) {
        List<String> ids = turnOn();
        int callsBefore = emu.calls().size();

        JsonNode answer = invoke(event);

        assertThat(answer.path("ok").asBoolean()).isFalse();
        assertThat(answer.path("status").asInt()).isEqualTo(status);
        assertThat(answer.path("error").asText()).isEqualTo(error);
        assertThat(answer.path("message").asText()).isNotBlank();
        assertThat(emu.calls()).hasSize(callsBefore);
        assertThat(associationStates()).containsOnly(Map.entry(ids.get(0), "associated"),
                Map.entry(ids.get(1), "associated"));
        assertThat(logsOfType("audit")).isEmpty();
    }

    // ------------------------------------------------------------------ helpers

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static InputStream stream(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }
}
