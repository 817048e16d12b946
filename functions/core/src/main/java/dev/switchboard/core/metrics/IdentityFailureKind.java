package dev.switchboard.core.metrics;

import dev.switchboard.core.http.SwitchboardException;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Why a request's ALB identity was refused, in the few kinds an operator acts on differently: {@code missing}
 * (a request that did not come through the ALB's sign-in), {@code expired}, {@code wrong_signer} (another load
 * balancer, client or issuer: a misconfiguration or a forgery), {@code bad_signature}, {@code malformed}, and
 * {@code keys_unavailable} (the ALB key endpoint could not be reached: everyone is refused with 503).
 *
 * <p>Read from the verifier's own reasons; the kind is a metric dimension, so the set stays this small.
 */
public enum IdentityFailureKind {
    MISSING, EXPIRED, WRONG_SIGNER, BAD_SIGNATURE, MALFORMED, KEYS_UNAVAILABLE;

    /** The dimension value, e.g. {@code wrong_signer}. */
    public String dimension() {
        return name().toLowerCase(Locale.ROOT);
    }

    static List<String> names() {
        return Arrays.stream(values()).map(IdentityFailureKind::dimension).toList();
    }

    /** The kind of an identity refusal: the 401 {@code unauthenticated} or the 503 {@code identity_keys_unavailable}. */
    public static IdentityFailureKind of(SwitchboardException refusal) {
        if ("identity_keys_unavailable".equals(refusal.code())) {
            return KEYS_UNAVAILABLE;
        }
        String reason = refusal.getCause() == null ? "" : String.valueOf(refusal.getCause().getMessage());
        if (reason.startsWith("no x-amzn-oidc-data header")) {
            return MISSING;
        }
        if (reason.startsWith("token expired")) {
            return EXPIRED;
        }
        if (reason.startsWith("signer ") || reason.startsWith("client ") || reason.contains("iss ")) {
            return WRONG_SIGNER;
        }
        if (reason.startsWith("signature does not verify") || reason.startsWith("no signing key")
                || reason.startsWith("signing key for kid")) {
            return BAD_SIGNATURE;
        }
        return MALFORMED;
    }

    /** Whether a refusal raised while verifying a request is an identity failure (and not, say, a bad form). */
    public static boolean isIdentityFailure(SwitchboardException e) {
        return e.status() == 401 || "identity_keys_unavailable".equals(e.code());
    }
}
