package dev.switchboard.vpn.portal;

import dev.switchboard.vpn.Connection;
import dev.switchboard.vpn.UsageLedger;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * Everything the page and {@code GET /status} show. Nullable fields are facts that may not exist yet
 * (nobody has turned the VPN on since it was created, no nightly turn-off is configured).
 *
 * @param turnedOnBySub     the token {@code sub} beside {@code turnedOnBy}; null when no token was involved
 * @param subnets           every subnet of {@code TARGET_SUBNET_IDS}, in that order
 * @param activeConnections connections EC2 lists as {@code active} (ended ones are left out)
 * @param nightlyOffAt      the next {@code NIGHTLY_OFF_TIME} in {@code SCHEDULE_TIMEZONE}, or null
 * @param idleMinutes       the idle rule: off after this many minutes with nobody connected; 0 = no idle rule
 * @param hourlyCostUsd     what the VPN costs per hour in its current state (associated and associating subnets)
 * @param plan              what the schedule will really do next (the page's turn-off sentence)
 * @param month             this month's association-hours and cost so far beside always-on (the admin view)
 */
public record VpnStatus(String endpointId, VpnState state, List<SubnetStatus> subnets, String turnedOnBy,
                        String turnedOnBySub, Instant turnedOnAt, String turnedOffBy, String turnedOffBySub,
                        Instant turnedOffAt, List<Connection> activeConnections,
                        Instant nightlyOffAt, int idleMinutes, int graceMinutes, ZoneId timeZone, double hourlyCostUsd,
                        Instant checkedAt, TurnOffPlan plan, UsageLedger.MonthCost month) {

    public VpnStatus {
        subnets = List.copyOf(subnets);
        activeConnections = List.copyOf(activeConnections);
    }

    public List<SubnetStatus> failedSubnets() {
        return subnets.stream().filter(SubnetStatus::failed).toList();
    }

    public List<String> associatedSubnetIds() {
        return subnets.stream().filter(s -> dev.switchboard.vpn.Association.ASSOCIATED.equals(s.status()))
                .map(SubnetStatus::subnetId).toList();
    }
}
