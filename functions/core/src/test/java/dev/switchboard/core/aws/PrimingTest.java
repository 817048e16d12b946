package dev.switchboard.core.aws;

import dev.switchboard.core.config.IdentityConfig;
import dev.switchboard.core.identity.AlbIdentityVerifier;
import dev.switchboard.core.identity.Employee;
import dev.switchboard.core.identity.PrimingIdentity;
import dev.switchboard.core.log.JsonLog;
import dev.switchboard.core.testing.AlbTokenSigner;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PrimingTest {

    private static final IdentityConfig CONFIG = IdentityConfig.from(Priming.environment());

    @Test
    void primingToken_verifiesWithThePrimingKey_asTheAdmin() {
        Employee who = PrimingIdentity.verifier(CONFIG).verify(Map.of(
                "x-amzn-oidc-data", PrimingIdentity.TOKEN, "x-forwarded-for", "203.0.113.10"));

        assertThat(who.email()).isEqualTo(Priming.EMAIL);
        assertThat(CONFIG.adminEmails().isAdmin(who)).isTrue();
    }

    @Test
    void primingVerifier_refusesATokenFromAnyOtherKey() {
        // Same signer ARN, another key: the priming verifier knows one key id only.
        String forged = new AlbTokenSigner(Priming.ALB_ARN, null, null).sign("s", "x@example.com", "x");

        AlbIdentityVerifier verifier = PrimingIdentity.verifier(CONFIG);
        assertThatThrownBy(() -> verifier.verify(Map.of("x-amzn-oidc-data", forged, "x-forwarded-for", "203.0.113.10")))
                .isInstanceOf(RuntimeException.class);
    }

    @Test
    void cannedHttp_answersFromMemory_andSeesTheQueryAction() throws Exception {
        List<String> actions = new ArrayList<>();
        SdkHttpClient http = Priming.cannedHttp(request -> {
            actions.add(request.method() + " " + request.path() + " " + request.ec2Action());
            return "<answer/>";
        });
        byte[] form = "Action=DescribeClientVpnEndpoints&Version=2016-11-15".getBytes(StandardCharsets.UTF_8);

        HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder()
                .request(SdkHttpFullRequest.builder().method(SdkHttpMethod.POST).protocol("https")
                        .host("priming.switchboard.invalid").encodedPath("/").build())
                .contentStreamProvider(() -> new ByteArrayInputStream(form))
                .build()).call();

        assertThat(response.httpResponse().statusCode()).isEqualTo(200);
        assertThat(new String(response.responseBody().orElseThrow().readAllBytes(), StandardCharsets.UTF_8))
                .isEqualTo("<answer/>");
        assertThat(actions).containsExactly("POST / DescribeClientVpnEndpoints");
    }

    @Test
    void quietly_silencesTheTwin_logsOneLine_andNeverThrows() {
        List<String> lines = new ArrayList<>();
        var previous = JsonLog.redirect(lines::add);
        try {
            Priming.quietly("test", () -> JsonLog.forClass(PrimingTest.class).info("audit vpn.on", Map.of()));
            Priming.quietly("test", () -> {
                throw new IllegalStateException("boom");
            });
        } finally {
            JsonLog.redirect(previous);
        }
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).contains("\"message\":\"primed\"").doesNotContain("audit");
        assertThat(lines.get(1)).contains("priming failed").contains("IllegalStateException");
    }
}
