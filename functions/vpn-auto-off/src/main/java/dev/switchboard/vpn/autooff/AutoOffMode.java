package dev.switchboard.vpn.autooff;

import java.util.Locale;
import java.util.Optional;

/** What a run may do: turn off regardless of use, or only when nobody is using the VPN. */
public enum AutoOffMode {
    /**
     * The nightly turn-off (NIGHTLY_OFF_TIME): off now if nobody is connected; otherwise it leaves a mark and the
     * idle checks turn the VPN off once nobody has been connected for NIGHTLY_IDLE_MINUTES. Never cuts anyone.
     */
    NIGHTLY,
    /** Disassociate every subnet now, even with people connected (an administrator, or NIGHTLY_DEADLINE). */
    FORCE,
    /** Disassociate only when unused: see {@link IdleRule} (grace after a turn-on, idle after the last use). */
    IDLE;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The audit actor and the {@code TURNED_OFF_BY} tag value, e.g. {@code auto-off:idle}. */
    public String actor() {
        return "auto-off:" + wire();
    }

    public static Optional<AutoOffMode> parse(String text) {
        for (AutoOffMode m : values()) {
            if (m.wire().equals(text)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
