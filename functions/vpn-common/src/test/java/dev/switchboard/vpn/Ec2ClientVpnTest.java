package dev.switchboard.vpn;

import dev.switchboard.core.aws.AwsClients;
import dev.switchboard.core.http.SwitchboardException;
import dev.switchboard.emulator.AwsEmulator;
import dev.switchboard.emulator.Fault;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The EC2 adapter through the real SDK client, over HTTP, against the emulator. */
class Ec2ClientVpnTest {

    private static final String ENDPOINT = "cvpn-endpoint-0123456789abcdef0";
    private static final String VPC = "vpc-0a1b2c3d4e5f60718";
    private static final String SUBNET_A = "subnet-0aaa1111bbbb2222c";
    private static final String SUBNET_C = "subnet-0ddd3333eeee4444f";

    private static AwsEmulator emu;
    private static Ec2Client ec2;
    private Ec2ClientVpn vpn;

    @BeforeAll
    static void startEmulator() {
        emu = AwsEmulator.start(0);
        // The production client configuration (timeouts, retries, default credentials), only re-pointed.
        ec2 = AwsClients.build(Ec2Client.builder().endpointOverride(emu.endpoint()), "ap-northeast-1");
    }

    @AfterAll
    static void stopEmulator() {
        ec2.close();
        emu.close();
    }

    @BeforeEach
    void seed() {
        emu.reset();
        emu.seedClientVpnEndpoint(ENDPOINT, VPC);
        emu.seedSubnet(SUBNET_A, VPC, "ap-northeast-1a");
        emu.seedSubnet(SUBNET_C, VPC, "ap-northeast-1c");
        vpn = new Ec2ClientVpn(ec2, 5);
    }

    @Test
    void endpoint_seeded_returnsStatusAndTags() {
        vpn.tag(ENDPOINT, Map.of(VpnTags.TURNED_ON_BY, "alice@example.com"));

        Endpoint e = vpn.endpoint(ENDPOINT);

        assertThat(e.id()).isEqualTo(ENDPOINT);
        assertThat(e.status()).isEqualTo("pending-associate");
        assertThat(e.tag(VpnTags.TURNED_ON_BY)).contains("alice@example.com");
    }

    @Test
    void endpoint_unknownId_isMisconfigured() {
        assertThatThrownBy(() -> vpn.endpoint("cvpn-endpoint-99999999999999999"))
                .isInstanceOfSatisfying(SwitchboardException.class, e -> {
                    assertThat(e.status()).isEqualTo(500);
                    assertThat(e.code()).isEqualTo("vpn_misconfigured");
                    assertThat(e.userMessage()).isEqualTo("The VPN is misconfigured. Please tell IT.");
                    assertThat(e.getCause()).isInstanceOf(Ec2Exception.class);
                    assertThat(((Ec2Exception) e.getCause()).awsErrorDetails().errorCode())
                            .isEqualTo("InvalidClientVpnEndpointId.NotFound");
                });
    }

    @Test
    void associate_freeSubnet_startsAssociatingAndCompletesOnTheEmulatorClock() {
        Optional<Association> started = vpn.associate(ENDPOINT, SUBNET_A);

        assertThat(started).hasValueSatisfying(a -> {
            assertThat(a.id()).startsWith("cvpn-assoc-");
            assertThat(a.subnetId()).isEqualTo(SUBNET_A);
            assertThat(a.status()).isEqualTo(Association.ASSOCIATING);
        });
        assertThat(vpn.associations(ENDPOINT)).extracting(Association::status).containsExactly("associating");

        emu.advanceClock(Duration.ofMinutes(10));

        assertThat(vpn.associations(ENDPOINT)).singleElement().satisfies(a -> {
            assertThat(a.subnetId()).isEqualTo(SUBNET_A);
            assertThat(a.vpcId()).isEqualTo(VPC);
            assertThat(a.status()).isEqualTo(Association.ASSOCIATED);
        });
        assertThat(vpn.endpoint(ENDPOINT).status()).isEqualTo("available");
    }

    @Test
    void associate_alreadyAssociating_returnsEmptyAndStartsNothing() {
        vpn.associate(ENDPOINT, SUBNET_A);

        Optional<Association> second = vpn.associate(ENDPOINT, SUBNET_A);

        assertThat(second).isEmpty();
        assertThat(vpn.associations(ENDPOINT)).hasSize(1);
        assertThat(emu.callCount("AssociateClientVpnTargetNetwork")).isEqualTo(2);
    }

    @Test
    void associate_unknownSubnet_isMisconfigured() {
        assertThatThrownBy(() -> vpn.associate(ENDPOINT, "subnet-0123456789abcdef9"))
                .isInstanceOfSatisfying(SwitchboardException.class,
                        e -> assertThat(e.code()).isEqualTo("vpn_misconfigured"));
        assertThat(vpn.associations(ENDPOINT)).isEmpty();
    }

    @Test
    void disassociate_associated_startsDisassociatingThenGoneReturnsFalse() {
        String id = vpn.associate(ENDPOINT, SUBNET_A).orElseThrow().id();
        emu.advanceClock(Duration.ofMinutes(10));

        assertThat(vpn.disassociate(ENDPOINT, id)).isTrue();
        assertThat(vpn.associations(ENDPOINT)).extracting(Association::status).containsExactly("disassociating");

        emu.advanceClock(Duration.ofMinutes(10));

        assertThat(vpn.associations(ENDPOINT)).isEmpty();
        assertThat(vpn.disassociate(ENDPOINT, id)).isFalse();
    }

    @Test
    void associations_moreThanOnePage_readsEveryPage() {
        for (int i = 0; i < 7; i++) {
            String subnet = String.format("subnet-%017d", i);
            emu.seedSubnet(subnet, VPC, "az-" + i);
            vpn.associate(ENDPOINT, subnet);
        }

        List<Association> all = vpn.associations(ENDPOINT);

        assertThat(all).hasSize(7);
        assertThat(emu.callCount("DescribeClientVpnTargetNetworks")).isEqualTo(2);
    }

    @Test
    void connections_moreThanOnePage_readsEveryPageAndParsesTimes() {
        vpn.associate(ENDPOINT, SUBNET_A);
        emu.advanceClock(Duration.ofMinutes(10));
        Instant established = emu.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        for (int i = 0; i < 12; i++) {
            emu.seedConnection(ENDPOINT, "cvpn-connection-" + i, "user" + i + "@example.com", "203.0.113." + i);
        }
        emu.advanceClock(Duration.ofMinutes(3));
        emu.terminateConnection(ENDPOINT, "cvpn-connection-0");
        Instant ended = emu.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

        List<Connection> all = vpn.connections(ENDPOINT);

        assertThat(all).hasSize(12);
        assertThat(emu.callCount("DescribeClientVpnConnections")).isEqualTo(3);
        assertThat(all).filteredOn(Connection::active).hasSize(11);
        Connection first = all.stream().filter(c -> c.id().equals("cvpn-connection-0")).findFirst().orElseThrow();
        assertThat(first.status()).isEqualTo("terminated");
        assertThat(first.username()).isEqualTo("user0@example.com");
        assertThat(first.clientIp()).isEqualTo("203.0.113.0");
        assertThat(first.established()).isEqualTo(established);
        assertThat(first.endedAt()).contains(ended);
        Connection other = all.stream().filter(c -> c.id().equals("cvpn-connection-1")).findFirst().orElseThrow();
        assertThat(other.endedAt()).isEmpty();
    }

    @Test
    void createRoute_newThenSame_createsOnceAndReportsTheDuplicate() {
        vpn.associate(ENDPOINT, SUBNET_A);
        emu.advanceClock(Duration.ofMinutes(10));

        assertThat(vpn.createRoute(ENDPOINT, "10.20.0.0/16", SUBNET_A, "office")).isTrue();
        assertThat(vpn.createRoute(ENDPOINT, "10.20.0.0/16", SUBNET_A, "office")).isFalse();

        assertThat(vpn.routes(ENDPOINT)).filteredOn(r -> r.destinationCidr().equals("10.20.0.0/16"))
                .singleElement().satisfies(r -> {
                    assertThat(r.targetSubnet()).isEqualTo(SUBNET_A);
                    assertThat(r.origin()).isEqualTo("add-route");
                });
    }

    @Test
    void routes_moreThanOnePage_readsEveryPage() {
        vpn.associate(ENDPOINT, SUBNET_A);
        emu.advanceClock(Duration.ofMinutes(10));
        for (int i = 0; i < 6; i++) {
            vpn.createRoute(ENDPOINT, "10." + (30 + i) + ".0.0/16", SUBNET_A, "r" + i);
        }

        List<Route> routes = vpn.routes(ENDPOINT);

        // six added by us plus the VPC route the association added
        assertThat(routes).hasSize(7);
        assertThat(routes).extracting(Route::origin).contains("associate", "add-route");
        assertThat(emu.callCount("DescribeClientVpnRoutes")).isEqualTo(2);
    }

    @Test
    void createRoute_subnetNotAssociated_isMisconfiguredAndCreatesNothing() {
        assertThatThrownBy(() -> vpn.createRoute(ENDPOINT, "10.20.0.0/16", SUBNET_A, "office"))
                .isInstanceOfSatisfying(SwitchboardException.class, e -> assertThat(e.status()).isEqualTo(500));
        assertThat(vpn.routes(ENDPOINT)).isEmpty();
    }

    @Test
    void tag_twice_overwritesTheValue() {
        vpn.tag(ENDPOINT, Map.of(VpnTags.TURNED_ON_BY, "a@example.com", VpnTags.TURNED_ON_AT, "2026-01-01T00:00:00Z"));
        vpn.tag(ENDPOINT, Map.of(VpnTags.TURNED_ON_BY, "b@example.com"));

        assertThat(vpn.endpoint(ENDPOINT).tags()).containsEntry(VpnTags.TURNED_ON_BY, "b@example.com")
                .containsEntry(VpnTags.TURNED_ON_AT, "2026-01-01T00:00:00Z");
    }

    @Test
    void tag_unknownEndpoint_isMisconfigured() {
        assertThatThrownBy(() -> vpn.tag("cvpn-endpoint-99999999999999999", Map.of("k", "v")))
                .isInstanceOfSatisfying(SwitchboardException.class,
                        e -> assertThat(e.code()).isEqualTo("vpn_misconfigured"));
    }

    @Test
    void associations_throttledTwiceThenOk_succeedsThroughSdkRetries() {
        vpn.associate(ENDPOINT, SUBNET_A);
        emu.injectFault(Fault.throttle("ec2", 2));

        assertThat(vpn.associations(ENDPOINT)).hasSize(1);
        assertThat(emu.callCount("DescribeClientVpnTargetNetworks")).isEqualTo(3);
    }

    @Test
    void associations_throttledBeyondRetries_isUnavailable() {
        emu.injectFault(Fault.throttle("ec2", 1000));

        assertThatThrownBy(() -> vpn.associations(ENDPOINT))
                .isInstanceOfSatisfying(SwitchboardException.class, e -> {
                    assertThat(e.status()).isEqualTo(503);
                    assertThat(e.code()).isEqualTo("vpn_unavailable");
                    assertThat(e.userMessage()).isEqualTo("The VPN service is busy. Please try again in a minute.");
                    assertThat(((Ec2Exception) e.getCause()).awsErrorDetails().errorCode()).isEqualTo("RequestLimitExceeded");
                });
        assertThat(emu.callCount("DescribeClientVpnTargetNetworks")).isGreaterThan(1);
    }

    @Test
    void associate_persistent500_isUnavailableAndNotDuplicate() {
        emu.injectFault(Fault.http500("ec2", 1000));

        assertThatThrownBy(() -> vpn.associate(ENDPOINT, SUBNET_A))
                .isInstanceOfSatisfying(SwitchboardException.class, e -> assertThat(e.status()).isEqualTo(503));
    }

    @Test
    void connections_nobodyListening_isUnavailable() {
        // A port that was free a moment ago: the connection is refused, an SdkClientException after retries.
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        try (Ec2Client dead = AwsClients.build(Ec2Client.builder().endpointOverride(URI.create("http://127.0.0.1:" + port)),
                "ap-northeast-1")) {
            assertThatThrownBy(() -> new Ec2ClientVpn(dead).connections(ENDPOINT))
                    .isInstanceOfSatisfying(SwitchboardException.class, e -> {
                        assertThat(e.status()).isEqualTo(503);
                        assertThat(e.getCause()).isInstanceOf(SdkClientException.class);
                    });
        }
    }

    @Test
    void parseTime_ec2Formats_parsesUtcOrNone() {
        assertThat(Ec2ClientVpn.parseTime("2019-08-12 07:57:14")).isEqualTo(Instant.parse("2019-08-12T07:57:14Z"));
        assertThat(Ec2ClientVpn.parseTime("-")).isNull();
        assertThat(Ec2ClientVpn.parseTime("")).isNull();
        assertThat(Ec2ClientVpn.parseTime(null)).isNull();
        assertThat(Ec2ClientVpn.parseTime("yesterday")).isNull();
    }
}
