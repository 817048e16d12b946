package dev.switchboard.vpn.autooff;

/** Why a run did or did not turn the VPN off; the wire form is a stable code for logs and alarms. */
public enum Decision {
    TURN_OFF("turn-off"),
    ALREADY_OFF("already-off"),
    IN_PROGRESS("in-progress"),
    IDLE_RULE_DISABLED("idle-rule-disabled"),
    IN_USE("in-use"),
    GRACE_PERIOD("grace-period"),
    NOT_IDLE_LONG_ENOUGH("not-idle-long-enough"),
    TURN_ON_UNKNOWN("turn-on-unknown");

    private final String code;

    Decision(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
