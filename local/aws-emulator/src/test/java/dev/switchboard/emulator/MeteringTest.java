package dev.switchboard.emulator;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static dev.switchboard.emulator.AwsEmulator.DEMO_ENDPOINT_ID;
import static dev.switchboard.emulator.AwsEmulator.DEMO_SUBNET_A;
import static dev.switchboard.emulator.AwsEmulator.DEMO_SUBNET_C;
import static org.assertj.core.api.Assertions.assertThat;

/** What the emulator measures for benchmarks and simulations: calls with their timing, billed association time. */
class MeteringTest extends EmulatorTestSupport {

    @Test
    void billedAssociationTime_fromAssociateUntilDisassociationCompletes_perSubnet() {
        emu.setAssociationDelay(Duration.ofMinutes(7));
        emu.setDisassociationDelay(Duration.ofMinutes(2));
        String a = ec2.associateClientVpnTargetNetwork(r -> r.clientVpnEndpointId(DEMO_ENDPOINT_ID).subnetId(DEMO_SUBNET_A))
                .associationId();
        ec2.associateClientVpnTargetNetwork(r -> r.clientVpnEndpointId(DEMO_ENDPOINT_ID).subnetId(DEMO_SUBNET_C));
        emu.advanceClock(Duration.ofMinutes(60));

        ec2.disassociateClientVpnTargetNetwork(r -> r.clientVpnEndpointId(DEMO_ENDPOINT_ID).associationId(a));
        emu.advanceClock(Duration.ofMinutes(30));

        // A: 60 min + 2 min disassociating; C: still associated, 90 min. Loopback calls add milliseconds.
        assertThat(emu.billedAssociationTime(DEMO_ENDPOINT_ID)).isBetween(Duration.ofMinutes(152),
                Duration.ofMinutes(152).plusSeconds(5));
    }

    @Test
    void billedAssociationTime_failedAssociation_billedUntilItFailed() {
        emu.setAssociationDelay(Duration.ofMinutes(7));
        emu.failNextAssociation(DEMO_SUBNET_A);
        ec2.associateClientVpnTargetNetwork(r -> r.clientVpnEndpointId(DEMO_ENDPOINT_ID).subnetId(DEMO_SUBNET_A));
        emu.advanceClock(Duration.ofHours(5));

        assertThat(emu.billedAssociationTime(DEMO_ENDPOINT_ID)).isBetween(Duration.ofMinutes(7),
                Duration.ofMinutes(7).plusSeconds(5));
    }

    @Test
    void sequentialRoundTrips_parallelCallsCountOnce_sequentialOnesEach() {
        emu.injectFault(new Fault("ec2", Fault.Kind.SLOW, 100, Duration.ofMillis(150), null));

        CompletableFuture<?> one = CompletableFuture.runAsync(() ->
                ec2.describeClientVpnEndpoints(r -> r.clientVpnEndpointIds(DEMO_ENDPOINT_ID)));
        CompletableFuture<?> two = CompletableFuture.runAsync(() ->
                ec2.describeClientVpnTargetNetworks(r -> r.clientVpnEndpointId(DEMO_ENDPOINT_ID)));
        CompletableFuture.allOf(one, two).join();
        List<ServiceCall> parallel = emu.callLog();
        ec2.describeClientVpnConnections(r -> r.clientVpnEndpointId(DEMO_ENDPOINT_ID));
        ec2.describeClientVpnRoutes(r -> r.clientVpnEndpointId(DEMO_ENDPOINT_ID));

        assertThat(parallel).extracting(ServiceCall::action).containsExactlyInAnyOrder(
                "DescribeClientVpnEndpoints", "DescribeClientVpnTargetNetworks");
        assertThat(ServiceCall.sequentialRoundTrips(parallel)).isEqualTo(1);
        assertThat(ServiceCall.sequentialRoundTrips(emu.callLog())).isEqualTo(3);
        assertThat(emu.callLog()).allSatisfy(c -> assertThat(c.answeredNanos() - c.receivedNanos())
                .isGreaterThanOrEqualTo(Duration.ofMillis(150).toNanos()));
    }
}
