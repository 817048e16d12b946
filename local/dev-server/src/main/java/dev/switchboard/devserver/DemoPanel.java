package dev.switchboard.devserver;

import com.sun.net.httpserver.HttpExchange;
import dev.switchboard.core.http.AlbResponse;
import dev.switchboard.core.http.HtmlPage;
import dev.switchboard.core.http.Lang;
import dev.switchboard.core.json.Json;
import dev.switchboard.emulator.AwsEmulator;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * {@code /_dev/}: what happens around the portal in real life, on demand — people connecting with the AWS VPN
 * Client and leaving, and EventBridge Scheduler running vpn-auto-off — so a demo shows the whole product.
 * Never deployed; it drives the emulator and the auto-off handler directly.
 */
final class DemoPanel {

    static final String PATH = "/_dev/";

    private final AwsEmulator emulator;
    private final Function<byte[], String> autoOff;
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicReference<String> lastResult = new AtomicReference<>("");

    DemoPanel(AwsEmulator emulator, Function<byte[], String> autoOff) {
        this.emulator = emulator;
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
            AlbResponse page = HtmlPage.of(Lang.EN, "Demo controls", body()).render(200);
            byte[] bytes = page.body().getBytes(StandardCharsets.UTF_8);
            page.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** Performs one demo action and returns what to show. */
    String act(String action) {
        return switch (action) {
            case "connect" -> {
                int n = connections.incrementAndGet();
                String id = "cvpn-connection-0demo%012d".formatted(n);
                emulator.seedConnection(AwsEmulator.DEMO_ENDPOINT_ID, id, "demo-user-" + n, "172.16.0." + (10 + n % 200));
                yield "A VPN client connected (" + id + ").";
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
                yield ended + " connection(s) ended.";
            }
            case "idle" -> pretty(autoOff.apply("{\"command\":\"idle\"}".getBytes(StandardCharsets.UTF_8)));
            case "nightly" -> pretty(autoOff.apply("{\"command\":\"nightly\"}".getBytes(StandardCharsets.UTF_8)));
            case "force" -> pretty(autoOff.apply("{\"command\":\"force\"}".getBytes(StandardCharsets.UTF_8)));
            default -> "Unknown action.";
        };
    }

    private String body() {
        Map<String, String> actions = new LinkedHashMap<>();
        actions.put("connect", "Connect a VPN client");
        actions.put("disconnect", "Disconnect every demo client");
        actions.put("idle", "Run the idle check (every few minutes on AWS)");
        actions.put("nightly", "Run the nightly turn-off now");
        actions.put("force", "Force it off now (the deadline)");
        StringBuilder html = new StringBuilder("<div class=\"card\"><h1>Demo controls</h1><p class=\"muted\">")
                .append(HtmlPage.text("What the AWS VPN Client and EventBridge Scheduler do around the portal. "
                        + "Open the portal in another tab to watch."))
                .append("</p>");
        actions.forEach((name, label) -> html.append("<form class=\"inline\" method=\"post\" action=\"").append(PATH)
                .append("\"><input type=\"hidden\" name=\"do\" value=\"").append(HtmlPage.attr(name))
                .append("\"><button type=\"submit\" class=\"secondary\">").append(HtmlPage.text(label))
                .append("</button></form>"));
        html.append("<p><a href=\"/status\">Portal</a> · <a href=\"/connect\">Connect rules</a> · <a href=\"")
                .append(DevServer.SIGN_IN_PATH).append("\">Sign in as someone else</a></p></div>");
        String result = lastResult.get();
        if (!result.isEmpty()) {
            html.append("<div class=\"card\"><h2>Last result</h2><pre><code>").append(HtmlPage.text(result))
                    .append("</code></pre></div>");
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
