package dev.switchboard.vpn.autooff;

import dev.switchboard.vpn.Connection;
import dev.switchboard.vpn.Endpoint;
import dev.switchboard.vpn.VpnTags;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether the VPN has been idle long enough to turn off. Pure: it sees the endpoint's tags, the
 * connections EC2 lists and the time, so every edge can be specified without AWS.
 *
 * <p>Idle since = the latest of the last turn-on ({@code TURNED_ON_AT}) and the latest end of a listed
 * connection. EC2 lists ended connections for 60 minutes only, so with no connection listed the last
 * turn-on is the only evidence.
 *
 * <p>The turn-on time is unknown when the tag is missing or unreadable, or older than the last turn-off
 * (then the VPN was turned on outside Switchboard, e.g. in the console). The grace period exists to give the
 * person who turned the VPN on time to connect; so with an unknown turn-on the rule only acts on evidence
 * that someone did use this on-period (a connection established after the last turn-off that has since
 * ended) and otherwise waits: it never cuts off a VPN whose turn-on it cannot date. The nightly
 * {@code force} run still turns such a VPN off.
 */
final class IdleRule {

    /** The rule's answer, with the times it used (null when unknown). */
    record Verdict(Decision decision, String reason, Instant turnedOnAt, Instant idleSince, Instant offAfter) {
    }

    private final Duration idle;
    private final Duration grace;

    IdleRule(int idleMinutes, int graceMinutes) {
        this.idle = Duration.ofMinutes(idleMinutes);
        this.grace = Duration.ofMinutes(graceMinutes);
    }

    Verdict evaluate(Endpoint endpoint, List<Connection> connections, Instant now) {
        long active = connections.stream().filter(Connection::active).count();
        Optional<Instant> offAt = endpoint.instantTag(VpnTags.TURNED_OFF_AT);
        Instant onAt = endpoint.instantTag(VpnTags.TURNED_ON_AT)
                .filter(on -> offAt.map(off -> !on.isBefore(off)).orElse(true))
                .orElse(null);
        if (active > 0) {
            return new Verdict(Decision.IN_USE, active + " active connection(s)", onAt, null, null);
        }
        if (onAt != null) {
            Instant idleSince = latest(onAt, latestEnd(connections, null));
            Instant offAfter = latest(onAt.plus(grace), idleSince.plus(idle));
            if (now.isBefore(onAt.plus(grace))) {
                return new Verdict(Decision.GRACE_PERIOD, "turned on at " + onAt + "; the grace period of "
                        + grace.toMinutes() + " min runs until " + onAt.plus(grace), onAt, idleSince, offAfter);
            }
            return idleFor(onAt, idleSince, offAfter, now);
        }
        Instant evidence = latestEnd(connections, offAt.orElse(null));
        if (evidence == null) {
            return new Verdict(Decision.TURN_ON_UNKNOWN, "no readable " + VpnTags.TURNED_ON_AT
                    + " tag newer than the last turn-off and no recent connection: cannot date the turn-on, waiting",
                    null, null, null);
        }
        return idleFor(null, evidence, evidence.plus(idle), now);
    }

    private Verdict idleFor(Instant onAt, Instant idleSince, Instant offAfter, Instant now) {
        if (now.isBefore(offAfter)) {
            return new Verdict(Decision.NOT_IDLE_LONG_ENOUGH, "idle since " + idleSince + "; turns off after "
                    + offAfter + " (" + idle.toMinutes() + " min idle)", onAt, idleSince, offAfter);
        }
        return new Verdict(Decision.TURN_OFF, "no active connection since " + idleSince + " ("
                + Duration.between(idleSince, now).toMinutes() + " min, limit " + idle.toMinutes() + " min)",
                onAt, idleSince, offAfter);
    }

    /** The latest end among ended connections, counting only those established after {@code after} when given. */
    private static Instant latestEnd(List<Connection> connections, Instant after) {
        Instant latest = null;
        for (Connection c : connections) {
            if (c.active() || c.endedAt().isEmpty()) {
                continue;
            }
            if (after != null && (c.established() == null || !c.established().isAfter(after))) {
                continue;
            }
            latest = latest(latest, c.endedAt().get());
        }
        return latest;
    }

    private static Instant latest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
