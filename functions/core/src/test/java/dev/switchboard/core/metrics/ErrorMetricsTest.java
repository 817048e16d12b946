package dev.switchboard.core.metrics;

import dev.switchboard.core.config.IdentityConfig;
import dev.switchboard.core.http.SwitchboardException;
import dev.switchboard.core.identity.AdminEmails;
import dev.switchboard.core.identity.AlbIdentityVerifier;
import dev.switchboard.core.identity.HttpAlbPublicKeys;
import dev.switchboard.core.log.JsonLog;
import dev.switchboard.core.testing.AlbTokenSigner;
import dev.switchboard.core.testing.EmfDocuments;
import dev.switchboard.core.testing.PublicKeyServer;
import dev.switchboard.core.text.ErrorCode;
import dev.switchboard.core.text.Problem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Tokens refused by the real verifier (signed as ALB signs them), and the kind each one is counted under. */
class ErrorMetricsTest {

    private static final Clock CLOCK = Clock.fixed(MetricsTest.NOW, ZoneOffset.UTC);
    private static final String OTHER_ARN =
            "arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:loadbalancer/app/other-app/fedcba9876543210";

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private Consumer<String> previous;
    private AlbTokenSigner signer;
    private PublicKeyServer keys;

    @BeforeEach
    void setUp() {
        previous = JsonLog.redirect(lines::add);
        Metrics.configureForTests(CLOCK, "Switchboard/test-stack");
        signer = new AlbTokenSigner(AlbTokenSigner.DEFAULT_ALB_ARN, AlbTokenSigner.DEFAULT_CLIENT_ID,
                AlbTokenSigner.DEFAULT_ISSUER, CLOCK);
        keys = PublicKeyServer.serving(signer);
    }

    @AfterEach
    void tearDown() {
        keys.close();
        JsonLog.redirect(previous);
        Metrics.configureForTests(Clock.systemUTC(), Metrics.DEFAULT_NAMESPACE);
    }

    private SwitchboardException refusal(String token, URI keyUrl) {
        IdentityConfig config = new IdentityConfig("ap-northeast-1", AlbTokenSigner.DEFAULT_ALB_ARN,
                Optional.of(AlbTokenSigner.DEFAULT_CLIENT_ID), Optional.of(AlbTokenSigner.DEFAULT_ISSUER), keyUrl,
                AdminEmails.parse(""));
        AlbIdentityVerifier verifier = new AlbIdentityVerifier(config, new HttpAlbPublicKeys(keyUrl), CLOCK);
        Map<String, String> headers = token == null ? Map.of() : Map.of("x-amzn-oidc-data", token);
        return catchThrowableOfType(SwitchboardException.class, () -> verifier.verify(headers));
    }

    private String kindCounted(SwitchboardException refusal) {
        lines.clear();
        ErrorMetrics.handled(refusal);
        assertThat(lines).allSatisfy(line -> assertThat(EmfDocuments.problems(line, MetricsTest.NOW)).isEmpty());
        List<EmfDocuments.Datum> data = EmfDocuments.metrics(lines);
        assertThat(data).hasSize(1);
        assertThat(data.get(0).name()).isEqualTo("IdentityFailures");
        return data.get(0).dimensions().get("Kind");
    }

    @Test
    void handled_eachWayATokenIsRefused_countedUnderItsKind() {
        URI keyUrl = keys.baseUrl();
        assertThat(kindCounted(refusal(null, keyUrl))).isEqualTo("missing");
        assertThat(kindCounted(refusal(signer.token().sub("s").email("a@example.com")
                .exp(MetricsTest.NOW.minus(Duration.ofMinutes(5))).build(), keyUrl))).isEqualTo("expired");
        assertThat(kindCounted(refusal(signer.sameKeyAs(OTHER_ARN).sign("s", "a@example.com", "a"), keyUrl)))
                .isEqualTo("wrong_signer");
        assertThat(kindCounted(refusal(signer.token().sub("s").email("a@example.com").client("another-client").build(),
                keyUrl))).isEqualTo("wrong_signer");
        assertThat(kindCounted(refusal(signer.token().sub("s").email("a@example.com").tamperEmail("boss@example.com")
                .build(), keyUrl))).isEqualTo("bad_signature");
        assertThat(kindCounted(refusal("not.a-token", keyUrl))).isEqualTo("malformed");
        assertThat(kindCounted(refusal(signer.sign("s", "a@example.com", "a"), PublicKeyServer.unreachableUrl())))
                .isEqualTo("keys_unavailable");
    }

    @Test
    void handled_awsThrottlingBehindA503_countedAsThrottleOfThatService() {
        AwsServiceException ec2 = AwsServiceException.builder().statusCode(503)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("RequestLimitExceeded").serviceName("Ec2").build())
                .build();
        AwsServiceException connect = AwsServiceException.builder().statusCode(429)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ThrottlingException").serviceName("Connect").build())
                .build();

        ErrorCode busy = ErrorCode.of("busy", Problem.UNAVAILABLE, "Try again.", "再度お試しください。");
        ErrorCode invalid = ErrorCode.of("invalid", Problem.INVALID, "Not an address.", "アドレスではありません。");
        ErrorMetrics.handled(SwitchboardException.because(ec2, busy));
        ErrorMetrics.handled(SwitchboardException.because(connect, busy));
        ErrorMetrics.handled(new SwitchboardException(invalid));

        assertThat(EmfDocuments.metrics(lines)).extracting(d -> d.name() + d.dimensions())
                .containsExactly("Throttles{Service=ec2}", "Throttles{Service=connect}");
    }
}
