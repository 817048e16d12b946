package dev.switchboard.core.aws;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.switchboard.core.config.Env;
import dev.switchboard.core.log.JsonLog;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.regions.Region;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What a function's priming is made of: a twin of the handler, wired to an SDK client whose HTTP client
 * answers from memory ({@link #cannedHttp}) and to a verifier that knows only the priming identity's
 * key ({@code core.identity.PrimingIdentity}), runs the requests a first visitor sends. It loads, links
 * and runs the same code a first request does (SDK marshalling, SigV4 signing, XML/JSON unmarshalling, token verification, the page) and calls
 * nothing: no AWS API, no key endpoint, no real credentials source. The twin and its client are dropped
 * afterwards, so nothing unique (credentials, connections, keys, random state) stays behind.
 *
 * <p>The twin's client never opens a connection, so {@link #quietly} then warms TLS and HTTP connections and
 * the credentials chain on their own, without leaving the machine or reading a real credential.
 *
 * <p>It runs in two places: in a SnapStart snapshot init ({@link SnapStartPriming}) and in the build's
 * training run that records the application class-data-sharing archive ({@link TrainingRun}).
 */
public final class Priming {

    /** The ALB the priming token names: in an account that cannot exist. */
    public static final String ALB_ARN =
            "arn:aws:elasticloadbalancing:us-east-1:000000000000:loadbalancer/app/switchboard-priming/0000000000000000";
    /** The priming token's e-mail, an administrator in {@link #environment()}. */
    public static final String EMAIL = "priming@switchboard.invalid";

    private static final JsonLog LOG = JsonLog.forClass(Priming.class);
    /**
     * How often priming repeats the twin, the handshakes and the loopback requests: code run once stays
     * interpreted, a few rounds let the compiler take the hot loops (parsing, hashing, the handshake's field
     * arithmetic). About a second more priming; on the shared benchmark machine its gain on the first
     * invocation (tens of milliseconds of CPU at most) did not stand out of the noise.
     */
    private static final int ROUNDS = 3;

    /** Requests as the canned HTTP client sees them: method, path and the (form or JSON) body. */
    public record CannedRequest(String method, String path, String body) {

        /** The EC2 Query action ({@code Action=...} in the form body), or "" for other protocols. */
        public String ec2Action() {
            for (String pair : body.split("&")) {
                if (pair.startsWith("Action=")) {
                    return pair.substring("Action=".length());
                }
            }
            return "";
        }
    }

    private Priming() {
    }

    /** A configuration every function accepts, for twins and the training run; nothing in it is real. */
    public static Env environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("AWS_REGION", "us-east-1");
        env.put("ALB_ARN", ALB_ARN);
        env.put("ALB_PUBLIC_KEY_URL", "https://switchboard.invalid/keys");
        env.put("ADMIN_EMAILS", EMAIL);
        env.put("CLIENT_VPN_ENDPOINT_ID", "cvpn-endpoint-00000000000000000");
        env.put("TARGET_SUBNET_IDS", "subnet-00000000000000001,subnet-00000000000000002");
        env.put("VPN_ROUTES", "10.0.0.0/16=subnet-00000000000000001");
        env.put("CONNECT_INSTANCE_ID", "00000000-0000-4000-8000-000000000000");
        env.put("NIGHTLY_OFF_TIME", "22:00");
        env.put("SCHEDULE_TIMEZONE", "Asia/Tokyo");
        env.put("NOTIFICATION_TOPIC_ARN", "arn:aws:sns:us-east-1:000000000000:switchboard-priming");
        return Env.of(env);
    }

    /** An HTTP client that never opens a connection: every request gets 200 and {@code answers}' body. */
    public static SdkHttpClient cannedHttp(Function<CannedRequest, String> answers) {
        return new SdkHttpClient() {
            @Override
            public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
                return new ExecutableHttpRequest() {
                    @Override
                    public HttpExecuteResponse call() throws IOException {
                        String body = "";
                        if (request.contentStreamProvider().isPresent()) {
                            try (InputStream in = request.contentStreamProvider().get().newStream()) {
                                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                            }
                        }
                        byte[] answer = answers.apply(new CannedRequest(request.httpRequest().method().name(),
                                request.httpRequest().encodedPath(), body)).getBytes(StandardCharsets.UTF_8);
                        return HttpExecuteResponse.builder()
                                .response(SdkHttpResponse.builder().statusCode(200)
                                        .putHeader("x-amzn-RequestId", "00000000-0000-4000-8000-000000000000")
                                        .putHeader("Content-Length", Integer.toString(answer.length))
                                        .build())
                                .responseBody(AbortableInputStream.create(new ByteArrayInputStream(answer)))
                                .build();
                    }

                    @Override
                    public void abort() {
                    }
                };
            }

            @Override
            public void close() {
            }
        };
    }

    /** A service client configured as {@link AwsClients#build} configures it, but over {@code http} with dummy keys. */
    public static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C client(B builder, SdkHttpClient http) {
        return AwsClients.configure(builder, http, Region.US_EAST_1,
                        StaticCredentialsProvider.create(AwsBasicCredentials.create("priming", "priming")))
                .endpointOverride(URI.create("https://priming.switchboard.invalid"))
                .build();
    }

    /** A direct (non-ALB) command event. */
    public static InputStream command(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }

    /** Runs each event through {@code twin} and returns the answers, as Lambda would write them. */
    public static List<String> run(RequestStreamHandler twin, List<InputStream> events) {
        List<String> answers = new ArrayList<>();
        for (InputStream event : events) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                twin.handleRequest(event, out, null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            answers.add(out.toString(StandardCharsets.UTF_8));
        }
        return answers;
    }

    /**
     * Runs {@code twin} {@value #ROUNDS} times with the log silenced (priming requests must not look like real
     * turn-ons in the audit log), restoring the log afterwards, then warms the connections every function's AWS calls go
     * through: TLS ({@link TlsPriming}: in-memory handshakes), the JDK's HTTP connection code ({@link
     * LoopbackPriming}: the SDK's HTTP client over loopback, in this process), the credentials chain ({@link
     * CredentialsPriming}: resolved to throw-away keys) and the JVM's default TLS context (built, with no session
     * in it). A failure is reported once and never thrown: priming is an optimisation and must not fail a
     * deployment.
     */
    public static void quietly(String function, Runnable twin) {
        long start = System.nanoTime();
        Consumer<String> previous = JsonLog.redirect(line -> { });
        RuntimeException failed = null;
        try {
            for (int round = 0; round < ROUNDS; round++) {
                twin.run();
            }
            TlsPriming.run(ROUNDS);
            LoopbackPriming.run(ROUNDS);
            CredentialsPriming.run();
            NoDelayConnections.prime();
        } catch (RuntimeException e) {
            failed = e;
        } finally {
            JsonLog.redirect(previous);
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("function", function);
        fields.put("ms", (System.nanoTime() - start) / 1_000_000);
        if (failed == null) {
            LOG.info("primed", fields);
        } else {
            fields.put("errorType", failed.getClass().getName());
            LOG.warn("priming failed; the first request will be slower", fields);
        }
    }
}
