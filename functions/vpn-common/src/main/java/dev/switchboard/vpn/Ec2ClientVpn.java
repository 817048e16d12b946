package dev.switchboard.vpn;

import dev.switchboard.core.aws.AwsClients;
import dev.switchboard.core.http.SwitchboardException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AssociateClientVpnTargetNetworkResponse;
import software.amazon.awssdk.services.ec2.model.ClientVpnConnection;
import software.amazon.awssdk.services.ec2.model.ClientVpnEndpoint;
import software.amazon.awssdk.services.ec2.model.ClientVpnRoute;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TargetNetwork;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The EC2 adapter of {@link ClientVpn}: the only VPN class that imports the EC2 SDK. Lists are read through
 * the SDK paginators (every page); EC2 error codes become {@link SwitchboardException}s that keep the SDK
 * exception as their cause, so the user sees a plain message and the log sees the details.
 */
public final class Ec2ClientVpn implements ClientVpn {

    /** The largest page EC2 accepts for the Client VPN describe calls (botocore: 5..1000). */
    static final int MAX_PAGE_SIZE = 1000;

    private static final Set<String> DUPLICATE_ASSOCIATION = Set.of(
            "InvalidClientVpnDuplicateAssociationException", "ClientVpnEndpointAssociationExists");
    private static final Set<String> DUPLICATE_ROUTE = Set.of("InvalidClientVpnDuplicateRoute");
    private static final Set<String> ASSOCIATION_GONE = Set.of(
            "InvalidClientVpnAssociationId.NotFound", "InvalidClientVpnAssociationIdNotFound",
            "InvalidClientVpnEndpointAssociationNotFound");
    private static final Set<String> THROTTLED = Set.of(
            "RequestLimitExceeded", "Throttling", "ThrottlingException", "RequestThrottled",
            "ClientVpnRequestLimitExceeded");

    /** EC2 Client VPN times: {@code 2019-08-12 07:57:14}, in UTC. */
    private static final DateTimeFormatter EC2_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Ec2Client ec2;
    private final int pageSize;

    public Ec2ClientVpn(Ec2Client ec2) {
        this(ec2, MAX_PAGE_SIZE);
    }

    /** For tests: a small page size proves that every page is read. */
    Ec2ClientVpn(Ec2Client ec2, int pageSize) {
        this.ec2 = ec2;
        this.pageSize = pageSize;
    }

    /** The production adapter: an EC2 client built the Switchboard way ({@link AwsClients}). */
    public static Ec2ClientVpn create(String region) {
        return new Ec2ClientVpn(AwsClients.build(Ec2Client.builder(), region));
    }

    @Override
    public Endpoint endpoint(String endpointId) {
        List<ClientVpnEndpoint> found = call(() -> ec2.describeClientVpnEndpoints(r -> r.clientVpnEndpointIds(endpointId))
                .clientVpnEndpoints());
        ClientVpnEndpoint e = found.stream().filter(x -> endpointId.equals(x.clientVpnEndpointId())).findFirst()
                .orElseThrow(() -> SwitchboardException.because(
                        new IllegalStateException("EC2 did not describe Client VPN endpoint " + endpointId),
                        VpnErrors.VPN_MISCONFIGURED));
        Map<String, String> tags = new LinkedHashMap<>();
        for (Tag t : e.tags()) {
            tags.put(t.key(), t.value() == null ? "" : t.value());
        }
        return new Endpoint(e.clientVpnEndpointId(), e.status() == null ? null : e.status().codeAsString(), tags);
    }

    @Override
    public List<Association> associations(String endpointId) {
        return call(() -> {
            List<Association> out = new ArrayList<>();
            for (TargetNetwork t : ec2.describeClientVpnTargetNetworksPaginator(
                    r -> r.clientVpnEndpointId(endpointId).maxResults(pageSize)).clientVpnTargetNetworks()) {
                out.add(new Association(t.associationId(), t.targetNetworkId(), t.vpcId(),
                        t.status() == null ? null : t.status().codeAsString(),
                        t.status() == null ? null : t.status().message()));
            }
            return List.copyOf(out);
        });
    }

    @Override
    public Optional<Association> associate(String endpointId, String subnetId) {
        // The SDK fills ClientToken itself, so its own retries cannot start a second association.
        return call(() -> {
            AssociateClientVpnTargetNetworkResponse r = ec2.associateClientVpnTargetNetwork(
                    b -> b.clientVpnEndpointId(endpointId).subnetId(subnetId));
            return Optional.of(new Association(r.associationId(), subnetId, null,
                    r.status() == null ? Association.ASSOCIATING : r.status().codeAsString(),
                    r.status() == null ? null : r.status().message()));
        }, DUPLICATE_ASSOCIATION, Optional.empty());
    }

    @Override
    public boolean disassociate(String endpointId, String associationId) {
        return call(() -> {
            ec2.disassociateClientVpnTargetNetwork(b -> b.clientVpnEndpointId(endpointId).associationId(associationId));
            return true;
        }, ASSOCIATION_GONE, false);
    }

    @Override
    public List<Connection> connections(String endpointId) {
        return call(() -> {
            List<Connection> out = new ArrayList<>();
            for (ClientVpnConnection c : ec2.describeClientVpnConnectionsPaginator(
                    r -> r.clientVpnEndpointId(endpointId).maxResults(pageSize)).connections()) {
                out.add(new Connection(c.connectionId(), c.username(), c.clientIp(),
                        c.status() == null ? null : c.status().codeAsString(),
                        parseTime(c.connectionEstablishedTime()), parseTime(c.connectionEndTime())));
            }
            return List.copyOf(out);
        });
    }

    @Override
    public List<Route> routes(String endpointId) {
        return call(() -> {
            List<Route> out = new ArrayList<>();
            for (ClientVpnRoute r : ec2.describeClientVpnRoutesPaginator(
                    b -> b.clientVpnEndpointId(endpointId).maxResults(pageSize)).routes()) {
                out.add(new Route(r.destinationCidr(), r.targetSubnet(), r.origin(),
                        r.status() == null ? null : r.status().codeAsString()));
            }
            return List.copyOf(out);
        });
    }

    @Override
    public boolean createRoute(String endpointId, String destinationCidr, String subnetId, String description) {
        return call(() -> {
            ec2.createClientVpnRoute(b -> b.clientVpnEndpointId(endpointId).destinationCidrBlock(destinationCidr)
                    .targetVpcSubnetId(subnetId).description(description));
            return true;
        }, DUPLICATE_ROUTE, false);
    }

    @Override
    public void tag(String endpointId, Map<String, String> tags) {
        List<Tag> sdkTags = new ArrayList<>();
        tags.forEach((k, v) -> sdkTags.add(Tag.builder().key(k).value(v).build()));
        call(() -> ec2.createTags(b -> b.resources(endpointId).tags(sdkTags)));
    }

    /**
     * Parses an EC2 Client VPN time ({@code 2019-08-12 07:57:14}, UTC). EC2 writes {@code -} for "none";
     * anything unreadable is treated as unknown rather than failing a whole listing.
     */
    static Instant parseTime(String text) {
        if (text == null || text.isBlank() || text.trim().equals("-")) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.trim(), EC2_TIME).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static <T> T call(Supplier<T> action) {
        return call(action, Set.of(), null);
    }

    /**
     * Runs one EC2 call. A refusal whose error code is in {@code alreadyDone} means the state is already what
     * was asked for (a concurrent turn-on associated the subnet, the route exists): the answer is
     * {@code whenAlreadyDone}. Any other failure is translated.
     */
    private static <T> T call(Supplier<T> action, Set<String> alreadyDone, T whenAlreadyDone) {
        try {
            return action.get();
        } catch (Ec2Exception e) {
            if (alreadyDone.contains(errorCode(e))) {
                return whenAlreadyDone;
            }
            throw translate(e);
        } catch (SdkClientException e) {
            throw translate(e);
        }
    }

    private static String errorCode(Ec2Exception e) {
        return e.awsErrorDetails() == null ? "" : String.valueOf(e.awsErrorDetails().errorCode());
    }

    /**
     * Throttling, 5xx and transport failures have already outlasted the SDK's retries: "try again in a minute".
     * Everything else EC2 refuses (unknown endpoint or subnet, missing permission, invalid parameter) will not
     * get better by retrying: a person has to fix the configuration.
     */
    static SwitchboardException translate(RuntimeException e) {
        if (e instanceof Ec2Exception ec2e) {
            if (THROTTLED.contains(errorCode(ec2e)) || ec2e.statusCode() >= 500 || ec2e.isThrottlingException()) {
                return SwitchboardException.because(e, VpnErrors.VPN_UNAVAILABLE);
            }
            return SwitchboardException.because(e, VpnErrors.VPN_MISCONFIGURED);
        }
        if (e instanceof SdkClientException) {
            return SwitchboardException.because(e, VpnErrors.VPN_UNAVAILABLE);
        }
        return SwitchboardException.because(e, VpnErrors.VPN_MISCONFIGURED);
    }
}
