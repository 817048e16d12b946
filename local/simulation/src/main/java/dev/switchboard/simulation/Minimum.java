package dev.switchboard.simulation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The reference every setting is measured against: associated exactly while someone needs it. It knows the
 * future, so it turns the VPN off the moment the last person disconnects, unless the next person comes sooner
 * than a turn-off and a turn-on would take (then staying on is cheaper and nobody waits). It turns on only when
 * someone asks, like the portal, so people wait for the association as they do with any setting; and like EC2 it
 * bills the association and the disassociation minutes.
 */
final class Minimum {

    private Minimum() {
    }

    static Result of(Workload workload, Duration association, Duration disassociation) {
        List<Workload.Session> sessions = workload.sessions();
        List<Duration> waits = new ArrayList<>();
        Duration billed = Duration.ZERO;
        int turnOns = 0;
        Instant onSince = null;   // start of the current on-period (its first request)
        Instant readyAt = null;   // when its association completes
        Instant busyUntil = null; // when its last session so far ends
        for (int i = 0; i < sessions.size(); i++) {
            Workload.Session s = sessions.get(i);
            if (onSince == null) {
                onSince = s.request();
                readyAt = s.request().plus(association);
                busyUntil = readyAt;
                turnOns++;
            }
            Instant usable = s.request().isBefore(readyAt) ? readyAt : s.request();
            waits.add(Duration.between(s.request(), usable));
            Instant end = usable.plus(s.connectDelay()).plus(s.work());
            busyUntil = end.isAfter(busyUntil) ? end : busyUntil;
            Instant next = i + 1 < sessions.size() ? sessions.get(i + 1).request() : null;
            // Off and on again costs the disassociation and the association: bridge any shorter gap.
            if (next == null || Duration.between(busyUntil, next).compareTo(association.plus(disassociation)) >= 0) {
                billed = billed.plus(Duration.between(onSince, busyUntil.plus(disassociation)));
                onSince = null;
            }
        }
        return Result.reference("minimum: associated exactly while someone needs it", billed, turnOns, waits);
    }

    /** Always associated: the month's hours, nobody waits. */
    static Result alwaysOn(Workload workload) {
        return Result.reference("always on", Duration.between(workload.start(), workload.end()), 0,
                workload.sessions().stream().map(s -> Duration.ZERO).toList());
    }
}
