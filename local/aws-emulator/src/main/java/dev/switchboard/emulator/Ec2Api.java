package dev.switchboard.emulator;

import dev.switchboard.emulator.EmulatorState.Association;
import dev.switchboard.emulator.EmulatorState.Connection;
import dev.switchboard.emulator.EmulatorState.Endpoint;
import dev.switchboard.emulator.EmulatorState.Page;
import dev.switchboard.emulator.EmulatorState.Route;
import dev.switchboard.emulator.EmulatorState.Subnet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The EC2 Query protocol (botocore ec2 2016-11-15, protocol "ec2"): form parameters in, XML out.
 * Lists arrive flattened as {@code Name.N}, filters as {@code Filter.N.Name} / {@code Filter.N.Value.M}.
 * Element names in replies are the model's locationName values; list members are {@code <item>}.
 *
 * <p>Error codes are those of "Error codes for the Amazon EC2 API"
 * (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html).
 */
final class Ec2Api {

    static final String NS = "http://ec2.amazonaws.com/doc/2016-11-15/";
    private static final Pattern IPV4_CIDR = Pattern.compile(
            "^((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)/(3[0-2]|[12]?\\d)$");

    private final EmulatorState state;

    Ec2Api(EmulatorState state) {
        this.state = state;
    }

    /** Runs one action; returns the complete XML reply or throws {@link AwsError}. */
    String handle(String action, Map<String, String> p) {
        String requestId = UUID.randomUUID().toString();
        Xml x = new Xml();
        synchronized (state) {
            state.tick();
            if ("true".equalsIgnoreCase(p.get("DryRun"))) {
                // the caller is authorised, so a dry run answers DryRunOperation (HTTP 412)
                throw new AwsError(412, "DryRunOperation", "Request would have succeeded, but DryRun flag is set.");
            }
            switch (action) {
                case "DescribeClientVpnEndpoints" -> describeEndpoints(p, x);
                case "AssociateClientVpnTargetNetwork" -> associate(p, x);
                case "DisassociateClientVpnTargetNetwork" -> disassociate(p, x);
                case "DescribeClientVpnTargetNetworks" -> describeTargetNetworks(p, x);
                case "DescribeClientVpnConnections" -> describeConnections(p, x);
                case "DescribeClientVpnRoutes" -> describeRoutes(p, x);
                case "CreateClientVpnRoute" -> createRoute(p, x);
                case "DeleteClientVpnRoute" -> deleteRoute(p, x);
                case "CreateTags" -> createTags(p, x);
                case "DeleteTags" -> deleteTags(p, x);
                case "DescribeTags" -> describeTags(p, x);
                default -> throw AwsError.ec2("InvalidAction",
                        "The action " + action + " is not valid for this web service.");
            }
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<" + action + "Response xmlns=\"" + NS + "\">"
                + "<requestId>" + requestId + "</requestId>" + x + "</" + action + "Response>";
    }

    static String errorXml(String code, String message) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Errors><Error><Code>" + Xml.escaped(code)
                + "</Code><Message>" + Xml.escaped(message) + "</Message></Error></Errors><RequestID>"
                + UUID.randomUUID() + "</RequestID></Response>";
    }

    // ------------------------------------------------------------------ parameter helpers

    private static String required(Map<String, String> p, String name) {
        String v = p.get(name);
        if (v == null || v.isEmpty()) {
            throw AwsError.ec2("MissingParameter", "The request must contain the parameter " + name);
        }
        return v;
    }

    /** Values of a flattened list parameter: Name.1, Name.2, ... */
    static List<String> list(Map<String, String> p, String name) {
        List<String> out = new ArrayList<>();
        for (int i = 1; p.containsKey(name + "." + i); i++) {
            out.add(p.get(name + "." + i));
        }
        return out;
    }

    /** Filter.N.Name / Filter.N.Value.M, as name → values. */
    static Map<String, List<String>> filters(Map<String, String> p) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (int i = 1; p.containsKey("Filter." + i + ".Name"); i++) {
            out.put(p.get("Filter." + i + ".Name"), list(p, "Filter." + i + ".Value"));
        }
        return out;
    }

    private static <T> List<T> applyFilters(List<T> items, Map<String, List<String>> filters,
                                            Map<String, Function<T, String>> supported) {
        List<T> out = new ArrayList<>(items);
        for (Map.Entry<String, List<String>> f : filters.entrySet()) {
            Function<T, String> getter = supported.get(f.getKey());
            if (getter == null) {
                throw AwsError.ec2("InvalidParameterValue", "The filter '" + f.getKey() + "' is invalid");
            }
            out.removeIf(t -> !f.getValue().contains(getter.apply(t)));
        }
        return out;
    }

    private static Integer maxResults(Map<String, String> p, int min, int max) {
        String v = p.get("MaxResults");
        if (v == null) {
            return null;
        }
        int n;
        try {
            n = Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw AwsError.ec2("InvalidParameterValue", "Value (" + v + ") for parameter MaxResults is invalid.");
        }
        if (n < min || n > max) {
            throw AwsError.ec2("InvalidParameterValue", "Value (" + n + ") for parameter MaxResults is invalid. "
                    + "Expecting a value between " + min + " and " + max + ".");
        }
        return n;
    }

    private <T> Page<T> page(List<T> all, Map<String, String> p, String scope) {
        Integer max = maxResults(p, 5, 1000);
        int limit = state.pageLimit();
        if (limit > 0) {
            max = max == null ? limit : Math.min(max, limit);
        }
        return EmulatorState.page(all, max, p.get("NextToken"), scope,
                AwsError.ec2("InvalidNextToken", "The token '" + p.get("NextToken") + "' is invalid."));
    }

    private Endpoint endpoint(String id) {
        Endpoint e = state.endpoints.get(id);
        if (e == null) {
            throw AwsError.ec2("InvalidClientVpnEndpointId.NotFound",
                    "The Client VPN endpoint ID '" + id + "' does not exist");
        }
        return e;
    }

    // ------------------------------------------------------------------ endpoints

    // botocore ec2 2016-11-15 DescribeClientVpnEndpointsRequest / DescribeClientVpnEndpointsResult
    private void describeEndpoints(Map<String, String> p, Xml x) {
        List<String> ids = list(p, "ClientVpnEndpointId");
        List<Endpoint> found = new ArrayList<>();
        if (ids.isEmpty()) {
            found.addAll(state.endpoints.values());
        } else {
            for (String id : ids) {
                found.add(endpoint(id));
            }
        }
        Map<String, Function<Endpoint, String>> supported = new LinkedHashMap<>();
        supported.put("endpoint-id", e -> e.id);
        supported.put("transport-protocol", e -> "udp");
        found = applyFilters(found, filters(p), supported);
        Page<Endpoint> page = page(found, p, "endpoints");
        x.open("clientVpnEndpoint");
        for (Endpoint e : page.items()) {
            x.open("item")
                    .el("clientVpnEndpointId", e.id)
                    .el("description", e.description)
                    .open("status").el("code", e.status()).close("status")
                    .el("creationTime", EmulatorState.ec2Time(e.created))
                    .el("dnsName", "*." + e.id + ".prod.clientvpn." + state.region + ".amazonaws.com")
                    .el("clientCidrBlock", e.clientCidrBlock)
                    .el("splitTunnel", "true")
                    .el("vpnProtocol", "openvpn")
                    .el("transportProtocol", "udp")
                    .el("vpnPort", 443);
            x.open("associatedTargetNetwork");
            for (Association a : e.associations) {
                if (a.status.equals("associated")) {
                    x.open("item").el("networkId", a.subnetId).el("networkType", "vpc").close("item");
                }
            }
            x.close("associatedTargetNetwork");
            x.el("serverCertificateArn", "arn:aws:acm:" + state.region + ":" + EmulatorState.ACCOUNT_ID
                    + ":certificate/00000000-0000-0000-0000-000000000000");
            x.open("authenticationOptions").open("item").el("type", "federated-authentication")
                    .open("federatedAuthentication")
                    .el("samlProviderArn", "arn:aws:iam::" + EmulatorState.ACCOUNT_ID + ":saml-provider/ClientVPN")
                    .close("federatedAuthentication").close("item").close("authenticationOptions");
            // ConnectionLogResponseOptions members carry no locationName: element names are the member names
            x.open("connectionLogOptions").el("Enabled", "false").close("connectionLogOptions");
            x.open("tagSet");
            for (Map.Entry<String, String> t : e.tags.entrySet()) {
                x.open("item").el("key", t.getKey()).el("value", t.getValue()).close("item");
            }
            x.close("tagSet");
            x.open("securityGroupIdSet").el("item", "sg-0123456789abcdef0").close("securityGroupIdSet");
            x.el("vpcId", e.vpcId)
                    .el("selfServicePortalUrl", "https://self-service.clientvpn.amazonaws.com/endpoints/" + e.id)
                    .el("sessionTimeoutHours", 24)
                    .el("disconnectOnSessionTimeout", "true");
            x.close("item");
        }
        x.close("clientVpnEndpoint");
        x.el("nextToken", page.nextToken());
    }

    // ------------------------------------------------------------------ target networks

    // botocore ec2 2016-11-15 AssociateClientVpnTargetNetworkRequest / AssociateClientVpnTargetNetworkResult
    private void associate(Map<String, String> p, Xml x) {
        Endpoint e = endpoint(required(p, "ClientVpnEndpointId"));
        String subnetId = required(p, "SubnetId");
        String token = p.get("ClientToken");
        if (token != null) {
            String prior = state.associationTokens.get(token);
            if (prior != null) {
                Association a = e.associations.stream().filter(as -> as.id.equals(prior)).findFirst().orElse(null);
                if (a == null || !a.subnetId.equals(subnetId)) {
                    throw AwsError.ec2("IdempotentParameterMismatch",
                            "The client token '" + token + "' was already used with different parameters.");
                }
                statusReply(x, a);
                return;
            }
        }
        Subnet s = state.subnets.get(subnetId);
        if (s == null) {
            throw AwsError.ec2("InvalidSubnetID.NotFound", "The subnet ID '" + subnetId + "' does not exist");
        }
        if (!s.vpcId.equals(e.vpcId)) {
            throw AwsError.ec2("InvalidClientVpnSubnetId.NotFound", "The subnet " + subnetId
                    + " cannot be found in the VPC " + e.vpcId + " with which the Client VPN endpoint is associated.");
        }
        for (Association a : e.associations) {
            if (a.occupiesSubnet() && a.subnetId.equals(subnetId)) {
                throw AwsError.ec2("ClientVpnEndpointAssociationExists", "The target network " + subnetId
                        + " is already associated with the Client VPN endpoint " + e.id + ".");
            }
        }
        for (Association a : e.associations) {
            if (a.occupiesSubnet() && a.availabilityZone.equals(s.availabilityZone)) {
                throw AwsError.ec2("InvalidClientVpnSubnetId.DuplicateAz", "You have already associated a subnet ("
                        + a.subnetId + ") from Availability Zone " + s.availabilityZone + " with the Client VPN endpoint.");
            }
        }
        Association a = new Association();
        a.id = "cvpn-assoc-" + EmulatorState.hex(17);
        a.endpointId = e.id;
        a.subnetId = subnetId;
        a.vpcId = s.vpcId;
        a.availabilityZone = s.availabilityZone;
        a.status = "associating";
        a.since = state.now();
        a.dueAt = state.now().plus(state.associationDelay);
        a.willFail = state.failNextAssociation.remove(subnetId);
        a.clientToken = token;
        e.associations.add(a);
        if (token != null) {
            state.associationTokens.put(token, a.id);
        }
        state.tick(); // a zero delay completes at once
        statusReply(x, a);
    }

    private static void statusReply(Xml x, Association a) {
        x.el("associationId", a.id).open("status").el("code", a.status).el("message", a.message).close("status");
    }

    // botocore ec2 2016-11-15 DisassociateClientVpnTargetNetworkRequest / DisassociateClientVpnTargetNetworkResult
    private void disassociate(Map<String, String> p, Xml x) {
        Endpoint e = endpoint(required(p, "ClientVpnEndpointId"));
        String associationId = required(p, "AssociationId");
        Association a = e.associations.stream().filter(as -> as.id.equals(associationId)).findFirst()
                .orElseThrow(() -> AwsError.ec2("InvalidClientVpnAssociationId.NotFound",
                        "The association ID '" + associationId + "' does not exist"));
        if (!a.status.equals("disassociating")) {
            a.status = "disassociating";
            a.message = null;
            a.dueAt = state.now().plus(state.disassociationDelay);
        }
        Association reply = new Association();
        reply.id = a.id;
        reply.status = a.status;
        state.tick();
        statusReply(x, reply);
    }

    // botocore ec2 2016-11-15 DescribeClientVpnTargetNetworksRequest / DescribeClientVpnTargetNetworksResult
    private void describeTargetNetworks(Map<String, String> p, Xml x) {
        Endpoint e = endpoint(required(p, "ClientVpnEndpointId"));
        List<String> ids = list(p, "AssociationIds");
        List<Association> found = new ArrayList<>(e.associations);
        if (!ids.isEmpty()) {
            found.removeIf(a -> !ids.contains(a.id));
        }
        Map<String, Function<Association, String>> supported = new LinkedHashMap<>();
        supported.put("association-id", a -> a.id);
        supported.put("target-network-id", a -> a.subnetId);
        supported.put("vpc-id", a -> a.vpcId);
        found = applyFilters(found, filters(p), supported);
        Page<Association> page = page(found, p, "targets:" + e.id);
        x.open("clientVpnTargetNetworks");
        for (Association a : page.items()) {
            x.open("item")
                    .el("associationId", a.id)
                    .el("vpcId", a.vpcId)
                    .el("targetNetworkId", a.subnetId)
                    .el("clientVpnEndpointId", e.id)
                    .open("status").el("code", a.status).el("message", a.message).close("status")
                    .open("securityGroups").el("item", "sg-0123456789abcdef0").close("securityGroups")
                    .open("availabilityZoneSet").el("item", a.availabilityZone).close("availabilityZoneSet")
                    .close("item");
        }
        x.close("clientVpnTargetNetworks");
        x.el("nextToken", page.nextToken());
    }

    // ------------------------------------------------------------------ connections

    // botocore ec2 2016-11-15 DescribeClientVpnConnectionsRequest / DescribeClientVpnConnectionsResult
    private void describeConnections(Map<String, String> p, Xml x) {
        Endpoint e = endpoint(required(p, "ClientVpnEndpointId"));
        Map<String, Function<Connection, String>> supported = new LinkedHashMap<>();
        supported.put("connection-id", c -> c.connectionId);
        supported.put("username", c -> c.username);
        List<Connection> found = applyFilters(e.connections, filters(p), supported);
        Page<Connection> page = page(found, p, "connections:" + e.id);
        String now = EmulatorState.ec2Time(state.now());
        x.open("connections");
        for (Connection c : page.items()) {
            x.open("item")
                    .el("clientVpnEndpointId", e.id)
                    .el("timestamp", now)
                    .el("connectionId", c.connectionId)
                    .el("username", c.username)
                    .el("connectionEstablishedTime", EmulatorState.ec2Time(c.established))
                    .el("ingressBytes", String.valueOf(c.ingressBytes))
                    .el("egressBytes", String.valueOf(c.egressBytes))
                    .el("ingressPackets", String.valueOf(c.ingressPackets))
                    .el("egressPackets", String.valueOf(c.egressPackets))
                    .el("clientIp", c.clientIp)
                    .el("commonName", c.commonName)
                    .open("status").el("code", c.ended == null ? "active" : "terminated").close("status")
                    .el("connectionEndTime", c.ended == null ? "-" : EmulatorState.ec2Time(c.ended))
                    .open("postureComplianceStatusSet").close("postureComplianceStatusSet")
                    .close("item");
        }
        x.close("connections");
        x.el("nextToken", page.nextToken());
    }

    // ------------------------------------------------------------------ routes

    // botocore ec2 2016-11-15 DescribeClientVpnRoutesRequest / DescribeClientVpnRoutesResult
    private void describeRoutes(Map<String, String> p, Xml x) {
        Endpoint e = endpoint(required(p, "ClientVpnEndpointId"));
        Map<String, Function<Route, String>> supported = new LinkedHashMap<>();
        supported.put("destination-cidr", r -> r.destinationCidr);
        supported.put("target-subnet", r -> r.targetSubnet);
        supported.put("origin", r -> r.origin);
        List<Route> found = applyFilters(e.routes, filters(p), supported);
        Page<Route> page = page(found, p, "routes:" + e.id);
        x.open("routes");
        for (Route r : page.items()) {
            x.open("item")
                    .el("clientVpnEndpointId", e.id)
                    .el("destinationCidr", r.destinationCidr)
                    .el("targetSubnet", r.targetSubnet)
                    .el("type", r.type)
                    .el("origin", r.origin)
                    .open("status").el("code", r.status).close("status")
                    .el("description", r.description)
                    .close("item");
        }
        x.close("routes");
        x.el("nextToken", page.nextToken());
    }

    // botocore ec2 2016-11-15 CreateClientVpnRouteRequest / CreateClientVpnRouteResult
    private void createRoute(Map<String, String> p, Xml x) {
        Endpoint e = endpoint(required(p, "ClientVpnEndpointId"));
        String cidr = required(p, "DestinationCidrBlock");
        String target = required(p, "TargetVpcSubnetId");
        if (!IPV4_CIDR.matcher(cidr).matches()) {
            throw AwsError.ec2("InvalidParameterValue", "Value (" + cidr + ") for parameter DestinationCidrBlock is invalid.");
        }
        boolean associated = e.associations.stream()
                .anyMatch(a -> a.status.equals("associated") && a.subnetId.equals(target));
        if (!associated) {
            if (e.status().equals("pending-associate")) {
                throw AwsError.ec2("InvalidClientVpnActiveAssociationNotFound",
                        "You cannot perform this action on the Client VPN endpoint " + e.id
                                + " while it is in the pending-association state.");
            }
            throw AwsError.ec2("InvalidParameterValue",
                    "The subnet " + target + " is not an associated target network of Client VPN endpoint " + e.id);
        }
        for (Route r : e.routes) {
            if (r.destinationCidr.equals(cidr) && r.targetSubnet.equals(target) && !r.status.equals("deleting")) {
                throw AwsError.ec2("InvalidClientVpnDuplicateRoute",
                        "The route " + cidr + " via " + target + " already exists on Client VPN endpoint " + e.id);
            }
        }
        Route r = new Route();
        r.destinationCidr = cidr;
        r.targetSubnet = target;
        r.origin = "add-route";
        r.description = p.get("Description");
        r.status = "creating";
        r.dueAt = state.now().plus(state.routeDelay);
        e.routes.add(r);
        String replied = r.status;
        state.tick();
        x.open("status").el("code", replied).close("status");
    }

    // botocore ec2 2016-11-15 DeleteClientVpnRouteRequest / DeleteClientVpnRouteResult
    private void deleteRoute(Map<String, String> p, Xml x) {
        Endpoint e = endpoint(required(p, "ClientVpnEndpointId"));
        String cidr = required(p, "DestinationCidrBlock");
        String target = p.get("TargetVpcSubnetId");
        Route found = null;
        for (Route r : e.routes) {
            if (r.destinationCidr.equals(cidr) && (target == null || Objects.equals(target, r.targetSubnet))) {
                found = r;
                break;
            }
        }
        if (found == null) {
            throw AwsError.ec2("InvalidClientVpnRouteNotFound",
                    "The route " + cidr + (target == null ? "" : " via " + target) + " cannot be found.");
        }
        if (found.origin.equals("associate")) {
            // only routes added with CreateClientVpnRoute can be deleted (API reference, DeleteClientVpnRoute)
            throw AwsError.ec2("InvalidParameterValue", "The route " + cidr
                    + " was added when the target network was associated; disassociate the target network to remove it.");
        }
        if (!found.status.equals("deleting")) {
            found.status = "deleting";
            found.dueAt = state.now().plus(state.routeDelay);
        }
        x.open("status").el("code", "deleting").close("status");
        state.tick();
    }

    // ------------------------------------------------------------------ tags

    private Map<String, String> tagsOf(String resourceId) {
        Endpoint e = state.endpoints.get(resourceId);
        if (e != null) {
            return e.tags;
        }
        Subnet s = state.subnets.get(resourceId);
        if (s != null) {
            return s.tags;
        }
        if (resourceId.startsWith("cvpn-endpoint-")) {
            throw AwsError.ec2("InvalidClientVpnEndpointId.NotFound",
                    "The Client VPN endpoint ID '" + resourceId + "' does not exist");
        }
        if (resourceId.startsWith("subnet-")) {
            throw AwsError.ec2("InvalidSubnetID.NotFound", "The subnet ID '" + resourceId + "' does not exist");
        }
        throw AwsError.ec2("InvalidID", "The ID '" + resourceId + "' is not valid");
    }

    /** Tag.N.Key / Tag.N.Value (TagList locationName "Tag"; members key/value capitalised by the ec2 protocol). */
    private static List<String[]> tags(Map<String, String> p) {
        List<String[]> out = new ArrayList<>();
        for (int i = 1; p.containsKey("Tag." + i + ".Key"); i++) {
            out.add(new String[] {p.get("Tag." + i + ".Key"), p.get("Tag." + i + ".Value")});
        }
        return out;
    }

    // botocore ec2 2016-11-15 CreateTagsRequest (ResourceId.N, Tag.N.Key, Tag.N.Value)
    private void createTags(Map<String, String> p, Xml x) {
        List<String> ids = list(p, "ResourceId");
        if (ids.isEmpty()) {
            throw AwsError.ec2("MissingParameter", "The request must contain the parameter ResourceId");
        }
        List<String[]> tags = tags(p);
        if (tags.isEmpty()) {
            throw AwsError.ec2("MissingParameter", "The request must contain the parameter Tag");
        }
        List<Map<String, String>> targets = new ArrayList<>();
        for (String id : ids) {
            targets.add(tagsOf(id));
        }
        for (Map<String, String> t : targets) {
            for (String[] kv : tags) {
                t.put(kv[0], kv[1] == null ? "" : kv[1]);
            }
        }
        x.el("return", "true");
    }

    // botocore ec2 2016-11-15 DeleteTagsRequest: a tag with a value is deleted only when the value matches
    private void deleteTags(Map<String, String> p, Xml x) {
        List<String> ids = list(p, "ResourceId");
        if (ids.isEmpty()) {
            throw AwsError.ec2("MissingParameter", "The request must contain the parameter ResourceId");
        }
        List<String[]> tags = tags(p);
        for (String id : ids) {
            Map<String, String> t = tagsOf(id);
            if (tags.isEmpty()) {
                t.clear();
            }
            for (String[] kv : tags) {
                if (kv[1] == null || kv[1].equals(t.get(kv[0]))) {
                    t.remove(kv[0]);
                }
            }
        }
        x.el("return", "true");
    }

    private record TagRow(String resourceId, String resourceType, String key, String value) {
    }

    // botocore ec2 2016-11-15 DescribeTagsRequest / DescribeTagsResult
    private void describeTags(Map<String, String> p, Xml x) {
        List<TagRow> rows = new ArrayList<>();
        state.endpoints.values().forEach(e -> e.tags.forEach((k, v) -> rows.add(new TagRow(e.id, "client-vpn-endpoint", k, v))));
        state.subnets.values().forEach(s -> s.tags.forEach((k, v) -> rows.add(new TagRow(s.id, "subnet", k, v))));
        Map<String, Function<TagRow, String>> supported = new LinkedHashMap<>();
        supported.put("resource-id", TagRow::resourceId);
        supported.put("resource-type", TagRow::resourceType);
        supported.put("key", TagRow::key);
        supported.put("value", TagRow::value);
        List<TagRow> found = applyFilters(rows, filters(p), supported);
        Page<TagRow> page = page(found, p, "tags");
        x.open("tagSet");
        for (TagRow r : page.items()) {
            x.open("item").el("resourceId", r.resourceId()).el("resourceType", r.resourceType())
                    .el("key", r.key()).el("value", r.value()).close("item");
        }
        x.close("tagSet");
        x.el("nextToken", page.nextToken());
    }

}
