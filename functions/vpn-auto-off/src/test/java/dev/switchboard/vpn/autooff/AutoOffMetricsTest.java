package dev.switchboard.vpn.autooff;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.core.json.Json;
import dev.switchboard.core.log.Invocation;
import dev.switchboard.core.metrics.Metrics;
import dev.switchboard.core.testing.EmfDocuments;
import dev.switchboard.core.testing.LambdaContext;
import dev.switchboard.emulator.Fault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the auto-off function prints for CloudWatch, read back as CloudWatch Logs would extract it. */
class AutoOffMetricsTest extends EmulatedVpn {

    @BeforeEach
    void stackNamespace() {
        Metrics.configureForTests(Clock.systemUTC(), "Switchboard/test-stack");
        Invocation.resetForTests(name -> name.equals("AWS_LAMBDA_FUNCTION_NAME") ? "switchboard-VpnAutoOffFunction-X1" : null);
    }

    @AfterEach
    void defaults() {
        Metrics.configureForTests(Clock.systemUTC(), Metrics.DEFAULT_NAMESPACE);
        Invocation.resetForTests(System::getenv);
    }

    private JsonNode invokeAsLambda(String event, String requestId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler(Map.of()).handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out,
                new LambdaContext(requestId, "switchboard-VpnAutoOffFunction-X1", "12", null));
        try {
            return Json.mapper().readTree(out.toByteArray());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private List<String> metrics() {
        assertThat(logLines.stream().filter(EmfDocuments::isEmf)).isNotEmpty()
                .allSatisfy(line -> assertThat(EmfDocuments.problems(line, emu.clock().instant())).isEmpty());
        return EmfDocuments.metrics(logLines).stream()
                .peek(d -> assertThat(d.namespace()).isEqualTo("Switchboard/test-stack"))
                .map(d -> d.name() + d.dimensions() + "=" + (long) d.value()).toList();
    }

    @Test
    void idleCheck_vpnOnWithTwoConnected_reportsSubnetsAssociatedAndActiveConnections() {
        turnOn();
        emu.seedConnection(ENDPOINT, "cvpn-connection-0aaaaaaaaaaaaaaa1", "alice", "172.16.0.10");
        emu.seedConnection(ENDPOINT, "cvpn-connection-0aaaaaaaaaaaaaaa2", "bob", "172.16.0.11");

        invokeAsLambda("{\"command\":\"idle\"}", "req-idle-1");

        assertThat(metrics()).containsExactly("SubnetsAssociated{}=2", "ActiveConnections{}=2");
    }

    @Test
    void idleCheck_vpnOff_reportsZeroAssociatedAndZeroConnected() {
        invokeAsLambda("{\"command\":\"idle\"}", "req-idle-2");

        assertThat(metrics()).containsExactly("SubnetsAssociated{}=0", "ActiveConnections{}=0");
    }

    @Test
    void nightly_turnsOffWithOneConnected_countsNightlyTurnOffConnectionCutAndGauges() {
        turnOn();
        emu.seedConnection(ENDPOINT, "cvpn-connection-0aaaaaaaaaaaaaaa1", "alice", "172.16.0.10");

        invokeAsLambda("{\"command\":\"force\"}", "req-night");

        assertThat(metrics()).containsExactly("TurnOffs{Reason=nightly}=1", "ConnectionsCut{}=1",
                "SubnetsAssociated{}=2", "ActiveConnections{}=1");
    }

    @Test
    void nightly_disassociationThrottledThroughout_countsTurnOffFailure() {
        turnOn();
        emu.injectFault(Fault.throttle("ec2", 100).forAction("DisassociateClientVpnTargetNetwork"));

        JsonNode summary = invokeAsLambda("{\"command\":\"force\"}", "req-fail");

        assertThat(summary.path("result").asText()).isEqualTo("failed");
        assertThat(metrics()).contains("TurnOffFailures{Reason=nightly}=1");
    }

    @Test
    void idleCheck_describeThrottledThroughout_countsIdleTurnOffFailureAndEc2Throttle() {
        turnOn();
        emu.injectFault(Fault.throttle("ec2", 100).forAction("DescribeClientVpnTargetNetworks"));

        JsonNode answer = invokeAsLambda("{\"command\":\"idle\"}", "req-throttled");

        assertThat(answer.path("ok").asBoolean()).isFalse();
        assertThat(metrics()).containsExactlyInAnyOrder("Throttles{Service=ec2}=1", "TurnOffFailures{Reason=idle}=1");
    }

    @Test
    void dryRunAndRefusedEvents_countNothing() {
        turnOn();
        emu.advanceClock(Duration.ofMinutes(1));

        invokeAsLambda("{\"command\":\"force\",\"dryRun\":true}", "req-dry");
        invokeAsLambda("{\"command\":\"sideways\"}", "req-bad");

        assertThat(logLines.stream().filter(EmfDocuments::isEmf)).isEmpty();
    }

    @Test
    void everyLine_ofAnInvocation_carriesItsRequestIdFunctionAndColdStartFlag() {
        turnOn();
        logLines.clear();

        invokeAsLambda("{\"command\":\"force\"}", "req-lines");

        List<JsonNode> lines = logs();
        assertThat(lines).isNotEmpty().allSatisfy(line -> {
            assertThat(line.path("requestId").asText()).isEqualTo("req-lines");
            assertThat(line.path("functionName").asText()).isEqualTo("switchboard-VpnAutoOffFunction-X1");
            assertThat(line.path("functionVersion").asText()).isEqualTo("12");
            assertThat(line.path("coldStart").isBoolean()).isTrue();
        });
        assertThat(lines).extracting(l -> l.path("type").asText()).contains("audit", "auto-off", "metrics");
    }
}
