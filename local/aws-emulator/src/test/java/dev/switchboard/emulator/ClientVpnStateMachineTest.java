package dev.switchboard.emulator;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.AssociateClientVpnTargetNetworkResponse;
import software.amazon.awssdk.services.ec2.model.AssociationStatusCode;
import software.amazon.awssdk.services.ec2.model.ClientVpnConnection;
import software.amazon.awssdk.services.ec2.model.ClientVpnEndpoint;
import software.amazon.awssdk.services.ec2.model.ClientVpnEndpointStatusCode;
import software.amazon.awssdk.services.ec2.model.ClientVpnRouteStatusCode;
import software.amazon.awssdk.services.ec2.model.DescribeClientVpnConnectionsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeClientVpnTargetNetworksResponse;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.TargetNetwork;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import static dev.switchboard.emulator.AwsEmulator.DEMO_ENDPOINT_ID;
import static dev.switchboard.emulator.AwsEmulator.DEMO_SUBNET_A;
import static dev.switchboard.emulator.AwsEmulator.DEMO_SUBNET_C;
import static dev.switchboard.emulator.AwsEmulator.DEMO_VPC_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClientVpnStateMachineTest extends EmulatorTestSupport {

    private static ClientVpnEndpoint endpoint() {
        List<ClientVpnEndpoint> eps = ec2.describeClientVpnEndpoints(r -> r.clientVpnEndpointIds(DEMO_ENDPOINT_ID)).clientVpnEndpoints();
        assertThat(eps).hasSize(1);
        return eps.get(0);
    }

    private static List<TargetNetwork> targets() {
        return ec2.describeClientVpnTargetNetworks(r -> r.clientVpnEndpointId(DEMO_ENDPOINT_ID)).clientVpnTargetNetworks();
    }

    private static String ec2Code(Throwable t) {
        return ((Ec2Exception) t).awsErrorDetails().errorCode();
    }

    @Test
    void describeEndpoints_seeded_returnsModelFields() {
        emu.state().seedClientVpnEndpoint("cvpn-endpoint-0000000000000000a", DEMO_VPC_ID);
        ClientVpnEndpoint ep = endpoint();
        assertThat(ep.clientVpnEndpointId()).isEqualTo(DEMO_ENDPOINT_ID);
        assertThat(ep.vpcId()).isEqualTo(DEMO_VPC_ID);
        assertThat(ep.status().code()).isEqualTo(ClientVpnEndpointStatusCode.PENDING_ASSOCIATE);
        assertThat(ep.clientCidrBlock()).isEqualTo("172.16.0.0/22");
        assertThat(ep.description()).isEqualTo("Switchboard demo Client VPN");
        assertThat(ep.creationTime()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
        assertThat(ec2.describeClientVpnEndpoints().clientVpnEndpoints()).hasSize(2);
    }

    @Test
    void associate_fullLifecycle_followsRealStateMachine() {
        emu.seedConnection(DEMO_ENDPOINT_ID, "cvpn-connection-0aaaaaaaaaaaaaaa1", "alice", "203.0.113.5");

        AssociateClientVpnTargetNetworkResponse assoc =
                ec2.associateClientVpnTargetNetwork(r -> r.clientVpnEndpointId(DEMO_ENDPOINT_ID).subnetId(DEMO_SUBNET_A));
        assertThat(assoc.associationId()).matches("cvpn-assoc-[0-9a-f]{17}");
        assertThat(assoc.status().code()).isEqualTo(AssociationStatusCode.ASSOCIATING);
        assertThat(endpoint().status().code()).isEqualTo(ClientVpnEndpointStatusCode.PENDING_ASSOCIATE);
        assertThat(targets()).singleElement().satisfies(t -> {
            assertThat(t.status().code()).isEqualTo(AssociationStatusCode.ASSOCIATING);
            assertThat(t.targetNetworkId()).isEqualTo(DEMO_SUBNET_A);
            assertThat(t.vpcId()).isEqualTo(DEMO_VPC_ID);
            assertThat(t.clientVpnEndpointId()).isEqualTo(DEMO_ENDPOINT_ID);
            assertThat(t.securityGroups()).isNotEmpty();
        });

        emu.advanceClock(Duration.ofSeconds(4));
        assertThat(targets().get(0).status().code()).isEqualTo(AssociationStatusCode.ASSOCIATING);
        emu.advanceClock(Duration.ofSeconds(2));
        assertThat(targets().get(0).status().code()).isEqualTo(AssociationStatusCode.ASSOCIATED);
        assertThat(endpoint().status().code()).isEqualTo(ClientVpnEndpointStatusCode.AVAILABLE);
        // the association adds the VPC route automatically
        assertThat(ec2.describeClientVpnRoutes(r -> r.clientVpnEndpointId(DEMO_ENDPOINT_ID)).routes())
                .singleElement().satisfies(r -> assertThat(r.origin()).isEqualTo("associate"));

        ec2.createClientVpnRoute(r -> r.clientVpnEndpointId(DEMO_ENDPOINT_ID).destinationCidrBlock("0.0.0.0/0")
                .targetVpcSubnetId(DEMO_SUBNET_A).description("internet"));

        var dis = ec2.disassociateClientVpnTargetNetwork(r -> r.clientVpnEndpointId(DEMO_ENDPOINT_ID)
                .associationId(assoc.associationId()));
        assertThat(dis.status().code()).isEqualTo(AssociationStatusCode.DISASSOCIATING);
        assertThat(dis.associationId()).isEqualTo(assoc.associationId());
        assertThat(targets().get(0).status().code()).isEqualTo(AssociationStatusCode.DISASSOCIATING);

        emu.advanceClock(Duration.ofSeconds(5));
        assertThat(targets()).isEmpty();
        assertThat(endpoint().status().code()).isEqualTo(ClientVpnEndpointStatusCode.PENDING_ASSOCIATE);
        assertThat(ec2.describeClientVpnRoutes(r -> r.clientVpnEndpointId(DEMO_ENDPOINT_ID)).routes()).isEmpty();
        ClientVpnConnection c = ec2.describeClientVpnConnections(r -> r.clientVpnEndpointId(DEMO_ENDPOINT_ID))
                .connections().get(0);
        assertThat(c.status().codeAsString()).isEqualTo("terminated");
        assertThat(c.connectionEndTime()).isNotEqualTo("-");
    }

    @Test
    void associate_zeroDelay_isAssociatedAtOnce() {
        emu.setAssociationDelay(Duration.ZERO);
        var r = ec2.associateClientVpnTargetNetwork(b -> b.clientVpnEndpointId(DEMO_ENDPOINT_ID).subnetId(DEMO_SUBNET_A));
        assertThat(r.status().code()).isEqualTo(AssociationStatusCode.ASSOCIATED);
        assertThat(endpoint().status().code()).isEqualTo(ClientVpnEndpointStatusCode.AVAILABLE);
    }

    @Test
    void associate_failNextAssociation_endsInAssociationFailed() {
        emu.failNextAssociation(DEMO_SUBNET_A);
        associateAndWait();
        assertThat(targets().get(0).status().code()).isEqualTo(AssociationStatusCode.ASSOCIATION_FAILED);
        assertThat(endpoint().status().code()).isEqualTo(ClientVpnEndpointStatusCode.PENDING_ASSOCIATE);
    }

    @Test
    void associate_sameSubnetTwice_returnsDuplicateAssociationCode() {
        ec2.associateClientVpnTargetNetwork(r -> r.clientVpnEndpointId(DEMO_ENDPOINT_ID).subnetId(DEMO_SUBNET_A));
        assertThatThrownBy(() -> ec2.associateClientVpnTargetNetwork(r -> r.clientVpnEndpointId(DEMO_ENDPOINT_ID).subnetId(DEMO_SUBNET_A)))
                .isInstanceOf(Ec2Exception.class)
                .satisfies(t -> assertThat(ec2Code(t)).isEqualTo("ClientVpnEndpointAssociationExists"))
                .satisfies(t -> assertThat(((Ec2Exception) t).statusCode()).isEqualTo(400));
    }

    @Test
    void associate_sameClientToken_isIdempotent() {
        var first = ec2.associateClientVpnTargetNetwork(r -> r.clientVpnEndpointId(DEMO_ENDPOINT_ID).subnetId(DEMO_SUBNET_A).clientToken("tok-1"));
        var again = ec2.associateClientVpnTargetNetwork(r -> r.clientVpnEndpointId(DEMO_ENDPOINT_ID).subnetId(DEMO_SUBNET_A).clientToken("tok-1"));
        assertThat(again.associationId()).isEqualTo(first.associationId());
        assertThat(targets()).hasSize(1);
    }

    @Test
    void associate_secondSubnetSameAz_rejectedWithDuplicateAz() {
        emu.seedSubnet("subnet-0fff5555aaaa6666b", DEMO_VPC_ID, "ap-northeast-1a");
        ec2.associateClientVpnTargetNetwork(r -> r.clientVpnEndpointId(DEMO_ENDPOINT_ID).subnetId(DEMO_SUBNET_A));
        assertThatThrownBy(() -> ec2.associateClientVpnTargetNetwork(r -> r.clientVpnEndpointId(DEMO_ENDPOINT_ID).subnetId("subnet-0fff5555aaaa6666b")))
                .satisfies(t -> assertThat(ec2Code(t)).isEqualTo("InvalidClientVpnSubnetId.DuplicateAz"));
        // another AZ is fine
        var c = ec2.associateClientVpnTargetNetwork(r -> r.clientVpnEndpointId(DEMO_ENDPOINT_ID).subnetId(DEMO_SUBNET_C));
        assertThat(c.status().code()).isEqualTo(AssociationStatusCode.ASSOCIATING);
    }

    @Test
    void associate_unknownIds_returnNotFoundCodes() {
        assertThatThrownBy(() -> ec2.associateClientVpnTargetNetwork(r -> r.clientVpnEndpointId("cvpn-endpoint-00000000000000000").subnetId(DEMO_SUBNET_A)))
                .satisfies(t -> assertThat(ec2Code(t)).isEqualTo("InvalidClientVpnEndpointId.NotFound"));
        assertThatThrownBy(() -> ec2.associateClientVpnTargetNetwork(r -> r.clientVpnEndpointId(DEMO_ENDPOINT_ID).subnetId("subnet-00000000000000000")))
                .satisfies(t -> assertThat(ec2Code(t)).isEqualTo("InvalidSubnetID.NotFound"));
        emu.seedSubnet("subnet-0bbb0000000000000", "vpc-0other000000000000", "ap-northeast-1d");
        assertThatThrownBy(() -> ec2.associateClientVpnTargetNetwork(r -> r.clientVpnEndpointId(DEMO_ENDPOINT_ID).subnetId("subnet-0bbb0000000000000")))
                .satisfies(t -> assertThat(ec2Code(t)).isEqualTo("InvalidClientVpnSubnetId.NotFound"));
        assertThatThrownBy(() -> ec2.disassociateClientVpnTargetNetwork(r -> r.clientVpnEndpointId(DEMO_ENDPOINT_ID).associationId("cvpn-assoc-00000000000000000")))
                .satisfies(t -> assertThat(ec2Code(t)).isEqualTo("InvalidClientVpnAssociationId.NotFound"));
        assertThatThrownBy(() -> ec2.describeClientVpnEndpoints(r -> r.clientVpnEndpointIds("cvpn-endpoint-00000000000000000")))
                .satisfies(t -> assertThat(ec2Code(t)).isEqualTo("InvalidClientVpnEndpointId.NotFound"));
        assertThatThrownBy(() -> ec2.describeClientVpnConnections(r -> r.clientVpnEndpointId("cvpn-endpoint-00000000000000000")))
                .satisfies(t -> assertThat(ec2Code(t)).isEqualTo("InvalidClientVpnEndpointId.NotFound"));
    }

    @Test
    void describeConnections_sevenConnectionsMaxFive_pagesAcrossTwoPages() {
        for (int i = 1; i <= 7; i++) {
            emu.seedConnection(DEMO_ENDPOINT_ID, "cvpn-connection-0000000000000000" + i, "user" + i, "203.0.113." + i);
        }
        DescribeClientVpnConnectionsResponse p1 = ec2.describeClientVpnConnections(r -> r.clientVpnEndpointId(DEMO_ENDPOINT_ID).maxResults(5));
        assertThat(p1.connections()).hasSize(5);
        assertThat(p1.nextToken()).isNotBlank();
        DescribeClientVpnConnectionsResponse p2 = ec2.describeClientVpnConnections(r -> r.clientVpnEndpointId(DEMO_ENDPOINT_ID).maxResults(5).nextToken(p1.nextToken()));
        assertThat(p2.connections()).hasSize(2);
        assertThat(p2.nextToken()).isNull();
        List<String> all = new ArrayList<>();
        ec2.describeClientVpnConnectionsPaginator(r -> r.clientVpnEndpointId(DEMO_ENDPOINT_ID).maxResults(5))
                .connections().forEach(c -> all.add(c.connectionId()));
        assertThat(all).hasSize(7).doesNotHaveDuplicates();

        ClientVpnConnection c = p1.connections().get(0);
        assertThat(c.status().codeAsString()).isEqualTo("active");
        assertThat(c.connectionEndTime()).isEqualTo("-");
        assertThat(c.username()).isEqualTo("user1");
        assertThat(c.clientIp()).isEqualTo("203.0.113.1");
        LocalDateTime.parse(c.connectionEstablishedTime(), DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
        LocalDateTime.parse(c.timestamp(), DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
    }

    @Test
    void describeConnections_pageLimitBelowMaxResults_answersShorterPagesWithATokenUntilTheLast() {
        for (int i = 1; i <= 3; i++) {
            emu.seedConnection(DEMO_ENDPOINT_ID, "cvpn-connection-0000000000000000" + i, "user" + i, "203.0.113." + i);
        }
        emu.setPageLimit(2);

        DescribeClientVpnConnectionsResponse p1 = ec2.describeClientVpnConnections(r -> r.clientVpnEndpointId(DEMO_ENDPOINT_ID).maxResults(1000));
        DescribeClientVpnConnectionsResponse p2 = ec2.describeClientVpnConnections(r -> r.clientVpnEndpointId(DEMO_ENDPOINT_ID).maxResults(1000).nextToken(p1.nextToken()));

        assertThat(p1.connections()).extracting(ClientVpnConnection::username).containsExactly("user1", "user2");
        assertThat(p1.nextToken()).isNotBlank();
        assertThat(p2.connections()).extracting(ClientVpnConnection::username).containsExactly("user3");
        assertThat(p2.nextToken()).isNull();
        assertThat(ec2.describeClientVpnConnections(r -> r.clientVpnEndpointId(DEMO_ENDPOINT_ID)).connections())
                .as("no MaxResults: capped too").hasSize(2);
        emu.reset();
        assertThat(emu.state().pageLimit()).isZero();
    }

    @Test
    void describeConnections_badPaging_rejected() {
        assertThatThrownBy(() -> ec2.describeClientVpnConnections(r -> r.clientVpnEndpointId(DEMO_ENDPOINT_ID).maxResults(4)))
                .satisfies(t -> assertThat(ec2Code(t)).isEqualTo("InvalidParameterValue"));
        assertThatThrownBy(() -> ec2.describeClientVpnConnections(r -> r.clientVpnEndpointId(DEMO_ENDPOINT_ID).nextToken("garbage!")))
                .satisfies(t -> assertThat(ec2Code(t)).isEqualTo("InvalidNextToken"));
    }

    @Test
    void describeConnections_terminated_listedForSixtyMinutesThenGone() {
        emu.seedConnection(DEMO_ENDPOINT_ID, "cvpn-connection-0aaaaaaaaaaaaaaa1", "alice", "203.0.113.5");
        emu.seedConnection(DEMO_ENDPOINT_ID, "cvpn-connection-0aaaaaaaaaaaaaaa2", "bob", "203.0.113.6");
        emu.terminateConnection(DEMO_ENDPOINT_ID, "cvpn-connection-0aaaaaaaaaaaaaaa1");
        emu.advanceClock(Duration.ofMinutes(59));
        var list = ec2.describeClientVpnConnections(r -> r.clientVpnEndpointId(DEMO_ENDPOINT_ID)).connections();
        assertThat(list).extracting(c -> c.status().codeAsString()).containsExactly("terminated", "active");
        emu.advanceClock(Duration.ofMinutes(2));
        list = ec2.describeClientVpnConnections(r -> r.clientVpnEndpointId(DEMO_ENDPOINT_ID)).connections();
        assertThat(list).extracting(ClientVpnConnection::connectionId).containsExactly("cvpn-connection-0aaaaaaaaaaaaaaa2");
    }

    @Test
    void describeTargetNetworks_manyAssociations_pagesAndFilters() {
        String[] azs = {"a", "c", "d", "b", "e", "f", "g"};
        for (int i = 0; i < 7; i++) {
            String s = "subnet-0ccc00000000000" + i + "0";
            emu.seedSubnet(s, DEMO_VPC_ID, "ap-northeast-9" + azs[i]);
            ec2.associateClientVpnTargetNetwork(r -> r.clientVpnEndpointId(DEMO_ENDPOINT_ID).subnetId(s));
        }
        DescribeClientVpnTargetNetworksResponse p1 = ec2.describeClientVpnTargetNetworks(r -> r.clientVpnEndpointId(DEMO_ENDPOINT_ID).maxResults(5));
        assertThat(p1.clientVpnTargetNetworks()).hasSize(5);
        var p2 = ec2.describeClientVpnTargetNetworks(r -> r.clientVpnEndpointId(DEMO_ENDPOINT_ID).maxResults(5).nextToken(p1.nextToken()));
        assertThat(p2.clientVpnTargetNetworks()).hasSize(2);
        assertThat(p2.nextToken()).isNull();
        var filtered = ec2.describeClientVpnTargetNetworks(r -> r.clientVpnEndpointId(DEMO_ENDPOINT_ID)
                .filters(f -> f.name("target-network-id").values("subnet-0ccc0000000000030"))).clientVpnTargetNetworks();
        assertThat(filtered).singleElement().satisfies(t -> assertThat(t.targetNetworkId()).isEqualTo("subnet-0ccc0000000000030"));
        var byId = ec2.describeClientVpnTargetNetworks(r -> r.clientVpnEndpointId(DEMO_ENDPOINT_ID)
                .associationIds(filtered.get(0).associationId())).clientVpnTargetNetworks();
        assertThat(byId).hasSize(1);
    }

    @Test
    void routes_createDuplicateDelete_behaveLikeEc2() {
        assertThatThrownBy(() -> ec2.createClientVpnRoute(r -> r.clientVpnEndpointId(DEMO_ENDPOINT_ID)
                .destinationCidrBlock("10.1.0.0/16").targetVpcSubnetId(DEMO_SUBNET_A)))
                .satisfies(t -> assertThat(ec2Code(t)).isEqualTo("InvalidClientVpnActiveAssociationNotFound"));
        associateAndWait();
        var created = ec2.createClientVpnRoute(r -> r.clientVpnEndpointId(DEMO_ENDPOINT_ID)
                .destinationCidrBlock("10.1.0.0/16").targetVpcSubnetId(DEMO_SUBNET_A).description("on-prem"));
        assertThat(created.status().code()).isEqualTo(ClientVpnRouteStatusCode.CREATING);
        assertThatThrownBy(() -> ec2.createClientVpnRoute(r -> r.clientVpnEndpointId(DEMO_ENDPOINT_ID)
                .destinationCidrBlock("10.1.0.0/16").targetVpcSubnetId(DEMO_SUBNET_A)))
                .satisfies(t -> assertThat(ec2Code(t)).isEqualTo("InvalidClientVpnDuplicateRoute"));
        emu.advanceClock(Duration.ofSeconds(5));
        var routes = ec2.describeClientVpnRoutes(r -> r.clientVpnEndpointId(DEMO_ENDPOINT_ID)
                .filters(f -> f.name("origin").values("add-route"))).routes();
        assertThat(routes).singleElement().satisfies(r -> {
            assertThat(r.status().code()).isEqualTo(ClientVpnRouteStatusCode.ACTIVE);
            assertThat(r.destinationCidr()).isEqualTo("10.1.0.0/16");
            assertThat(r.targetSubnet()).isEqualTo(DEMO_SUBNET_A);
            assertThat(r.type()).isEqualTo("Nat");
            assertThat(r.description()).isEqualTo("on-prem");
        });
        var deleted = ec2.deleteClientVpnRoute(r -> r.clientVpnEndpointId(DEMO_ENDPOINT_ID)
                .destinationCidrBlock("10.1.0.0/16").targetVpcSubnetId(DEMO_SUBNET_A));
        assertThat(deleted.status().code()).isEqualTo(ClientVpnRouteStatusCode.DELETING);
        emu.advanceClock(Duration.ofSeconds(5));
        assertThat(ec2.describeClientVpnRoutes(r -> r.clientVpnEndpointId(DEMO_ENDPOINT_ID)).routes())
                .extracting(r -> r.origin()).containsExactly("associate");
        assertThatThrownBy(() -> ec2.deleteClientVpnRoute(r -> r.clientVpnEndpointId(DEMO_ENDPOINT_ID)
                .destinationCidrBlock("10.1.0.0/16")))
                .satisfies(t -> assertThat(ec2Code(t)).isEqualTo("InvalidClientVpnRouteNotFound"));
    }

    @Test
    void tags_createDescribeDelete_roundTrip() {
        ec2.createTags(r -> r.resources(DEMO_ENDPOINT_ID).tags(t -> t.key("TurnedOnBy").value("alice@example.com"),
                t -> t.key("Env").value("dev & <test>")));
        assertThat(endpoint().tags()).extracting(t -> t.key() + "=" + t.value())
                .containsExactly("TurnedOnBy=alice@example.com", "Env=dev & <test>");
        var described = ec2.describeTags(r -> r.filters(f -> f.name("resource-id").values(DEMO_ENDPOINT_ID))).tags();
        assertThat(described).hasSize(2).allSatisfy(t -> assertThat(t.resourceTypeAsString()).isEqualTo("client-vpn-endpoint"));
        ec2.deleteTags(r -> r.resources(DEMO_ENDPOINT_ID).tags(t -> t.key("TurnedOnBy")));
        assertThat(endpoint().tags()).extracting(t -> t.key()).containsExactly("Env");
        assertThatThrownBy(() -> ec2.createTags(r -> r.resources("cvpn-endpoint-00000000000000000").tags(t -> t.key("a").value("b"))))
                .satisfies(t -> assertThat(ec2Code(t)).isEqualTo("InvalidClientVpnEndpointId.NotFound"));
    }
}
