package dev.switchboard.devserver;

import com.sun.net.httpserver.HttpExchange;
import dev.switchboard.core.http.AlbResponse;
import dev.switchboard.core.http.HtmlPage;
import dev.switchboard.core.http.Lang;
import dev.switchboard.core.json.Json;
import dev.switchboard.core.text.Message;
import dev.switchboard.emulator.AwsEmulator;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * {@code /_dev/}: what happens around the portal in real life, on demand — people connecting with the AWS VPN
 * Client and leaving, EventBridge Scheduler running vpn-auto-off, time passing — so a demo shows the whole
 * product, idle and nightly turn-offs included, without waiting. Never deployed; it drives the emulator, its
 * clock (which the in-process functions share) and the auto-off handler directly.
 */
final class DemoPanel {

    static final String PATH = "/_dev/";
    private static final DateTimeFormatter NOW = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final AwsEmulator emulator;
    private final ZoneId zone;
    private final Function<byte[], String> autoOff;
    private final AtomicInteger connections = new AtomicInteger();
    /** The last action's result, worded when shown (the reader's language may differ from the clicker's). */
    private final AtomicReference<Function<Lang, String>> lastResult = new AtomicReference<>(lang -> "");

    DemoPanel(AwsEmulator emulator, ZoneId zone, Function<byte[], String> autoOff) {
        this.emulator = emulator;
        this.zone = zone;
        this.autoOff = autoOff;
    }

    void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            if ("POST".equals(exchange.getRequestMethod())) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                lastResult.set(act(DevServer.parse(body).getOrDefault("do", "")));
                exchange.getResponseHeaders().set("location", PATH);
                exchange.sendResponseHeaders(303, -1);
                return;
            }
            Lang lang = Lang.fromAcceptLanguage(exchange.getRequestHeaders().getFirst("accept-language"));
            AlbResponse page = HtmlPage.of(lang, DevServerText.PANEL_TITLE.in(lang), body(lang)).render(200);
            byte[] bytes = page.body().getBytes(StandardCharsets.UTF_8);
            page.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** Performs one demo action and returns what to show. */
    Function<Lang, String> act(String action) {
        return switch (action) {
            case "connect" -> {
                int n = connections.incrementAndGet();
                String id = "cvpn-connection-0demo%012d".formatted(n);
                emulator.seedConnection(AwsEmulator.DEMO_ENDPOINT_ID, id, "demo-user-" + n, "172.16.0." + (10 + n % 200));
                yield lang -> DevServerText.CONNECTED.in(lang, id);
            }
            case "disconnect" -> {
                int ended = 0;
                for (int n = 1; n <= connections.get(); n++) {
                    try {
                        emulator.terminateConnection(AwsEmulator.DEMO_ENDPOINT_ID, "cvpn-connection-0demo%012d".formatted(n));
                        ended++;
                    } catch (RuntimeException alreadyGone) {
                        // ended earlier, or cut by a turn-off
                    }
                }
                int count = ended;
                yield lang -> DevServerText.DISCONNECTED.in(lang, count);
            }
            case "advance-10m" -> advance(Duration.ofMinutes(10));
            case "advance-1h" -> advance(Duration.ofHours(1));
            case "idle", "nightly", "force" -> {
                // The summary is the function's own JSON, as EventBridge Scheduler would get it: not translated.
                String summary = pretty(autoOff.apply(("{\"mode\":\"" + action + "\"}").getBytes(StandardCharsets.UTF_8)));
                yield lang -> summary;
            }
            default -> DevServerText.UNKNOWN_ACTION::in;
        };
    }

    private Function<Lang, String> advance(Duration by) {
        emulator.advanceClock(by);
        return lang -> DevServerText.ADVANCED.in(lang, by.toMinutes());
    }

    private String body(Lang lang) {
        Map<String, Message> actions = new LinkedHashMap<>();
        actions.put("connect", DevServerText.ACT_CONNECT);
        actions.put("disconnect", DevServerText.ACT_DISCONNECT);
        actions.put("advance-10m", DevServerText.ACT_ADVANCE_10_MINUTES);
        actions.put("advance-1h", DevServerText.ACT_ADVANCE_1_HOUR);
        actions.put("idle", DevServerText.ACT_IDLE);
        actions.put("nightly", DevServerText.ACT_NIGHTLY);
        actions.put("force", DevServerText.ACT_FORCE);
        StringBuilder html = new StringBuilder("<div class=\"card\"><h1>")
                .append(HtmlPage.text(DevServerText.PANEL_TITLE.in(lang))).append("</h1><p class=\"muted\">")
                .append(HtmlPage.text(DevServerText.PANEL_HELP.in(lang))).append("</p><p id=\"now\">")
                .append(HtmlPage.text(DevServerText.NOW.in(lang, NOW.format(emulator.now().atZone(zone)), zone.getId())))
                .append("</p>");
        actions.forEach((name, label) -> html.append("<form class=\"inline\" method=\"post\" action=\"").append(PATH)
                .append("\"><input type=\"hidden\" name=\"do\" value=\"").append(HtmlPage.attr(name))
                .append("\"><button type=\"submit\" class=\"secondary\">").append(HtmlPage.text(label.in(lang)))
                .append("</button></form>"));
        html.append("<p><a href=\"/status\">").append(HtmlPage.text(DevServerText.LINK_PORTAL.in(lang)))
                .append("</a> · <a href=\"/connect\">").append(HtmlPage.text(DevServerText.LINK_CONNECT.in(lang)))
                .append("</a> · <a href=\"").append(DevServer.SIGN_IN_PATH).append("\">")
                .append(HtmlPage.text(DevServerText.LINK_SIGN_IN.in(lang))).append("</a></p></div>");
        String result = lastResult.get().apply(lang);
        if (!result.isEmpty()) {
            html.append("<div class=\"card\"><h2>").append(HtmlPage.text(DevServerText.LAST_RESULT.in(lang)))
                    .append("</h2><pre><code>").append(HtmlPage.text(result)).append("</code></pre></div>");
        }
        return html.toString();
    }

    /** The auto-off summary, indented so a person can read it. */
    private static String pretty(String json) {
        try {
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(Json.mapper().readTree(json));
        } catch (IOException e) {
            return json;
        }
    }
}
