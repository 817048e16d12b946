package dev.switchboard.core.http;

import dev.switchboard.core.text.ErrorCode;
import dev.switchboard.core.text.Problem;

/** Errors as a function's catalog would declare them, for the edge's tests. */
final class TestErrors {

    static final ErrorCode ADMIN_ONLY = ErrorCode.of("admin_only", Problem.FORBIDDEN,
            "Only administrators can turn the VPN off.", "VPN をオフにできるのは管理者だけです。");
    static final ErrorCode VPN_BUSY = ErrorCode.of("vpn_busy", Problem.UNAVAILABLE, "busy", "混み合っています");
    static final ErrorCode INVALID_ENTRY = ErrorCode.of("invalid_entry", Problem.INVALID,
            "{0} is not an IP address.", "{0} は IP アドレスではありません。");

    private TestErrors() {
    }
}
