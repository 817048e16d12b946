package dev.switchboard.devserver;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.sun.net.httpserver.HttpExchange;
import dev.switchboard.core.config.Env;
import dev.switchboard.core.http.HtmlPage;
import dev.switchboard.core.http.Lang;
import dev.switchboard.core.testing.AlbHttpBridge;
import dev.switchboard.core.testing.AlbTokenSigner;
import dev.switchboard.emulator.AwsEmulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.PrintStream;
import java.net.URI;
import java.time.Instant;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Switchboard on one machine: the AWS emulator seeded with a demo endpoint, subnets and a Connect
 * instance; an ALB + Cognito stand-in at http://localhost:8080 that signs {@code x-amzn-oidc-data} exactly
 * as ALB does for the demo user you pick, serves its public key where {@code ALB_PUBLIC_KEY_URL} points,
 * and routes paths to the function handlers in-process as the listener rules do ({@code /connect*} →
 * Connect IP rules, everything else → VPN portal).
 *
 * <pre>
 *   DevServer [--port 8080] [--emulator-port 4566] [--association-delay 30] [--user EMAIL]
 *   DevServer --invoke vpn-portal|vpn-auto-off|connect-ip-rules events/FILE.json [--user EMAIL] [--real-aws]
 * </pre>
 * {@code --invoke} runs one function with an event file, the way {@code sam local invoke -e} does, against
 * the emulator, or with {@code --real-aws} against AWS through the default credentials chain and the
 * process environment (the same variables as the template sets).
 */
public final class DevServer implements AutoCloseable {

    public static final String ALB_ARN =
            "arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:loadbalancer/app/switchboard-dev/0123456789abcdef";
    public static final String CLIENT_ID = "switchboard0dev0client0id";
    public static final String ISSUER = "https://cognito-idp.ap-northeast-1.amazonaws.com/ap-northeast-1_SwitchDev";
    static final String REGION = "ap-northeast-1";
    static final String USER_COOKIE = "switchboard-dev-user";
    static final String KEY_PATH = "/_alb/keys/";
    static final String SIGN_IN_PATH = "/_dev/sign-in";

    private final AwsEmulator emulator;
    private final AlbTokenSigner signer;
    private final AlbHttpBridge bridge;
    private final Map<String, String> environment;

    private DevServer(AwsEmulator emulator, AlbTokenSigner signer, AlbHttpBridge bridge, Map<String, String> environment) {
        this.emulator = emulator;
        this.signer = signer;
        this.bridge = bridge;
        this.environment = environment;
    }

    /**
     * Starts the emulator and the ALB stand-in. {@code defaultUser} signs everyone in as that user.
     * Synchronized: the SDK clients read the emulator's address from system properties while the handlers are
     * built, so two servers starting at once (parallel tests) must not interleave.
     */
    public static synchronized DevServer start(int port, int emulatorPort, Duration associationDelay, String defaultUser) {
        AwsEmulator emulator = AwsEmulator.start(emulatorPort);
        AwsEmulator.seedDemo(emulator);
        emulator.setAssociationDelay(associationDelay);
        emulator.setDisassociationDelay(associationDelay.dividedBy(2));
        pointSdkAt(emulator);
        AlbTokenSigner signer = new AlbTokenSigner(ALB_ARN, CLIENT_ID, ISSUER);
        // The key URL needs the bridge's port, known only once it listens: resolve targets lazily.
        Map<String, RequestStreamHandler> handlers = new java.util.concurrent.ConcurrentHashMap<>();
        Map<String, String> env = new LinkedHashMap<>();
        AlbHttpBridge bridge = AlbHttpBridge.start(port, headers -> tokenFor(signer, headers, defaultUser),
                List.of(new AlbHttpBridge.Target("/connect", in -> invoke(handlers.get("connect-ip-rules"), in)),
                        new AlbHttpBridge.Target("/", in -> invoke(handlers.get("vpn-portal"), in))),
                SIGN_IN_PATH);
        env.putAll(demoEnvironment(bridge.uri() + KEY_PATH.substring(0, KEY_PATH.length() - 1)));
        Env config = Env.of(env);
        // One clock for everything: the functions run on the emulator's, so moving it (the demo panel's
        // "advance") moves association times, connection times, idle minutes and the nightly turn-off together.
        Clock clock = emulator.clock();
        handlers.put("vpn-portal", Functions.portal(config, clock));
        handlers.put("connect-ip-rules", Functions.connect(config, clock));
        DevServer server = new DevServer(emulator, signer, bridge, Map.copyOf(env));
        bridge.serve(KEY_PATH, server::servePublicKey);
        bridge.serve(SIGN_IN_PATH, server::serveSignIn);
        bridge.serve("/_dev/sign-out", server::serveSignOut);
        RequestStreamHandler autoOff = Functions.autoOff(config, clock);
        bridge.serve(DemoPanel.PATH, new DemoPanel(emulator, java.time.ZoneId.of(env.get("SCHEDULE_TIMEZONE")), event -> {
            try {
                return run(autoOff, event);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        })::serve);
        return server;
    }

    /** The configuration contract's variables, as template.yaml sets them, for the demo resources. */
    public static Map<String, String> demoEnvironment(String publicKeyUrl) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("AWS_REGION", REGION);
        env.put("ALB_ARN", ALB_ARN);
        env.put("ALB_CLIENT_ID", CLIENT_ID);
        env.put("ALB_ISSUER", ISSUER);
        env.put("ALB_PUBLIC_KEY_URL", publicKeyUrl);
        env.put("ADMIN_EMAILS", DemoUsers.ADMIN.email());
        env.put("CLIENT_VPN_ENDPOINT_ID", AwsEmulator.DEMO_ENDPOINT_ID);
        env.put("TARGET_SUBNET_IDS", AwsEmulator.DEMO_SUBNET_A + "," + AwsEmulator.DEMO_SUBNET_C);
        env.put("VPN_ROUTES", "10.20.0.0/16=" + AwsEmulator.DEMO_SUBNET_A);
        env.put("IDLE_MINUTES", "10");
        env.put("GRACE_MINUTES", "20");
        env.put("NIGHTLY_OFF_TIME", "22:00");
        env.put("NIGHTLY_IDLE_MINUTES", "5");
        env.put("SCHEDULE_TIMEZONE", "Asia/Tokyo");
        env.put("HOURLY_PRICE_USD", "0.15");
        env.put("CONNECT_INSTANCE_ID", AwsEmulator.DEMO_CONNECT_INSTANCE_ID);
        env.put("NOTIFICATION_TOPIC_ARN", AwsEmulator.DEMO_TOPIC_ARN);
        return env;
    }

    /**
     * Points the real SDK clients at the emulator through the SDK's own settings — the system-property
     * twins of {@code AWS_ENDPOINT_URL_EC2} / {@code AWS_ENDPOINT_URL_CONNECT} — so the functions run
     * exactly the code they run in Lambda, with no switch of ours.
     */
    static void pointSdkAt(AwsEmulator emulator) {
        pointSdkAt(emulator.endpoint());
    }

    static void pointSdkAt(URI endpoint) {
        System.setProperty("aws.endpointUrlEc2", endpoint.toString());
        System.setProperty("aws.endpointUrlConnect", endpoint.toString());
        System.setProperty("aws.endpointUrlSns", endpoint.toString());
        System.setProperty("aws.accessKeyId", "local");
        System.setProperty("aws.secretAccessKey", "local");
        System.setProperty("aws.region", REGION);
    }

    private static Optional<String> tokenFor(AlbTokenSigner signer, Map<String, String> headers, String defaultUser) {
        String email = cookie(headers.getOrDefault("cookie", ""), USER_COOKIE).orElse(defaultUser);
        return Optional.ofNullable(email).flatMap(DemoUsers::byEmail)
                .map(user -> signer.sign(user.sub(), user.email(), user.username()));
    }

    static Optional<String> cookie(String header, String name) {
        for (String part : header.split(";")) {
            String[] kv = part.trim().split("=", 2);
            if (kv.length == 2 && kv[0].equals(name)) {
                return Optional.of(URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }

    static Object invoke(RequestStreamHandler handler, InputStream event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(event, out, null);
            return dev.switchboard.core.json.Json.mapper().readTree(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public AwsEmulator emulator() {
        return emulator;
    }

    /**
     * Moves the one clock the emulator and the in-process functions share: associations complete, connections
     * age, the idle and nightly turn-offs come due, as if that much time had passed.
     */
    public void advanceClock(Duration duration) {
        emulator.advanceClock(duration);
    }

    public java.net.URI uri() {
        return bridge.uri();
    }

    public Map<String, String> environment() {
        return environment;
    }

    @Override
    public void close() {
        bridge.close();
        emulator.close();
    }

    // ------------------------------------------------------------------ the Cognito / ALB side

    private void servePublicKey(HttpExchange exchange) throws IOException {
        servePublicKey(signer, exchange);
    }

    private static void servePublicKey(AlbTokenSigner signer, HttpExchange exchange) throws IOException {
        try (exchange) {
            String kid = exchange.getRequestURI().getPath().substring(KEY_PATH.length());
            if (!kid.equals(signer.kid())) {
                reply(exchange, 404, "text/plain", "no such key");
                return;
            }
            reply(exchange, 200, "text/plain", signer.publicKeyPem());
        }
    }

    private void serveSignIn(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> query = parse(Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse(""));
            String back = safeReturn(query.get("return"));
            if ("POST".equals(exchange.getRequestMethod())) {
                Map<String, String> form = parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                Optional<DemoUsers.User> user = DemoUsers.byEmail(form.getOrDefault("user", ""));
                if (user.isEmpty()) {
                    Lang lang = Lang.fromAcceptLanguage(exchange.getRequestHeaders().getFirst("accept-language"));
                    reply(exchange, 400, "text/plain; charset=utf-8", DevServerText.UNKNOWN_USER.in(lang));
                    return;
                }
                exchange.getResponseHeaders().add("set-cookie", USER_COOKIE + "=" + user.get().email()
                        + "; Path=/; HttpOnly; SameSite=Lax");
                exchange.getResponseHeaders().add("location", safeReturn(form.get("return")));
                exchange.sendResponseHeaders(303, -1);
                return;
            }
            Lang lang = Lang.fromAcceptLanguage(exchange.getRequestHeaders().getFirst("accept-language"));
            StringBuilder body = new StringBuilder("<div class=\"card\"><h1>")
                    .append(HtmlPage.text(DevServerText.SIGN_IN_HEADING.in(lang))).append("</h1><p class=\"muted\">")
                    .append(HtmlPage.text(DevServerText.SIGN_IN_HELP.in(lang))).append("</p>");
            for (DemoUsers.User user : DemoUsers.ALL) {
                body.append("<form class=\"inline\" method=\"post\" action=\"").append(SIGN_IN_PATH).append("\">")
                        .append("<input type=\"hidden\" name=\"user\" value=\"").append(HtmlPage.attr(user.email())).append("\">")
                        .append("<input type=\"hidden\" name=\"return\" value=\"").append(HtmlPage.attr(back)).append("\">")
                        .append("<button type=\"submit\">").append(HtmlPage.text(user.email())).append("</button>")
                        .append("<span class=\"muted\">").append(HtmlPage.text(user.role().in(lang))).append("</span></form>");
            }
            body.append("<p class=\"muted\"><a href=\"").append(DemoPanel.PATH).append("\">")
                    .append(HtmlPage.text(DevServerText.TO_DEMO_PANEL.in(lang))).append("</a></p></div>");
            var page = HtmlPage.of(lang, DevServerText.SIGN_IN_TITLE.in(lang), body.toString()).render(200);
            page.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            reply(exchange, 200, page.headers().get("content-type"), page.body());
        }
    }

    private void serveSignOut(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getResponseHeaders().add("set-cookie", USER_COOKIE + "=; Path=/; Max-Age=0");
            exchange.getResponseHeaders().add("location", SIGN_IN_PATH);
            exchange.sendResponseHeaders(303, -1);
        }
    }

    /** Where signing in leads when there is no (acceptable) return path: the read-only status page. */
    static final String DEFAULT_RETURN = "/status";

    /**
     * Only a path on this server: a sign-in page must not become an open redirect, even a local one. Browsers
     * strip tabs and newlines from a URL and read {@code \\} as {@code /}, so {@code /\t/evil.example} and
     * {@code /\\evil.example} become the scheme-relative {@code //evil.example}: anything but printable ASCII,
     * any backslash, and a second leading slash are refused outright rather than cleaned.
     */
    static String safeReturn(String value) {
        if (value == null || !value.startsWith("/") || value.startsWith("//")) {
            return DEFAULT_RETURN;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= 0x20 || c >= 0x7f || c == '\\') {
                return DEFAULT_RETURN;
            }
        }
        return value;
    }

    /** The fields of a URL-encoded form or query; a repeated field keeps its first value. */
    static Map<String, String> parse(String urlEncoded) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : urlEncoded.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.putIfAbsent(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }

    private static void reply(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("content-type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    // ------------------------------------------------------------------ command line

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        List<String> positional = new java.util.ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--real-aws")) {
                options.put("real-aws", "true");
            } else if (args[i].startsWith("--") && i + 1 < args.length) {
                options.put(args[i].substring(2), args[++i]);
            } else {
                positional.add(args[i]);
            }
        }
        if (options.containsKey("invoke")) {
            System.exit(invokeCommand(options, positional, System.out, System.err));
        }
        int port = Integer.parseInt(options.getOrDefault("port", "8080"));
        int emulatorPort = Integer.parseInt(options.getOrDefault("emulator-port", "4566"));
        Duration delay = Duration.ofSeconds(Long.parseLong(options.getOrDefault("association-delay", "30")));
        DevServer server = start(port, emulatorPort, delay, options.get("user"));
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        System.out.println("""

                Switchboard is running locally (no AWS account needed):
                  portal         %s/              (pick a demo user; %s is an admin)
                  Connect rules  %s/connect       (admins only)
                  Demo controls  %s/_dev/         (connect VPN clients, run the schedules)
                  AWS emulator   %s              (EC2 Client VPN + Connect; control at /_emulator/)
                Associations take %d s here (5-10 minutes on AWS). Ctrl-C stops everything.
                """.formatted(server.uri().toString().replace("127.0.0.1", "localhost"), DemoUsers.ADMIN.email(),
                server.uri().toString().replace("127.0.0.1", "localhost"),
                server.uri().toString().replace("127.0.0.1", "localhost"), server.emulator().endpoint(), delay.toSeconds()));
        Thread.currentThread().join();
    }

    /**
     * Runs one function with one event file, like {@code sam local invoke -e}, and returns its JSON output.
     * Against the emulator, an ALB event's {@code x-amzn-oidc-data} is replaced by a token freshly signed for
     * {@code user} (the placeholder in {@code events/} cannot be valid); with {@code realAws} the event goes
     * as it is, and the configuration comes from the process environment.
     */
    static String invokeOnce(String function, Path eventFile, boolean realAws, String user) throws IOException {
        return invokeOnce(function, eventFile, realAws, user, 4566, System.err);
    }

    /**
     * {@code --invoke}: the function's answer, and only that, goes to {@code out} (so it pipes into {@code jq});
     * its log lines, and which emulator it used, go to {@code err}. Exit status 0, or 2 for a usage error.
     */
    static int invokeCommand(Map<String, String> options, List<String> positional, PrintStream out, PrintStream err)
            throws IOException {
        if (positional.isEmpty()) {
            err.println("usage: --invoke FUNCTION EVENT_FILE [--user EMAIL] [--emulator-port 4566] [--real-aws]");
            return 2;
        }
        PrintStream stdout = System.out;
        System.setOut(err); // the functions log to standard output, as in Lambda: here that is stderr
        try {
            String answer = invokeOnce(options.get("invoke"), Path.of(positional.get(0)), options.containsKey("real-aws"),
                    options.getOrDefault("user", DemoUsers.ADMIN.email()),
                    Integer.parseInt(options.getOrDefault("emulator-port", "4566")), err);
            out.println(answer);
            out.flush();
            return 0;
        } finally {
            System.setOut(stdout);
        }
    }

    /**
     * Like {@link #invokeOnce(String, Path, boolean, String)}; against the emulator of a running local stack
     * ({@code local/run}) when one answers on {@code emulatorPort}, so the invocation sees and changes what the
     * open pages show, on the stack's clock; otherwise against a fresh emulator with the demo data. Says which on
     * {@code err}.
     */
    static String invokeOnce(String function, Path eventFile, boolean realAws, String user, int emulatorPort,
                             PrintStream err) throws IOException {
        byte[] event = Files.readAllBytes(eventFile);
        if (realAws) {
            err.println("--invoke: against AWS (default credentials chain, configuration from the environment)");
            return run(Functions.byName(function, Env.system(), Clock.systemUTC()), event);
        }
        Optional<Instant> runningNow = runningEmulatorNow(emulatorPort);
        if (runningNow.isPresent()) {
            URI endpoint = URI.create("http://127.0.0.1:" + emulatorPort);
            err.println("--invoke: against the running local stack's emulator at " + endpoint);
            Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), runningNow.get()));
            synchronized (DevServer.class) {
                pointSdkAt(endpoint);
            }
            AlbTokenSigner signer = new AlbTokenSigner(ALB_ARN, CLIENT_ID, ISSUER);
            AlbHttpBridge keys = AlbHttpBridge.start(0, headers -> Optional.empty(), List.of());
            try (keys) {
                keys.serve(KEY_PATH, exchange -> servePublicKey(signer, exchange));
                Map<String, String> env = demoEnvironment(keys.uri() + KEY_PATH.substring(0, KEY_PATH.length() - 1));
                return invoke(signer, env, clock, function, event, user);
            }
        }
        try (DevServer server = start(0, 0, Duration.ofSeconds(30), null)) {
            err.println("--invoke: no local stack answers on port " + emulatorPort + "; against a fresh emulator at "
                    + server.emulator().endpoint() + " with the demo data (gone when this command ends)");
            return server.invoke(function, event, user);
        }
    }

    /** The clock of an emulator listening on this port, or empty when nothing answers there. */
    static Optional<Instant> runningEmulatorNow(int port) {
        try {
            java.net.http.HttpResponse<String> state = java.net.http.HttpClient.newBuilder()
                    .connectTimeout(Duration.ofMillis(500)).build()
                    .send(java.net.http.HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/_emulator/state"))
                            .timeout(Duration.ofSeconds(2)).GET().build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            if (state.statusCode() != 200) {
                return Optional.empty();
            }
            return Optional.of(Instant.parse(dev.switchboard.core.json.Json.mapper().readTree(state.body()).path("now").asText()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Runs one function in-process against this server's emulator, signing ALB events for {@code user}. */
    String invoke(String function, byte[] event, String user) throws IOException {
        return invoke(signer, environment, emulator.clock(), function, event, user);
    }

    private static String invoke(AlbTokenSigner signer, Map<String, String> environment, Clock clock, String function,
                                 byte[] event, String user) throws IOException {
        com.fasterxml.jackson.databind.JsonNode parsed = dev.switchboard.core.json.Json.mapper().readTree(event);
        if (parsed != null && parsed.path("requestContext").has("elb") && parsed.path("headers").isObject()) {
            DemoUsers.User who = DemoUsers.byEmail(user)
                    .orElseThrow(() -> new IllegalArgumentException("unknown demo user '" + user + "'"));
            ((com.fasterxml.jackson.databind.node.ObjectNode) parsed.get("headers"))
                    .put("x-amzn-oidc-data", signer.sign(who.sub(), who.email(), who.username()));
            event = dev.switchboard.core.json.Json.write(parsed).getBytes(StandardCharsets.UTF_8);
        }
        return run(Functions.byName(function, Env.of(environment), clock), event);
    }

    private static String run(RequestStreamHandler handler, byte[] event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new java.io.ByteArrayInputStream(event), out, null);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Builds the handlers from a configuration, as Lambda would from the environment. */
    static final class Functions {

        private Functions() {
        }

        static RequestStreamHandler portal(Env env, Clock clock) {
            return new dev.switchboard.vpn.portal.VpnPortalHandler(env, clock);
        }

        static RequestStreamHandler autoOff(Env env, Clock clock) {
            return new dev.switchboard.vpn.autooff.VpnAutoOffHandler(env, clock);
        }

        /** Connect keeps no time of its own: the profile's lastModified comes from Connect (the emulator). */
        static RequestStreamHandler connect(Env env, Clock clock) {
            return new dev.switchboard.connect.rules.ConnectIpRulesHandler(env);
        }

        /** The chat notifier publishes to the emulator's demo topic (GET /_emulator/state shows what it sent). */
        static RequestStreamHandler notifier(Env env, Clock clock) {
            return new dev.switchboard.notify.NotifierHandler(env);
        }

        static RequestStreamHandler byName(String name, Env env, Clock clock) {
            Map<String, java.util.function.BiFunction<Env, Clock, RequestStreamHandler>> all = Map.of(
                    "vpn-portal", Functions::portal, "vpn-auto-off", Functions::autoOff,
                    "connect-ip-rules", Functions::connect, "notifier", Functions::notifier);
            java.util.function.BiFunction<Env, Clock, RequestStreamHandler> factory = all.get(name);
            if (factory == null) {
                throw new IllegalArgumentException("unknown function '" + name + "'; one of " + new java.util.TreeSet<>(all.keySet()));
            }
            return factory.apply(env, clock);
        }
    }
}
