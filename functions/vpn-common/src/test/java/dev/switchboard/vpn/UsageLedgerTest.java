package dev.switchboard.vpn;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The month's association time as the endpoint's tags record it (Asia/Tokyo months). */
class UsageLedgerTest {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    /** 2026-12-10 09:00 in Tokyo. */
    private static final Instant NOW = Instant.parse("2026-12-10T00:00:00Z");
    private static final Instant MONTH_START = Instant.parse("2026-11-30T15:00:00Z");

    @Test
    void read_noRecordYet_startsAtTheOpenTurnOnAndCountsItWhileOn() {
        Endpoint e = endpoint(Map.of(VpnTags.TURNED_ON_AT, "2026-12-09T23:00:00Z"));

        UsageLedger ledger = UsageLedger.read(e, TOKYO, NOW);
        UsageLedger.MonthCost cost = ledger.cost(e, 2, 2, 0.15, NOW);

        assertThat(ledger.since()).isEqualTo(Instant.parse("2026-12-09T23:00:00Z"));
        assertThat(cost.associationHours()).isEqualByComparingTo("2.0");
        assertThat(cost.costUsd()).isEqualByComparingTo("0.30");
        assertThat(cost.alwaysOnHours()).isEqualByComparingTo("2.0");
    }

    @Test
    void withPeriod_addsTheClosedOnPeriodTimesSubnets_andRoundTripsThroughTheTag() {
        Endpoint e = endpoint(Map.of(VpnTags.USAGE, "2026-12;since=" + MONTH_START + ";subnet-seconds=7200"));

        UsageLedger closed = UsageLedger.read(e, TOKYO, NOW)
                .withPeriod(Instant.parse("2026-12-09T23:00:00Z"), NOW, 2);

        assertThat(closed.subnetSeconds()).isEqualTo(7200 + 2 * 3600);
        assertThat(UsageLedger.parse(closed.tagValue())).contains(closed);
        UsageLedger.MonthCost cost = closed.cost(e, 0, 2, 0.15, NOW);
        assertThat(cost.month()).isEqualTo("2026-12");
        assertThat(cost.associationHours()).isEqualByComparingTo("4.0");
        assertThat(cost.costUsd()).isEqualByComparingTo("0.60");
        // Always on since the 1st, 00:00 Tokyo: 9 days and 9 hours, two subnets.
        assertThat(cost.alwaysOnHours()).isEqualByComparingTo(String.valueOf(2 * (9 * 24 + 9)) + ".0");
        assertThat(cost.alwaysOnCostUsd()).isEqualByComparingTo("67.50");
    }

    @Test
    void read_recordOfLastMonth_startsThisMonthAtZeroFromItsFirstInstant() {
        Endpoint e = endpoint(Map.of(VpnTags.USAGE, "2026-11;since=2026-10-31T15:00:00Z;subnet-seconds=999999"));

        UsageLedger ledger = UsageLedger.read(e, TOKYO, NOW);

        assertThat(ledger.month()).isEqualTo(YearMonth.of(2026, 12));
        assertThat(ledger.since()).isEqualTo(MONTH_START);
        assertThat(ledger.subnetSeconds()).isZero();
    }

    @Test
    void withPeriod_turnedOnLastMonth_countsOnlyThisMonthsPart() {
        Endpoint e = endpoint(Map.of(VpnTags.USAGE, "2026-11;since=2026-10-31T15:00:00Z;subnet-seconds=5"));

        UsageLedger closed = UsageLedger.read(e, TOKYO, MONTH_START.plusSeconds(600))
                .withPeriod(MONTH_START.minusSeconds(3600), MONTH_START.plusSeconds(600), 1);

        assertThat(closed.subnetSeconds()).isEqualTo(600);
    }

    @Test
    void withPeriod_unknownTurnOn_countsNothingRatherThanGuess() {
        Endpoint e = endpoint(Map.of(VpnTags.USAGE, "2026-12;since=" + MONTH_START + ";subnet-seconds=60"));

        assertThat(UsageLedger.read(e, TOKYO, NOW).withPeriod(null, NOW, 2).subnetSeconds()).isEqualTo(60);
    }

    @Test
    void read_tagEditedByHand_isIgnored() {
        Endpoint e = endpoint(Map.of(VpnTags.USAGE, "lots", VpnTags.TURNED_OFF_AT, "2026-12-01T00:00:00Z"));

        UsageLedger ledger = UsageLedger.read(e, TOKYO, NOW);

        assertThat(ledger.subnetSeconds()).isZero();
        assertThat(ledger.since()).isEqualTo(NOW);
    }

    @Test
    void cost_offNow_countsNoOpenPeriodEvenIfTheLastTurnOnHasNoTurnOff() {
        Endpoint e = endpoint(Map.of(VpnTags.USAGE, "2026-12;since=" + MONTH_START + ";subnet-seconds=3600",
                VpnTags.TURNED_ON_AT, "2026-12-09T20:00:00Z"));

        assertThat(UsageLedger.read(e, TOKYO, NOW).cost(e, 0, 1, 0.15, NOW).associationHours())
                .isEqualByComparingTo("1.0");
    }

    private static Endpoint endpoint(Map<String, String> tags) {
        return new Endpoint("cvpn-endpoint-0123456789abcdef0", "available", new HashMap<>(tags));
    }
}
