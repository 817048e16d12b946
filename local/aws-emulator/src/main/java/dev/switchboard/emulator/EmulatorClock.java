package dev.switchboard.emulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The emulator's clock: the system clock plus an offset that tests move forward; or, once frozen, a fixed
 * instant plus that offset, so that only the caller moves it (a simulation that must be repeatable to the second).
 */
final class EmulatorClock extends Clock {
    private volatile Duration offset = Duration.ZERO;
    private volatile Instant frozenAt;

    /** From now on the clock reads {@code at} and moves only when advanced. */
    synchronized void freezeAt(Instant at) {
        frozenAt = at;
        offset = Duration.ZERO;
    }

    void advance(Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("the clock only moves forward");
        }
        synchronized (this) {
            offset = offset.plus(d);
        }
    }

    synchronized void reset() {
        offset = Duration.ZERO;
        frozenAt = null;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }

    @Override
    public Instant instant() {
        Instant base = frozenAt;
        return (base == null ? Instant.now() : base).plus(offset);
    }
}
