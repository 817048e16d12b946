package dev.switchboard.core.identity;

import dev.switchboard.core.aws.Priming;
import dev.switchboard.core.config.IdentityConfig;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;

/**
 * A fixed, throw-away ALB identity for warming the verification code without the network: a P-256
 * public key and one token signed with its (discarded) private key, for a signer ARN in an account that
 * cannot exist and an e-mail under {@code .invalid}. The token expires in 2100, so verifying it needs no
 * clock trick and signing at start-up needs no random numbers. It is accepted only by the verifier
 * {@link #verifier} builds, whose key source knows nothing but this key; production verifiers fetch keys
 * for the configured {@code ALB_ARN} and never see it.
 */
public final class PrimingIdentity {

    public static final String KID = "acdf68b2-5140-4820-b249-f574e55dd54b";
    static final String PUBLIC_KEY_PEM = """
            -----BEGIN PUBLIC KEY-----
            MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEzMrleW2vpFcNcsmjuMGA2Y4Ur4by
            mc6Ni0IsJPK5P43hfNHvTtlFHUCTzFDo/p3+W8pFnCYsDwYnVwnHj3PIOQ==
            -----END PUBLIC KEY-----
            """;
    /** Signed as ALB signs: padded base64url header and payload, {@code exp} 4102444800 (2100-01-01). */
    public static final String TOKEN = "eyJ0eXAiOiJKV1QiLCJraWQiOiJhY2RmNjhiMi01MTQwLTQ4MjAtYjI0OS1mNTc0ZTU1ZGQ1NGIiLCJhbGciOi"
            + "JFUzI1NiIsInNpZ25lciI6ImFybjphd3M6ZWxhc3RpY2xvYWRiYWxhbmNpbmc6dXMtZWFzdC0xOjAwMDAwMDAwMDAwMDpsb2FkYmFsYW5jZXIvYX"
            + "BwL3N3aXRjaGJvYXJkLXByaW1pbmcvMDAwMDAwMDAwMDAwMDAwMCIsImV4cCI6NDEwMjQ0NDgwMH0=.eyJzdWIiOiIwMDAwMDAwMC0wMDAwLTQwMD"
            + "AtODAwMC0wMDAwMDAwMDAwMDAiLCJlbWFpbCI6InByaW1pbmdAc3dpdGNoYm9hcmQuaW52YWxpZCIsInVzZXJuYW1lIjoicHJpbWluZyIsImV4cC"
            + "I6NDEwMjQ0NDgwMH0=.y0W73WBBMeZaNDpAfTZ0pOf6ubKzfq70lel_O0uyvraFZhHiqfr76UUrjEGXmiGrRkow_8TOdiGaIAg_HMmt-A==";

    private PrimingIdentity() {
    }

    /** An ALB {@code GET path} from the priming identity, typed into the address bar (no query). */
    public static InputStream albGet(String path, String language) {
        return albGet(path, "", language);
    }

    /** The same with query parameters, given as JSON members ({@code "ip":"192.0.2.10"}). */
    public static InputStream albGet(String path, String query, String language) {
        String event = "{\"requestContext\":{\"elb\":{\"targetGroupArn\":\"arn:aws:elasticloadbalancing:us-east-1:"
                + "000000000000:targetgroup/switchboard-priming/0000000000000000\"}},"
                + "\"httpMethod\":\"GET\",\"path\":\"" + path + "\",\"queryStringParameters\":{" + query + "},"
                + "\"headers\":{\"host\":\"switchboard.invalid\",\"accept-language\":\"" + language + "\","
                + "\"sec-fetch-site\":\"none\",\"x-amzn-oidc-data\":\"" + TOKEN + "\",\"x-forwarded-for\":\"203.0.113.10\"},"
                + "\"body\":\"\",\"isBase64Encoded\":false}";
        return new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8));
    }

    /** A verifier for {@code config} (whose ALB ARN must be {@link Priming#ALB_ARN}) that knows only the priming key. */
    public static AlbIdentityVerifier verifier(IdentityConfig config) {
        ECPublicKey key = HttpAlbPublicKeys.parsePem(PUBLIC_KEY_PEM, "priming");
        return new AlbIdentityVerifier(config, kid -> {
            if (!KID.equals(kid)) {
                throw new AlbKeyException(AlbKeyException.Reason.NOT_FOUND, "priming knows one key only");
            }
            return key;
        }, Clock.systemUTC());
    }
}
