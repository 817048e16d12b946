package dev.switchboard.devserver.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.core.json.Json;
import dev.switchboard.core.testing.AlbTokenSigner;
import dev.switchboard.devserver.DemoUsers;
import dev.switchboard.devserver.DevServer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes what the cold-start benchmark feeds the functions: the ALB events from {@code events/} with a
 * fresh ES256 token signed the way ALB signs them (valid for three hours), the PEM public key under
 * {@code keys/<kid>} for a static file server to answer the key fetch, and {@code env.sh} with the demo
 * configuration. Usage: {@code BenchEvents OUT_DIR PUBLIC_KEY_URL}.
 */
public final class BenchEvents {

    private BenchEvents() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        String keyUrl = args[1];
        Path events = Path.of(System.getProperty("switchboard.root", ".")).resolve("events");
        AlbTokenSigner signer = new AlbTokenSigner(DevServer.ALB_ARN, DevServer.CLIENT_ID, DevServer.ISSUER);
        Files.createDirectories(out.resolve("keys"));
        Files.writeString(out.resolve("keys").resolve(signer.kid()), signer.publicKeyPem());
        Instant exp = Instant.now().plus(Duration.ofHours(3));
        // The portal's GET / is what an employee's morning click sends; the Connect page is an admin's.
        String employee = token(signer, DemoUsers.EMPLOYEE, exp);
        String admin = token(signer, DemoUsers.ADMIN, exp);
        resign(events.resolve("vpn-portal-alb-get-root.json"), out.resolve("vpn-portal.json"), employee);
        resign(events.resolve("connect-alb-get.json"), out.resolve("connect-ip-rules.json"), admin);
        // The latency benchmark's other portal paths: the page's self-refresh, and a script's GET /status.
        ObjectNode refresh = read(events.resolve("vpn-portal-alb-get-root.json"));
        refresh.putObject("queryStringParameters").put("refresh", "1");
        ((ObjectNode) refresh.get("headers")).put("sec-fetch-site", "same-origin");
        write(refresh, out.resolve("vpn-portal-refresh.json"), employee);
        write(read(events.resolve("vpn-portal-alb-get-status.json")), out.resolve("vpn-portal-status.json"), employee);
        Files.copy(events.resolve("vpn-auto-off-idle.json"), out.resolve("vpn-auto-off.json"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Map<String, String> env = DevServer.demoEnvironment(keyUrl);
        Files.writeString(out.resolve("env.sh"), env.entrySet().stream()
                .map(e -> "export " + e.getKey() + "='" + e.getValue() + "'")
                .collect(Collectors.joining("\n", "", "\n")));
    }

    private static String token(AlbTokenSigner signer, DemoUsers.User who, Instant exp) {
        return signer.token().sub(who.sub()).email(who.email()).username(who.username()).exp(exp).build();
    }

    private static void resign(Path from, Path to, String token) throws IOException {
        write(read(from), to, token);
    }

    private static ObjectNode read(Path event) throws IOException {
        return (ObjectNode) Json.mapper().readTree(Files.readAllBytes(event));
    }

    private static void write(ObjectNode event, Path to, String token) throws IOException {
        ((ObjectNode) event.get("headers")).put("x-amzn-oidc-data", token);
        Files.writeString(to, Json.write(event), StandardCharsets.UTF_8);
    }
}
