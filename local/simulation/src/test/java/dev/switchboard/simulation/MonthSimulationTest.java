package dev.switchboard.simulation;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulation runs and its invariants hold, on two hand-made days (the full month is {@code local/simulation/run}):
 * nobody can do with less than the minimum, the default setting cuts nobody, and a cut is seen when one happens.
 */
class MonthSimulationTest {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);

    /** Two mornings that overlap, an afternoon after a long gap, and a late worker across 22:00; the next day one short need. */
    private static final Workload DAYS = new Workload("test", DAY, 2, TOKYO, List.of(
            session("a", DAY, "09:00", 60), session("b", DAY, "09:30", 120), session("c", DAY, "15:00", 30),
            session("late", DAY, "21:30", 70), session("d", DAY.plusDays(1), "10:00", 20)));

    @Test
    void defaults_cutNobody_andCostNoLessThanTheMinimum() {
        Result min = Minimum.of(DAYS, MonthSimulation.ASSOCIATION, MonthSimulation.DISASSOCIATION);

        Result defaults = MonthSimulation.run(DAYS, Policy.defaults());

        assertThat(defaults.cuts()).isZero();
        assertThat(defaults.hours()).isGreaterThanOrEqualTo(min.hours());
        assertThat(defaults.totalWaitMinutes()).isGreaterThanOrEqualTo(min.totalWaitMinutes());
        assertThat(defaults.waits()).hasSize(DAYS.sessions().size());
        // Every first visit to an off VPN waits for the association, and the page notices within one refresh.
        assertThat(defaults.p95WaitMinutes()).isBetween(7.0, 7.0 + MonthSimulation.PAGE_REFRESH.toSeconds() / 60.0);
        assertThat(defaults.turnOns()).isGreaterThanOrEqualTo(min.turnOns());
        assertThat(defaults.invocations()).isPositive();
    }

    @Test
    void forcedNightly_cutsTheLateWorker_whoComesBackToFinish() {
        Result forced = MonthSimulation.run(DAYS, Policy.oldDefaults());

        assertThat(forced.cuts()).isEqualTo(1);
        assertThat(forced.hours()).isGreaterThanOrEqualTo(
                Minimum.of(DAYS, MonthSimulation.ASSOCIATION, MonthSimulation.DISASSOCIATION).hours());
    }

    @Test
    void minimum_aloneOnADay_isItsWorkPlusTheAssociationAndDisassociation() {
        Workload one = new Workload("one", DAY, 1, TOKYO, List.of(session("a", DAY, "09:00", 60)));

        Result min = Minimum.of(one, Duration.ofMinutes(7), Duration.ofMinutes(2));

        assertThat(min.associationTime()).isEqualTo(Duration.ofMinutes(7 + 60 + 2).plusSeconds(30));
        assertThat(min.totalWaitMinutes()).isEqualTo(7.0);
        assertThat(min.turnOns()).isEqualTo(1);
    }

    @Test
    void generate_sameSeed_sameMonth_andTheShapesDiffer() {
        Workload a = Workload.generate(Workload.Shape.TYPICAL, 14, DAY, 30, TOKYO);

        assertThat(Workload.generate(Workload.Shape.TYPICAL, 14, DAY, 30, TOKYO)).isEqualTo(a);
        assertThat(a.sessions()).hasSizeBetween(150, 300);
        assertThat(Workload.generate(Workload.Shape.QUIET, 14, DAY, 30, TOKYO).sessions().size())
                .isLessThan(a.sessions().size() / 3);
        assertThat(Workload.generate(Workload.Shape.LATE, 14, DAY, 30, TOKYO).sessions())
                .anySatisfy(s -> assertThat(s.request().plus(s.work()).atZone(TOKYO).toLocalTime())
                        .isAfter(LocalTime.of(22, 0)));
    }

    private static Workload.Session session(String person, LocalDate day, String at, int minutes) {
        return new Workload.Session(person, day.atTime(LocalTime.parse(at)).atZone(TOKYO).toInstant(),
                Duration.ofMinutes(minutes), Duration.ofSeconds(30));
    }
}
