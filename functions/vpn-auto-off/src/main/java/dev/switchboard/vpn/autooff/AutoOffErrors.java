package dev.switchboard.vpn.autooff;

import dev.switchboard.core.text.ErrorCode;
import dev.switchboard.core.text.Problem;

/** The auto-off function's errors (its envelope errors are the shared ones in {@code CoreErrors}). */
public final class AutoOffErrors {

    public static final ErrorCode INVALID_DRY_RUN = ErrorCode.of("invalid_dry_run", Problem.INVALID,
            "dryRun must be true or false (a JSON boolean).",
            "dryRun には true または false (JSON の真偽値) を指定してください。");

    private AutoOffErrors() {
    }
}
