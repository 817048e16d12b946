package dev.switchboard.vpn.autooff;

import java.util.Locale;
import java.util.Optional;

/** What a run may do: turn off regardless of use, or only when the VPN has been idle long enough. */
public enum AutoOffMode {
    /** Disassociate every subnet now, even with people connected (the nightly turn-off). */
    FORCE,
    /** Disassociate only after IDLE_MINUTES without an active connection, and never inside the grace period. */
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
