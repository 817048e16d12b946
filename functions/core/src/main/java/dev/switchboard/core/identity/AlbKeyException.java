package dev.switchboard.core.identity;

/**
 * Why a signing key could not be had. The reason decides what the user sees: {@code UNAVAILABLE} is worth a
 * retry (503), the others mean the token cannot be verified with a key of our region (401).
 */
public final class AlbKeyException extends RuntimeException {

    public enum Reason {
        /** The endpoint says there is no such key (404, 403, 410, 400): the token was not signed in our region. */
        NOT_FOUND,
        /** The endpoint answered 200 with something that is not a PEM P-256 public key. */
        INVALID,
        /** The endpoint could not be reached, timed out, or answered 5xx/429/unexpectedly: retrying may help. */
        UNAVAILABLE
    }

    private final Reason reason;

    public AlbKeyException(Reason reason, String message) {
        this(reason, message, null);
    }

    public AlbKeyException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
