package dev.switchboard.core.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Signs {@code x-amzn-oidc-data} tokens exactly as an ALB does: header
 * {@code {"typ":"JWT","kid":…,"alg":"ES256","iss":…,"client":…,"signer":…,"exp":…}}, payload
 * {@code {"sub":…,"email":…,"username":…,"exp":…,"iss":…}}, every segment base64url <em>with</em> {@code =} padding,
 * and an ES256 signature (64 raw bytes, r||s) over the padded {@code header.payload} text.
 *
 * <p>Test code only (core's test-jar): the dev server and other modules' tests reuse it. Production code never
 * signs. {@link #token()} returns a builder that can break any part of the token for negative tests.
 */
public final class AlbTokenSigner {

    public static final String DEFAULT_ALB_ARN =
            "arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:loadbalancer/app/switchboard/0123456789abcdef";
    public static final String DEFAULT_CLIENT_ID = "4example0client0id0abcdefgh";
    public static final String DEFAULT_ISSUER =
            "https://cognito-idp.ap-northeast-1.amazonaws.com/ap-northeast-1_Example1";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder PADDED = Base64.getUrlEncoder();

    private final KeyPair keyPair;
    private final String kid;
    private final String signerArn;
    private final String clientId;
    private final String issuer;
    private final Clock clock;

    /** A new P-256 key and kid, signing for {@link #DEFAULT_ALB_ARN}, client and issuer. */
    public AlbTokenSigner() {
        this(DEFAULT_ALB_ARN, DEFAULT_CLIENT_ID, DEFAULT_ISSUER, Clock.systemUTC());
    }

    public AlbTokenSigner(String signerArn, String clientId, String issuer) {
        this(signerArn, clientId, issuer, Clock.systemUTC());
    }

    public AlbTokenSigner(String signerArn, String clientId, String issuer, Clock clock) {
        this(newKeyPair("secp256r1"), UUID.randomUUID().toString(), signerArn, clientId, issuer, clock);
    }

    /** Another ALB sharing this signer's key (as every ALB of a region does), signing as {@code signerArn}. */
    public AlbTokenSigner sameKeyAs(String otherSignerArn) {
        return new AlbTokenSigner(keyPair, kid, otherSignerArn, clientId, issuer, clock);
    }

    private AlbTokenSigner(KeyPair keyPair, String kid, String signerArn, String clientId, String issuer,
                           Clock clock) {
        this.keyPair = Objects.requireNonNull(keyPair);
        this.kid = Objects.requireNonNull(kid);
        this.signerArn = signerArn;
        this.clientId = clientId;
        this.issuer = issuer;
        this.clock = Objects.requireNonNull(clock);
    }

    public String kid() {
        return kid;
    }

    public ECPublicKey publicKey() {
        return (ECPublicKey) keyPair.getPublic();
    }

    public KeyPair keyPair() {
        return keyPair;
    }

    /** What the ALB key endpoint answers at {@code /<kid>}: a PEM SubjectPublicKeyInfo. */
    public String publicKeyPem() {
        return pem(keyPair.getPublic());
    }

    public String signerArn() {
        return signerArn;
    }

    /** A valid token for these claims, expiring two minutes from the signer's clock. */
    public String sign(String sub, String email, String username) {
        return token().sub(sub).email(email).username(username).build();
    }

    public Token token() {
        return new Token();
    }

    public static KeyPair newKeyPair(String curve) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec(curve));
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static KeyPair newRsaKeyPair() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String pem(PublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    /** One token; every part can be overridden. {@code null} values leave the claim out. */
    public final class Token {
        private final Map<String, Object> header = new LinkedHashMap<>();
        private final Map<String, Object> payload = new LinkedHashMap<>();
        private PrivateKey signingKey = keyPair.getPrivate();
        private boolean stripPadding;
        private boolean emptySignature;
        private String tamperedEmail;
        private String duplicateHeaderKey;
        private String duplicatePayloadKey;

        private Token() {
            long exp = clock.instant().plusSeconds(120).getEpochSecond();
            header.put("typ", "JWT");
            header.put("kid", kid);
            header.put("alg", "ES256");
            put(header, "iss", issuer);
            put(header, "client", clientId);
            put(header, "signer", signerArn);
            header.put("exp", exp);
            payload.put("sub", "3f8e1c52-7a1d-4b2e-9c0f-6d5a4b3c2e1f");
            payload.put("email", "taro.yamada@example.com");
            payload.put("username", "taro.yamada");
            payload.put("exp", exp);
            put(payload, "iss", issuer);
        }

        public Token kid(String value) { return header("kid", value); }

        public Token alg(String value) { return header("alg", value); }

        public Token signer(String value) { return header("signer", value); }

        public Token client(String value) { return header("client", value); }

        /** The {@code iss} of header and payload. */
        public Token iss(String value) {
            header("iss", value);
            return claim("iss", value);
        }

        /** The {@code exp} of header and payload. */
        public Token exp(Instant value) {
            header("exp", value == null ? null : value.getEpochSecond());
            return claim("exp", value == null ? null : value.getEpochSecond());
        }

        public Token sub(String value) { return claim("sub", value); }

        public Token email(String value) { return claim("email", value); }

        public Token username(String value) { return claim("username", value); }

        /** Any header parameter; {@code null} removes it. */
        public Token header(String name, Object value) {
            put(header, name, value);
            return this;
        }

        /** Any payload claim; {@code null} removes it. */
        public Token claim(String name, Object value) {
            put(payload, name, value);
            return this;
        }

        /** Signs with another private key (the header still names this signer's kid). */
        public Token signWith(PrivateKey key) {
            this.signingKey = key;
            return this;
        }

        /** Removes the {@code =} padding from every segment after signing (ALB never does). */
        public Token stripPadding() {
            this.stripPadding = true;
            return this;
        }

        /** Replaces the payload after signing with the same claims but this e-mail. */
        public Token tamperEmail(String email) {
            this.tamperedEmail = email;
            return this;
        }

        /**
         * Signs a header whose JSON names {@code name} a second time, after the real value, with {@code value}
         * (as a hand-made token could; ALB never does).
         */
        public Token duplicateHeader(String name, String value) {
            this.duplicateHeaderKey = "\"" + name + "\":" + jsonString(value);
            return this;
        }

        /** Signs a payload whose JSON names {@code name} a second time, after the real value, with {@code value}. */
        public Token duplicateClaim(String name, String value) {
            this.duplicatePayloadKey = "\"" + name + "\":" + jsonString(value);
            return this;
        }

        /** An empty third segment, as in {@code alg: none} tokens. */
        public Token emptySignature() {
            this.emptySignature = true;
            return this;
        }

        public String build() {
            String h = encode(withDuplicate(json(header), duplicateHeaderKey));
            String p = encode(withDuplicate(json(payload), duplicatePayloadKey));
            String signingInput = h + "." + p;
            String s = emptySignature ? "" : encode(es256(signingInput));
            if (tamperedEmail != null) {
                Map<String, Object> other = new LinkedHashMap<>(payload);
                other.put("email", tamperedEmail);
                p = encode(json(other));
            }
            String token = h + "." + p + "." + s;
            return stripPadding ? token.replace("=", "") : token;
        }

        private byte[] es256(String signingInput) {
            try {
                // P1363 format = JOSE r||s, 64 bytes for P-256 (the JDK default is DER).
                Signature signature = Signature.getInstance("SHA256withECDSAinP1363Format");
                signature.initSign(signingKey);
                signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
                return signature.sign();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        private static byte[] withDuplicate(byte[] json, String member) {
            if (member == null) {
                return json;
            }
            String text = new String(json, StandardCharsets.UTF_8);
            return (text.substring(0, text.length() - 1) + "," + member + "}").getBytes(StandardCharsets.UTF_8);
        }

        private static String jsonString(String value) {
            return new String(AlbTokenSigner.json(Map.of("v", value)), StandardCharsets.UTF_8)
                    .replaceFirst("^\\{\"v\":", "").replaceFirst("}$", "");
        }

        private static void put(Map<String, Object> map, String name, Object value) {
            if (value == null) {
                map.remove(name);
            } else {
                map.put(name, value);
            }
        }
    }

    private static String encode(byte[] bytes) {
        return PADDED.encodeToString(bytes);
    }

    private static byte[] json(Map<String, Object> map) {
        try {
            return JSON.writeValueAsBytes(map);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
