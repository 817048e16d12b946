package dev.switchboard.simulation;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A month of people needing the VPN, drawn from a seeded generator: the same shape and seed give the same month.
 *
 * @param sessions every need, in request order
 */
record Workload(String name, LocalDate firstDay, int days, ZoneId zone, List<Session> sessions) {

    /**
     * One person needing the VPN: opens the page at {@code request}, connects {@code connectDelay} after the
     * page says Ready, and works for {@code work} (longer if a cut makes them reconnect).
     */
    record Session(String person, Instant request, Duration work, Duration connectDelay) {
    }

    Workload {
        sessions = sessions.stream().sorted(Comparator.comparing(Session::request)).toList();
    }

    Instant start() {
        return firstDay.atStartOfDay(zone).toInstant();
    }

    Instant end() {
        return firstDay.plusDays(days).atStartOfDay(zone).toInstant();
    }

    /** The shapes tried; each is a different kind of team, so the defaults are not tuned to one month. */
    enum Shape {
        /** 6 people, about one short session a working day between them. */
        QUIET,
        /** Like the month: 25 people, ~250 sessions, mostly mornings, some afternoons, a few late and weekends. */
        TYPICAL,
        /** 60 people, most of them every working day, morning and afternoon. */
        BUSY,
        /** The typical team plus six people who often work 19:00-23:30, across the nightly time. */
        LATE,
        /** A small team that works on weekends as much as on weekdays, at any hour from 8 to 23. */
        WEEKENDS;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static Workload generate(Shape shape, long seed, LocalDate firstDay, int days, ZoneId zone) {
        Random r = new Random(seed * 31 + shape.ordinal());
        List<Session> out = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            LocalDate day = firstDay.plusDays(d);
            boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
            Day gen = new Day(r, day, zone, out);
            switch (shape) {
                case QUIET -> gen.team("quiet", 6, weekend ? 0.0 : 0.18, 0.05, 0.0, 0.0);
                case TYPICAL -> gen.team("typical", 25, weekend ? 0.02 : 0.30, 0.10, 0.02, 0.0);
                case BUSY -> gen.team("busy", 60, weekend ? 0.03 : 0.75, 0.45, 0.03, 0.0);
                case LATE -> {
                    gen.team("typical", 25, weekend ? 0.02 : 0.30, 0.10, 0.02, 0.0);
                    gen.team("late", 6, weekend ? 0.05 : 0.0, 0.0, 0.0, weekend ? 0.0 : 0.40);
                }
                case WEEKENDS -> gen.anyHour("weekend", 8, 0.35);
            }
        }
        return new Workload(shape.label(), firstDay, days, zone, out);
    }

    /** The draws of one day. */
    private record Day(Random r, LocalDate day, ZoneId zone, List<Session> out) {

        /**
         * {@code people} who each, independently: start a morning session (08:30-11:30, 30 min-4 h) with
         * {@code pMorning}; an afternoon one (13:00-17:00, 30 min-3 h) with {@code pAfternoon}; a late one
         * (20:00-21:50, until 22:10-23:30) with {@code pLate}; an evening one (19:00-21:30, 1-4 h) with
         * {@code pEvening}.
         */
        void team(String prefix, int people, double pMorning, double pAfternoon, double pLate, double pEvening) {
            for (int p = 0; p < people; p++) {
                String person = prefix + "-" + p;
                if (r.nextDouble() < pMorning) {
                    add(person, at(8, 30, 180), minutes(30, 240));
                }
                if (r.nextDouble() < pAfternoon) {
                    add(person, at(13, 0, 240), minutes(30, 180));
                }
                if (r.nextDouble() < pLate) {
                    LocalTime start = LocalTime.of(20, 0).plusMinutes(r.nextInt(110));
                    LocalTime until = LocalTime.of(22, 10).plusMinutes(r.nextInt(80));
                    add(person, day.atTime(start).atZone(zone).toInstant(), Duration.between(start, until));
                }
                if (r.nextDouble() < pEvening) {
                    add(person, at(19, 0, 150), minutes(60, 240));
                }
            }
        }

        /** 5 people, each with {@code p} chance a day of one session at any hour from {@code from}:00 to 23:00. */
        void anyHour(String prefix, int from, double p) {
            for (int i = 0; i < 5; i++) {
                if (r.nextDouble() < p) {
                    add(prefix + "-" + i, at(from, 0, (23 - from) * 60 - 30), minutes(20, 180));
                }
            }
        }

        private Instant at(int hour, int minute, int spreadMinutes) {
            return day.atTime(hour, minute).plusMinutes(r.nextInt(spreadMinutes)).atZone(zone).toInstant();
        }

        private Duration minutes(int min, int max) {
            return Duration.ofMinutes(min + r.nextInt(max - min + 1));
        }

        private void add(String person, Instant request, Duration work) {
            // People connect when the page says Ready, some at once, some after a coffee.
            out.add(new Session(person, request, work, Duration.ofSeconds(r.nextInt(4 * 60))));
        }
    }
}
