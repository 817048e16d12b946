package dev.switchboard.devserver;

import dev.switchboard.emulator.AwsEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A local day you can watch, through the dev server's HTTP surface only: the employee turns the VPN on by opening
 * the portal, the demo panel connects and disconnects a client, moves the one clock and runs the schedules, and the
 * emulator's associations show whether the VPN really went off. The rules are COST.md's with the settings the dev
 * server runs with ({@link DevServer#demoEnvironment}): idle counts from the last disconnect, grace only holds an
 * unused turn-on, the nightly run never cuts anyone and waits for the last person, then the nightly idle applies.
 */
class DevServerDayTest {

    private static final String ENDPOINT = AwsEmulator.DEMO_ENDPOINT_ID;
    private static final Map<String, String> SETTINGS = DevServer.demoEnvironment("unused");

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
    void settings_areTheOnesThisTestIsWrittenFor() {
        // The steps below are sized for these values; if they change, the steps must be re-sized, not silently pass.
        assertThat(SETTINGS).containsEntry("IDLE_MINUTES", "10").containsEntry("GRACE_MINUTES", "20")
                .containsEntry("NIGHTLY_OFF_TIME", "22:00").containsEntry("NIGHTLY_IDLE_MINUTES", "5")
                .containsEntry("SCHEDULE_TIMEZONE", "Asia/Tokyo");
    }

    @Test
    void day_lastPersonDisconnects_idleCheckTurnsTheVpnOffAfterTheIdleMinutes() throws Exception {
        server = DevServer.start(0, 0, Duration.ofSeconds(30), null);
        String cookie = signIn(DemoUsers.EMPLOYEE.email());

        assertThat(get("/", cookie, "none").statusCode()).isEqualTo(200);
        assertThat(server.emulator().callCount("AssociateClientVpnTargetNetwork")).isEqualTo(2);
        panel("advance-10m"); // associations take 30 s here
        assertThat(server.emulator().associatedCount(ENDPOINT)).isEqualTo(2);
        assertThat(statusPage(cookie)).doesNotContain("The VPN is off.");

        panel("connect");
        panel("advance-10m"); // turn-on + 20 min: grace is over, but someone is connected
        panel("idle");
        assertThat(server.emulator().associatedCount(ENDPOINT)).as(panelPage()).isEqualTo(2);

        panel("disconnect");
        panel("idle"); // idle counts from the disconnect, not from the turn-on
        assertThat(server.emulator().associatedCount(ENDPOINT)).as(panelPage()).isEqualTo(2);
        advanceEmulatorClock(Duration.ofMinutes(idleMinutes() - 1));
        panel("idle");
        assertThat(server.emulator().associatedCount(ENDPOINT)).as(panelPage()).isEqualTo(2);
        assertThat(server.emulator().callCount("DisassociateClientVpnTargetNetwork")).isZero();

        advanceEmulatorClock(Duration.ofMinutes(2)); // now past the idle minutes since the disconnect
        panel("idle");

        assertThat(server.emulator().callCount("DisassociateClientVpnTargetNetwork")).as(panelPage()).isEqualTo(2);
        assertThat(server.emulator().associatedCount(ENDPOINT)).isZero();
        panel("advance-10m"); // disassociations take 15 s here
        assertThat(server.emulator().occupiedCount(ENDPOINT)).isZero();
        assertThat(statusPage(cookie)).contains("The VPN is off.");
    }

    @Test
    void nightly_someoneConnected_isNotCutAndTheIdleCheckTurnsTheVpnOffAfterTheNightlyIdleMinutes() throws Exception {
        server = DevServer.start(0, 0, Duration.ofSeconds(30), null);
        moveEmulatorClockTo(nightlyTime().minusMinutes(10));
        String cookie = signIn(DemoUsers.EMPLOYEE.email());
        assertThat(get("/", cookie, "none").statusCode()).isEqualTo(200);
        panel("advance-10m"); // the nightly time; associations done
        assertThat(server.emulator().associatedCount(ENDPOINT)).isEqualTo(2);
        assertThat(localTime()).isBetween(nightlyTime(), nightlyTime().plusMinutes(1));

        panel("connect");
        panel("nightly");

        String afterNightly = panelPage();
        assertThat(server.emulator().associatedCount(ENDPOINT)).as(afterNightly).isEqualTo(2);
        assertThat(server.emulator().callCount("DisassociateClientVpnTargetNetwork")).as(afterNightly).isZero();
        assertThat(server.emulator().callCount("TerminateClientVpnConnections")).as(afterNightly).isZero();
        assertThat(server.emulator().connectionEnd(ENDPOINT, "cvpn-connection-0demo000000000001")).as(afterNightly).isEmpty();
        panel("advance-10m");
        panel("idle"); // still connected: still on
        assertThat(server.emulator().associatedCount(ENDPOINT)).as(panelPage()).isEqualTo(2);

        panel("disconnect");
        advanceEmulatorClock(Duration.ofMinutes(nightlyIdleMinutes() - 1));
        panel("idle");
        assertThat(server.emulator().associatedCount(ENDPOINT)).as(panelPage()).isEqualTo(2);

        // Past the nightly idle minutes but short of the day's idle minutes: only the nightly rule turns it off.
        advanceEmulatorClock(Duration.ofMinutes(2));
        assertThat(nightlyIdleMinutes() + 1).isLessThan(idleMinutes());
        panel("idle");

        assertThat(server.emulator().callCount("DisassociateClientVpnTargetNetwork")).as(panelPage()).isEqualTo(2);
        assertThat(server.emulator().associatedCount(ENDPOINT)).isZero();
        panel("advance-10m");
        assertThat(server.emulator().occupiedCount(ENDPOINT)).isZero();
        assertThat(statusPage(cookie)).contains("The VPN is off.");
    }

    // ------------------------------------------------------------------ helpers

    private static long idleMinutes() {
        return Long.parseLong(SETTINGS.get("IDLE_MINUTES"));
    }

    private static long nightlyIdleMinutes() {
        return Long.parseLong(SETTINGS.get("NIGHTLY_IDLE_MINUTES"));
    }

    private static LocalTime nightlyTime() {
        return LocalTime.parse(SETTINGS.get("NIGHTLY_OFF_TIME"));
    }

    private static ZoneId zone() {
        return ZoneId.of(SETTINGS.get("SCHEDULE_TIMEZONE"));
    }

    private LocalTime localTime() {
        return server.emulator().now().atZone(zone()).toLocalTime();
    }

    /** Moves the shared clock forward to the next {@code at} in the schedule's time zone. */
    private void moveEmulatorClockTo(LocalTime at) throws Exception {
        ZonedDateTime now = server.emulator().now().atZone(zone());
        ZonedDateTime target = now.with(at);
        if (!target.isAfter(now)) {
            target = target.plusDays(1);
        }
        advanceEmulatorClock(Duration.between(now, target));
    }

    /** The emulator's own control surface, for steps finer than the panel's 10 minutes. */
    private void advanceEmulatorClock(Duration by) throws Exception {
        // Rounded up to the millisecond, never down: landing a fraction before the nightly time is not the nightly time.
        String seconds = java.math.BigDecimal.valueOf((by.toNanos() + 999_999) / 1_000_000, 3).toPlainString();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        server.emulator().endpoint().resolve("/_emulator/clock/advance"))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"seconds\":" + seconds + "}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
    }

    private void panel(String action) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(server.uri().resolve(DemoPanel.PATH))
                .header("content-type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("do=" + URLEncoder.encode(action, StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(303);
    }

    private String panelPage() throws Exception {
        return get(DemoPanel.PATH, null, null).body();
    }

    private String statusPage(String cookie) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(server.uri().resolve("/status"))
                .header("accept", "text/html").header("accept-language", "en").header("cookie", cookie)
                .header("sec-fetch-site", "same-origin").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type").orElse("")).startsWith("text/html");
        return response.body();
    }

}
