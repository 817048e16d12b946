package dev.switchboard.vpn;

import java.util.List;
import java.util.Map;

/**
 * The Client VPN operations Switchboard uses (the port). The EC2 adapter, {@link Ec2ClientVpn}, is the
 * only class that imports the EC2 SDK; it pages through every list and turns SDK errors into
 * {@code SwitchboardException}s: throttling or 5xx that outlast the SDK's retries → 503
 * ({@code vpn_unavailable}); an unknown endpoint, subnet or a missing permission → 500
 * ({@code vpn_misconfigured}), with the cause kept for the log.
 */
public interface ClientVpn {

    /** The endpoint's status and tags. */
    Endpoint endpoint(String endpointId);

    /** Every target-network association of the endpoint, in any state (all pages). */
    List<Association> associations(String endpointId);

    /**
     * Starts associating a subnet. Returns empty when EC2 answers that the subnet is already associated
     * (a concurrent turn-on won the race): that means "already on", not a failure.
     */
    java.util.Optional<Association> associate(String endpointId, String subnetId);

    /** Starts disassociating. Returns false when the association is already gone. */
    boolean disassociate(String endpointId, String associationId);

    /** Every connection EC2 lists (active ones and those ended in the last 60 minutes; all pages). */
    List<Connection> connections(String endpointId);

    /** Every route of the endpoint (all pages). */
    List<Route> routes(String endpointId);

    /** Creates a route. Returns false when the route already exists. */
    boolean createRoute(String endpointId, String destinationCidr, String subnetId, String description);

    /** Adds or overwrites tags on the endpoint. */
    void tag(String endpointId, Map<String, String> tags);
}
