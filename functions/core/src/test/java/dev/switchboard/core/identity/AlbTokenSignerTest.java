package dev.switchboard.core.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import dev.switchboard.core.testing.AlbTokenSigner;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The test signer makes tokens shaped like ALB's, so the verifier tests exercise the real format. */
class AlbTokenSignerTest {

    final AlbTokenSigner signer = new AlbTokenSigner();

    static JsonNode segment(String token, int index) throws Exception {
        return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(token.split("\\.")[index]));
    }

    @Test
    void token_headerAndPayload_shapedLikeAlb() throws Exception {
        String token = signer.sign("sub-1", "a@example.com", "a");

        JsonNode header = segment(token, 0);
        JsonNode payload = segment(token, 1);
        List<String> headerNames = new java.util.ArrayList<>();
        header.fieldNames().forEachRemaining(headerNames::add);
        assertThat(headerNames).containsExactly("typ", "kid", "alg", "iss", "client", "signer", "exp");
        assertThat(header.get("alg").asText()).isEqualTo("ES256");
        assertThat(header.get("signer").asText()).isEqualTo(AlbTokenSigner.DEFAULT_ALB_ARN);
        assertThat(header.get("exp").isIntegralNumber()).isTrue();
        assertThat(payload.get("sub").asText()).isEqualTo("sub-1");
        assertThat(payload.get("email").asText()).isEqualTo("a@example.com");
    }

    @Test
    void token_someClaimLengths_produceEqualsPaddingInHeaderOrPayload() {
        int padded = 0;
        for (int n = 0; n < 6; n++) {
            String[] parts = signer.token().email("u" + "x".repeat(n) + "@example.com").build().split("\\.");
            if (parts[0].endsWith("=") || parts[1].endsWith("=")) {
                padded++;
            }
        }

        assertThat(padded).isGreaterThanOrEqualTo(2);
    }

    @Test
    void token_signature_is64RawBytesPaddedBase64Url() {
        String sig = signer.token().build().split("\\.")[2];

        assertThat(sig).hasSize(88).endsWith("==");
        assertThat(Base64.getUrlDecoder().decode(sig)).hasSize(64);
    }

    @Test
    void nimbus_signingInput_isThePaddedTextAsReceived() throws Exception {
        String token = signer.token().email("ux@example.com").build();
        String headerDotPayload = token.substring(0, token.lastIndexOf('.'));

        JWSObject jws = JWSObject.parse(token);

        assertThat(new String(jws.getSigningInput(), StandardCharsets.US_ASCII)).isEqualTo(headerDotPayload);
        assertThat(jws.verify(new ECDSAVerifier(signer.publicKey()))).isTrue();
    }

    @Test
    void publicKeyPem_isSubjectPublicKeyInfoPem() {
        assertThat(signer.publicKeyPem()).startsWith("-----BEGIN PUBLIC KEY-----\n")
                .endsWith("-----END PUBLIC KEY-----\n");
        assertThat(HttpAlbPublicKeys.parsePem(signer.publicKeyPem(), "test")).isEqualTo(signer.publicKey());
    }
}
