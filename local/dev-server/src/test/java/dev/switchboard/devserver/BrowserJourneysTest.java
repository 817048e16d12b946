package dev.switchboard.devserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.switchboard.emulator.AwsEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a person does, clicked through Debian's real Chromium against the real dev server (ALB + Cognito
 * stand-in, the functions in-process, the AWS emulator), in English and in Japanese; after each journey the
 * emulator says what really happened. Screenshots of every page land in {@code target/screenshots/journeys/}.
 *
 * <p>Each journey has its own dev server, emulator and fresh browser profile. They run one after another: side by
 * side they overloaded a shared two-core machine (Chromium missed its start-up deadline) and raced other test
 * classes; most of their time is the page's own 15 s refresh, waited for as a person waits.
 */
class BrowserJourneysTest {

    private static final Path SHOTS = Path.of("target", "screenshots", "journeys");
    private static long startedAt;

    @BeforeAll
    static void requireChromium() {
        Chromium.requireInstalled();
        startedAt = System.nanoTime();
    }

    @AfterAll
    static void sayHowLong() {
        System.err.printf("browser journeys: %.1f s wall, %.1f s with a browser open (%d browsers)%n",
                (System.nanoTime() - startedAt) / 1e9, Chromium.openNanos() / 1e9, Chromium.started());
    }

    static Stream<Arguments> languagesAndViewports() {
        return Stream.of(Arguments.of("en", Chromium.Viewport.DESKTOP), Arguments.of("en", Chromium.Viewport.PHONE),
                Arguments.of("ja", Chromium.Viewport.DESKTOP), Arguments.of("ja", Chromium.Viewport.PHONE));
    }

    // ------------------------------------------------------------------ employee

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("languagesAndViewports")
    void employee_signsInAndOpensThePortal_vpnTurnsOnAndThePageRefreshesItselfToReady(String lang, Chromium.Viewport viewport) {
        try (DevServer server = DevServer.start(0, 0, Duration.ofSeconds(30), null);
             Chromium browser = browser(lang, viewport)) {
            String tag = "employee-" + viewport.name().toLowerCase(java.util.Locale.ROOT);

            browser.open(server.uri() + "/");
            assertThat(browser.url()).contains(DevServer.SIGN_IN_PATH);
            browser.screenshot(tag + "-1-sign-in");
            browser.click(DemoUsers.EMPLOYEE.email());

            assertThat(state(browser)).isEqualTo(words(lang).turningOn);
            assertThat(browser.text()).contains(DemoUsers.EMPLOYEE.email());
            browser.screenshot(tag + "-2-turning-on");
            assertThat(associations(server)).containsExactlyInAnyOrder(AwsEmulator.DEMO_SUBNET_A + "=associating",
                    AwsEmulator.DEMO_SUBNET_C + "=associating");

            server.advanceClock(Duration.ofMinutes(1));
            browser.await(40, "the page to refresh itself to Ready", () -> state(browser).equals(words(lang).ready));
            browser.screenshot(tag + "-3-ready");
            assertThat(browser.url()).endsWith("/status");
            assertThat(associations(server)).containsExactlyInAnyOrder(AwsEmulator.DEMO_SUBNET_A + "=associated",
                    AwsEmulator.DEMO_SUBNET_C + "=associated");
            assertThat(server.emulator().callCount("AssociateClientVpnTargetNetwork")).isEqualTo(2);
        }
    }

    // ------------------------------------------------------------------ admin

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"en", "ja"})
    void admin_turnsOnThenOffWithConfirmation_subnetsDisassociatedAndThePageSaysOff(String lang) {
        Words w = words(lang);
        try (DevServer server = DevServer.start(0, 0, Duration.ofSeconds(30), null);
             Chromium browser = browser(lang, Chromium.Viewport.DESKTOP)) {
            signIn(browser, server, DemoUsers.ADMIN, "/status");
            assertThat(state(browser)).isEqualTo(w.off);
            browser.screenshot("admin-1-off");
            assertThat(server.emulator().callCount("AssociateClientVpnTargetNetwork")).isZero();

            browser.click(w.turnOn);
            assertThat(state(browser)).isEqualTo(w.turningOn);
            server.emulator().seedConnection(AwsEmulator.DEMO_ENDPOINT_ID, "cvpn-connection-0journey00001", "taro.yamada",
                    "172.16.0.10");
            server.advanceClock(Duration.ofMinutes(1));
            browser.await(40, "Ready", () -> state(browser).equals(w.ready));
            browser.screenshot("admin-2-ready-with-a-connection");

            // Without the tick the browser itself refuses to send the form (the checkbox is required).
            browser.clickStaying(w.turnOffNow);
            assertThat(state(browser)).isEqualTo(w.ready);
            assertThat(server.emulator().callCount("DisassociateClientVpnTargetNetwork")).isZero();

            browser.driver().findElement(By.name("confirm")).click();
            browser.click(w.turnOffNow);
            assertThat(state(browser)).isEqualTo(w.turningOff);
            browser.screenshot("admin-3-turning-off");
            assertThat(associations(server)).containsOnly(AwsEmulator.DEMO_SUBNET_A + "=disassociating",
                    AwsEmulator.DEMO_SUBNET_C + "=disassociating");

            server.advanceClock(Duration.ofMinutes(1));
            browser.await(40, "Off", () -> state(browser).equals(w.off));
            browser.screenshot("admin-4-off");
            assertThat(associations(server)).isEmpty();
            assertThat(server.emulator().callCount("DisassociateClientVpnTargetNetwork")).isEqualTo(2);
            assertThat(server.emulator().callCount("AssociateClientVpnTargetNetwork")).isEqualTo(2);
        }
    }

    // ------------------------------------------------------------------ Connect

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"en", "ja"})
    void connectAdmin_allowBlockRemoveSessionsCheckLockoutReset_eachLandsInConnect(String lang) {
        Words w = words(lang);
        try (DevServer server = DevServer.start(0, 0, Duration.ofSeconds(30), null);
             Chromium browser = browser(lang, Chromium.Viewport.DESKTOP)) {
            signIn(browser, server, DemoUsers.ADMIN, "/connect");
            browser.screenshot("connect-1-empty");

            browser.type("entry", "127.0.0.0/8");
            browser.click(w.allow);
            assertThat(browser.text()).contains(w.addedToAllowed);
            assertThat(profile(server).path("AllowedIps").toString()).isEqualTo("[\"127.0.0.0/8\"]");

            browser.type("entry", "203.0.113.0/24");
            browser.click(w.block);
            assertThat(profile(server).path("BlockedIps").toString()).isEqualTo("[\"203.0.113.0/24\"]");
            browser.screenshot("connect-2-allowed-and-blocked");

            browser.clickAndWait(browser.driver().findElement(By.xpath("//div[@id='blocked']//tr[td/code='203.0.113.0/24']//button")));
            assertThat(browser.text()).contains(w.removed);
            assertThat(profile(server).path("BlockedIps").toString()).isEqualTo("[]");

            browser.type("periodic", "30");
            browser.type("inactivity", "120");
            browser.click(w.save);
            assertThat(browser.text()).contains(w.sessionsSaved);
            assertThat(profile(server).path("PeriodicSessionDuration").asInt()).isEqualTo(30);
            assertThat(profile(server).path("SessionInactivityDuration").asInt()).isEqualTo(120);

            browser.driver().findElement(By.name("ip")).sendKeys("198.51.100.23");
            browser.click(w.check);
            assertThat(browser.text()).contains("198.51.100.23", w.refused);
            browser.screenshot("connect-3-check");
            browser.click(w.backToRules);

            // Blocking the admin's own address (the browser comes from 127.0.0.1) asks first, writes nothing.
            JsonNode before = profile(server);
            browser.type("entry", "127.0.0.1");
            browser.click(w.block);
            assertThat(browser.text()).contains(w.lockoutTitle);
            browser.screenshot("connect-4-lockout");
            assertThat(profile(server)).isEqualTo(before);
            browser.click(w.applyAnyway);
            assertThat(profile(server).path("BlockedIps").toString()).isEqualTo("[\"127.0.0.1\"]");

            browser.click(w.resetEllipsis);
            browser.screenshot("connect-5-reset-confirm");
            assertThat(profile(server).path("AllowedIps").toString()).isEqualTo("[\"127.0.0.0/8\"]");
            browser.click(w.emptyBoth);
            assertThat(profile(server).path("AllowedIps").toString()).isEqualTo("[]");
            assertThat(profile(server).path("BlockedIps").toString()).isEqualTo("[]");
            browser.screenshot("connect-6-after-reset");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"en", "ja"})
    void connectAdmin_secondTabWithAStaleForm_gets409AndNothingIsOverwritten(String lang) {
        Words w = words(lang);
        try (DevServer server = DevServer.start(0, 0, Duration.ofSeconds(30), null);
             Chromium browser = browser(lang, Chromium.Viewport.DESKTOP)) {
            signIn(browser, server, DemoUsers.ADMIN, "/connect");
            String first = browser.driver().getWindowHandle();
            browser.driver().switchTo().newWindow(WindowType.TAB);
            browser.open(server.uri() + "/connect");
            String second = browser.driver().getWindowHandle();

            browser.driver().switchTo().window(first);
            browser.type("entry", "127.0.0.0/8");
            browser.click(w.allow);
            assertThat(profile(server).path("AllowedIps").toString()).as(browser.url() + "\n" + browser.text())
                    .isEqualTo("[\"127.0.0.0/8\"]");

            browser.driver().switchTo().window(second);
            browser.type("entry", "10.0.0.0/8");
            browser.click(w.allow);
            assertThat(browser.text()).contains(w.staleNotice);
            browser.screenshot("connect-7-stale-409");
            assertThat(profile(server).path("AllowedIps").toString()).isEqualTo("[\"127.0.0.0/8\"]");
        }
    }

    // ------------------------------------------------------------------ links

    /**
     * Every link on every page (the portal off, Connect and its check, confirmation and 409 pages, every error
     * page, the sign-in stand-in, the demo panel) is clicked: none of them turns the VPN on.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"en", "ja"})
    void everyLinkOnEveryPage_followed_neverTurnsTheVpnOn(String lang) {
        Words w = words(lang);
        try (DevServer server = DevServer.start(0, 0, Duration.ofSeconds(30), null);
             Chromium browser = browser(lang, Chromium.Viewport.DESKTOP)) {
            String base = server.uri().toString();
            signIn(browser, server, DemoUsers.ADMIN, "/status");
            List<String> pages = new ArrayList<>(List.of("/status", "/connect", "/connect/check?ip=192.0.2.1",
                    "/no-such-page", "/connect/check?ip=not-an-address", DemoPanel.PATH, DevServer.SIGN_IN_PATH));
            Set<String> followed = new LinkedHashSet<>();
            for (String page : pages) {
                followLinks(browser, () -> browser.open(base + page), page, followed);
            }
            // Pages reached only by a form: an invalid entry, the reset confirmation, the lockout question.
            followLinks(browser, () -> {
                browser.open(base + "/connect");
                browser.type("entry", "10.0.0.0/33");
                browser.click(w.allow);
            }, "invalid entry", followed);
            followLinks(browser, () -> {
                browser.open(base + "/connect");
                browser.click(w.resetEllipsis);
            }, "reset confirmation", followed);
            followLinks(browser, () -> {
                browser.open(base + "/connect");
                browser.type("entry", "127.0.0.1");
                browser.click(w.block);
            }, "lockout question", followed);
            // An employee on an admin page.
            signIn(browser, server, DemoUsers.EMPLOYEE, "/status");
            followLinks(browser, () -> browser.open(base + "/connect"), "403", followed);

            assertThat(followed).hasSizeGreaterThan(8);
            assertThat(server.emulator().callCount("AssociateClientVpnTargetNetwork"))
                    .as("links followed: %s", followed).isZero();
            assertThat(associations(server)).isEmpty();
        }
    }

    /** Opens a page, clicks each of its links in turn (reopening the page between clicks), records where each led. */
    private static void followLinks(Chromium browser, Runnable openPage, String name, Set<String> followed) {
        openPage.run();
        browser.screenshot("links-" + name.replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", ""));
        int count = browser.driver().findElements(By.tagName("a")).size();
        for (int i = 0; i < count; i++) {
            openPage.run();
            WebElement link = browser.driver().findElements(By.tagName("a")).get(i);
            String label = link.getText() + " -> " + link.getAttribute("href");
            browser.clickAndWait(link);
            followed.add(name + ": " + label + " => " + browser.url());
        }
    }

    // ------------------------------------------------------------------ cross-site

    /**
     * Another site's page auto-submits forms to the portal ({@code POST /on}) and to Connect (allow an entry).
     * From another port on this host (same site, cross origin: the SameSite=Lax sign-in cookie rides along, so
     * only our own check stands in the way) each is answered with our 403 page. From a sandboxed frame (an
     * opaque origin, {@code Origin: null}, cross-site) Chromium itself withholds the cookie, and the sign-in
     * stand-in answers. Either way nothing changes in EC2 or Connect.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"en", "ja"})
    void crossSiteFormPosts_autoSubmittedByAnotherSite_areRefusedAndChangeNothing(String lang) throws Exception {
        try (DevServer server = DevServer.start(0, 0, Duration.ofSeconds(30), null);
             Chromium browser = browser(lang, Chromium.Viewport.DESKTOP)) {
            String target = server.uri().toString();
            String profileId = profile(server).path("AuthenticationProfileId").asText();
            HttpServer evil = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
            evil.createContext("/", exchange -> {
                String path = exchange.getRequestURI().getPath();
                // From the sandboxed frame the answer is shown in the top window (our pages refuse to be framed).
                String form = "<form id=f method=post target=_top action=\"" + target
                        + (path.contains("connect") ? "/connect\"><input name=op value=allow><input name=profile value=\""
                        + profileId + "\"><input name=entry value=\"6.6.6.0/24\"></form>" : "/on\"></form>");
                String page = path.contains("sandboxed")
                        ? "<iframe sandbox=\"allow-forms allow-scripts allow-top-navigation\" srcdoc='" + form.replace("'", "&#39;")
                        + "<script>document.getElementById(\"f\").submit()</script>'></iframe>"
                        : form + "<script>document.getElementById('f').submit()</script>";
                byte[] body = ("<!DOCTYPE html><title>win a prize</title>" + page).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("content-type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            evil.start();
            try {
                signIn(browser, server, DemoUsers.ADMIN, "/status");
                String evilBase = "http://127.0.0.1:" + evil.getAddress().getPort();
                for (String attack : List.of("/on", "/connect")) {
                    browser.open(evilBase + attack);
                    browser.await(30, "our refusal of " + attack, () -> browser.url().startsWith(target)
                            && browser.text().contains(words(lang).notAllowed));
                    browser.screenshot("cross-site" + attack.replace('/', '-'));
                }
                for (String attack : List.of("/sandboxed/on", "/sandboxed/connect")) {
                    browser.open(evilBase + attack);
                    browser.await(30, "the sandboxed post of " + attack + " to arrive without the cookie",
                            () -> browser.url().startsWith(target + DevServer.SIGN_IN_PATH));
                    browser.screenshot("cross-site" + attack.replace('/', '-'));
                }
                assertThat(server.emulator().callCount("AssociateClientVpnTargetNetwork")).isZero();
                assertThat(profile(server).path("AllowedIps").toString()).isEqualTo("[]");
                assertThat(server.emulator().callCount("UpdateAuthenticationProfile")).isZero();
            } finally {
                evil.stop(0);
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    private static Chromium browser(String lang, Chromium.Viewport viewport) {
        return Chromium.start(lang, viewport, SHOTS);
    }

    /** Signs in on the stand-in's page the way a person does: open the page, click the demo user. */
    private static void signIn(Chromium browser, DevServer server, DemoUsers.User user, String returnTo) {
        browser.open(server.uri() + DevServer.SIGN_IN_PATH + "?return=" + java.net.URLEncoder.encode(returnTo,
                StandardCharsets.UTF_8));
        browser.click(user.email());
        assertThat(browser.url()).endsWith(returnTo);
    }

    private static String state(Chromium browser) {
        return browser.driver().findElement(By.id("state")).getText();
    }

    private static List<String> associations(DevServer server) {
        List<String> out = new ArrayList<>();
        for (JsonNode endpoint : server.emulator().dump().path("endpoints")) {
            for (JsonNode a : endpoint.path("associations")) {
                out.add(a.path("subnetId").asText() + "=" + a.path("status").asText());
            }
        }
        return out;
    }

    private static JsonNode profile(DevServer server) {
        return server.emulator().dump().path("connectInstances").path(AwsEmulator.DEMO_CONNECT_INSTANCE_ID).path(0);
    }

    /** What the pages say, in the browser's language: the journeys click and read these. */
    record Words(String off, String turningOn, String ready, String turningOff, String turnOn, String turnOffNow,
                 String allow, String block, String addedToAllowed, String removed, String save, String sessionsSaved,
                 String check, String refused, String backToRules, String lockoutTitle, String applyAnyway,
                 String resetEllipsis, String emptyBoth, String staleNotice, String notAllowed) {
    }

    private static final Words EN = new Words("Off", "Turning on…", "Ready", "Turning off…", "Turn the VPN on",
            "Turn off now", "Allow", "Block", "Added to the allowed list.", "Removed.", "Save", "Session durations saved.",
            "Check", "Refused", "Back to the rules", "This change would lock you out", "Apply anyway", "Reset…",
            "Empty both lists", "Someone changed this authentication profile", "Not allowed");
    private static final Words JA = new Words("オフ", "オンにしています…", "接続できます", "オフにしています…", "VPN をオンにする",
            "今すぐオフにする", "許可", "ブロック", "許可リストに追加しました。", "削除しました。", "保存", "セッション時間を保存しました。",
            "確認", "拒否", "ルール一覧へ戻る", "この変更であなた自身が締め出されます", "それでも適用する", "リセット…",
            "両方のリストを空にする", "他の人が認証プロファイルを変更しました", "権限がありません");

    static Words words(String lang) {
        return lang.equals("ja") ? JA : EN;
    }
}
