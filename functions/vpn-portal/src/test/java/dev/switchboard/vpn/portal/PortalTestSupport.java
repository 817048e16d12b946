package dev.switchboard.vpn.portal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.core.audit.AuditLog;
import dev.switchboard.core.aws.AwsClients;
import dev.switchboard.core.config.Env;
import dev.switchboard.core.config.IdentityConfig;
import dev.switchboard.core.identity.AdminEmails;
import dev.switchboard.core.identity.AlbIdentityVerifier;
import dev.switchboard.core.json.Json;
import dev.switchboard.core.log.JsonLog;
import dev.switchboard.core.testing.AlbEvents;
import dev.switchboard.core.testing.AlbTokenSigner;
import dev.switchboard.core.testing.PublicKeyServer;
import dev.switchboard.emulator.AwsEmulator;
import dev.switchboard.vpn.Ec2ClientVpn;
import dev.switchboard.vpn.VpnSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import software.amazon.awssdk.services.ec2.Ec2Client;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The portal wired as in production, but pointed at local stand-ins: the AWS emulator (real SDK over HTTP)
 * and a key server for tokens signed the way ALB signs them.
 */
abstract class PortalTestSupport {

    static final String ENDPOINT = "cvpn-endpoint-0123456789abcdef0";
    static final String VPC = "vpc-0a1b2c3d4e5f60718";
    static final String SUBNET_A = "subnet-0aaa1111bbbb2222c";
    static final String SUBNET_C = "subnet-0ddd3333eeee4444f";
    static final String ADMIN = "admin@example.com";
    static final String EMPLOYEE = "taro@example.com";
    static final String OFFICE_CIDR = "10.20.0.0/16";

    static AwsEmulator emu;
    static AlbTokenSigner signer;
    static PublicKeyServer keys;
    static Ec2Client ec2;
    static IdentityConfig identity;

    final List<String> logLines = new CopyOnWriteArrayList<>();
    private Consumer<String> previousSink;
    VpnPortalHandler handler;

    @BeforeAll
    static void startStandIns() {
        emu = AwsEmulator.start(0);
        signer = new AlbTokenSigner();
        keys = PublicKeyServer.serving(signer);
        ec2 = AwsClients.build(Ec2Client.builder().endpointOverride(emu.endpoint()), "ap-northeast-1");
        identity = IdentityConfig.from(Env.of(Map.of(
                "AWS_REGION", "ap-northeast-1",
                "ALB_ARN", signer.signerArn(),
                "ALB_CLIENT_ID", AlbTokenSigner.DEFAULT_CLIENT_ID,
                "ALB_ISSUER", AlbTokenSigner.DEFAULT_ISSUER,
                "ALB_PUBLIC_KEY_URL", keys.baseUrl().toString(),
                "ADMIN_EMAILS", ADMIN)));
    }

    @AfterAll
    static void stopStandIns() {
        ec2.close();
        keys.close();
        emu.close();
    }

    @BeforeEach
    void seedAndBuild() {
        emu.reset();
        emu.seedClientVpnEndpoint(ENDPOINT, VPC);
        emu.seedSubnet(SUBNET_A, VPC, "ap-northeast-1a");
        emu.seedSubnet(SUBNET_C, VPC, "ap-northeast-1c");
        // As slow as the real thing, so "turning on" lasts until a test moves the clock.
        emu.setAssociationDelay(Duration.ofMinutes(7));
        emu.setDisassociationDelay(Duration.ofMinutes(2));
        previousSink = JsonLog.redirect(logLines::add);
        handler = newHandler(Map.of());
    }

    @AfterEach
    void restoreLog() {
        JsonLog.redirect(previousSink);
    }

    /** A handler with the standard settings, overridden by {@code env}. */
    static VpnPortalHandler newHandler(Map<String, String> overrides) {
        return newHandler(overrides, identity.adminEmails());
    }

    /** The same with another administrator list. */
    static VpnPortalHandler newHandler(Map<String, String> overrides, AdminEmails admins) {
        Map<String, String> env = new java.util.HashMap<>(Map.of(
                "CLIENT_VPN_ENDPOINT_ID", ENDPOINT,
                "TARGET_SUBNET_IDS", SUBNET_A + "," + SUBNET_C,
                "VPN_ROUTES", OFFICE_CIDR + "=" + SUBNET_A,
                "IDLE_MINUTES", "60",
                "GRACE_MINUTES", "30",
                "NIGHTLY_OFF_TIME", "22:00",
                "SCHEDULE_TIMEZONE", "Asia/Tokyo",
                "HOURLY_PRICE_USD", "0.15"));
        env.putAll(overrides);
        return new VpnPortalHandler(new AlbIdentityVerifier(identity), admins,
                VpnSettings.from(Env.of(env)), new Ec2ClientVpn(ec2), emu.clock(), new AuditLog());
    }

    static String token(String email) {
        return signer.sign(sub(email), email, email.substring(0, email.indexOf('@')));
    }

    /** The {@code sub} claim of {@link #token}'s tokens: one per e-mail, as a user pool gives one per user. */
    static String sub(String email) {
        return "sub-" + Integer.toHexString(email.hashCode());
    }

    /** A browser navigation to the page (typed or bookmarked). */
    static AlbEvents navigate(String pathAndQuery, String email) {
        int q = pathAndQuery.indexOf('?');
        AlbEvents event = AlbEvents.get(q < 0 ? pathAndQuery : pathAndQuery.substring(0, q));
        if (q >= 0) {
            for (String pair : pathAndQuery.substring(q + 1).split("&")) {
                int eq = pair.indexOf('=');
                event.query(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1));
            }
        }
        return event.token(token(email)).header("sec-fetch-site", "none")
                .header("accept", "text/html,application/xhtml+xml");
    }

    /** A form post from our own page. */
    static AlbEvents postFromPage(String path, String email, Map<String, String> form) {
        return AlbEvents.post(path).token(token(email)).header("sec-fetch-site", "same-origin")
                .header("origin", "https://vpn.example.com").form(form);
    }

    JsonNode call(AlbEvents event) {
        return run(event.toStream());
    }

    JsonNode command(String json) {
        return run(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    JsonNode run(InputStream in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(in, out, null);
        return AlbEvents.response(out.toByteArray());
    }

    static JsonNode body(JsonNode albResponse) {
        try {
            return Json.mapper().readTree(albResponse.path("body").asText());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The associations of the endpoint as the emulator holds them (subnet → status), in order. */
    static List<String> associationStates() {
        return ec2.describeClientVpnTargetNetworks(r -> r.clientVpnEndpointId(ENDPOINT)).clientVpnTargetNetworks()
                .stream().map(t -> t.targetNetworkId() + "=" + t.status().codeAsString()).toList();
    }

    static Map<String, String> endpointTags() {
        Map<String, String> out = new java.util.TreeMap<>();
        ec2.describeClientVpnEndpoints(r -> r.clientVpnEndpointIds(ENDPOINT)).clientVpnEndpoints().get(0).tags()
                .forEach(t -> out.put(t.key(), t.value()));
        return out;
    }

    List<JsonNode> auditLines(String action) {
        return logLines.stream().map(line -> {
            try {
                return Json.mapper().readTree(line);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).filter(n -> "audit".equals(n.path("type").asText()) && action.equals(n.path("action").asText())).toList();
    }
}
