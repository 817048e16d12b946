package dev.switchboard.devserver;

import dev.switchboard.core.http.ErrorResponses;
import dev.switchboard.core.http.Lang;
import dev.switchboard.core.http.SwitchboardException;
import dev.switchboard.core.testing.Catalogs;
import dev.switchboard.core.text.ErrorCode;
import dev.switchboard.core.text.Message;
import dev.switchboard.emulator.AwsEmulator;
import dev.switchboard.template.MessageCatalogsTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page in every state, and every error code, read by a Japanese browser: no English may be left on it
 * beyond names that stay as they are (AWS's product names and API fields, addresses, ids, e-mails). A text
 * missing from a catalog, or a sentence built without one, shows up here as an English word.
 */
class EveryPageInJapaneseTest {

    /** What stays in Latin letters on a Japanese page: names, not words. */
    private static final List<String> NAMES = List.of("Switchboard", "AWS VPN Client", "VPN", "AWS", "Amazon Connect",
            "Connect", "IAM Identity Center", "Cognito", "EventBridge Scheduler", "EventBridge", "ALB", "x-amzn-oidc-data",
            "ADMIN_EMAILS", "AllowedIps", "BlockedIps", "PeriodicSessionDuration", "SessionInactivityDuration",
            "MaxSessionDuration", "IPv4", "IPv6", "CIDR", "IP", "USD", "UTC", "Asia/Tokyo", "EC2", "IT", "ID",
            "JSON", "Default", "Second profile", "confirm=yes", "detail", "Scheduled Event", "aws.events", "command",
            "true", "false", "connect:", "CloudWatch Logs", "Lambda", "SNS", "base64", "gzip");
    /** Names a script sends or an operator sets: quoted values, CONSTANT_NAMES, camelCase fields, API, ISO. */
    private static final Pattern IDENTIFIERS = Pattern.compile(
            "'[^']*'|\"[^\"]*\"|`[^`]*`|\\b[A-Z][A-Z0-9_]+\\b|\\b[a-z]+[A-Z]\\w*");
    private static final Pattern IDS = Pattern.compile(
            "[\\w.+-]+@[\\w.-]+|(?:subnet|cvpn-endpoint|cvpn-connection)-[0-9a-z]+|[0-9a-f]{8}-[0-9a-f-]{27}"
                    + "|ap-northeast-1|[0-9a-fA-F:]*::[0-9a-fA-F:/]*");
    private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z'’]{2,}");

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final Map<String, String> pages = new LinkedHashMap<>();
    private DevServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void everyPageInEveryState_inJapanese_hasNoEnglishLeft() throws Exception {
        server = DevServer.start(0, 0, Duration.ofSeconds(30), null);
        server.emulator().seedAuthenticationProfile(AwsEmulator.DEMO_CONNECT_INSTANCE_ID,
                "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee", "Second profile", false);
        String employee = signIn(DemoUsers.EMPLOYEE);
        String admin = signIn(DemoUsers.ADMIN);

        page("sign-in", get(DevServer.SIGN_IN_PATH, null));
        page("status off", get("/status", employee));
        page("turning on", get("/", employee));
        server.advanceClock(Duration.ofMinutes(1));
        server.emulator().seedConnection(AwsEmulator.DEMO_ENDPOINT_ID, "cvpn-connection-0ja000000001",
                DemoUsers.EMPLOYEE.email(), "172.16.0.10");
        page("ready", get("/status", employee));
        page("ready, admin", get("/status", admin));
        post("/off", admin, "confirm=yes");
        page("turning off", get("/status", admin));
        server.advanceClock(Duration.ofMinutes(1));
        page("off, turned off by an admin", get("/status", admin));
        for (String mode : List.of("nightly", "idle", "force")) {
            get("/", employee);
            server.advanceClock(Duration.ofHours(3));
            postDemo(mode);
            server.advanceClock(Duration.ofMinutes(1));
            page("off after " + mode, get("/status", employee));
        }
        page("demo panel", get(DemoPanel.PATH, null));

        page("connect", get("/connect", admin));
        page("connect, other profile", get("/connect?profile=aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee", admin));
        for (String notice : List.of("allow", "block", "remove", "set-sessions", "reset", "unchanged")) {
            page("connect notice " + notice, get("/connect?notice=" + notice + "&normalised="
                    + URLEncoder.encode("10.0.0.1/8>10.0.0.0/8", StandardCharsets.UTF_8), admin));
        }
        page("check", get("/connect/check?ip=192.0.2.1", admin));
        String version = profileVersion();
        String profile = server.emulator().dump().path("connectInstances").path(AwsEmulator.DEMO_CONNECT_INSTANCE_ID)
                .path(0).path("AuthenticationProfileId").asText();
        page("reset confirmation", post("/connect", admin, form(profile, version, "reset")));
        page("lockout question", post("/connect", admin, form(profile, version, "block") + "&entry=127.0.0.1"));
        page("stale 409", post("/connect", admin, form(profile, "2020-01-01T00:00:00Z", "allow") + "&entry=10.0.0.0/8"));
        page("invalid entry", post("/connect", admin, form(profile, version, "allow") + "&entry=10.0.0.0/33"));
        page("employee on /connect", get("/connect", employee));
        page("no such page", get("/no-such-page", employee));
        page("no such Connect page", get("/connect/nope", admin));
        page("cross-site post", http.send(request("/on", employee).header("sec-fetch-site", "cross-site")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()));

        assertThat(pages).hasSizeGreaterThan(25);
        assertThat(englishLeft()).isEmpty();
    }

    @Test
    void everyErrorCode_renderedInJapanese_hasNoEnglishLeft() {
        Map<String, String> left = new LinkedHashMap<>();
        int codes = 0;
        for (Class<?> catalog : MessageCatalogsTest.catalogsInSources()) {
            for (Message m : Catalogs.entries(catalog).values()) {
                if (m instanceof ErrorCode code) {
                    codes++;
                    Object[] args = {"42", "43", "44", "45"};
                    String html = ErrorResponses.render(new SwitchboardException(code, args), false, Lang.JA, "/status").body();
                    List<String> words = englishWords(visibleText(html));
                    if (!words.isEmpty()) {
                        left.put(code.code(), String.join(" ", words));
                    }
                }
            }
        }

        assertThat(codes).isGreaterThan(20);
        assertThat(left).isEmpty();
    }

    // ------------------------------------------------------------------ helpers

    private Map<String, String> englishLeft() {
        Map<String, String> left = new LinkedHashMap<>();
        pages.forEach((name, html) -> {
            List<String> words = englishWords(visibleText(html));
            if (!words.isEmpty()) {
                left.put(name, String.join(" ", words));
            }
        });
        return left;
    }

    static List<String> englishWords(String text) {
        String rest = IDS.matcher(text).replaceAll(" ");
        for (String name : NAMES) {
            rest = rest.replace(name, " ");
        }
        rest = IDENTIFIERS.matcher(rest).replaceAll(" ");
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(rest);
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }

    /** What a person reads: no markup, no style or script, no {@code <pre>} (the demo panel's raw JSON). */
    static String visibleText(String html) {
        return html.replaceAll("(?s)<(script|style|pre|title)[^>]*>.*?</\\1>", " ")
                .replaceAll("<[^>]+>", " ")
                .replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&#34;", "\"")
                .replace("&quot;", "\"").replace("&#39;", "'");
    }

    private void page(String name, HttpResponse<String> response) {
        assertThat(response.headers().firstValue("content-type").orElse("")).as(name).startsWith("text/html");
        assertThat(response.body()).as(name).contains("lang=\"ja\"");
        pages.put(name, response.body());
    }

    private String profileVersion() throws Exception {
        HttpResponse<String> page = get("/connect", signIn(DemoUsers.ADMIN));
        Matcher m = Pattern.compile("name=\"lastModified\" value=\"([^\"]+)\"").matcher(page.body());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static String form(String profile, String version, String op) {
        return "profile=" + URLEncoder.encode(profile, StandardCharsets.UTF_8)
                + "&lastModified=" + URLEncoder.encode(version, StandardCharsets.UTF_8) + "&op=" + op;
    }

    private HttpRequest.Builder request(String path, String cookie) {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.uri().resolve(path))
                .header("accept-language", "ja,en;q=0.5").header("accept", "text/html,application/xhtml+xml");
        if (cookie != null) {
            b.header("cookie", cookie);
        }
        return b;
    }

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        return http.send(request(path, cookie).header("sec-fetch-site", "none").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String cookie, String form) throws Exception {
        return http.send(request(path, cookie).header("sec-fetch-site", "same-origin")
                .header("origin", server.uri().toString()).header("content-type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private void postDemo(String action) throws Exception {
        http.send(HttpRequest.newBuilder(server.uri().resolve(DemoPanel.PATH))
                .header("content-type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("do=" + action)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String signIn(DemoUsers.User user) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(server.uri().resolve(DevServer.SIGN_IN_PATH))
                .header("content-type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("user=" + URLEncoder.encode(user.email(), StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        return response.headers().firstValue("set-cookie").orElseThrow().split(";")[0];
    }
}
