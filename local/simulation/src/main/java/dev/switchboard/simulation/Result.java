package dev.switchboard.simulation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What one way of running cost and what it made people go through.
 *
 * @param associationTime subnet-time billed (one subnet here: association-hours)
 * @param turnOns         associations started
 * @param waits           per session, how long the person waited for the VPN (all waits of a session summed)
 * @param cuts            active connections ended by a turn-off before the person was done
 * @param invocations     function invocations (page views, status polls, scheduled runs); 0 for references
 */
record Result(String name, Duration associationTime, int turnOns, List<Duration> waits, int cuts, int invocations) {

    Result {
        waits = List.copyOf(waits);
    }

    static Result reference(String name, Duration associationTime, int turnOns, List<Duration> waits) {
        return new Result(name, associationTime, turnOns, waits, 0, 0);
    }

    double hours() {
        return associationTime.toSeconds() / 3600.0;
    }

    double totalWaitMinutes() {
        return waits.stream().mapToLong(Duration::toSeconds).sum() / 60.0;
    }

    /** The 95th percentile of the sessions' waits, in minutes (nearest rank). */
    double p95WaitMinutes() {
        if (waits.isEmpty()) {
            return 0;
        }
        List<Duration> sorted = new ArrayList<>(waits);
        sorted.sort(null);
        int rank = (int) Math.ceil(0.95 * sorted.size());
        return sorted.get(Math.max(0, rank - 1)).toSeconds() / 60.0;
    }
}
