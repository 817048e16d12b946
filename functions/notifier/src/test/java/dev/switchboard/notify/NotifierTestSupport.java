package dev.switchboard.notify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.core.config.Env;
import dev.switchboard.core.json.Json;
import dev.switchboard.core.log.JsonLog;
import dev.switchboard.core.testing.AlbTokenSigner;
import dev.switchboard.core.testing.LambdaContext;
import dev.switchboard.core.testing.PublicKeyServer;
import dev.switchboard.emulator.AwsEmulator;
import dev.switchboard.emulator.EmulatorState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import static dev.switchboard.emulator.AwsEmulator.DEMO_TOPIC_ARN;

/**
 * The real functions and the real notifier, as deployed, against local stand-ins: the AWS emulator (EC2, Connect
 * and SNS through the SDK's own endpoint settings, as {@code AWS_ENDPOINT_URL_*} would set them) and a key server
 * for tokens signed the way ALB signs them. Every line the functions print is captured, so a test can hand them to
 * the notifier exactly as CloudWatch Logs would.
 */
abstract class NotifierTestSupport {

    static final String ADMIN = "admin@example.com";
    static final String EMPLOYEE = "taro@example.com";
    static final String PORTAL_LOG_GROUP = "switchboard-VpnPortalLogGroup-AbCdEf123456";
    static final String AUTO_OFF_LOG_GROUP = "switchboard-VpnAutoOffLogGroup-AbCdEf123456";
    static final String CONNECT_LOG_GROUP = "switchboard-ConnectLogGroup-AbCdEf123456";

    static AwsEmulator emu;
    static AlbTokenSigner signer;
    static PublicKeyServer keys;

    final List<String> printed = new CopyOnWriteArrayList<>();
    private Consumer<String> previousSink;

    @BeforeAll
    static void startStandIns() {
        emu = AwsEmulator.start(0);
        signer = new AlbTokenSigner();
        keys = PublicKeyServer.serving(signer);
        // The SDK's own settings, what AWS_ENDPOINT_URL_EC2 / _CONNECT / _SNS set in a process environment.
        System.setProperty("aws.endpointUrlEc2", emu.endpoint().toString());
        System.setProperty("aws.endpointUrlConnect", emu.endpoint().toString());
        System.setProperty("aws.endpointUrlSns", emu.endpoint().toString());
    }

    @AfterAll
    static void stopStandIns() {
        System.clearProperty("aws.endpointUrlEc2");
        System.clearProperty("aws.endpointUrlConnect");
        System.clearProperty("aws.endpointUrlSns");
        keys.close();
        emu.close();
    }

    @BeforeEach
    void seedAndCapture() {
        emu.reset();
        AwsEmulator.seedDemo(emu);
        previousSink = JsonLog.redirect(printed::add);
    }

    @AfterEach
    void restoreLog() {
        JsonLog.redirect(previousSink);
    }

    /** The configuration every function of the stack gets (the template's, with local values). */
    static Map<String, String> stackEnv() {
        Map<String, String> env = new HashMap<>();
        env.put("AWS_REGION", "ap-northeast-1");
        env.put("ALB_ARN", signer.signerArn());
        env.put("ALB_CLIENT_ID", AlbTokenSigner.DEFAULT_CLIENT_ID);
        env.put("ALB_ISSUER", AlbTokenSigner.DEFAULT_ISSUER);
        env.put("ALB_PUBLIC_KEY_URL", keys.baseUrl().toString());
        env.put("ADMIN_EMAILS", ADMIN);
        env.put("CLIENT_VPN_ENDPOINT_ID", AwsEmulator.DEMO_ENDPOINT_ID);
        env.put("TARGET_SUBNET_IDS", AwsEmulator.DEMO_SUBNET_A + "," + AwsEmulator.DEMO_SUBNET_C);
        env.put("IDLE_MINUTES", "10");
        env.put("GRACE_MINUTES", "20");
        env.put("NIGHTLY_OFF_TIME", "22:00");
        env.put("SCHEDULE_TIMEZONE", "Asia/Tokyo");
        env.put("HOURLY_PRICE_USD", "0.15");
        env.put("CONNECT_INSTANCE_ID", AwsEmulator.DEMO_CONNECT_INSTANCE_ID);
        env.put("NOTIFICATION_TOPIC_ARN", DEMO_TOPIC_ARN);
        return env;
    }

    /** The notifier as Lambda builds it (its real SNS client), speaking {@code language}. */
    static NotifierHandler notifier(String language) {
        Map<String, String> env = stackEnv();
        env.put("NOTIFY_LANGUAGE", language);
        return new NotifierHandler(Env.of(env));
    }

    /** The captured lines the subscription filter selects ({@code { $.type = "audit" && $.action != "vpn.route" }}). */
    List<String> auditLines() {
        return printed.stream().filter(line -> {
            JsonNode n = parse(line);
            return "audit".equals(n.path("type").asText()) && !"vpn.route".equals(n.path("action").asText());
        }).toList();
    }

    /** Runs one Lambda event through the handler; returns its answer. */
    static JsonNode invoke(NotifierHandler handler, String event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out,
                LambdaContext.of("11111111-2222-3333-4444-555555555555"));
        return parse(out.toString(StandardCharsets.UTF_8));
    }

    /** The published messages, oldest first, parsed. */
    static List<JsonNode> published() {
        return emu.published(DEMO_TOPIC_ARN).stream().map(EmulatorState.Published::message)
                .map(NotifierTestSupport::parse).toList();
    }

    static List<String> publishedText() {
        return emu.published(DEMO_TOPIC_ARN).stream().map(EmulatorState.Published::message).toList();
    }

    static JsonNode parse(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String token(String email) {
        return signer.sign("sub-" + Integer.toHexString(email.hashCode()), email, email.substring(0, email.indexOf('@')));
    }
}
