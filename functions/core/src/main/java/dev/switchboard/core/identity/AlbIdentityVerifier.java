package dev.switchboard.core.identity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.core.config.IdentityConfig;
import dev.switchboard.core.http.SwitchboardException;
import dev.switchboard.core.json.Json;
import dev.switchboard.core.text.CoreErrors;
import dev.switchboard.core.text.CoreText;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Proves who is calling from the ALB-signed {@code x-amzn-oidc-data} header (never from the unsigned
 * {@code x-amzn-oidc-identity}).
 *
 * <p>The token is an ES256 JWT as ALB makes it: base64url segments <em>with</em> {@code =} padding, the signature
 * (64 raw bytes, r||s) over the padded {@code header.payload} text exactly as it arrives, and {@code signer},
 * {@code client}, {@code iss}, {@code exp} in the <em>header</em>. Checks run cheapest first, and nothing reaches the
 * network until the token is well formed, uses ES256, names a UUID {@code kid}, comes from our load balancer
 * ({@code signer} = {@code ALB_ARN}; signing keys are shared by every ALB in the region), matches
 * {@code ALB_CLIENT_ID}/{@code ALB_ISSUER} when set, and has not expired (60 s skew allowed).
 *
 * <p>Outcomes: every refusal is a 401 {@link SwitchboardException} whose cause is an
 * {@link InvalidAlbTokenException} saying precisely why (for the log). A key endpoint that cannot be reached,
 * times out or answers 5xx is a 503 ({@code identity_keys_unavailable}): the token may be fine. A key endpoint
 * that says 404 (or 403/410/400) is a 401: the kid is not a key of our region, so the token is not from our ALB.
 * A 200 answer that is not a PEM P-256 key is also a 401 (the cause says so, and it is worth an alarm: retrying
 * will not help, and the token cannot be verified with it).
 *
 * <p>Thread-safe; build one per container and keep it (the key cache is process-wide anyway).
 */
public final class AlbIdentityVerifier implements IdentityVerifier {

    public static final String DATA_HEADER = "x-amzn-oidc-data";
    public static final String FORWARDED_FOR_HEADER = "x-forwarded-for";
    static final long CLOCK_SKEW_SECONDS = 60;
    /** ALB limits user claims to 11 KB; base64 and the header stay well below this. */
    static final int MAX_TOKEN_CHARS = 32 * 1024;

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_-]+={0,2}");
    private static final Pattern UUID = Pattern.compile(
            "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", Pattern.CASE_INSENSITIVE);

    private final String albArn;
    private final Optional<String> clientId;
    private final Optional<String> issuer;
    private final AlbPublicKeys keys;
    private final Clock clock;

    /** The production verifier: keys from {@code config.publicKeyUrl()}, 1 s connect / 2 s read timeouts. */
    public AlbIdentityVerifier(IdentityConfig config) {
        this(config, new HttpAlbPublicKeys(config.publicKeyUrl()), Clock.systemUTC());
    }

    /** For tests and the dev server: any key source, any clock. */
    public AlbIdentityVerifier(IdentityConfig config, AlbPublicKeys keys, Clock clock) {
        Objects.requireNonNull(config, "config");
        this.albArn = Objects.requireNonNull(config.albArn(), "albArn");
        this.clientId = config.clientId() == null ? Optional.empty() : config.clientId();
        this.issuer = config.issuer() == null ? Optional.empty() : config.issuer();
        this.keys = Objects.requireNonNull(keys, "keys");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param lowerCaseHeaders the request headers, names lower-case as ALB delivers them to Lambda
     * @return the verified employee
     * @throws SwitchboardException 401 when the token is missing or not acceptable, 503 when the signing key
     *                              cannot be fetched right now
     */
    @Override
    public Employee verify(Map<String, String> lowerCaseHeaders) {
        try {
            return verifyOrThrow(lowerCaseHeaders);
        } catch (InvalidAlbTokenException e) {
            throw SwitchboardException.because(e, CoreErrors.UNAUTHENTICATED);
        }
    }

    private Employee verifyOrThrow(Map<String, String> headers) {
        String token = headers == null ? null : headers.get(DATA_HEADER);
        if (token == null || token.isBlank()) {
            throw new InvalidAlbTokenException("no " + DATA_HEADER + " header: the request did not come through the"
                    + " ALB authenticate action");
        }
        if (token.length() > MAX_TOKEN_CHARS) {
            throw new InvalidAlbTokenException("token is " + token.length() + " characters, over the "
                    + MAX_TOKEN_CHARS + " limit");
        }

        // 1. Structure: exactly three base64url segments (with = padding, as ALB sends them, or without).
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw new InvalidAlbTokenException("not a JWS compact token: " + parts.length + " segments, expected 3");
        }
        Map<String, Object> header = json(parts[0], "header");

        // 2. Algorithm, exactly ES256, before any key is looked for.
        Object alg = header.get("alg");
        if (!"ES256".equals(alg)) {
            throw new InvalidAlbTokenException("alg " + describe(alg) + " refused, only ES256 is accepted");
        }

        // 3. kid must be a UUID before it goes into a URL.
        Object kidValue = header.get("kid");
        if (!(kidValue instanceof String kid) || !UUID.matcher(kid).matches()) {
            throw new InvalidAlbTokenException("kid " + describe(kidValue) + " is not a UUID");
        }

        // 4. Our load balancer, our client, our issuer.
        Object signer = header.get("signer");
        if (!albArn.equals(signer)) {
            throw new InvalidAlbTokenException("signer " + describe(signer) + " is not this load balancer ("
                    + albArn + ")");
        }
        if (clientId.isPresent() && !clientId.get().equals(header.get("client"))) {
            throw new InvalidAlbTokenException("client " + describe(header.get("client")) + " is not ALB_CLIENT_ID ("
                    + clientId.get() + ")");
        }
        if (issuer.isPresent() && !issuer.get().equals(header.get("iss"))) {
            throw new InvalidAlbTokenException("header iss " + describe(header.get("iss"))
                    + " is not ALB_ISSUER (" + issuer.get() + ")");
        }

        // 5. Expiry: header exp required (ALB always sets it).
        long now = clock.instant().getEpochSecond();
        if (!header.containsKey("exp")) {
            throw new InvalidAlbTokenException("header has no exp");
        }
        checkExp(header.get("exp"), "header", now);

        // The payload and the signature must be well formed too; payload exp and iss are checked when present.
        Map<String, Object> payload = json(parts[1], "payload");
        if (payload.containsKey("exp")) {
            checkExp(payload.get("exp"), "payload", now);
        }
        if (issuer.isPresent() && payload.containsKey("iss") && !issuer.get().equals(payload.get("iss"))) {
            throw new InvalidAlbTokenException("payload iss " + describe(payload.get("iss"))
                    + " is not ALB_ISSUER (" + issuer.get() + ")");
        }
        byte[] signature = decode(parts[2], "signature");
        if (signature.length != 64) {
            throw new InvalidAlbTokenException("signature is " + signature.length
                    + " bytes, ES256 (JOSE r||s) needs 64");
        }

        // 6. Claims we need.
        String sub = requiredString(payload, "sub");
        // ASCII letters only: Unicode folding would turn a look-alike (U+212A KELVIN SIGN) into an admin's address.
        String email = AsciiCase.lower(requiredString(payload, "email"));
        Object usernameValue = payload.get("username");
        String username;
        if (usernameValue == null) {
            username = email;
        } else if (usernameValue instanceof String u && !u.isBlank()) {
            username = u;
        } else {
            throw new InvalidAlbTokenException("payload username " + describe(usernameValue)
                    + " is not a non-blank string");
        }

        // 7. The key, then the signature over the text exactly as it came (padding and all).
        ECPublicKey key = fetchKey(kid);
        verifySignature(token, signature, key, kid);

        return new Employee(email, username, sub, sourceIp(headers.get(FORWARDED_FOR_HEADER)));
    }

    private ECPublicKey fetchKey(String kid) {
        try {
            ECPublicKey key = keys.get(kid);
            if (key == null) {
                throw new InvalidAlbTokenException("no signing key for kid " + kid);
            }
            return key;
        } catch (AlbKeyException e) {
            if (e.reason() == AlbKeyException.Reason.UNAVAILABLE) {
                throw SwitchboardException.because(e, CoreErrors.IDENTITY_KEYS_UNAVAILABLE);
            }
            throw new InvalidAlbTokenException("signing key for kid " + kid + " refused ("
                    + e.reason() + "): " + e.getMessage(), e);
        }
    }

    /**
     * ES256 with the JDK alone: SHA-256 over the received {@code header.payload} text (padding and all), the 64 raw
     * JOSE bytes checked as r||s ({@code SHA256withECDSAinP1363Format}, no DER transcoding). r and s must lie in
     * [1, n-1] before the JDK sees them, whatever its version (CVE-2022-21449 accepted r = s = 0 on JDK 15-18.0.0).
     * A JOSE library would do the same after loading some two hundred classes on the cold path.
     */
    private static void verifySignature(String token, byte[] signature, ECPublicKey key, String kid) {
        BigInteger order = key.getParams().getOrder();
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(signature, 0, 32));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, 32, 64));
        if (r.signum() == 0 || s.signum() == 0 || r.compareTo(order) >= 0 || s.compareTo(order) >= 0) {
            throw new InvalidAlbTokenException("signature does not verify with the key of kid " + kid
                    + ": r or s outside [1, n-1]");
        }
        boolean valid;
        try {
            Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
            verifier.initVerify(key);
            verifier.update(token.substring(0, token.lastIndexOf('.')).getBytes(StandardCharsets.US_ASCII));
            valid = verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            throw new InvalidAlbTokenException("signature could not be checked: " + e.getMessage(), e);
        }
        if (!valid) {
            throw new InvalidAlbTokenException("signature does not verify with the key of kid " + kid);
        }
    }

    /**
     * The client address: the right-most {@code x-forwarded-for} entry, trimmed; {@code "unknown"} when absent.
     * ALB (default {@code append} mode) appends the address it accepted the connection from, so the
     * right-most entry is the one a client cannot forge; anything left of it is whatever the client sent.
     */
    static String sourceIp(String forwardedFor) {
        if (forwardedFor == null) {
            return "unknown";
        }
        int comma = forwardedFor.lastIndexOf(',');
        String last = (comma < 0 ? forwardedFor : forwardedFor.substring(comma + 1)).trim();
        return last.isEmpty() ? "unknown" : last;
    }

    private static void checkExp(Object exp, String where, long now) {
        if (!(exp instanceof Number n)) {
            throw new InvalidAlbTokenException(where + " exp " + describe(exp) + " is not a number");
        }
        long expSeconds = n.longValue();
        if (now > expSeconds + CLOCK_SKEW_SECONDS) {
            throw new InvalidAlbTokenException("token expired: " + where + " exp " + expSeconds + " is "
                    + (now - expSeconds) + " s before now (" + now + "), more than the " + CLOCK_SKEW_SECONDS
                    + " s skew allowed");
        }
    }

    private static String requiredString(Map<String, Object> payload, String name) {
        Object v = payload.get(name);
        if (!(v instanceof String s) || s.isBlank()) {
            throw new InvalidAlbTokenException("payload " + name + " " + describe(v) + " missing or not a string");
        }
        return s;
    }

    /**
     * A segment's JSON object through the one strict reader ({@link Json#readObject}: a signed duplicate is refused,
     * never resolved), as plain values: strings, numbers, booleans, null; nested objects and arrays stay nodes.
     */
    private static Map<String, Object> json(String segment, String what) {
        ObjectNode object;
        try {
            object = Json.readObject(decode(segment, what), CoreText.THE_EVENT);
        } catch (SwitchboardException e) {
            String reason = e.getCause() instanceof JsonProcessingException j ? j.getOriginalMessage() : e.code();
            throw new InvalidAlbTokenException(what + " is not a JSON object: " + reason, e);
        }
        Map<String, Object> out = new HashMap<>();
        object.fields().forEachRemaining(field -> out.put(field.getKey(), plain(field.getValue())));
        return out;
    }

    private static Object plain(JsonNode node) {
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isNumber()) {
            return node.numberValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return node.isNull() ? null : node;
    }

    private static byte[] decode(String segment, String what) {
        // Insist on the alphabet: some decoders skip characters outside it.
        if (!SEGMENT.matcher(segment).matches()) {
            throw new InvalidAlbTokenException(what + " is not base64url");
        }
        try {
            // The JDK URL decoder is strict about the alphabet and accepts = padding (or none).
            return Base64.getUrlDecoder().decode(segment);
        } catch (IllegalArgumentException e) {
            throw new InvalidAlbTokenException(what + " is not valid base64url: " + e.getMessage(), e);
        }
    }

    private static String describe(Object value) {
        if (value == null) {
            return "(absent)";
        }
        String s = value instanceof String str ? "'" + str + "'" : String.valueOf(value);
        s = s.replaceAll("\\p{Cntrl}", "?");
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
