package dev.switchboard.vpn;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * This month's association time, kept where Switchboard already keeps its facts: the endpoint's tags. Every
 * turn-off Switchboard makes adds its on-period (last {@link VpnTags#TURNED_ON_AT} to now, times the subnets it
 * disassociates) to the {@link VpnTags#USAGE} tag in the same CreateTags call as the turn-off's own tags; the
 * period still open is added when reading. Nothing else is needed: no database, no extra permission, and the
 * figure is the functions' own record of what they did.
 *
 * <p>What it cannot see, said wherever it is shown: on-periods started or ended outside Switchboard (the
 * console), the minutes a disassociation takes after the turn-off, months before the ledger's {@code since},
 * and the per-connection charge (Client VPN also bills about USD 0.05 per connection-hour; EC2 lists ended
 * connections for 60 minutes only, so the functions cannot total them).
 *
 * @param month        the month in SCHEDULE_TIMEZONE this record is for
 * @param since        where the record starts: the month's start, or the first on-period recorded in it
 * @param subnetSeconds closed on-periods of the month, in subnet-seconds
 */
public record UsageLedger(YearMonth month, Instant since, long subnetSeconds) {

    private static final Pattern FORMAT = Pattern.compile("(\\d{4}-\\d{2});since=([^;]+);subnet-seconds=(\\d{1,15})");

    /** The record for the month of {@code now}: the tag's when it is this month's, otherwise a new one. */
    public static UsageLedger read(Endpoint endpoint, ZoneId zone, Instant now) {
        YearMonth month = YearMonth.from(now.atZone(zone));
        Instant monthStart = month.atDay(1).atStartOfDay(zone).toInstant();
        Optional<UsageLedger> tagged = endpoint.tag(VpnTags.USAGE).flatMap(UsageLedger::parse);
        if (tagged.isPresent() && tagged.get().month().equals(month)) {
            return tagged.get();
        }
        // A record of an earlier month means the ledger was kept then: this month's starts at its first instant.
        // With no record at all, it starts with the first on-period it learns of.
        Instant since = tagged.isPresent() ? monthStart
                : endpoint.turnedOnAndNotOff().filter(on -> on.isAfter(monthStart)).orElse(now);
        return new UsageLedger(month, since.isBefore(monthStart) ? monthStart : since, 0);
    }

    /** This month so far as the endpoint's tags and its target associations billed now say it. */
    public static MonthCost soFar(Endpoint endpoint, java.util.List<Association> associations, VpnSettings settings,
                                  Instant now) {
        int open = (int) associations.stream().filter(a -> settings.subnetIds().contains(a.subnetId()))
                .filter(a -> a.onOrTurningOn() || a.inProgress()).count();
        return read(endpoint, settings.timeZone(), now)
                .cost(endpoint, open, settings.subnetIds().size(), settings.hourlyPricePerSubnet(), now);
    }

    static Optional<UsageLedger> parse(String text) {
        Matcher m = FORMAT.matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new UsageLedger(YearMonth.parse(m.group(1)), Instant.parse(m.group(2)),
                    Long.parseLong(m.group(3))));
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    /** The tag's value. */
    public String tagValue() {
        return month + ";since=" + since + ";subnet-seconds=" + subnetSeconds;
    }

    /** This record with the on-period from {@code onAt} to {@code offAt} of {@code subnets} subnets added (clipped to it). */
    public UsageLedger withPeriod(Instant onAt, Instant offAt, int subnets) {
        return new UsageLedger(month, since, subnetSeconds + clipped(onAt, offAt) * subnets);
    }

    /** Seconds of [onAt, offAt] inside this record; an unknown turn-on (null) counts nothing rather than a guess. */
    private long clipped(Instant onAt, Instant offAt) {
        if (onAt == null) {
            return 0;
        }
        Instant from = onAt.isBefore(since) ? since : onAt;
        return offAt.isAfter(from) ? Duration.between(from, offAt).getSeconds() : 0;
    }

    /**
     * What the month cost so far, the open on-period included ({@code openSubnets} subnets billed now, since the
     * last turn-on), beside what keeping {@code targetSubnets} associated all along since {@link #since} would have.
     */
    public MonthCost cost(Endpoint endpoint, int openSubnets, int targetSubnets, double hourlyPrice, Instant now) {
        long open = openSubnets == 0 ? 0
                : endpoint.turnedOnAndNotOff().map(on -> clipped(on, now) * openSubnets).orElse(0L);
        long alwaysOn = Math.max(0, Duration.between(since, now).getSeconds()) * targetSubnets;
        return new MonthCost(month.toString(), since.toString(), hours(subnetSeconds + open), usd(subnetSeconds + open, hourlyPrice),
                hours(alwaysOn), usd(alwaysOn, hourlyPrice));
    }

    /** To the hundredth, like the cost in cents: at tenths the first minutes read "0.0 hours" beside "USD 0.01". */
    private static BigDecimal hours(long subnetSeconds) {
        return BigDecimal.valueOf(subnetSeconds).divide(BigDecimal.valueOf(3600), 2, RoundingMode.HALF_UP);
    }

    private static BigDecimal usd(long subnetSeconds, double hourlyPrice) {
        return BigDecimal.valueOf(hourlyPrice).multiply(BigDecimal.valueOf(subnetSeconds))
                .divide(BigDecimal.valueOf(3600), 2, RoundingMode.HALF_UP);
    }

    /**
     * This month so far, from the ledger. Association charges only: the per-connection charge is not included.
     *
     * @param since              where the record starts (the month's start once a whole month has been recorded)
     * @param associationHours   subnet-hours associated since then
     * @param alwaysOnHours      subnet-hours had every target subnet stayed associated since then
     */
    public record MonthCost(String month, String since, BigDecimal associationHours, BigDecimal costUsd,
                            BigDecimal alwaysOnHours, BigDecimal alwaysOnCostUsd) {
    }
}
