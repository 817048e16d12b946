package dev.switchboard.vpn.portal;

import dev.switchboard.core.text.ErrorCode;
import dev.switchboard.core.text.Problem;

/** What the portal refuses, and why, in both languages. */
public final class PortalErrors {

    public static final ErrorCode TURNING_OFF = ErrorCode.of("turning_off", Problem.CONFLICT,
            "The VPN is being turned off. Wait until it is off (a few minutes), then turn it on again.",
            "VPN をオフにしている途中です。オフになるまで（数分）待ってから、再度オンにしてください。");
    public static final ErrorCode ADMIN_ONLY = ErrorCode.of("admin_only", Problem.FORBIDDEN,
            "Only administrators can turn the VPN off.",
            "VPN をオフにできるのは管理者だけです。");
    public static final ErrorCode CONFIRMATION_REQUIRED = ErrorCode.of("confirmation_required", Problem.INVALID,
            "Turning the VPN off ends {0} active connection(s). Tick \"I understand\" (confirm=yes) to turn it off.",
            "VPN をオフにすると接続中の {0} 件の接続が切断されます。「理解しました」にチェック（confirm=yes）を入れてください。");

    private PortalErrors() {
    }
}
