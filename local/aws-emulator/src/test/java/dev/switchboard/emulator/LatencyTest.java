package dev.switchboard.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import static dev.switchboard.emulator.AwsEmulator.DEMO_ENDPOINT_ID;
import static org.assertj.core.api.Assertions.assertThat;

/** The per-call latency: calls made one after another add up, calls made at once overlap. */
class LatencyTest extends EmulatorTestSupport {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void latency_everyCall_answersNoSoonerThanTheDelay() {
        emu.setLatency(Duration.ofMillis(100));

        ec2.describeClientVpnEndpoints(r -> r.clientVpnEndpointIds(DEMO_ENDPOINT_ID));
        ec2.describeClientVpnTargetNetworks(r -> r.clientVpnEndpointId(DEMO_ENDPOINT_ID));
        connect.listAuthenticationProfiles(r -> r.instanceId(AwsEmulator.DEMO_CONNECT_INSTANCE_ID));

        assertThat(emu.callLog()).hasSize(3).allSatisfy(
                c -> assertThat(c.answeredNanos() - c.receivedNanos()).isGreaterThanOrEqualTo(100_000_000L));
        assertThat(ServiceCall.sequentialRoundTrips(emu.callLog())).isEqualTo(3);
    }

    @Test
    void latency_callsInFlightTogether_countOneRoundTrip() {
        emu.setLatency(Duration.ofMillis(200));

        CompletableFuture<?> a = CompletableFuture.runAsync(
                () -> ec2.describeClientVpnEndpoints(r -> r.clientVpnEndpointIds(DEMO_ENDPOINT_ID)));
        CompletableFuture<?> b = CompletableFuture.runAsync(
                () -> ec2.describeClientVpnTargetNetworks(r -> r.clientVpnEndpointId(DEMO_ENDPOINT_ID)));
        CompletableFuture.allOf(a, b).join();
        ec2.describeClientVpnConnections(r -> r.clientVpnEndpointId(DEMO_ENDPOINT_ID));

        assertThat(emu.callLog()).hasSize(3);
        assertThat(ServiceCall.sequentialRoundTrips(emu.callLog())).isEqualTo(2);
    }

    @Test
    void controlSurface_latencySetting_appliesAndCallsReportRoundTrips() throws Exception {
        assertThat(settings("{\"latencyMillis\":50}").statusCode()).isEqualTo(200);

        ec2.describeClientVpnEndpoints(r -> r.clientVpnEndpointIds(DEMO_ENDPOINT_ID));
        ec2.describeClientVpnEndpoints(r -> r.clientVpnEndpointIds(DEMO_ENDPOINT_ID));

        JsonNode calls = JSON.readTree(get("/_emulator/calls"));
        assertThat(calls.path("sequentialRoundTrips").asInt()).isEqualTo(2);
        assertThat(calls.path("timed")).hasSize(2);
        assertThat(calls.path("timed").get(0).path("answeredMs").asDouble()).isGreaterThanOrEqualTo(50.0);
        assertThat(calls.path("timed").get(1).path("receivedMs").asDouble())
                .isGreaterThanOrEqualTo(calls.path("timed").get(0).path("answeredMs").asDouble());
        assertThat(JSON.readTree(get("/_emulator/state")).path("latencyMillis").asLong()).isEqualTo(50);
        JsonNode last = JSON.readTree(get("/_emulator/calls?from=1"));
        assertThat(last.path("timed")).hasSize(1);
        assertThat(last.path("sequentialRoundTrips").asInt()).isEqualTo(1);
    }

    @Test
    void reset_latency_backToNone() {
        emu.setLatency(Duration.ofMillis(50));

        emu.reset();

        assertThat(emu.state().latency()).isZero();
    }

    @Test
    void settings_negativeLatency_refusedAndUnchanged() throws Exception {
        HttpResponse<String> set = settings("{\"latencyMillis\":-5}");

        assertThat(set.statusCode()).isEqualTo(400);
        assertThat(emu.state().latency()).isZero();
    }

    private static HttpResponse<String> settings(String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(emu.endpoint() + "/_emulator/settings"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(emu.endpoint() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
