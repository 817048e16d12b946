package dev.switchboard.connect.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.core.aws.AwsClients;
import dev.switchboard.core.config.IdentityConfig;
import dev.switchboard.core.identity.AdminEmails;
import dev.switchboard.core.identity.AlbIdentityVerifier;
import dev.switchboard.core.json.Json;
import dev.switchboard.core.log.JsonLog;
import dev.switchboard.core.testing.AlbEvents;
import dev.switchboard.core.testing.AlbTokenSigner;
import dev.switchboard.core.testing.PublicKeyServer;
import dev.switchboard.emulator.AwsEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.services.connect.ConnectClient;
import software.amazon.awssdk.services.connect.model.AuthenticationProfile;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Runs the real handler against the AWS emulator through the real Connect SDK client over HTTP, with the
 * identity in ES256 tokens signed the way ALB signs them and checked by the real verifier.
 */
abstract class ConnectTestSupport {

    static final String INSTANCE = AwsEmulator.DEMO_CONNECT_INSTANCE_ID;
    static final String ADMIN = "connect.admin@example.com";
    static final String ADMIN_B = "second.admin@example.com";
    /** An admin whose address has letters that Unicode case folding has look-alikes for (k, s, i). */
    static final String ADMIN_K = "kiss@example.com";
    static final String EMPLOYEE = "taro.yamada@example.com";
    static final String ADMIN_IP = "203.0.113.7";

    static AwsEmulator emu;
    static AlbTokenSigner signer;
    static PublicKeyServer keys;
    static ConnectClient connect;
    /** JSON bodies of the Connect requests the handler's client sent, as they went over the wire. */
    static final List<String> sentUpdates = new CopyOnWriteArrayList<>();

    String profileId;
    ConnectIpRulesHandler handler;
    final List<String> logLines = new CopyOnWriteArrayList<>();
    private Consumer<String> previousSink;

    @BeforeAll
    static void startWorld() {
        emu = AwsEmulator.start(0);
        signer = new AlbTokenSigner();
        keys = PublicKeyServer.serving(signer);
        connect = connectClient(emu.endpoint());
    }

    @AfterAll
    static void stopWorld() {
        connect.close();
        keys.close();
        emu.close();
    }

    @BeforeEach
    void freshInstance() {
        emu.reset();
        sentUpdates.clear();
        updatesBySetup = 0;
        profileId = emu.seedConnectInstance(INSTANCE);
        handler = handler(connect);
        previousSink = JsonLog.redirect(logLines::add);
    }

    @AfterEach
    void restoreLog() {
        JsonLog.redirect(previousSink);
    }

    /** A Connect client as production builds it ({@link AwsClients}), pointed at {@code endpoint}. */
    static ConnectClient connectClient(URI endpoint) {
        // AwsClients.build's settings, plus an interceptor that records what is sent.
        return ConnectClient.builder().endpointOverride(endpoint)
                .httpClient(AwsClients.httpClient())
                .region(software.amazon.awssdk.regions.Region.AP_NORTHEAST_1)
                .credentialsProvider(software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider.builder().build())
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallAttemptTimeout(AwsClients.API_CALL_ATTEMPT_TIMEOUT)
                        .apiCallTimeout(AwsClients.API_CALL_TIMEOUT)
                        .addExecutionInterceptor(new RecordUpdates()).build())
                .build();
    }

    static IdentityConfig identityConfig() {
        return new IdentityConfig("ap-northeast-1", AlbTokenSigner.DEFAULT_ALB_ARN,
                Optional.of(AlbTokenSigner.DEFAULT_CLIENT_ID), Optional.of(AlbTokenSigner.DEFAULT_ISSUER),
                keys.baseUrl(), AdminEmails.parse(ADMIN + "," + ADMIN_B + "," + ADMIN_K));
    }

    static ConnectIpRulesHandler handler(ConnectClient client) {
        return handler(client, null);
    }

    static ConnectIpRulesHandler handler(ConnectClient client, String configuredProfile) {
        return handler(client, configuredProfile, ZoneId.of("UTC"));
    }

    /** A handler showing times in {@code zone} (SCHEDULE_TIMEZONE). */
    static ConnectIpRulesHandler handler(ConnectClient client, String configuredProfile, ZoneId zone) {
        IdentityConfig identity = identityConfig();
        return new ConnectIpRulesHandler(new ConnectIpRulesConfig(identity, INSTANCE, configuredProfile, zone),
                new AlbIdentityVerifier(identity), new ConnectAuthenticationProfiles(client));
    }

    static String token(String email) {
        return signer.sign("sub-" + email.hashCode(), email, email.substring(0, email.indexOf('@')));
    }

    /** A signed-in browser request from {@code email} at {@code ip}. */
    static AlbEvents as(AlbEvents event, String email, String ip) {
        return event.token(token(email)).header("x-forwarded-for", ip);
    }

    static AlbEvents admin(AlbEvents event) {
        return as(event, ADMIN, ADMIN_IP);
    }

    /** What the handler answered, as ALB would read it. */
    record Answer(int status, Map<String, String> headers, String body) {
        JsonNode json() {
            try {
                return Json.mapper().readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String header(String name) {
            return headers.get(name);
        }

        /** The page's visible text, roughly: tags removed, entities of our escaping decoded. */
        String text() {
            return body.replaceAll("(?s)<(script|style)[^>]*>.*?</\\1>", " ").replaceAll("<[^>]+>", " ")
                    .replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&#34;", "\"")
                    .replace("&#39;", "'").replace("&quot;", "\"").replaceAll("\\s+", " ").trim();
        }
    }

    Answer send(AlbEvents event) {
        return send(event.toStream());
    }

    Answer send(InputStream event) {
        JsonNode response = invoke(handler, event);
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        response.path("headers").fields().forEachRemaining(e -> headers.put(e.getKey(), e.getValue().asText()));
        return new Answer(response.path("statusCode").asInt(), headers, response.path("body").asText());
    }

    static JsonNode invoke(ConnectIpRulesHandler h, InputStream event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        h.handleRequest(event, out, null);
        return AlbEvents.response(out.toByteArray());
    }

    JsonNode command(String json) {
        return invoke(handler, new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    static AuthenticationProfile describe(String id) {
        return connect.describeAuthenticationProfile(r -> r.instanceId(INSTANCE).authenticationProfileId(id))
                .authenticationProfile();
    }

    AuthenticationProfile profile() {
        return describe(profileId);
    }

    /** Sets the lists directly (as another tool would), a second later on the emulator clock. */
    void setLists(List<String> allowed, List<String> blocked) {
        emu.advanceClock(Duration.ofSeconds(1));
        connect.updateAuthenticationProfile(r -> r.instanceId(INSTANCE).authenticationProfileId(profileId)
                .allowedIps(allowed).blockedIps(blocked));
        sentUpdates.clear();
        updatesBySetup = emu.callCount("UpdateAuthenticationProfile");
    }

    private int updatesBySetup;

    /** UpdateAuthenticationProfile calls that reached the emulator since the test's own setup. */
    int updates() {
        return emu.callCount("UpdateAuthenticationProfile") - updatesBySetup;
    }

    /** The form a page would post: the profile, the version the page showed, and the given fields. */
    Map<String, String> form(String... keyValues) {
        Map<String, String> form = new java.util.LinkedHashMap<>();
        form.put("profile", profileId);
        form.put("lastModified", profile().lastModifiedTime().toString());
        for (int i = 0; i < keyValues.length; i += 2) {
            form.put(keyValues[i], keyValues[i + 1]);
        }
        return form;
    }

    List<JsonNode> auditLines() {
        return logLines.stream().map(line -> {
            try {
                return Json.mapper().readTree(line);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).filter(n -> "audit".equals(n.path("type").asText())).toList();
    }

    /** Records the body of every UpdateAuthenticationProfile request as the SDK marshalled it. */
    static final class RecordUpdates implements ExecutionInterceptor {
        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            if (context.request().getClass().getSimpleName().equals("UpdateAuthenticationProfileRequest")) {
                context.requestBody().ifPresent(body -> {
                    try (InputStream in = body.contentStreamProvider().newStream()) {
                        sentUpdates.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
    }
}
