package dev.switchboard.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.switchboard.emulator.EmulatorState.Association;
import dev.switchboard.emulator.EmulatorState.Connection;
import dev.switchboard.emulator.EmulatorState.Endpoint;
import dev.switchboard.emulator.EmulatorState.Profile;
import dev.switchboard.emulator.EmulatorState.Route;
import dev.switchboard.emulator.EmulatorState.Subnet;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLContext;

/**
 * A local, stateful stand-in for the EC2 Client VPN API (EC2 Query/XML), the Amazon Connect
 * authentication-profile API (REST/JSON) and SNS Publish (SNS Query/XML), on one HTTP port. Point the AWS SDK at
 * {@link #endpoint()} ({@code endpointOverride}, or {@code AWS_ENDPOINT_URL_EC2} / {@code AWS_ENDPOINT_URL_CONNECT}
 * / {@code AWS_ENDPOINT_URL_SNS}).
 *
 * <p>Requests are told apart by shape: {@code POST /} (form with {@code Action}) is EC2, or SNS when it carries
 * SNS's {@code Version=2010-03-31} or is signed for {@code sns}; the {@code /authentication-profiles...} paths are
 * Connect, {@code /_emulator/...} is the JSON control surface.
 * Service calls must carry a SigV4 {@code Authorization} header; the signature itself is not checked.
 */
public final class AwsEmulator implements AutoCloseable {

    public static final String DEMO_ENDPOINT_ID = "cvpn-endpoint-0123456789abcdef0";
    public static final String DEMO_VPC_ID = "vpc-0a1b2c3d4e5f60718";
    public static final String DEMO_SUBNET_A = "subnet-0aaa1111bbbb2222c";
    public static final String DEMO_SUBNET_C = "subnet-0ddd3333eeee4444f";
    public static final String DEMO_CONNECT_INSTANCE_ID = "11111111-2222-3333-4444-555555555555";
    public static final String DEMO_TOPIC_ARN = "arn:aws:sns:ap-northeast-1:123456789012:switchboard-notifications";

    private static final Pattern CREDENTIAL_REGION = Pattern.compile("Credential=[^/]+/\\d{8}/([a-z0-9-]+)/");
    private static final Pattern CREDENTIAL_SERVICE = Pattern.compile("Credential=[^/]+/\\d{8}/[a-z0-9-]+/([a-z0-9-]+)/");

    /** When the current thread began writing its answer; read by the call log. */
    private static final ThreadLocal<Long> ANSWERED = ThreadLocal.withInitial(System::nanoTime);

    private final HttpServer server;
    private final ExecutorService executor;
    private final EmulatorState state = new EmulatorState();
    private final Ec2Api ec2 = new Ec2Api(state);
    private final ConnectApi connect = new ConnectApi(state);
    private final SnsApi sns = new SnsApi(state);

    static {
        // The JDK server writes a response's headers and body separately; with Nagle on, the body waits for
        // the client's delayed ACK (~40 ms on Linux): measured, every SDK call after a connection's first took
        // 48 ms instead of 3-5. Real AWS endpoints answer at once, so the emulator must too. The property is
        // read once, when the JDK's server classes initialise: the build sets it for tests as well, in case
        // another HttpServer started first.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private AwsEmulator(InetSocketAddress address, SSLContext tls) throws IOException {
        if (tls == null) {
            server = HttpServer.create(address, 128);
        } else {
            HttpsServer https = HttpsServer.create(address, 128);
            https.setHttpsConfigurator(new HttpsConfigurator(tls));
            server = https;
        }
        AtomicInteger n = new AtomicInteger();
        executor = Executors.newFixedThreadPool(32, r -> {
            Thread t = new Thread(r, "aws-emulator-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::serve);
        server.start();
    }

    /** Starts on 127.0.0.1; port 0 picks a free port. */
    public static AwsEmulator start(int port) {
        return start(InetAddress.getLoopbackAddress().getHostAddress(), port);
    }

    /** Starts on the given address (e.g. "0.0.0.0" inside a container); port 0 picks a free port. */
    public static AwsEmulator start(String bindAddress, int port) {
        return start(bindAddress, port, null);
    }

    /**
     * Starts serving HTTPS with the given TLS context (e.g. for benchmarks that must include the TLS
     * handshake a real cold start pays); {@code null} serves plain HTTP.
     */
    public static AwsEmulator start(String bindAddress, int port, SSLContext tls) {
        try {
            return new AwsEmulator(new InetSocketAddress(bindAddress, port), tls);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the AWS emulator on " + bindAddress + ":" + port, e);
        }
    }

    /** A TLS context from a PKCS#12 key store (made with {@code keytool -genkeypair ... -storetype PKCS12}). */
    public static SSLContext tlsFromKeyStore(java.nio.file.Path keyStore, char[] password) {
        try (InputStream in = java.nio.file.Files.newInputStream(keyStore)) {
            java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
            store.load(in, password);
            javax.net.ssl.KeyManagerFactory keys = javax.net.ssl.KeyManagerFactory.getInstance(
                    javax.net.ssl.KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the TLS key store " + keyStore, e);
        }
    }

    /** The base URL, e.g. {@code http://127.0.0.1:4566}. */
    public URI endpoint() {
        InetSocketAddress a = server.getAddress();
        String host = a.getAddress().isAnyLocalAddress() ? "127.0.0.1" : a.getAddress().getHostAddress();
        return URI.create((server instanceof HttpsServer ? "https://" : "http://") + host + ":" + a.getPort());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public EmulatorState state() {
        return state;
    }

    // ------------------------------------------------------------------ Java control API (delegates)

    public void seedClientVpnEndpoint(String endpointId, String vpcId) {
        state.seedClientVpnEndpoint(endpointId, vpcId);
    }

    public void seedClientVpnEndpoint(String endpointId, String vpcId, String description, String clientCidrBlock) {
        state.seedClientVpnEndpoint(endpointId, vpcId, description, clientCidrBlock);
    }

    public void seedSubnet(String subnetId, String vpcId, String availabilityZone) {
        state.seedSubnet(subnetId, vpcId, availabilityZone);
    }

    public void seedConnection(String endpointId, String connectionId, String username, String clientIp) {
        state.seedConnection(endpointId, connectionId, username, clientIp);
    }

    public void terminateConnection(String endpointId, String connectionId) {
        state.terminateConnection(endpointId, connectionId);
    }

    /** Returns the id of the instance's default authentication profile ("Default"). */
    public String seedConnectInstance(String instanceId) {
        return state.seedConnectInstance(instanceId);
    }

    public void seedAuthenticationProfile(String instanceId, String profileId, String name, boolean isDefault) {
        state.seedAuthenticationProfile(instanceId, profileId, name, isDefault);
    }

    public Instant now() {
        return state.now();
    }

    public void advanceClock(Duration d) {
        state.advanceClock(d);
    }

    public Clock clock() {
        return state.clock;
    }

    /** Stops the clock at {@code at}; from then on only {@link #advanceClock} moves it. */
    public void freezeClockAt(Instant at) {
        state.freezeClockAt(at);
    }

    /** When a connection ended; empty while it is active. */
    public java.util.Optional<Instant> connectionEnd(String endpointId, String connectionId) {
        return state.connectionEnd(endpointId, connectionId);
    }

    /** Associations a client can connect through now. */
    public int associatedCount(String endpointId) {
        return state.associatedCount(endpointId);
    }

    /** When the next association in progress completes; empty when none is in progress. */
    public java.util.Optional<Instant> nextAssociationChange(String endpointId) {
        return state.nextAssociationChange(endpointId);
    }

    /** Associations billed now (associating, associated or disassociating). */
    public int occupiedCount(String endpointId) {
        return state.occupiedCount(endpointId);
    }

    public void setAssociationDelay(Duration d) {
        state.setAssociationDelay(d);
    }

    public void setDisassociationDelay(Duration d) {
        state.setDisassociationDelay(d);
    }

    public void setRouteDelay(Duration d) {
        state.setRouteDelay(d);
    }

    public void failNextAssociation(String subnetId) {
        state.failNextAssociation(subnetId);
    }

    public void injectFault(Fault fault) {
        state.injectFault(fault);
    }

    public int callCount(String action) {
        return state.callCount(action);
    }

    public List<String> calls() {
        return state.calls();
    }

    /** Every answered service call with its timing; see {@link ServiceCall#sequentialRoundTrips}. */
    public List<ServiceCall> callLog() {
        return state.callLog();
    }

    /**
     * Delays every service call's answer by {@code d} (on top of any fault), so that calls a caller makes one
     * after another add up as they do over a real network, and calls it makes in parallel overlap.
     */
    public void setLatency(Duration d) {
        state.setLatency(d);
    }

    /** Caps every EC2 describe page at {@code n} items, as EC2 may (see {@link EmulatorState#setPageLimit}). */
    public void setPageLimit(int n) {
        state.setPageLimit(n);
    }

    /** Association subnet-time billed so far; see {@link EmulatorState#billedAssociationTime}. */
    public Duration billedAssociationTime(String endpointId) {
        return state.billedAssociationTime(endpointId);
    }

    /** Creates an SNS topic that Publish accepts. */
    public void seedTopic(String topicArn) {
        state.seedTopic(topicArn);
    }

    /** What was published to the topic, oldest first. */
    public List<EmulatorState.Published> published(String topicArn) {
        return state.published(topicArn);
    }

    public void reset() {
        state.reset();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The demo data the dev server and {@link #main} use. */
    public static void seedDemo(AwsEmulator emu) {
        emu.seedClientVpnEndpoint(DEMO_ENDPOINT_ID, DEMO_VPC_ID, "Switchboard demo Client VPN", "172.16.0.0/22");
        emu.seedSubnet(DEMO_SUBNET_A, DEMO_VPC_ID, "ap-northeast-1a");
        emu.seedSubnet(DEMO_SUBNET_C, DEMO_VPC_ID, "ap-northeast-1c");
        emu.seedConnectInstance(DEMO_CONNECT_INSTANCE_ID);
        emu.seedTopic(DEMO_TOPIC_ARN);
    }

    /**
     * {@code java dev.switchboard.emulator.AwsEmulator [port [bindAddress]]}: default 4566 on 127.0.0.1.
     * With {@code EMULATOR_TLS_KEYSTORE} (PKCS#12) and {@code EMULATOR_TLS_PASSWORD} set, it serves HTTPS.
     */
    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 4566;
        String bind = args.length > 1 ? args[1] : InetAddress.getLoopbackAddress().getHostAddress();
        String keyStore = System.getenv("EMULATOR_TLS_KEYSTORE");
        SSLContext tls = keyStore == null || keyStore.isBlank() ? null : tlsFromKeyStore(java.nio.file.Path.of(keyStore),
                System.getenv().getOrDefault("EMULATOR_TLS_PASSWORD", "").toCharArray());
        AwsEmulator emu = start(bind, port, tls);
        seedDemo(emu);
        System.out.println("AWS emulator listening on " + emu.endpoint() + " (EC2 + Connect + SNS; control at /_emulator/)");
        Runtime.getRuntime().addShutdownHook(new Thread(emu::close));
        Thread.currentThread().join();
    }

    // ------------------------------------------------------------------ HTTP

    private void serve(HttpExchange ex) throws IOException {
        try (ex) {
            String method = ex.getRequestMethod().toUpperCase(Locale.ROOT);
            String path = ex.getRequestURI().getRawPath();
            byte[] body = readAll(ex.getRequestBody());
            if (path.startsWith("/_emulator/")) {
                control(ex, method, path.substring("/_emulator".length()), body);
            } else if (ConnectApi.looksLikeConnect(path)) {
                serveConnect(ex, method, path, body);
            } else {
                serveQuery(ex, method, body);
            }
        } catch (RuntimeException e) {
            try {
                send(ex, 500, "text/plain", ("emulator failure: " + e).getBytes(StandardCharsets.UTF_8), null);
            } catch (IOException ignored) {
                // client went away
            }
        }
    }

    private static boolean signed(HttpExchange ex) {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        return auth != null && auth.startsWith("AWS4-HMAC-SHA256");
    }

    /** The service a SigV4 request was signed for ({@code ec2}, {@code sns}...), or null. */
    private static String signingService(HttpExchange ex) {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        if (auth != null) {
            Matcher m = CREDENTIAL_SERVICE.matcher(auth);
            if (m.find()) {
                return m.group(1);
            }
        }
        return null;
    }

    private static String callerRegion(HttpExchange ex) {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        if (auth != null) {
            Matcher m = CREDENTIAL_REGION.matcher(auth);
            if (m.find()) {
                return m.group(1);
            }
        }
        return null;
    }

    /**
     * How one AWS Query-protocol service (EC2, SNS: form-encoded {@code Action=...}, XML answers) words what the
     * emulator answers for it: its content type, the status of an unsigned call, the errors its injected faults
     * become, and its error document.
     */
    private record QueryService(String name, String contentType, int unsignedStatus, AwsError throttled,
                                AwsError internal, AwsError unavailable, Function<AwsError, String> errorXml,
                                BiFunction<String, Map<String, String>, String> handler) {
    }

    private final QueryService ec2Service = new QueryService("ec2", "text/xml;charset=UTF-8", 401,
            new AwsError(503, "RequestLimitExceeded", "Request limit exceeded."),
            new AwsError(500, "InternalError",
                    "An internal error has occurred. Retry your request, but if the problem persists, contact us."),
            new AwsError(503, "Unavailable", "The server is overloaded and can't handle the request."),
            e -> Ec2Api.errorXml(e.code, e.getMessage()), ec2::handle);

    private final QueryService snsService = new QueryService("sns", "text/xml", 403,
            new AwsError(429, "Throttled", "Rate exceeded"),
            new AwsError(500, "InternalError", "Internal Error"),
            new AwsError(503, "ServiceUnavailable", "Service Unavailable"),
            SnsApi::errorXml, sns::handle);

    private void serveQuery(HttpExchange ex, String method, byte[] body) throws IOException {
        Map<String, String> params = new LinkedHashMap<>(parseForm(ex.getRequestURI().getRawQuery()));
        if (method.equals("POST")) {
            params.putAll(parseForm(new String(body, StandardCharsets.UTF_8)));
        }
        String action = params.get("Action");
        QueryService service = SnsApi.isSns(params, signingService(ex)) ? snsService : ec2Service;
        if (action == null || action.isEmpty()) {
            sendQueryError(ex, service, new AwsError(400, "MissingAction", "The request must contain the parameter Action"));
            return;
        }
        if (!signed(ex)) {
            sendQueryError(ex, service, new AwsError(service.unsignedStatus(), "MissingAuthenticationToken",
                    "The request must contain either a valid (registered) AWS access key ID or X.509 certificate."));
            return;
        }
        long received = System.nanoTime();
        ANSWERED.set(received);
        try {
            answerQuery(ex, service, action, params, state.recordCall(service.name(), action, params));
        } finally {
            state.callAnswered(service.name(), action, received, ANSWERED.get());
        }
    }

    private void answerQuery(HttpExchange ex, QueryService service, String action, Map<String, String> params,
                             Fault fault) throws IOException {
        sleep(state.latency());
        if (fault != null) {
            switch (fault.kind()) {
                case THROTTLE -> {
                    sendQueryError(ex, service, service.throttled());
                    return;
                }
                case HTTP_500 -> {
                    sendQueryError(ex, service, service.internal());
                    return;
                }
                case HTTP_503 -> {
                    sendQueryError(ex, service, service.unavailable());
                    return;
                }
                case SLOW -> sleep(fault.delay());
            }
        }
        try {
            String xml = service.handler().apply(action, params);
            send(ex, 200, service.contentType(), xml.getBytes(StandardCharsets.UTF_8), null);
        } catch (AwsError e) {
            sendQueryError(ex, service, e);
        }
    }

    private static void sendQueryError(HttpExchange ex, QueryService service, AwsError e) throws IOException {
        send(ex, e.status, service.contentType(), service.errorXml().apply(e).getBytes(StandardCharsets.UTF_8), null);
    }

    private void serveConnect(HttpExchange ex, String method, String path, byte[] body) throws IOException {
        String op = ConnectApi.operation(method, path);
        if (op == null) {
            sendConnect(ex, ConnectApi.error(404, "UnknownOperationException", "No operation for " + method + " " + path));
            return;
        }
        if (!signed(ex)) {
            sendConnect(ex, ConnectApi.error(403, "MissingAuthenticationTokenException", "Missing Authentication Token"));
            return;
        }
        long received = System.nanoTime();
        ANSWERED.set(received);
        try {
            answerConnect(ex, method, path, body, op, state.recordCall("connect", op, Map.of()));
        } finally {
            state.callAnswered("connect", op, received, ANSWERED.get());
        }
    }

    private void answerConnect(HttpExchange ex, String method, String path, byte[] body, String op, Fault fault)
            throws IOException {
        sleep(state.latency());
        if (fault != null) {
            switch (fault.kind()) {
                case THROTTLE -> {
                    sendConnect(ex, ConnectApi.error(429, "ThrottlingException", "Rate exceeded"));
                    return;
                }
                case HTTP_500 -> {
                    sendConnect(ex, ConnectApi.error(500, "InternalServiceException", "Internal service error"));
                    return;
                }
                case HTTP_503 -> {
                    sendConnect(ex, ConnectApi.error(503, "ServiceUnavailableException", "Service unavailable"));
                    return;
                }
                case SLOW -> sleep(fault.delay());
            }
        }
        sendConnect(ex, connect.handle(op, path, parseForm(ex.getRequestURI().getRawQuery()), body, callerRegion(ex)));
    }

    private static void sendConnect(HttpExchange ex, ConnectApi.Reply r) throws IOException {
        send(ex, r.status(), "application/json", r.body().getBytes(StandardCharsets.UTF_8), r.errorType());
    }

    private static void send(HttpExchange ex, int status, String contentType, byte[] body, String errorType) throws IOException {
        // Stamped before the first byte goes out: the caller cannot have its answer (and send its next call) earlier.
        ANSWERED.set(System.nanoTime());
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.getResponseHeaders().set("x-amzn-RequestId", java.util.UUID.randomUUID().toString());
        if (errorType != null) {
            ex.getResponseHeaders().set("x-amzn-ErrorType", errorType);
        }
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static void sleep(Duration d) {
        if (d.isZero()) {
            return;
        }
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }

    static Map<String, String> parseForm(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            out.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return out;
    }

    // ------------------------------------------------------------------ control surface (/_emulator/...)

    private void control(HttpExchange ex, String method, String path, byte[] body) throws IOException {
        ObjectNode out = ConnectApi.JSON.createObjectNode();
        try {
            JsonNode in = body.length == 0 ? ConnectApi.JSON.createObjectNode() : ConnectApi.JSON.readTree(body);
            switch (method + " " + path) {
                case "POST /seed/endpoint" -> state.seedClientVpnEndpoint(req(in, "endpointId"), req(in, "vpcId"),
                        opt(in, "description", "Switchboard Client VPN"), opt(in, "clientCidrBlock", "172.16.0.0/22"));
                case "POST /seed/subnet" -> state.seedSubnet(req(in, "subnetId"), req(in, "vpcId"), req(in, "availabilityZone"));
                case "POST /seed/connection" -> state.seedConnection(req(in, "endpointId"), req(in, "connectionId"),
                        req(in, "username"), opt(in, "clientIp", "203.0.113.10"));
                case "POST /connection/terminate" -> state.terminateConnection(req(in, "endpointId"), req(in, "connectionId"));
                case "POST /seed/connect-instance" -> out.put("defaultProfileId", state.seedConnectInstance(req(in, "instanceId")));
                case "POST /seed/profile" -> state.seedAuthenticationProfile(req(in, "instanceId"), req(in, "profileId"),
                        req(in, "name"), in.path("isDefault").asBoolean(false));
                case "POST /seed/demo" -> seedDemo(this);
                case "POST /seed/topic" -> state.seedTopic(req(in, "topicArn"));
                case "POST /clock/advance" -> state.advanceClock(Duration.ofMillis(Math.round(in.path("seconds").asDouble() * 1000)));
                case "POST /settings" -> {
                    if (in.has("associationDelaySeconds")) {
                        state.setAssociationDelay(Duration.ofSeconds(in.get("associationDelaySeconds").asLong()));
                    }
                    if (in.has("disassociationDelaySeconds")) {
                        state.setDisassociationDelay(Duration.ofSeconds(in.get("disassociationDelaySeconds").asLong()));
                    }
                    if (in.has("routeDelaySeconds")) {
                        state.setRouteDelay(Duration.ofSeconds(in.get("routeDelaySeconds").asLong()));
                    }
                    if (in.has("latencyMillis")) {
                        state.setLatency(Duration.ofMillis(in.get("latencyMillis").asLong()));
                    }
                    if (in.has("pageLimit")) {
                        state.setPageLimit(in.get("pageLimit").asInt());
                    }
                }
                case "POST /fail-next-association" -> state.failNextAssociation(req(in, "subnetId"));
                case "POST /faults" -> {
                    Duration delay = in.has("delayMillis") ? Duration.ofMillis(in.get("delayMillis").asLong())
                            : in.has("delaySeconds") ? Duration.ofMillis(Math.round(in.get("delaySeconds").asDouble() * 1000)) : null;
                    state.injectFault(new Fault(opt(in, "service", "any"),
                            Fault.Kind.valueOf(req(in, "kind").toUpperCase(Locale.ROOT)),
                            in.path("count").asInt(1), delay, opt(in, "action", null)));
                }
                case "POST /reset" -> state.reset();
                case "GET /state" -> out = dump();
                case "GET /calls" -> {
                    ArrayNode a = out.putArray("calls");
                    state.calls().forEach(a::add);
                    // ?from=N: only the calls after the first N (what a benchmark's set-up did is not its path's).
                    String from = parseForm(ex.getRequestURI().getRawQuery()).getOrDefault("from", "0");
                    List<ServiceCall> all = state.callLog();
                    List<ServiceCall> log = all.subList(Math.min(all.size(), Integer.parseInt(from)), all.size());
                    long origin = log.isEmpty() ? 0 : log.get(0).receivedNanos();
                    ArrayNode timed = out.putArray("timed");
                    log.forEach(c -> timed.addObject().put("service", c.service()).put("action", c.action())
                            .put("receivedMs", (c.receivedNanos() - origin) / 1e6)
                            .put("answeredMs", (c.answeredNanos() - origin) / 1e6));
                    out.put("sequentialRoundTrips", ServiceCall.sequentialRoundTrips(log));
                }
                default -> {
                    out.put("error", "unknown control path " + method + " /_emulator" + path);
                    send(ex, 404, "application/json", out.toString().getBytes(StandardCharsets.UTF_8), null);
                    return;
                }
            }
            if (!out.has("ok") && !path.equals("/state")) {
                out.put("ok", true);
            }
            send(ex, 200, "application/json", out.toString().getBytes(StandardCharsets.UTF_8), null);
        } catch (IOException | IllegalArgumentException e) {
            ObjectNode err = ConnectApi.JSON.createObjectNode();
            err.put("error", String.valueOf(e.getMessage()));
            send(ex, 400, "application/json", err.toString().getBytes(StandardCharsets.UTF_8), null);
        }
    }

    private static String req(JsonNode in, String field) {
        JsonNode v = in.get(field);
        if (v == null || v.isNull() || v.asText().isEmpty()) {
            throw new IllegalArgumentException("missing field " + field);
        }
        return v.asText();
    }

    private static String opt(JsonNode in, String field, String dflt) {
        JsonNode v = in.get(field);
        return v == null || v.isNull() ? dflt : v.asText();
    }

    /** The whole state as JSON, for {@code GET /_emulator/state}. */
    public ObjectNode dump() {
        ObjectNode root = ConnectApi.JSON.createObjectNode();
        synchronized (state) {
            state.tick();
            root.put("now", state.now().toString());
            root.put("associationDelaySeconds", state.associationDelay.toMillis() / 1000.0);
            root.put("disassociationDelaySeconds", state.disassociationDelay.toMillis() / 1000.0);
            root.put("latencyMillis", state.latency.toMillis());
            root.put("pageLimit", state.pageLimit);
            ArrayNode eps = root.putArray("endpoints");
            for (Endpoint e : state.endpoints.values()) {
                ObjectNode n = eps.addObject();
                n.put("clientVpnEndpointId", e.id);
                n.put("vpcId", e.vpcId);
                n.put("status", e.status());
                ObjectNode tags = n.putObject("tags");
                e.tags.forEach(tags::put);
                ArrayNode as = n.putArray("associations");
                for (Association a : e.associations) {
                    ObjectNode an = as.addObject();
                    an.put("associationId", a.id);
                    an.put("subnetId", a.subnetId);
                    an.put("availabilityZone", a.availabilityZone);
                    an.put("status", a.status);
                    an.put("dueAt", a.dueAt == null ? null : a.dueAt.toString());
                }
                ArrayNode rs = n.putArray("routes");
                for (Route r : e.routes) {
                    ObjectNode rn = rs.addObject();
                    rn.put("destinationCidr", r.destinationCidr);
                    rn.put("targetSubnet", r.targetSubnet);
                    rn.put("origin", r.origin);
                    rn.put("status", r.status);
                }
                ArrayNode cs = n.putArray("connections");
                for (Connection c : e.connections) {
                    ObjectNode cn = cs.addObject();
                    cn.put("connectionId", c.connectionId);
                    cn.put("username", c.username);
                    cn.put("clientIp", c.clientIp);
                    cn.put("status", c.ended == null ? "active" : "terminated");
                    cn.put("established", c.established.toString());
                    cn.put("ended", c.ended == null ? null : c.ended.toString());
                }
            }
            ArrayNode sns = root.putArray("subnets");
            for (Subnet s : state.subnets.values()) {
                sns.addObject().put("subnetId", s.id).put("vpcId", s.vpcId).put("availabilityZone", s.availabilityZone);
            }
            ObjectNode inst = root.putObject("connectInstances");
            for (Map.Entry<String, Map<String, Profile>> i : state.instances.entrySet()) {
                ArrayNode ps = inst.putArray(i.getKey());
                i.getValue().values().forEach(p -> ps.add(connect.toJson(p)));
            }
            ObjectNode topics = root.putObject("topics");
            state.topics.forEach((arn, messages) -> {
                ArrayNode ms = topics.putArray(arn);
                messages.forEach(m -> ms.addObject().put("messageId", m.messageId()).put("subject", m.subject())
                        .put("message", m.message()));
            });
            ArrayNode fs = root.putArray("faults");
            state.faults.forEach(f -> fs.addObject().put("service", f.fault.service()).put("kind", f.fault.kind().name())
                    .put("remaining", f.remaining).put("action", f.fault.action()));
            root.put("callCount", state.calls.size());
        }
        return root;
    }
}
