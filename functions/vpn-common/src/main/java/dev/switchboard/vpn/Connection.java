package dev.switchboard.vpn;

import java.time.Instant;
import java.util.Optional;

/**
 * A client connection. EC2 lists connections ended in the last 60 minutes too: only {@code active}
 * ones count as someone using the VPN.
 *
 * @param established when it started (EC2 gives {@code 2019-08-12 07:57:14}, UTC)
 * @param ended       when it ended; null while active (EC2 gives {@code -})
 */
public record Connection(String id, String username, String clientIp, String status, Instant established,
                         Instant ended) {

    public static final String ACTIVE = "active";

    public boolean active() {
        return ACTIVE.equals(status);
    }

    public Optional<Instant> endedAt() {
        return Optional.ofNullable(ended);
    }
}
