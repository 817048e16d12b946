package dev.switchboard.connect.rules;

import com.sun.net.httpserver.HttpServer;
import dev.switchboard.core.testing.AlbEvents;
import dev.switchboard.emulator.Fault;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.connect.ConnectClient;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** What people see when Connect throttles, denies or does not know the profile. */
class ConnectFailuresTest extends ConnectTestSupport {

    @Test
    void getConnect_throttledTwice_isRetriedBySdkAndSucceeds() {
        emu.injectFault(Fault.throttle("connect", 2).forAction("ListAuthenticationProfiles"));

        Answer page = send(admin(AlbEvents.get("/connect")));

        assertThat(page.status()).isEqualTo(200);
        assertThat(emu.callCount("ListAuthenticationProfiles")).isEqualTo(3);
    }

    @Test
    void getConnect_throttledPersistently_is503WithoutSdkDetails() {
        emu.injectFault(Fault.throttle("connect", 100));

        Answer page = send(admin(AlbEvents.get("/connect")));

        assertThat(page.status()).isEqualTo(503);
        assertThat(page.text()).contains("Amazon Connect is limiting requests right now")
                .doesNotContain("Rate exceeded", "ThrottlingException");
        assertThat(emu.callCount("ListAuthenticationProfiles")).isGreaterThan(1);
    }

    @Test
    void postAllow_throttledPersistently_is503AndAuditedAsFailed() {
        var form = form("op", "allow", "entry", "203.0.113.0/24");
        emu.injectFault(Fault.throttle("connect", 100).forAction("UpdateAuthenticationProfile"));

        Answer answer = send(admin(AlbEvents.post("/connect")).form(form));

        assertThat(answer.status()).isEqualTo(503);
        assertThat(profile().allowedIps()).isEmpty();
        assertThat(auditLines()).extracting(n -> n.path("result").asText()).containsExactly("failed");
    }

    @Test
    void getConnect_iamDenies_saysTheRoleMayNotCallIt() throws IOException {
        try (DenyingConnect deny = new DenyingConnect(
                "User: arn:aws:sts::123456789012:assumed-role/connect-ip-rules/fn is not authorized to perform: "
                        + "connect:ListAuthenticationProfiles on resource: arn:aws:connect:ap-northeast-1:123456789012:instance/x")) {
            handler = handler(deny.client);

            Answer page = send(admin(AlbEvents.get("/connect")));

            assertThat(page.status()).isEqualTo(403);
            assertThat(page.text()).contains("IAM role may not call connect:ListAuthenticationProfiles", "tell IT")
                    .doesNotContain("arn:aws:sts");
        }
    }

    @Test
    void getConnect_previewNotEnabled_saysSo() throws IOException {
        try (DenyingConnect deny = new DenyingConnect("Access denied")) {
            handler = handler(deny.client);

            Answer page = send(admin(AlbEvents.get("/connect").header("accept-language", "en")));

            assertThat(page.status()).isEqualTo(403);
            assertThat(page.text()).contains("preview API is probably not enabled for this AWS account");
        }
    }

    @Test
    void postAllow_unknownProfile_isNotFoundFromConnect() {
        Answer answer = send(admin(AlbEvents.post("/connect")).form(java.util.Map.of("profile", "gone-profile",
                "lastModified", "2025-01-01T00:00:00Z", "op", "allow", "entry", "203.0.113.0/24")));

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.text()).contains("no authentication profile 'gone-profile'");
        assertThat(updates()).isZero();
    }

    @Test
    void getConnect_unknownInstance_isNotFoundNamingTheSetting() {
        emu.reset();

        Answer page = send(admin(AlbEvents.get("/connect")));

        assertThat(page.status()).isEqualTo(404);
        assertThat(page.text()).contains("CONNECT_INSTANCE_ID");
    }

    /** A Connect endpoint that answers every call with AccessDeniedException (HTTP 403), as AWS does. */
    private static final class DenyingConnect implements AutoCloseable {
        final HttpServer server;
        final ConnectClient client;

        DenyingConnect(String message) throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                byte[] body = ("{\"Message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.getResponseHeaders().set("x-amzn-ErrorType", "AccessDeniedException");
                exchange.sendResponseHeaders(403, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            client = connectClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
        }

        @Override
        public void close() {
            client.close();
            server.stop(0);
        }
    }
}
