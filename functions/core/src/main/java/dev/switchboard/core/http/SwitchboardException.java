package dev.switchboard.core.http;

import dev.switchboard.core.text.ErrorCode;
import dev.switchboard.core.text.Problem;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * An error a user may see: a catalog {@link ErrorCode} and its arguments (e.g. the offending entry), never an HTTP
 * status or a finished sentence; the edge ({@link ErrorResponses}) turns the code's {@link Problem} into the
 * status and the code's text into the reader's language, once. The cause keeps the internals for the log and never
 * reaches the page. {@link #getMessage()} is the English text, so log lines stay English.
 */
public class SwitchboardException extends RuntimeException {

    private final transient ErrorCode error;
    private final transient List<Object> args;

    public SwitchboardException(ErrorCode error, Object... args) {
        this(null, error, args);
    }

    private SwitchboardException(Throwable cause, ErrorCode error, Object... args) {
        super(error.inEnglish(args), cause);
        this.error = error;
        this.args = Collections.unmodifiableList(Arrays.asList(args.clone()));
    }

    /** The same error, keeping {@code cause} for the log. */
    public static SwitchboardException because(Throwable cause, ErrorCode error, Object... args) {
        return new SwitchboardException(cause, error, args);
    }

    public ErrorCode error() {
        return error;
    }

    /** A stable, machine-readable code for JSON answers and logs, e.g. {@code invalid_entry}. */
    public String code() {
        return error.code();
    }

    public Problem problem() {
        return error.problem();
    }

    /** The HTTP status the edge answers with. */
    public int status() {
        return ErrorResponses.status(error.problem());
    }

    /** The message for a reader of {@code lang}; safe to display, never an SDK message. */
    public String message(Lang lang) {
        return error.in(lang, args.toArray());
    }

    /** The English message (for logs and tests). */
    public String userMessage() {
        return getMessage();
    }
}
