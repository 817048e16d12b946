package dev.switchboard.vpn;

import dev.switchboard.core.aws.Priming;

import java.util.function.Function;

/**
 * The EC2 answers priming gets from its in-memory HTTP client ({@link Priming#cannedHttp}): the Client
 * VPN calls Switchboard makes, in the EC2 Query protocol's XML as EC2 sends it (element names from the
 * botocore {@code ec2} 2016-11-15 model, as the emulator serves them). Two states: the VPN off (the
 * portal's first visitor turns it on) and on with nobody connected since 2000 (the idle check turns it
 * off), so priming runs the paths a first request takes.
 */
public final class CannedEc2 {

    private static final String ENDPOINT = "cvpn-endpoint-00000000000000000";
    private static final String SUBNET = "subnet-00000000000000001";

    private CannedEc2() {
    }

    public static Function<Priming.CannedRequest, String> answers(boolean on) {
        return request -> {
            String action = request.ec2Action();
            return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<" + action
                    + "Response xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"><requestId>00000000-0000-4000-8000-"
                    + "000000000000</requestId>" + body(action, on) + "</" + action + "Response>";
        };
    }

    private static String body(String action, boolean on) {
        return switch (action) {
            // Every member EC2 sends (as the emulator does), so a real answer's first unmarshalling finds
            // no model class left to load.
            case "DescribeClientVpnEndpoints" -> "<clientVpnEndpoint><item><clientVpnEndpointId>" + ENDPOINT
                    + "</clientVpnEndpointId><description>priming</description><status><code>"
                    + (on ? "available" : "pending-associate")
                    + "</code></status><creationTime>2000-01-01T00:00:00</creationTime><dnsName>*." + ENDPOINT
                    + ".prod.clientvpn.us-east-1.amazonaws.com</dnsName><clientCidrBlock>172.16.0.0/22</clientCidrBlock>"
                    + "<splitTunnel>true</splitTunnel><vpnProtocol>openvpn</vpnProtocol><transportProtocol>udp"
                    + "</transportProtocol><vpnPort>443</vpnPort><associatedTargetNetwork>"
                    + (on ? "<item><networkId>" + SUBNET + "</networkId><networkType>vpc</networkType></item>" : "")
                    + "</associatedTargetNetwork><serverCertificateArn>arn:aws:acm:us-east-1:000000000000:certificate/"
                    + "00000000-0000-0000-0000-000000000000</serverCertificateArn><authenticationOptions><item><type>"
                    + "federated-authentication</type><federatedAuthentication><samlProviderArn>arn:aws:iam::000000000000:"
                    + "saml-provider/priming</samlProviderArn></federatedAuthentication></item></authenticationOptions>"
                    + "<connectionLogOptions><Enabled>false</Enabled></connectionLogOptions><tagSet>"
                    + (on ? "<item><key>" + VpnTags.TURNED_ON_AT + "</key><value>2000-01-01T00:00:00Z</value></item>" : "")
                    + "</tagSet><securityGroupIdSet><item>sg-00000000000000000</item></securityGroupIdSet><vpcId>"
                    + "vpc-00000000000000000</vpcId><sessionTimeoutHours>24</sessionTimeoutHours>"
                    + "<disconnectOnSessionTimeout>true</disconnectOnSessionTimeout></item></clientVpnEndpoint>";
            case "DescribeClientVpnTargetNetworks" -> "<clientVpnTargetNetworks>"
                    + (on ? "<item><associationId>cvpn-assoc-00000000000000001</associationId><vpcId>vpc-00000000000000000"
                    + "</vpcId><targetNetworkId>" + SUBNET + "</targetNetworkId><clientVpnEndpointId>" + ENDPOINT
                    + "</clientVpnEndpointId><status><code>associated</code></status></item>" : "")
                    + "</clientVpnTargetNetworks>";
            case "AssociateClientVpnTargetNetwork" ->
                    "<associationId>cvpn-assoc-00000000000000002</associationId><status><code>associating</code></status>";
            case "DisassociateClientVpnTargetNetwork" ->
                    "<associationId>cvpn-assoc-00000000000000001</associationId><status><code>disassociating</code></status>";
            case "DescribeClientVpnConnections" -> "<connections/>";
            case "DescribeClientVpnRoutes" -> "<routes/>";
            case "CreateClientVpnRoute" -> "<status><code>creating</code></status>";
            default -> "<return>true</return>";
        };
    }
}
