package dev.switchboard.vpn;

import dev.switchboard.core.text.ErrorCode;
import dev.switchboard.core.text.Problem;

/** What the VPN functions tell a person when EC2 cannot do what was asked. */
public final class VpnErrors {

    /** Throttling, 5xx or transport failures that outlasted the SDK's retries. */
    public static final ErrorCode VPN_UNAVAILABLE = ErrorCode.of("vpn_unavailable", Problem.UNAVAILABLE,
            "The VPN service is busy. Please try again in a minute.",
            "VPN サービスが混み合っています。1 分ほどしてから再度お試しください。");
    /** EC2 refused for a reason retrying will not fix (unknown endpoint or subnet, missing permission). */
    public static final ErrorCode VPN_MISCONFIGURED = ErrorCode.of("vpn_misconfigured", Problem.MISCONFIGURED,
            "The VPN is misconfigured. Please tell IT.",
            "VPN の設定に問題があります。IT 担当者に連絡してください。");

    private VpnErrors() {
    }
}
