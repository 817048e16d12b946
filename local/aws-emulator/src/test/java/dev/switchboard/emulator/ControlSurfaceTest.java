package dev.switchboard.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The JSON control surface under /_emulator/, and the protocol guards (auth, unknown action). */
class ControlSurfaceTest extends EmulatorTestSupport {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static HttpResponse<String> post(String path, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(emu.endpoint() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(emu.endpoint() + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void controlPaths_seedAdvanceFaultReset_reflectedInStateAndSdk() throws Exception {
        assertThat(post("/_emulator/reset", "{}").statusCode()).isEqualTo(200);
        assertThat(post("/_emulator/seed/endpoint", "{\"endpointId\":\"cvpn-endpoint-0fedcba9876543210\",\"vpcId\":\"vpc-1\"}").statusCode()).isEqualTo(200);
        assertThat(post("/_emulator/seed/subnet", "{\"subnetId\":\"subnet-1\",\"vpcId\":\"vpc-1\",\"availabilityZone\":\"ap-northeast-1a\"}").statusCode()).isEqualTo(200);
        assertThat(post("/_emulator/seed/connection", "{\"endpointId\":\"cvpn-endpoint-0fedcba9876543210\",\"connectionId\":\"cvpn-connection-1\",\"username\":\"bob\",\"clientIp\":\"198.51.100.1\"}").statusCode()).isEqualTo(200);
        JsonNode inst = JSON.readTree(post("/_emulator/seed/connect-instance", "{\"instanceId\":\"i-1\"}").body());
        assertThat(inst.path("defaultProfileId").asText()).isNotBlank();
        assertThat(post("/_emulator/seed/profile", "{\"instanceId\":\"i-1\",\"profileId\":\"p-9\",\"name\":\"Ops\"}").statusCode()).isEqualTo(200);

        var assoc = ec2.associateClientVpnTargetNetwork(r -> r.clientVpnEndpointId("cvpn-endpoint-0fedcba9876543210").subnetId("subnet-1"));
        assertThat(post("/_emulator/clock/advance", "{\"seconds\":6}").statusCode()).isEqualTo(200);
        JsonNode state = JSON.readTree(get("/_emulator/state").body());
        JsonNode ep = state.path("endpoints").get(0);
        assertThat(ep.path("status").asText()).isEqualTo("available");
        assertThat(ep.path("associations").get(0).path("associationId").asText()).isEqualTo(assoc.associationId());
        assertThat(ep.path("connections").get(0).path("username").asText()).isEqualTo("bob");
        assertThat(state.path("connectInstances").path("i-1")).hasSize(2);

        assertThat(post("/_emulator/faults", "{\"service\":\"ec2\",\"kind\":\"throttle\",\"count\":1}").statusCode()).isEqualTo(200);
        ec2.describeClientVpnEndpoints();
        assertThat(emu.callCount("DescribeClientVpnEndpoints")).isEqualTo(2);

        assertThat(post("/_emulator/nope", "{}").statusCode()).isEqualTo(404);
        assertThat(post("/_emulator/seed/subnet", "{}").statusCode()).isEqualTo(400);
    }

    @Test
    void ec2_unsignedOrUnknownAction_rejectedLikeAws() throws Exception {
        HttpResponse<String> unsigned = HTTP.send(HttpRequest.newBuilder(URI.create(emu.endpoint() + "/"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("Action=DescribeClientVpnEndpoints&Version=2016-11-15")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(unsigned.body()).contains("<Code>MissingAuthenticationToken</Code>").contains("<RequestID>");

        HttpResponse<String> unknown = HTTP.send(HttpRequest.newBuilder(URI.create(emu.endpoint() + "/"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=test/20240101/ap-northeast-1/ec2/aws4_request, SignedHeaders=host, Signature=00")
                .POST(HttpRequest.BodyPublishers.ofString("Action=RunInstances&Version=2016-11-15")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("<Code>InvalidAction</Code>");

        HttpResponse<String> connectUnsigned = get("/authentication-profiles-summary/" + AwsEmulator.DEMO_CONNECT_INSTANCE_ID);
        assertThat(connectUnsigned.statusCode()).isEqualTo(403);
        assertThat(connectUnsigned.headers().firstValue("x-amzn-ErrorType")).hasValue("MissingAuthenticationTokenException");
    }
}
