package dev.switchboard.core.identity;

/**
 * The precise reason an {@code x-amzn-oidc-data} token was refused. It is the cause of the 401
 * {@link dev.switchboard.core.http.SwitchboardException}: it goes to the log, never to the page.
 */
public final class InvalidAlbTokenException extends RuntimeException {

    public InvalidAlbTokenException(String message) {
        super(message);
    }

    public InvalidAlbTokenException(String message, Throwable cause) {
        super(message, cause);
    }
}
