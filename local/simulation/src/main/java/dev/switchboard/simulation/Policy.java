package dev.switchboard.simulation;

import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One way of running Switchboard: the template's schedule settings, and which command the nightly schedule sends.
 *
 * @param idleMinutes        IDLE_MINUTES (0 = no idle rule by day)
 * @param graceMinutes       GRACE_MINUTES
 * @param nightlyIdleMinutes NIGHTLY_IDLE_MINUTES
 * @param checkMinutes       IdleCheckMinutes: how often the idle check runs (0 = never)
 * @param nightlyCommand     what the nightly schedule sends at 22:00: {@code nightly}, or {@code force} as before
 * @param deadline           NIGHTLY_DEADLINE: the optional forced turn-off
 */
record Policy(String name, int idleMinutes, int graceMinutes, int nightlyIdleMinutes, int checkMinutes,
              String nightlyCommand, Optional<LocalTime> deadline) {

    static final LocalTime NIGHTLY = LocalTime.of(22, 0);

    /** The template's defaults (the same as VpnSettings'). */
    static Policy defaults() {
        return tuned("defaults: idle 10 / grace 20 / night 5", 10, 20, 5, 5);
    }

    static Policy tuned(String name, int idle, int grace, int nightlyIdle, int check) {
        return new Policy(name, idle, grace, nightlyIdle, check, "nightly", Optional.empty());
    }

    /** The template before issue 14: idle 60 / grace 30, 22:00 forced. Grace 60 reproduces the old rule exactly. */
    static Policy oldDefaults() {
        return new Policy("old defaults (idle 60 / grace 30, 22:00 forced)", 60, 60, 5, 5, "force", Optional.empty());
    }

    /** Seed 004's way: the portal turns on, 22:00 turns off, nothing else. */
    static Policy seedStyle() {
        return new Policy("seed 004 style (22:00 forced only)", 0, 0, 0, 0, "force", Optional.empty());
    }

    Policy withDeadline(LocalTime at) {
        return new Policy(name + ", deadline " + at, idleMinutes, graceMinutes, nightlyIdleMinutes, checkMinutes,
                nightlyCommand, Optional.of(at));
    }

    /** The schedule part of the functions' environment. */
    Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("IDLE_MINUTES", String.valueOf(idleMinutes));
        env.put("GRACE_MINUTES", String.valueOf(graceMinutes));
        env.put("NIGHTLY_IDLE_MINUTES", String.valueOf(nightlyIdleMinutes));
        env.put("NIGHTLY_OFF_TIME", NIGHTLY.toString());
        deadline.ifPresent(d -> env.put("NIGHTLY_DEADLINE", d.toString()));
        return env;
    }
}
