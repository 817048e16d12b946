package dev.switchboard.vpn.autooff;

import dev.switchboard.vpn.Connection;
import dev.switchboard.vpn.Endpoint;
import dev.switchboard.vpn.VpnTags;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Decides whether the VPN is unused long enough to turn off. Pure: it sees the endpoint's tags, the
 * connections EC2 lists and the time, so every edge can be specified without AWS.
 *
 * <p>Two different waits, so that each setting matters on its own:
 * <ul>
 *   <li><b>grace</b> (GRACE_MINUTES): after a turn-on that nobody has used yet, the VPN stays on this long from
 *       the turn-on. It covers the 5-10 minute association and the person's first connection.</li>
 *   <li><b>idle</b> (IDLE_MINUTES; after the nightly time the shorter of it and NIGHTLY_IDLE_MINUTES): once someone
 *       has used the on-period, the VPN stays on this long after the last connection ended.</li>
 * </ul>
 * "Used" means a connection EC2 lists as ended after the turn-on. EC2 lists ended connections for 60 minutes
 * only, which is why both idle settings are at most 60: a use older than that is already idle long enough.
 *
 * <p>The turn-on time is unknown when the tag is missing or unreadable, or older than the last turn-off
 * (then the VPN was turned on outside Switchboard, e.g. in the console). With an unknown turn-on the rule only
 * acts on evidence that someone did use this on-period (a connection established after the last turn-off that
 * has since ended) and otherwise waits: it never turns off a VPN whose turn-on it cannot date. The nightly
 * run marks it, and a deadline (force) still turns it off.
 */
final class IdleRule {

    /** The rule's answer, with the times it used (null when unknown). */
    record Verdict(Decision decision, String reason, Instant turnedOnAt, Instant idleSince, Instant offAfter) {
    }

    private final Duration idle;
    private final Duration grace;
    private final Duration nightlyIdle;

    /** {@code idleMinutes} 0 = no idle rule by day (after the nightly time only the nightly idle applies). */
    IdleRule(int idleMinutes, int graceMinutes, int nightlyIdleMinutes) {
        this.idle = Duration.ofMinutes(idleMinutes);
        this.grace = Duration.ofMinutes(graceMinutes);
        this.nightlyIdle = Duration.ofMinutes(idleMinutes == 0 ? nightlyIdleMinutes
                : Math.min(idleMinutes, nightlyIdleMinutes));
    }

    /** {@code afterNightly}: a nightly run has asked for the VPN to go off since the last turn-on. */
    Verdict evaluate(Endpoint endpoint, List<Connection> connections, Instant now, boolean afterNightly) {
        long active = connections.stream().filter(Connection::active).count();
        Instant onAt = endpoint.turnedOnAndNotOff().orElse(null);
        if (active > 0) {
            return new Verdict(Decision.IN_USE, active + " active connection(s)", onAt, null, null);
        }
        Duration wait = afterNightly ? nightlyIdle : idle;
        String which = afterNightly ? "after the nightly time, " : "";
        if (onAt != null) {
            Instant lastEnd = latestEnd(connections, onAt, false);
            if (lastEnd == null) {
                Instant offAfter = onAt.plus(grace);
                if (now.isBefore(offAfter)) {
                    return new Verdict(Decision.GRACE_PERIOD, "turned on at " + onAt + " and not used yet; the grace of "
                            + grace.toMinutes() + " min for a first connection runs until " + offAfter,
                            onAt, onAt, offAfter);
                }
                return new Verdict(Decision.TURN_OFF, "turned on at " + onAt + " and nobody connected within the grace of "
                        + grace.toMinutes() + " min", onAt, onAt, offAfter);
            }
            return idleFor(onAt, lastEnd, wait, which, now);
        }
        Instant evidence = latestEnd(connections, endpoint.instantTag(VpnTags.TURNED_OFF_AT).orElse(null), true);
        if (evidence == null) {
            return new Verdict(Decision.TURN_ON_UNKNOWN, "no readable " + VpnTags.TURNED_ON_AT
                    + " tag newer than the last turn-off and no recent connection: cannot date the turn-on, waiting",
                    null, null, null);
        }
        return idleFor(null, evidence, wait, which, now);
    }

    private static Verdict idleFor(Instant onAt, Instant idleSince, Duration wait, String which, Instant now) {
        Instant offAfter = idleSince.plus(wait);
        if (now.isBefore(offAfter)) {
            return new Verdict(Decision.NOT_IDLE_LONG_ENOUGH, which + "idle since " + idleSince + "; turns off after "
                    + offAfter + " (" + wait.toMinutes() + " min idle)", onAt, idleSince, offAfter);
        }
        return new Verdict(Decision.TURN_OFF, which + "no active connection since " + idleSince + " ("
                + Duration.between(idleSince, now).toMinutes() + " min, limit " + wait.toMinutes() + " min)",
                onAt, idleSince, offAfter);
    }

    /**
     * The latest end among ended connections that belong to this on-period: ended after {@code after} (the
     * turn-on), or, when the turn-on is unknown, established after {@code after} (the last turn-off: connections
     * the turn-off itself ended end after it too). Null when there is none.
     */
    private static Instant latestEnd(List<Connection> connections, Instant after, boolean byEstablished) {
        Instant latest = null;
        for (Connection c : connections) {
            if (c.active() || c.endedAt().isEmpty()) {
                continue;
            }
            Instant end = c.endedAt().get();
            Instant ref = byEstablished ? c.established() : end;
            if (after != null && (ref == null || !ref.isAfter(after))) {
                continue;
            }
            latest = latest == null || end.isAfter(latest) ? end : latest;
        }
        return latest;
    }
}
