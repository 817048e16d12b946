package dev.switchboard.vpn.autooff;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * What turning subnets off stops from accruing. The per-hour figure is exact (every associated subnet is
 * billed every hour). When the VPN will next be turned on is unknowable, so the estimate is deliberately
 * short: until the end of the current day in SCHEDULE_TIMEZONE, or, for an idle turn-off, until the nightly
 * turn-off if that comes first (it would have stopped the cost then anyway). It assumes nobody turns the
 * VPN back on before then.
 *
 * @param subnetsStopped         associations this run disassociated (or would, in a dry run)
 * @param hourlyPriceUsd         HOURLY_PRICE_USD, one subnet for one hour
 * @param hourlyCostStopped      subnets × price
 * @param estimatedSavingUntil   the end of the horizon, in SCHEDULE_TIMEZONE (ISO-8601 with offset)
 * @param estimatedSavingUsd     hourly cost × hours until then, rounded to cents
 */
public record SavingEstimate(int subnetsStopped, BigDecimal hourlyPriceUsd, BigDecimal hourlyCostStopped,
                             String estimatedSavingUntil, BigDecimal estimatedSavingUsd) {

    static SavingEstimate of(int subnets, double hourlyPrice, Instant now, ZoneId zone, AutoOffMode mode,
                             Optional<LocalTime> nightlyOffTime) {
        ZonedDateTime local = now.atZone(zone);
        ZonedDateTime until = local.toLocalDate().plusDays(1).atStartOfDay(zone);
        if (mode == AutoOffMode.IDLE && nightlyOffTime.isPresent()) {
            ZonedDateTime nightly = local.toLocalDate().atTime(nightlyOffTime.get()).atZone(zone);
            if (nightly.isAfter(local) && nightly.isBefore(until)) {
                until = nightly;
            }
        }
        BigDecimal price = BigDecimal.valueOf(hourlyPrice);
        BigDecimal hourly = price.multiply(BigDecimal.valueOf(subnets));
        BigDecimal hours = BigDecimal.valueOf(Duration.between(now, until.toInstant()).getSeconds())
                .divide(BigDecimal.valueOf(3600), 6, RoundingMode.HALF_UP);
        BigDecimal saving = hourly.multiply(hours).setScale(2, RoundingMode.HALF_UP);
        return new SavingEstimate(subnets, price, hourly.stripTrailingZeros(), until.toOffsetDateTime().toString(), saving);
    }
}
