package dev.switchboard.core.identity;

import dev.switchboard.core.config.IdentityConfig;
import dev.switchboard.core.http.SwitchboardException;
import dev.switchboard.core.testing.AlbTokenSigner;
import dev.switchboard.core.testing.PublicKeyServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class AlbIdentityVerifierTest {

    static final Instant NOW = Instant.parse("2025-06-02T09:15:30Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final String ARN = AlbTokenSigner.DEFAULT_ALB_ARN;
    static final String OTHER_ARN =
            "arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:loadbalancer/app/other-app/fedcba9876543210";

    AlbTokenSigner signer;
    PublicKeyServer server;
    AlbIdentityVerifier verifier;

    @BeforeEach
    void setUp() {
        signer = new AlbTokenSigner(ARN, AlbTokenSigner.DEFAULT_CLIENT_ID, AlbTokenSigner.DEFAULT_ISSUER, CLOCK);
        server = PublicKeyServer.serving(signer);
        verifier = verifier(Optional.of(AlbTokenSigner.DEFAULT_CLIENT_ID), Optional.of(AlbTokenSigner.DEFAULT_ISSUER),
                server.baseUrl());
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    static IdentityConfig config(Optional<String> client, Optional<String> issuer, URI keys) {
        return new IdentityConfig("ap-northeast-1", ARN, client, issuer, keys, AdminEmails.parse(""));
    }

    static AlbIdentityVerifier verifier(Optional<String> client, Optional<String> issuer, URI keys) {
        return new AlbIdentityVerifier(config(client, issuer, keys), new HttpAlbPublicKeys(keys), CLOCK);
    }

    static Map<String, String> headers(String token) {
        Map<String, String> h = new HashMap<>();
        h.put("x-amzn-oidc-data", token);
        // The client forged the first entry; ALB appended the address it really saw.
        h.put("x-forwarded-for", "198.51.100.66, 203.0.113.7");
        return h;
    }

    /** The 401 and its cause, whose message says why. */
    static InvalidAlbTokenException rejected(AlbIdentityVerifier verifier, Map<String, String> headers) {
        SwitchboardException e = catchThrowableOfType(SwitchboardException.class, () -> verifier.verify(headers));
        assertThat(e).as("a SwitchboardException").isNotNull();
        assertThat(e.status()).isEqualTo(401);
        assertThat(e.code()).isEqualTo("unauthenticated");
        assertThat(e.userMessage()).isEqualTo("Your sign-in could not be verified. Reload the page to sign in again.");
        assertThat(e.getCause()).isInstanceOf(InvalidAlbTokenException.class);
        return (InvalidAlbTokenException) e.getCause();
    }

    InvalidAlbTokenException rejected(String token) {
        return rejected(verifier, headers(token));
    }

    /** A valid token whose payload segment carries = padding (e-mail length chosen until it does). */
    String tokenWithPaddedPayload() {
        for (int n = 0; n < 3; n++) {
            String token = signer.token().email("user" + "x".repeat(n) + "@example.com").build();
            if (token.split("\\.")[1].endsWith("=")) {
                return token;
            }
        }
        throw new AssertionError("no padded payload for three consecutive lengths");
    }

    // --- strict JSON inside the token (issue 13.2): a signed duplicate must not pick one value silently ---

    @Test
    void verify_signedPayloadNamingTheEmailTwice_isRefused() {
        String token = signer.token().sub("sub-1").email("taro@example.com").username("taro")
                .duplicateClaim("email", "admin@example.com").build();

        assertWellFormedButForADuplicate(token.split("\\.")[1], "email");
        assertThat(rejected(token).getMessage()).isEqualTo("payload is not a JSON object: Duplicate field 'email'");
    }

    @Test
    void verify_signedHeaderNamingTheSignerTwice_isRefused() {
        String token = signer.token().sub("sub-1").email("taro@example.com").username("taro")
                .duplicateHeader("signer", "arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:loadbalancer/app/other/1")
                .build();

        assertWellFormedButForADuplicate(token.split("\\.")[0], "signer");
        assertThat(rejected(token).getMessage()).isEqualTo("header is not a JSON object: Duplicate field 'signer'");
    }

    /** The segment is JSON a lenient parser reads (taking the last value); only the duplicate makes it invalid. */
    private static void assertWellFormedButForADuplicate(String segment, String key) {
        byte[] json = java.util.Base64.getUrlDecoder().decode(segment);
        assertThatCode(() -> new com.fasterxml.jackson.databind.ObjectMapper().readTree(json)).doesNotThrowAnyException();
        SwitchboardException strict = catchThrowableOfType(SwitchboardException.class,
                () -> dev.switchboard.core.json.Json.readObject(json, dev.switchboard.core.text.CoreText.THE_EVENT));
        assertThat(strict.code()).isEqualTo("duplicate_key");
        assertThat(strict.getMessage()).contains("\"" + key + "\"");
    }

    // --- accepted ---

    @Test
    void verify_lookAlikeEmail_keepsEveryNonAsciiCharacterAndTheSub() {
        String token = signer.token().sub("sub-kelvin").email("\u212Aate@Example.com").username("kate").build();

        Employee employee = verifier.verify(headers(token));

        // Only A-Z fold: the KELVIN SIGN stays, so the address is not "kate@example.com" and the audit shows it.
        assertThat(employee.email()).isEqualTo("\u212Aate@example.com");
        assertThat(employee.sub()).isEqualTo("sub-kelvin");
    }

    @Test
    void verify_validAlbToken_returnsEmployeeFromClaimsAndLeftMostForwardedFor() {
        String token = signer.token().sub("sub-123").email("Taro.Yamada@Example.com").username("taro").build();

        Employee employee = verifier.verify(headers(token));

        assertThat(employee).isEqualTo(new Employee("taro.yamada@example.com", "taro", "sub-123", "203.0.113.7"));
    }

    @Test
    void verify_tokenWithPaddedSegments_accepted() {
        String token = tokenWithPaddedPayload();
        assertThat(token.split("\\.")[1]).endsWith("=");

        assertThat(verifier.verify(headers(token)).email()).startsWith("user");
    }

    @Test
    void verify_noUsernameClaim_usernameIsEmail() {
        String token = signer.token().email("hanako@example.com").username(null).build();

        assertThat(verifier.verify(headers(token)).username()).isEqualTo("hanako@example.com");
    }

    @Test
    void verify_noForwardedFor_sourceIpUnknown() {
        Map<String, String> h = headers(signer.token().build());
        h.remove("x-forwarded-for");

        assertThat(verifier.verify(h).sourceIp()).isEqualTo("unknown");
    }

    @Test
    void verify_expiredWithinSkew_accepted() {
        String token = signer.token().exp(NOW.minusSeconds(59)).build();

        assertThat(verifier.verify(headers(token)).sub()).isNotBlank();
    }

    @Test
    void verify_clientAndIssuerNotConfigured_notChecked() {
        AlbIdentityVerifier lenient = verifier(Optional.empty(), Optional.empty(), server.baseUrl());
        String token = signer.token().client("some-other-client").iss("https://elsewhere.example").build();

        assertThat(lenient.verify(headers(token)).email()).isEqualTo("taro.yamada@example.com");
    }

    @Test
    void verify_identityHeaderWithOtherEmail_ignored() {
        Map<String, String> h = headers(signer.token().email("taro.yamada@example.com").build());
        h.put("x-amzn-oidc-identity", "ceo@example.com");
        h.put("x-amzn-oidc-accesstoken", "whatever");

        assertThat(verifier.verify(h).email()).isEqualTo("taro.yamada@example.com");
    }

    @Test
    void verify_signaturePaddingOnlyStripped_acceptedBecauseSignedTextIsUnchanged() {
        String token = signer.token().build();
        assertThat(token).endsWith("==");  // 64 bytes always pad to 88 characters

        assertThat(verifier.verify(headers(token.substring(0, token.length() - 2))).email())
                .isEqualTo("taro.yamada@example.com");
    }

    @Test
    void verify_twoVerificationsSameKid_keyFetchedOnce() {
        verifier.verify(headers(signer.token().build()));
        AlbIdentityVerifier another = verifier(Optional.empty(), Optional.empty(), server.baseUrl());
        another.verify(headers(signer.token().email("someone@example.com").build()));

        assertThat(server.requestCount()).isEqualTo(1);
        assertThat(server.requestedPaths()).containsExactly("/" + signer.kid());
    }

    @Test
    void verify_publicConstructorWithSystemClock_verifiesFreshToken() {
        AlbTokenSigner live = new AlbTokenSigner();
        server.put(live.kid(), live.publicKeyPem());
        AlbIdentityVerifier production = new AlbIdentityVerifier(
                config(Optional.of(AlbTokenSigner.DEFAULT_CLIENT_ID), Optional.of(AlbTokenSigner.DEFAULT_ISSUER),
                        server.baseUrl()));

        assertThat(production.verify(headers(live.sign("s-1", "a@example.com", "a"))))
                .isEqualTo(new Employee("a@example.com", "a", "s-1", "203.0.113.7"));
    }

    // --- missing or malformed ---

    @Test
    void verify_missingHeader_401() {
        Map<String, String> h = headers("x");
        h.remove("x-amzn-oidc-data");

        assertThat(rejected(verifier, h)).hasMessageContaining("no x-amzn-oidc-data");
    }

    @Test
    void verify_blankHeader_401() {
        assertThat(rejected("  ")).hasMessageContaining("no x-amzn-oidc-data");
    }

    @Test
    void verify_onlyIdentityHeader_401() {
        Map<String, String> h = new HashMap<>();
        h.put("x-amzn-oidc-identity", "taro.yamada@example.com");

        assertThat(rejected(verifier, h)).hasMessageContaining("no x-amzn-oidc-data");
    }

    @Test
    void verify_fourthSegment_401() {
        assertThat(rejected(signer.token().build() + ".eyJ9")).hasMessageContaining("4 segments");
        assertThat(server.requestCount()).isZero();
    }

    @Test
    void verify_notAJwt_401() {
        assertThat(rejected("Bearer abc")).hasMessageContaining("1 segments");
    }

    @Test
    void verify_randomJunkInThreeSegments_401() {
        assertThat(rejected("a!b.c$d.e%f")).hasMessageContaining("header is not base64url");
        assertThat(rejected("e30.e30.e30")).hasMessageContaining("alg (absent)");
        assertThat(server.requestCount()).isZero();
    }

    @Test
    void verify_headerNotJson_401() {
        assertThat(rejected("bm90IGpzb24=.e30=.AAAA")).hasMessageContaining("header is not a JSON object");
    }

    @Test
    void verify_missingEmail_401() {
        assertThat(rejected(signer.token().email(null).build())).hasMessageContaining("payload email");
        assertThat(server.requestCount()).isZero();
    }

    @Test
    void verify_missingSub_401() {
        assertThat(rejected(signer.token().sub(null).build())).hasMessageContaining("payload sub");
    }

    @Test
    void verify_headerWithoutExp_401() {
        assertThat(rejected(signer.token().header("exp", null).build())).hasMessageContaining("header has no exp");
    }

    // --- wrong origin ---

    @Test
    void verify_wrongSigner_401() {
        String token = signer.token().signer("arn:aws:elasticloadbalancing:us-east-1:999999999999:loadbalancer/app/x/1111111111111111").build();

        assertThat(rejected(token)).hasMessageContaining("signer").hasMessageContaining("is not this load balancer");
        assertThat(server.requestCount()).isZero();
    }

    @Test
    void verify_otherAlbSameRegionValidSignature_401() {
        // Same regional key, perfectly valid signature: only the signer tells the ALBs apart.
        String token = signer.sameKeyAs(OTHER_ARN).token().build();

        assertThat(rejected(token)).hasMessageContaining(OTHER_ARN);
        assertThat(server.requestCount()).isZero();
    }

    @Test
    void verify_missingSigner_401() {
        assertThat(rejected(signer.token().signer(null).build())).hasMessageContaining("signer (absent)");
    }

    @Test
    void verify_wrongClient_401() {
        assertThat(rejected(signer.token().client("another-client").build()))
                .hasMessageContaining("client 'another-client' is not ALB_CLIENT_ID");
    }

    @Test
    void verify_wrongIssuer_401() {
        assertThat(rejected(signer.token().iss("https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Other").build()))
                .hasMessageContaining("header iss").hasMessageContaining("is not ALB_ISSUER");
    }

    @Test
    void verify_wrongIssuerInPayloadOnly_401() {
        String token = signer.token().claim("iss", "https://evil.example").build();

        assertThat(rejected(token)).hasMessageContaining("payload iss 'https://evil.example'");
    }

    // --- time ---

    @Test
    void verify_expiredBeyondSkew_401() {
        String token = signer.token().exp(NOW.minusSeconds(61)).build();

        assertThat(rejected(token)).hasMessageContaining("token expired: header exp");
        assertThat(server.requestCount()).isZero();
    }

    @Test
    void verify_payloadExpExpiredHeaderNot_401() {
        String token = signer.token().claim("exp", NOW.minusSeconds(3600).getEpochSecond()).build();

        assertThat(rejected(token)).hasMessageContaining("token expired: payload exp");
    }

    @Test
    void verify_expNotANumber_401() {
        assertThat(rejected(signer.token().header("exp", "tomorrow").build()))
                .hasMessageContaining("header exp 'tomorrow' is not a number");
    }

    // --- algorithm ---

    @ParameterizedTest
    @ValueSource(strings = {"none", "None", "HS256", "RS256", "ES384", "PS256", "es256", ""})
    void verify_algNotEs256_401AndKeyServerNeverCalled(String alg) {
        assertThat(rejected(signer.token().alg(alg).build()))
                .hasMessageContaining("alg '" + alg + "' refused, only ES256");
        assertThat(server.requestCount()).isZero();
    }

    @Test
    void verify_algNoneWithEmptySignature_401AndKeyServerNeverCalled() {
        assertThat(rejected(signer.token().alg("none").emptySignature().build()))
                .hasMessageContaining("alg 'none' refused");
        assertThat(server.requestCount()).isZero();
    }

    @Test
    void verify_algAbsent_401() {
        assertThat(rejected(signer.token().alg(null).build())).hasMessageContaining("alg (absent) refused");
    }

    @Test
    void verify_algRefused_beforeAnyKeyLookup() {
        AtomicInteger lookups = new AtomicInteger();
        AlbIdentityVerifier counting = new AlbIdentityVerifier(config(Optional.empty(), Optional.empty(),
                server.baseUrl()), kid -> {
                    lookups.incrementAndGet();
                    return signer.publicKey();
                }, CLOCK);

        rejected(counting, headers(signer.token().alg("HS256").build()));

        assertThat(lookups).hasValue(0);
    }

    // --- signature ---

    @Test
    void verify_signedByAnotherKey_401() {
        String token = signer.token().signWith(AlbTokenSigner.newKeyPair("secp256r1").getPrivate()).build();

        assertThat(rejected(token)).hasMessageContaining("signature does not verify");
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void verify_paddingStrippedFromSegments_401BecauseAlbSignedThePaddedText() {
        String padded = tokenWithPaddedPayload();
        String stripped = padded.replace("=", "");
        assertThat(stripped.split("\\.")[1]).isNotEqualTo(padded.split("\\.")[1]);

        assertThat(rejected(stripped)).hasMessageContaining("signature does not verify");
    }

    @Test
    void verify_paddingStrippedByBuilder_401() {
        String token = tokenWithPaddedPayload();
        String email = Json2.email(token);
        String stripped = signer.token().email(email).stripPadding().build();
        assertThat(stripped).doesNotContain("=");

        assertThat(rejected(stripped)).hasMessageContaining("signature does not verify");
    }

    @Test
    void verify_tamperedPayload_401() {
        String token = signer.token().email("intern@example.com").tamperEmail("admin@example.com").build();

        assertThat(rejected(token)).hasMessageContaining("signature does not verify");
    }

    @Test
    void verify_signatureOfWrongLength_401() {
        String token = signer.token().build();
        String shortSig = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA";

        assertThat(rejected(shortSig)).hasMessageContaining("signature is 3 bytes");
        assertThat(server.requestCount()).isZero();
    }

    @Test
    void verify_derEncodedSignature_401() {
        // A JDK default (DER) ES256 signature is ~70-72 bytes, never the 64 JOSE bytes.
        String token = signer.token().build();
        String der = token.substring(0, token.lastIndexOf('.') + 1)
                + java.util.Base64.getUrlEncoder().encodeToString(new byte[71]);

        assertThat(rejected(der)).hasMessageContaining("signature is 71 bytes");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"zeros", "r = n", "s = n"})
    void verify_signatureValuesOutsideTheCurveOrder_401BeforeTheJdkChecksThem(String which) {
        // CVE-2022-21449: JDK 15-18.0.0 accepted r = s = 0 for any message and key. r and s must be in [1, n-1].
        byte[] order = signer.publicKey().getParams().getOrder().toByteArray();
        byte[] n = java.util.Arrays.copyOfRange(order, order.length - 32, order.length);
        byte[] sig = new byte[64];
        if (which.equals("r = n")) {
            System.arraycopy(n, 0, sig, 0, 32);
            sig[63] = 1;
        } else if (which.equals("s = n")) {
            sig[31] = 1;
            System.arraycopy(n, 0, sig, 32, 32);
        }
        String token = signer.token().build();
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + java.util.Base64.getUrlEncoder().encodeToString(sig);

        assertThat(rejected(forged)).hasMessageContaining("signature does not verify").hasMessageContaining("r or s outside");
    }

    // --- kid ---

    @ParameterizedTest
    @ValueSource(strings = {
            "../../etc/passwd",
            "a/b",
            "..",
            "0b8e5f0e-1b6a-4c2e-9f1e-2d3c4b5a6978/../x",
            "0b8e5f0e%2F1b6a-4c2e-9f1e-2d3c4b5a6978",
            "0b8e5f0e-1b6a-4c2e-9f1e-2d3c4b5a6978?x=1",
            "evil.example@0b8e5f0e-1b6a-4c2e-9f1e-2d3c4b5a6978",
            "0b8e5f0e-1b6a-4c2e-9f1e-2d3c4b5a6978\n",
            "0b8e5f0e1b6a4c2e9f1e2d3c4b5a6978",
            ""
    })
    void verify_kidNotUuid_401AndKeyServerNeverCalled(String kid) {
        assertThat(rejected(signer.token().kid(kid).build())).hasMessageContaining("is not a UUID");
        assertThat(server.requestCount()).isZero();
    }

    @Test
    void verify_kidOverLong_401AndKeyServerNeverCalled() {
        assertThat(rejected(signer.token().kid("a".repeat(300)).build())).hasMessageContaining("is not a UUID");
        assertThat(server.requestCount()).isZero();
    }

    @Test
    void verify_kidAbsentOrNotString_401() {
        assertThat(rejected(signer.token().kid(null).build())).hasMessageContaining("kid (absent)");
        assertThat(rejected(signer.token().header("kid", 42).build())).hasMessageContaining("kid 42");
        assertThat(server.requestCount()).isZero();
    }

    @Test
    void verify_kidUpperCaseUuid_accepted() {
        // Case-insensitive UUID; fetched as it is written.
        String upper = signer.kid().toUpperCase();
        server.put(upper, signer.publicKeyPem());

        assertThat(verifier.verify(headers(signer.token().kid(upper).build())).email())
                .isEqualTo("taro.yamada@example.com");
        assertThat(server.requestedPaths()).containsExactly("/" + upper);
    }

    // --- key endpoint ---

    @Test
    void verify_keyEndpoint404_401() {
        server.mode(PublicKeyServer.Mode.NOT_FOUND);

        InvalidAlbTokenException cause = rejected(signer.token().build());

        assertThat(cause).hasMessageContaining("NOT_FOUND").hasMessageContaining("404");
        assertThat(cause.getCause()).isInstanceOf(AlbKeyException.class);
    }

    @Test
    void verify_keyEndpointGarbage_401() {
        server.mode(PublicKeyServer.Mode.GARBAGE);

        assertThat(rejected(signer.token().build())).hasMessageContaining("INVALID")
                .hasMessageContaining("not a PEM public key");
    }

    @Test
    void verify_keyEndpointRsaKey_401() {
        server.mode(PublicKeyServer.Mode.RSA_KEY);

        assertThat(rejected(signer.token().build())).hasMessageContaining("INVALID")
                .hasMessageContaining("not an EC P-256 public key");
    }

    @Test
    void verify_keyEndpointP384Key_401() {
        server.put(signer.kid(), AlbTokenSigner.pem(AlbTokenSigner.newKeyPair("secp384r1").getPublic()));

        assertThat(rejected(signer.token().build())).hasMessageContaining("INVALID")
                .hasMessageContaining("not on P-256");
    }

    @Test
    void verify_keyEndpoint500_503() {
        server.mode(PublicKeyServer.Mode.SERVER_ERROR);

        SwitchboardException e = catchThrowableOfType(SwitchboardException.class,
                () -> verifier.verify(headers(signer.token().build())));

        assertThat(e.status()).isEqualTo(503);
        assertThat(e.code()).isEqualTo("identity_keys_unavailable");
        assertThat(e.getCause()).isInstanceOf(AlbKeyException.class).hasMessageContaining("answered 500");
    }

    @Test
    void verify_keyEndpointHanging_503WithinBoundedTime() {
        server.mode(PublicKeyServer.Mode.HANG).hangFor(Duration.ofSeconds(20));

        long start = System.nanoTime();
        SwitchboardException e = catchThrowableOfType(SwitchboardException.class,
                () -> verifier.verify(headers(signer.token().build())));
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        assertThat(e.status()).isEqualTo(503);
        assertThat(e.getCause()).hasMessageContaining("timed out");
        assertThat(elapsed).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void verify_keyEndpointUnreachable_503() {
        URI closed = PublicKeyServer.unreachableUrl();
        AlbIdentityVerifier unreachable = verifier(Optional.empty(), Optional.empty(), closed);

        SwitchboardException e = catchThrowableOfType(SwitchboardException.class,
                () -> unreachable.verify(headers(signer.token().build())));

        assertThat(e.status()).isEqualTo(503);
        assertThat(e.code()).isEqualTo("identity_keys_unavailable");
        assertThat(e.getCause()).hasMessageContaining("unreachable");
    }

    @Test
    void verify_failedFetchNotCached_laterSuccessFetchesAgain() {
        server.mode(PublicKeyServer.Mode.SERVER_ERROR);
        catchThrowableOfType(SwitchboardException.class, () -> verifier.verify(headers(signer.token().build())));
        server.mode(PublicKeyServer.Mode.SERVE);

        assertThat(verifier.verify(headers(signer.token().build())).email()).isEqualTo("taro.yamada@example.com");
        assertThat(server.requestCount()).isEqualTo(2);
    }

    /** Reads the payload e-mail of a token (test convenience). */
    static final class Json2 {
        static String email(String token) {
            String json = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                    java.nio.charset.StandardCharsets.UTF_8);
            try {
                return com.fasterxml.jackson.databind.json.JsonMapper.builder().build().readTree(json).get("email")
                        .asText();
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        }
    }
}
