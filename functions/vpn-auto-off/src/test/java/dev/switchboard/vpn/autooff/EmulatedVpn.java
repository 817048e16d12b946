package dev.switchboard.vpn.autooff;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.core.audit.AuditLog;
import dev.switchboard.core.config.Env;
import dev.switchboard.core.json.Json;
import dev.switchboard.core.log.JsonLog;
import dev.switchboard.emulator.AwsEmulator;
import dev.switchboard.vpn.Ec2ClientVpn;
import dev.switchboard.vpn.VpnSettings;
import dev.switchboard.vpn.VpnTags;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.ClientVpnConnection;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TargetNetwork;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import static dev.switchboard.emulator.AwsEmulator.DEMO_ENDPOINT_ID;
import static dev.switchboard.emulator.AwsEmulator.DEMO_SUBNET_A;
import static dev.switchboard.emulator.AwsEmulator.DEMO_SUBNET_C;

/**
 * One emulator per test class, reset and seeded before each test. The handler runs with the real EC2
 * adapter over HTTP to the emulator and reads the emulator's movable clock; a second SDK client is the
 * test's own eyes and hands (turning the VPN on, reading the resulting state).
 */
abstract class EmulatedVpn {

    static final String ENDPOINT = DEMO_ENDPOINT_ID;
    static final String SUBNET_A = DEMO_SUBNET_A;
    static final String SUBNET_C = DEMO_SUBNET_C;
    static final int IDLE_MINUTES = 30;
    static final int GRACE_MINUTES = 15;
    /** Standard retry mode, pinned so tests can count attempts: one call = up to 3 requests. */
    static final int SDK_ATTEMPTS = 3;

    static AwsEmulator emu;
    static Ec2Client ec2;

    final List<String> logLines = new CopyOnWriteArrayList<>();
    private Consumer<String> previousSink;

    @BeforeAll
    static void startEmulator() {
        emu = AwsEmulator.start(0);
        ec2 = Ec2Client.builder().endpointOverride(emu.endpoint()).region(Region.AP_NORTHEAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(b -> b.maxAttempts(SDK_ATTEMPTS)))
                .build();
    }

    @AfterAll
    static void stopEmulator() {
        ec2.close();
        emu.close();
    }

    @BeforeEach
    void resetEmulator() {
        emu.reset();
        AwsEmulator.seedDemo(emu);
        emu.setAssociationDelay(Duration.ofMinutes(5));
        emu.setDisassociationDelay(Duration.ofMinutes(2));
        previousSink = JsonLog.redirect(logLines::add);
    }

    @AfterEach
    void restoreLog() {
        JsonLog.redirect(previousSink);
    }

    static Map<String, String> env(Map<String, String> overrides) {
        Map<String, String> env = new HashMap<>(Map.of(
                "CLIENT_VPN_ENDPOINT_ID", ENDPOINT,
                "TARGET_SUBNET_IDS", SUBNET_A + "," + SUBNET_C,
                "IDLE_MINUTES", String.valueOf(IDLE_MINUTES),
                "GRACE_MINUTES", String.valueOf(GRACE_MINUTES),
                "NIGHTLY_OFF_TIME", "22:00",
                "SCHEDULE_TIMEZONE", "Asia/Tokyo",
                "HOURLY_PRICE_USD", "0.15"));
        env.putAll(overrides);
        return env;
    }

    static VpnAutoOffHandler handler(Map<String, String> overrides) {
        return new VpnAutoOffHandler(VpnSettings.from(Env.of(env(overrides))),
                new Ec2ClientVpn(ec2), emu.clock(), new AuditLog());
    }

    /** Runs the handler the way Lambda does (raw bytes in, raw bytes out) and parses the answer. */
    static JsonNode invoke(VpnAutoOffHandler handler, InputStream event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(event, out, null);
        try {
            return Json.mapper().readTree(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode invoke(String eventJson) {
        return invoke(handler(Map.of()), new ByteArrayInputStream(eventJson.getBytes(StandardCharsets.UTF_8)));
    }

    static InputStream eventFile(String name) {
        Path root = Path.of(System.getProperty("switchboard.root", "../.."));
        try {
            return Files.newInputStream(root.resolve("events").resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Turns the VPN on the way the portal does: associates both subnets, records TURNED_ON_AT, and lets the
     * associations complete. Returns the association ids, A first.
     */
    static List<String> turnOn() {
        Instant at = emu.now().truncatedTo(ChronoUnit.SECONDS);
        String a = ec2.associateClientVpnTargetNetwork(r -> r.clientVpnEndpointId(ENDPOINT).subnetId(SUBNET_A))
                .associationId();
        String c = ec2.associateClientVpnTargetNetwork(r -> r.clientVpnEndpointId(ENDPOINT).subnetId(SUBNET_C))
                .associationId();
        tag(VpnTags.TURNED_ON_BY, "alice@example.com");
        tag(VpnTags.TURNED_ON_AT, at.toString());
        emu.advanceClock(Duration.ofMinutes(6));
        return List.of(a, c);
    }

    static void tag(String key, String value) {
        ec2.createTags(r -> r.resources(ENDPOINT).tags(Tag.builder().key(key).value(value).build()));
    }

    /** association id → status, as EC2 now reports them. */
    static Map<String, String> associationStates() {
        return ec2.describeClientVpnTargetNetworks(r -> r.clientVpnEndpointId(ENDPOINT)).clientVpnTargetNetworks()
                .stream().collect(Collectors.toMap(TargetNetwork::associationId, t -> t.status().codeAsString()));
    }

    static Map<String, String> endpointTags() {
        return ec2.describeClientVpnEndpoints(r -> r.clientVpnEndpointIds(ENDPOINT)).clientVpnEndpoints().get(0)
                .tags().stream().collect(Collectors.toMap(Tag::key, Tag::value));
    }

    static Map<String, String> connectionStates() {
        return ec2.describeClientVpnConnections(r -> r.clientVpnEndpointId(ENDPOINT)).connections().stream()
                .collect(Collectors.toMap(ClientVpnConnection::connectionId, c -> c.status().codeAsString()));
    }

    /** Log lines of the given {@code type} field (e.g. {@code audit}, {@code auto-off}), parsed. */
    List<JsonNode> logsOfType(String type) {
        return logLines.stream().map(EmulatedVpn::parse).filter(n -> type.equals(n.path("type").asText()))
                .toList();
    }

    List<JsonNode> logs() {
        return logLines.stream().map(EmulatedVpn::parse).toList();
    }

    private static JsonNode parse(String line) {
        try {
            return Json.mapper().readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
