package dev.switchboard.devserver;

import dev.switchboard.core.json.Json;
import dev.switchboard.core.testing.HeadlessChromium;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The local stack end to end: sign in as a demo user, turn the VPN on, watch it become ready, open /connect. */
class DevServerTest {

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private DevServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private HttpResponse<String> get(String path, String cookie, String secFetchSite) throws Exception {
        return DevServerHttp.get(http, server.uri(), path, cookie, secFetchSite);
    }

    private String signIn(String email) throws Exception {
        return DevServerHttp.signIn(http, server.uri(), email);
    }

    @Test
    void portal_notSignedIn_redirectsToSignInPage() throws Exception {
        server = DevServer.start(0, 0, Duration.ofSeconds(30), null);

        HttpResponse<String> response = get("/status", null, null);

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("location")).contains(DevServer.SIGN_IN_PATH + "?return=%2Fstatus");
        HttpResponse<String> signInPage = get(DevServer.SIGN_IN_PATH, null, null);
        assertThat(signInPage.body()).contains(DemoUsers.EMPLOYEE.email()).contains(DemoUsers.ADMIN.email());
    }

    @Test
    void portal_employeeOpensPage_vpnTurnsOnAndBecomesReady() throws Exception {
        server = DevServer.start(0, 0, Duration.ofSeconds(30), null);
        String cookie = signIn(DemoUsers.EMPLOYEE.email());

        HttpResponse<String> first = get("/", cookie, "none");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(server.emulator().callCount("AssociateClientVpnTargetNetwork")).isEqualTo(2);
        server.emulator().advanceClock(Duration.ofMinutes(1));
        HttpResponse<String> status = get("/status", cookie, "same-origin");
        assertThat(status.body()).contains(DemoUsers.EMPLOYEE.email());
        assertThat(server.emulator().callCount("AssociateClientVpnTargetNetwork")).isEqualTo(2);
    }

    @Test
    void connect_employeeIsRefused_adminSeesProfiles() throws Exception {
        server = DevServer.start(0, 0, Duration.ofSeconds(30), null);

        assertThat(get("/connect", signIn(DemoUsers.EMPLOYEE.email()), "none").statusCode()).isEqualTo(403);
        HttpResponse<String> admin = get("/connect", signIn(DemoUsers.ADMIN.email()), "none");
        assertThat(admin.statusCode()).isEqualTo(200);
    }

    @Test
    void publicKeyEndpoint_unknownKid_is404() throws Exception {
        server = DevServer.start(0, 0, Duration.ofSeconds(30), null);

        assertThat(get(DevServer.KEY_PATH + "00000000-0000-4000-8000-000000000000", null, null).statusCode()).isEqualTo(404);
    }

    @Test
    void signIn_unknownUserOrForeignReturn_isRefusedOrKeptLocal() throws Exception {
        server = DevServer.start(0, 0, Duration.ofSeconds(30), null);
        HttpResponse<String> unknown = http.send(HttpRequest.newBuilder(server.uri().resolve(DevServer.SIGN_IN_PATH))
                .header("content-type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("user=mallory%40evil.example")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(unknown.statusCode()).isEqualTo(400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example/", "//evil.example/", "/\t/evil.example/x", "/\n/evil.example",
            "/\r\n/evil.example", "\t//evil.example", "/\\evil.example", "\\\\evil.example", "/\\/evil.example",
            "///evil.example", "javascript:alert(1)", " /status", "/status\r\nSet-Cookie: a=b", "/\u0000//evil.example",
            "/\u00a0//evil.example", "/\u2028//evil.example", "/\u3000evil", "evil.example", "", "/ /evil", "/\u007f"})
    void safeReturn_hostileValue_fallsBackToTheStatusPage(String hostile) {
        assertThat(DevServer.safeReturn(hostile)).isEqualTo("/status");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/status", "/connect", "/connect?profile=x&notice=allow", "/connect/check?ip=10.0.0.1",
            "/a/b%2F%2Fc"})
    void safeReturn_localPath_isKept(String local) {
        assertThat(DevServer.safeReturn(local)).isEqualTo(local);
    }

    @Test
    void signIn_tabbedReturnPath_redirectsToTheStatusPageNotOffSite() throws Exception {
        server = DevServer.start(0, 0, Duration.ofSeconds(30), null);

        HttpResponse<String> response = http.send(HttpRequest.newBuilder(server.uri().resolve(DevServer.SIGN_IN_PATH))
                .header("content-type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("user=taro.yamada%40example.com&return=%2F%09%2Fevil.example%2Fx"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("location")).contains("/status");
        assertThat(get(DevServer.SIGN_IN_PATH + "?return=%2F%09%2Fevil.example", null, null).body())
                .doesNotContain("evil.example");
    }

    @Test
    void browser_adminSeesPortalAndConnectPages() throws Exception {
        HeadlessChromium.executable();
        server = DevServer.start(0, 0, Duration.ofSeconds(30), DemoUsers.ADMIN.email());
        Path shots = Path.of("target", "screenshots");

        HeadlessChromium.Page portal = HeadlessChromium.render(server.uri().resolve("/").toString(),
                shots.resolve("dev-server-portal-en.png"), 1200, 900, "en-US,en");
        HeadlessChromium.Page connect = HeadlessChromium.render(server.uri().resolve("/connect").toString(),
                shots.resolve("dev-server-connect-ja.png"), 1200, 1400, "ja,en;q=0.5");

        assertThat(portal.text()).contains(DemoUsers.ADMIN.email());
        assertThat(connect.text()).contains(DemoUsers.ADMIN.email());
        assertThat(server.emulator().callCount("AssociateClientVpnTargetNetwork")).isGreaterThanOrEqualTo(2);
    }


    @Test
    void demoPanel_clientConnectsThenNightlyTurnOff_cutsItAndTurnsTheVpnOff() throws Exception {
        server = DevServer.start(0, 0, Duration.ofSeconds(30), null);
        get("/", signIn(DemoUsers.EMPLOYEE.email()), "none");
        server.emulator().advanceClock(Duration.ofMinutes(1));

        HttpResponse<String> connect = postDemo("connect");
        HttpResponse<String> force = postDemo("force");

        assertThat(connect.statusCode()).isEqualTo(303);
        assertThat(force.statusCode()).isEqualTo(303);
        HttpResponse<String> panel = get(DemoPanel.PATH, null, null);
        assertThat(server.emulator().callCount("DisassociateClientVpnTargetNetwork")).as(panel.body()).isEqualTo(2);
        assertThat(panel.body()).contains("cutting off 1 active connection");
    }

    @Test
    void demoPanel_advanceOneHour_movesTheClockTheFunctionsRead() throws Exception {
        server = DevServer.start(0, 0, Duration.ofSeconds(30), null);
        java.time.Instant before = server.emulator().now();

        postDemo("advance-1h");

        assertThat(Duration.between(before, server.emulator().now())).isBetween(Duration.ofMinutes(60), Duration.ofMinutes(61));
        String status = get("/status", signIn(DemoUsers.EMPLOYEE.email()), null).body();
        java.time.Instant checkedAt = java.time.Instant.parse(Json.mapper().readTree(status).path("checkedAt").asText());
        assertThat(Duration.between(before, checkedAt)).isGreaterThanOrEqualTo(Duration.ofMinutes(60));
        assertThat(get(DemoPanel.PATH, null, null).body()).contains("The clock moved 60 minutes");
    }

    @Test
    void invoke_noLocalStackRunning_printsOnlyTheAnswerOnStdoutAndSaysWhichEmulator() throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();

        int exit = DevServer.invokeCommand(java.util.Map.of("invoke", "vpn-portal", "emulator-port", String.valueOf(freePort())),
                java.util.List.of(EventsTest.events().resolve("vpn-portal-on.json").toString()),
                new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8),
                new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));

        assertThat(exit).isZero();
        String stdout = out.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(stdout.strip().lines()).hasSize(1);
        assertThat(Json.mapper().readTree(stdout).path("ok").asBoolean()).as(stdout).isTrue();
        assertThat(err.toString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("against a fresh emulator").contains("\"action\":\"vpn.on\"");
    }

    @Test
    void invoke_localStackRunning_changesThatStacksEmulator() throws Exception {
        server = DevServer.start(0, 0, Duration.ofSeconds(30), null);
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();

        String answer = DevServer.invokeOnce("vpn-portal", EventsTest.events().resolve("vpn-portal-on.json"), false,
                DemoUsers.ADMIN.email(), server.emulator().port(),
                new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));

        assertThat(Json.mapper().readTree(answer).path("ok").asBoolean()).as(answer).isTrue();
        assertThat(server.emulator().callCount("AssociateClientVpnTargetNetwork")).isEqualTo(2);
        assertThat(err.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("running local stack's emulator");
    }

    @Test
    void invoke_connectAllowSampleAgainstFreshDemoData_succeeds() throws Exception {
        String answer = DevServer.invokeOnce("connect-ip-rules", EventsTest.events().resolve("connect-alb-post-allow.json"),
                false, DemoUsers.ADMIN.email(), freePort(), new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));

        assertThat(Json.mapper().readTree(answer).path("statusCode").asInt()).as(answer).isEqualTo(200);
    }

    @Test
    void invoke_withoutAnEventFile_isAUsageError() throws Exception {
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();

        int exit = DevServer.invokeCommand(java.util.Map.of("invoke", "vpn-portal"), java.util.List.of(),
                new java.io.PrintStream(java.io.OutputStream.nullOutputStream()),
                new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(java.nio.charset.StandardCharsets.UTF_8)).startsWith("usage: --invoke");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--bogus", "--port", "-x", "8080"})
    void localRun_unknownOrIncompleteOption_refusedWithItsUsageBeforeBuildingAnything(String option) throws Exception {
        Process run = new ProcessBuilder("bash", ShadedJarTest.root().resolve("local/run").toString(), option)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String stderr = new String(run.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);

        assertThat(run.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(run.exitValue()).isEqualTo(2);
        assertThat(stderr).contains("usage: local/run").doesNotContain("building");
    }

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void demoPanel_unknownAction_changesNothing() throws Exception {
        server = DevServer.start(0, 0, Duration.ofSeconds(30), null);
        int callsBefore = server.emulator().calls().size();

        postDemo("rm -rf");

        assertThat(server.emulator().calls()).hasSize(callsBefore);
        assertThat(get(DemoPanel.PATH, null, null).body()).contains("Unknown action.");
    }

    private HttpResponse<String> postDemo(String action) throws Exception {
        return http.send(HttpRequest.newBuilder(server.uri().resolve(DemoPanel.PATH))
                .header("content-type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("do=" + java.net.URLEncoder.encode(action,
                        java.nio.charset.StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
    }
}
