package dev.switchboard.core.http;

/**
 * An error a user may see. It carries the HTTP status that fits and a message written for the user;
 * the cause keeps the internals for the log and never reaches the page.
 */
public class SwitchboardException extends RuntimeException {

    private final int status;
    private final String code;

    public SwitchboardException(int status, String code, String userMessage) {
        this(status, code, userMessage, null);
    }

    public SwitchboardException(int status, String code, String userMessage, Throwable cause) {
        super(userMessage, cause);
        this.status = status;
        this.code = code;
    }

    /** HTTP status: 400 bad input, 401 no identity, 403 not allowed, 404, 409 conflict, 413, 503 upstream. */
    public int status() {
        return status;
    }

    /** A stable, machine-readable code for JSON answers and logs, e.g. {@code invalid_entry}. */
    public String code() {
        return code;
    }

    /** The message shown to the user; safe to display, never an SDK message. */
    public String userMessage() {
        return getMessage();
    }

    public static SwitchboardException badRequest(String code, String message) {
        return new SwitchboardException(400, code, message);
    }

    public static SwitchboardException unauthenticated(String message, Throwable cause) {
        return new SwitchboardException(401, "unauthenticated", message, cause);
    }

    public static SwitchboardException forbidden(String message) {
        return new SwitchboardException(403, "forbidden", message);
    }

    public static SwitchboardException notFound(String code, String message) {
        return new SwitchboardException(404, code, message);
    }

    public static SwitchboardException conflict(String code, String message) {
        return new SwitchboardException(409, code, message);
    }

    public static SwitchboardException payloadTooLarge(String message) {
        return new SwitchboardException(413, "payload_too_large", message);
    }

    public static SwitchboardException unavailable(String code, String message, Throwable cause) {
        return new SwitchboardException(503, code, message, cause);
    }

    /** Our configuration or permissions are wrong: a person in IT must act, retrying will not help. */
    public static SwitchboardException misconfigured(String code, String message, Throwable cause) {
        return new SwitchboardException(500, code, message, cause);
    }
}
