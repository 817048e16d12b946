package dev.switchboard.vpn.autooff;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class SavingEstimateTest {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @Test
    void of_nightlyForceAt2200Tokyo_countsUntilLocalMidnight() {
        Instant at2200 = Instant.parse("2026-11-21T13:00:00Z");

        SavingEstimate s = SavingEstimate.of(2, 0.15, at2200, TOKYO, AutoOffMode.FORCE, Optional.of(LocalTime.of(22, 0)));

        assertThat(s.subnetsStopped()).isEqualTo(2);
        assertThat(s.hourlyCostStopped()).isEqualByComparingTo("0.30");
        assertThat(s.estimatedSavingUntil()).isEqualTo("2026-11-22T00:00+09:00");
        assertThat(s.estimatedSavingUsd()).isEqualByComparingTo("0.60");
    }

    @Test
    void of_idleAt1400WithNightlyOff_countsOnlyUntilTheNightlyOff() {
        Instant at1400 = Instant.parse("2026-11-21T05:00:00Z");

        SavingEstimate s = SavingEstimate.of(2, 0.15, at1400, TOKYO, AutoOffMode.IDLE, Optional.of(LocalTime.of(22, 0)));

        assertThat(s.estimatedSavingUntil()).isEqualTo("2026-11-21T22:00+09:00");
        assertThat(s.estimatedSavingUsd()).isEqualByComparingTo("2.40");
    }

    @Test
    void of_idleAfterTheNightlyOff_countsUntilMidnight() {
        Instant at2230 = Instant.parse("2026-11-21T13:30:00Z");

        SavingEstimate s = SavingEstimate.of(1, 0.15, at2230, TOKYO, AutoOffMode.IDLE, Optional.of(LocalTime.of(22, 0)));

        assertThat(s.estimatedSavingUntil()).isEqualTo("2026-11-22T00:00+09:00");
        assertThat(s.estimatedSavingUsd()).isEqualByComparingTo("0.23");
    }

    @Test
    void of_nothingStopped_savesNothing() {
        SavingEstimate s = SavingEstimate.of(0, 0.15, Instant.parse("2026-11-21T05:00:00Z"), TOKYO, AutoOffMode.FORCE,
                Optional.empty());

        assertThat(s.hourlyCostStopped()).isEqualByComparingTo("0");
        assertThat(s.estimatedSavingUsd()).isEqualByComparingTo("0");
    }
}
