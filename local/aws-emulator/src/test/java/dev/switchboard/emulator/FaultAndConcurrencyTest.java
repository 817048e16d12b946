package dev.switchboard.emulator;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.switchboard.emulator.AwsEmulator.DEMO_ENDPOINT_ID;
import static dev.switchboard.emulator.AwsEmulator.DEMO_SUBNET_A;
import static dev.switchboard.emulator.AwsEmulator.DEMO_SUBNET_C;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FaultAndConcurrencyTest extends EmulatorTestSupport {

    @Test
    void throttle_twoThenSuccess_sdkRetriesAndSucceeds() {
        emu.injectFault(Fault.throttle("ec2", 2));
        var eps = ec2.describeClientVpnEndpoints().clientVpnEndpoints();
        assertThat(eps).hasSize(1);
        assertThat(emu.callCount("DescribeClientVpnEndpoints")).isEqualTo(3);
    }

    @Test
    void throttle_retriesDisabled_surfacesRequestLimitExceeded() {
        emu.injectFault(Fault.throttle("ec2", 1).forAction("AssociateClientVpnTargetNetwork"));
        ec2NoRetry.describeClientVpnEndpoints(); // other actions are not affected
        assertThatThrownBy(() -> ec2NoRetry.associateClientVpnTargetNetwork(r -> r.clientVpnEndpointId(DEMO_ENDPOINT_ID).subnetId(DEMO_SUBNET_A)))
                .isInstanceOf(Ec2Exception.class)
                .satisfies(t -> {
                    Ec2Exception e = (Ec2Exception) t;
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("RequestLimitExceeded");
                    assertThat(e.statusCode()).isEqualTo(503);
                    assertThat(e.isThrottlingException()).isTrue();
                });
        assertThat(emu.callCount("AssociateClientVpnTargetNetwork")).isEqualTo(1);
        assertThat(ec2.describeClientVpnTargetNetworks(r -> r.clientVpnEndpointId(DEMO_ENDPOINT_ID)).clientVpnTargetNetworks()).isEmpty();
    }

    @Test
    void throttle_whereAParameterHasAValue_hitsOnlyThoseCalls() {
        emu.injectFault(Fault.throttle("ec2", 1).forAction("AssociateClientVpnTargetNetwork").where("SubnetId", DEMO_SUBNET_C));
        ec2NoRetry.associateClientVpnTargetNetwork(r -> r.clientVpnEndpointId(DEMO_ENDPOINT_ID).subnetId(DEMO_SUBNET_A));

        assertThatThrownBy(() -> ec2NoRetry.associateClientVpnTargetNetwork(r -> r.clientVpnEndpointId(DEMO_ENDPOINT_ID).subnetId(DEMO_SUBNET_C)))
                .isInstanceOf(Ec2Exception.class)
                .satisfies(t -> assertThat(((Ec2Exception) t).awsErrorDetails().errorCode()).isEqualTo("RequestLimitExceeded"));
        assertThat(ec2.describeClientVpnTargetNetworks(r -> r.clientVpnEndpointId(DEMO_ENDPOINT_ID)).clientVpnTargetNetworks())
                .extracting(t -> t.targetNetworkId()).containsExactly(DEMO_SUBNET_A);
    }

    @Test
    void http500_retriesDisabled_surfacesInternalError_thenRecovers() {
        emu.injectFault(Fault.http500("ec2", 1));
        assertThatThrownBy(() -> ec2NoRetry.describeClientVpnEndpoints())
                .satisfies(t -> {
                    Ec2Exception e = (Ec2Exception) t;
                    assertThat(e.statusCode()).isEqualTo(500);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InternalError");
                });
        assertThat(ec2NoRetry.describeClientVpnEndpoints().clientVpnEndpoints()).hasSize(1);
    }

    @Test
    void http503_withRetries_succeedsOnSecondAttempt() {
        emu.injectFault(Fault.http503("any", 1));
        assertThat(ec2.describeClientVpnEndpoints().clientVpnEndpoints()).hasSize(1);
        assertThat(emu.callCount("DescribeClientVpnEndpoints")).isEqualTo(2);
    }

    @Test
    void slow_oneCall_answersAfterDelay() {
        emu.injectFault(Fault.slow("ec2", 1, Duration.ofMillis(1200)));
        long t0 = System.nanoTime();
        assertThat(ec2.describeClientVpnEndpoints().clientVpnEndpoints()).hasSize(1);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(1200));
        long t1 = System.nanoTime();
        ec2.describeClientVpnEndpoints();
        assertThat(Duration.ofNanos(System.nanoTime() - t1)).isLessThan(Duration.ofMillis(1000));
    }

    @Test
    void associate_fiftyConcurrentCallsSameSubnet_exactlyOneAssociation() throws Exception {
        int n = 50;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                Callable<String> call = () -> {
                    go.await();
                    try {
                        return ec2NoRetry.associateClientVpnTargetNetwork(r -> r.clientVpnEndpointId(DEMO_ENDPOINT_ID)
                                .subnetId(DEMO_SUBNET_A)).associationId();
                    } catch (Ec2Exception e) {
                        return "error:" + e.awsErrorDetails().errorCode();
                    }
                };
                results.add(pool.submit(call));
            }
            go.countDown();
            List<String> outcomes = new ArrayList<>();
            for (Future<String> f : results) {
                outcomes.add(f.get());
            }
            assertThat(outcomes).filteredOn(s -> s.startsWith("cvpn-assoc-")).hasSize(1);
            assertThat(outcomes).filteredOn(s -> s.equals("error:ClientVpnEndpointAssociationExists")).hasSize(n - 1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(ec2.describeClientVpnTargetNetworks(r -> r.clientVpnEndpointId(DEMO_ENDPOINT_ID)).clientVpnTargetNetworks()).hasSize(1);
        assertThat(emu.callCount("AssociateClientVpnTargetNetwork")).isEqualTo(n);
    }
}
